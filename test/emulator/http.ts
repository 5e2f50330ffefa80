/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console */
// Route wrapper: request log, counters, latency, fault injection, auth + scope, error shapes, X-Request-ID.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { authenticate, requireScope, type Principal } from './auth';
import { ApiError, serverError } from './errors';
import type { Emulator } from './emulator';
import type { FaultRule } from './faults';
import type { Scope } from './state';

export const INVALID_JSON = Symbol('invalid-json');

export interface Ctx {
	emu: Emulator;
	req: FastifyRequest;
	params: Record<string, string>;
	query: Record<string, unknown>;
	body: unknown;
	requestId: string;
	/** set on authenticated routes */
	principal: Principal;
}

export interface Reply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	raw?: Buffer | string;
	contentType?: string;
}

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

export interface RouteOptions {
	/** required scope; null = no authentication */
	scope: Scope | null;
	/** control routes are neither logged nor fault-injected */
	control?: boolean;
}

export const json = (status: number, body?: unknown, headers?: Record<string, string>): Reply => ({ status, body, headers });

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface RequestLogEntry {
	seq: number;
	request_id: string;
	time: string;
	method: string;
	path: string;
	query: Record<string, unknown>;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	status: number | 'dropped' | null;
	fault_id: string | null;
}

function redactHeaders(h: FastifyRequest['headers']): Record<string, string | string[] | undefined> {
	const out: Record<string, string | string[] | undefined> = { ...h };
	if (out['x-api-key'] !== undefined) out['x-api-key'] = '<redacted>';
	if (typeof out.authorization === 'string') out.authorization = out.authorization.replace(/^(\S+)\s+.*$/, '$1 <redacted>');
	if (typeof out.cookie === 'string') out.cookie = '<redacted>';
	return out;
}

function faultReply(rule: FaultRule, requestId: string): Reply {
	const status = rule.status ?? 500;
	let body = rule.body;
	if (body === undefined) {
		if (status === 429)
			body = { error: { code: 'rate_limited', message: 'Injected fault', remediation: 'Retry later.', retry_after_seconds: 1 } };
		else if (status >= 500) body = { detail: 'Injected fault', request_id: requestId };
		else body = { detail: 'Injected fault' };
	}
	return { status, body, headers: rule.headers };
}

/** §8.2: the `error` envelope carries the request id (a copy: ApiError bodies may be shared). */
function withRequestId(body: unknown, requestId: string): unknown {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
	const error = (body as { error?: unknown }).error;
	if (!error || typeof error !== 'object' || Array.isArray(error)) return body;
	return { ...body, error: { ...error, request_id: requestId } };
}

export function toReply(err: unknown, requestId: string, emu: Emulator): Reply {
	if (err instanceof ApiError) return { status: err.status, body: withRequestId(err.body, requestId), headers: err.headers };
	console.error('[pinbridge-emulator] handler error', err);
	emu.counters.errors_500++;
	const e = serverError(requestId);
	return { status: e.status, body: e.body };
}

export function send(reply: FastifyReply, res: Reply): FastifyReply {
	reply.code(res.status);
	if (res.headers) for (const [k, v] of Object.entries(res.headers)) reply.header(k, v);
	if (res.raw !== undefined) {
		if (res.contentType) reply.type(res.contentType);
		return reply.send(res.raw);
	}
	if (res.body === undefined || res.status === 204) return reply.send();
	return reply.send(res.body);
}

/** §9.1.5/§9.1.6: headers PinBridge's quick-start page does not show, left out by the documented profile. */
const OPTIONAL_HEADERS = new Set(['date', 'x-total-count', 'x-request-id']);

function withoutOptionalHeaders(res: Reply): Reply {
	if (!res.headers) return res;
	const headers = Object.fromEntries(Object.entries(res.headers).filter(([k]) => !OPTIONAL_HEADERS.has(k.toLowerCase())));
	return { ...res, headers };
}

function drop(req: FastifyRequest, reply: FastifyReply): FastifyReply {
	reply.hijack();
	req.raw.socket.destroy();
	return reply;
}

/** Counts the request in flight until its response is finished or its socket closes (also for dropped requests). */
function trackInFlight(emu: Emulator, routeKey: string, reply: FastifyReply): void {
	const counters = emu.counters; // a reset() while the request runs must not touch the new counters
	const now = (counters.in_flight_by_route[routeKey] ?? 0) + 1;
	counters.in_flight_by_route[routeKey] = now;
	counters.max_in_flight_by_route[routeKey] = Math.max(counters.max_in_flight_by_route[routeKey] ?? 0, now);
	let done = false;
	const end = () => {
		if (done) return;
		done = true;
		counters.in_flight_by_route[routeKey] = (counters.in_flight_by_route[routeKey] ?? 1) - 1;
	};
	reply.raw.once('finish', end);
	reply.raw.once('close', end);
}

export function route(
	app: FastifyInstance,
	emu: Emulator,
	method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
	url: string,
	opts: RouteOptions,
	handler: Handler,
): void {
	const routeKey = `${method} ${url}`;
	app.route({
		method,
		url,
		handler: async (req, reply) => {
			const requestId = req.id;
			const path = req.url.split('?', 1)[0];
			let entry: RequestLogEntry | null = null;
			let fault: FaultRule | null = null;
			const started = Date.now();
			if (!opts.control) {
				emu.counters.requests_total++;
				emu.counters.requests_by_route[routeKey] = (emu.counters.requests_by_route[routeKey] ?? 0) + 1;
				trackInFlight(emu, routeKey, reply);
				entry = emu.logRequest(req, path, redactHeaders(req.headers));
				fault = emu.faults.match(method, path, emu.rng.faults);
				if (fault) entry.fault_id = fault.id;
				const latency = emu.config.latencyMs + (fault?.latencyMs ?? 0);
				if (latency > 0) await sleep(latency);
				if (fault?.mode === 'drop') {
					entry.status = 'dropped';
					return drop(req, reply);
				}
			}
			let res: Reply;
			if (fault?.mode === 'respond') res = faultReply(fault, requestId);
			else {
				try {
					const ctx: Ctx = {
						emu,
						req,
						params: (req.params ?? {}) as Record<string, string>,
						query: (req.query ?? {}) as Record<string, unknown>,
						body: req.body,
						requestId,
						principal: undefined as unknown as Principal,
					};
					if (opts.scope) {
						ctx.principal = authenticate(emu, req.headers);
						requireScope(ctx.principal, opts.scope);
					}
					res = await handler(ctx);
				} catch (err) {
					res = toReply(err, requestId, emu);
				}
			}
			if (fault?.mode === 'commit-then-drop') {
				if (entry) entry.status = 'dropped';
				return drop(req, reply);
			}
			if (entry) entry.status = res.status;
			if (emu.documented) res = withoutOptionalHeaders(res);
			// Date from the emulator's clock, the one its created_at/updated_at come from (a real server's are one clock too).
			else reply.header('date', new Date(emu.clock.now()).toUTCString());
			if (emu.config.logRequests && !opts.control)
				console.log(`[pinbridge-emulator] ${method} ${req.url} -> ${res.status} (${Date.now() - started} ms)`);
			return send(reply, res);
		},
	});
}
