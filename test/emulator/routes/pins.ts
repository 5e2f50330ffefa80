// /v1/pins and /v1/jobs (contract §6 Pins, §5 idempotency, §4 quota).
import type { FastifyInstance } from 'fastify';

import { permits, requireAccount } from '../auth';
import { notFound, validation } from '../errors';
import type { Emulator } from '../emulator';
import { pinEvent } from '../activity';
import { INVALID_JSON, json, route, type Ctx } from '../http';
import type { Pin, PinStatus } from '../state';
import { sortBy } from '../sorting';
import { pageQuery, queryBool, queryOneOf, queryStr, queryTime, validatePinLike, Validator } from '../validate';

const STATUSES: PinStatus[] = ['queued', 'deferred', 'publishing', 'published', 'failed'];
/** §8.3: the sort values of GET /v1/pins; anything else is 422. */
export const PIN_SORTS = [
	'created_at_desc',
	'created_at_asc',
	'published_at_desc',
	'published_at_asc',
	'title_asc',
	'title_desc',
	'status_asc',
	'status_desc',
] as const;

export function jsonBody(ctx: Ctx): unknown {
	if (ctx.body === INVALID_JSON)
		throw validation([{ loc: ['body', 0], msg: 'JSON decode error', type: 'json_invalid' }]);
	if (ctx.body === undefined)
		throw validation([{ loc: ['body'], msg: 'Field required', type: 'missing' }]);
	return ctx.body;
}

export function getPin(ctx: Ctx, id: string): Pin {
	const pin = ctx.emu.store.pins.get(id);
	if (!pin || pin.workspace_id !== ctx.principal.ws.id) throw notFound('Pin');
	requireAccount(ctx.principal, pin.pinterest_account_id);
	return pin;
}

export function registerPinRoutes(app: FastifyInstance, emu: Emulator): void {
	route(app, emu, 'POST', '/v1/pins', { scope: 'write' }, (ctx) => {
		const ws = ctx.principal.ws;
		const v = new Validator(jsonBody(ctx));
		const input = validatePinLike(v, { idempotency: 'required', runAt: 'none', now: emu.clock.now(), ids: emu.store.ids.format });
		v.throwIfErrors();
		if (input.account_id !== null) requireAccount(ctx.principal, input.account_id);
		const existing = emu.lifecycle.replay(ws, input.idempotency_key!);
		if (existing) {
			// without account_id, the replayed Pin's account must be one the key may act for
			if (input.account_id === null) requireAccount(ctx.principal, existing.pinterest_account_id);
			return json(201, existing);
		}
		const prepared = emu.lifecycle.prepare(ws, input, ctx.principal);
		emu.lifecycle.checkQuota(ws);
		const pin = emu.lifecycle.create(ws, prepared, input.idempotency_key!);
		emu.activity.byRequest(ctx, pinEvent(pin, 'pin.created', 'queued', `Pin "${pin.title}" submitted`));
		return json(201, pin);
	});

	route(app, emu, 'GET', '/v1/pins', { scope: 'read' }, (ctx) => {
		const v = new Validator(ctx.query, ['query']);
		const page = pageQuery(v);
		const accountId = queryStr(v, 'account_id');
		const boardId = queryStr(v, 'board_id');
		const status = queryStr(v, 'status');
		if (status !== null && !STATUSES.includes(status as PinStatus))
			v.add('status', `Input should be ${STATUSES.map((s) => `'${s}'`).join(', ')}`, 'enum', status);
		const since = queryTime(v, 'since');
		const until = queryTime(v, 'until');
		// q: case-insensitive substring of title, description and link URL; % and _ are plain characters (§8.3)
		const q = queryStr(v, 'q')?.toLowerCase() ?? null;
		const sort = queryOneOf(v, 'sort', PIN_SORTS) ?? 'created_at_desc';
		const errorCode = queryStr(v, 'error_code');
		const removed = queryBool(v, 'removed');
		v.throwIfErrors();
		if (accountId) requireAccount(ctx.principal, accountId);
		const p = ctx.principal;
		const matches: Pin[] = [];
		const all = p.ws.pins;
		for (let i = all.length - 1; i >= 0; i--) {
			const pin = all[i];
			if (accountId && pin.pinterest_account_id !== accountId) continue;
			if (!permits(p, pin.pinterest_account_id)) continue;
			if (boardId && pin.board_id !== boardId) continue;
			if (status && pin.status !== status) continue;
			if (errorCode && pin.error_code !== errorCode) continue;
			if (removed !== null && (pin.removed_from_pinterest_at !== null) !== removed) continue;
			if (since !== null || until !== null) {
				const t = Date.parse(pin.created_at);
				if (since !== null && t < since) continue;
				if (until !== null && t >= until) continue; // since inclusive, until exclusive (§8.3)
			}
			if (q && !`${pin.title}\n${pin.description ?? ''}\n${pin.link_url ?? ''}`.toLowerCase().includes(q)) continue;
			matches.push(pin);
		}
		const sorted = sortBy(matches, sort, { created_at: (p) => p.created_at, published_at: (p) => p.published_at, title: (p) => p.title, status: (p) => p.status });
		return json(200, sorted.slice(page.offset, page.offset + page.limit), { 'X-Total-Count': String(sorted.length) });
	});

	route(app, emu, 'GET', '/v1/pins/:id', { scope: 'read' }, (ctx) => json(200, getPin(ctx, ctx.params.id)));

	route(app, emu, 'DELETE', '/v1/pins/:id', { scope: 'destructive' }, (ctx) => {
		const pin = getPin(ctx, ctx.params.id);
		const fromPinterest = String(ctx.query.delete_from_pinterest ?? '').toLowerCase();
		emu.lifecycle.remove(pin);
		emu.activity.byRequest(ctx, pinEvent(pin, 'pin.deleted', 'success', `Pin "${pin.title}" deleted`));
		if (fromPinterest === 'true' || fromPinterest === '1') {
			const removed = pin.pinterest_pin_id !== null;
			return json(200, {
				id: pin.id,
				deleted: true,
				removed_from_pinterest: removed,
				pinterest_pin_id: pin.pinterest_pin_id,
				reason: removed ? null : 'not_published', // §8.3: the API's reason values
			});
		}
		return json(204);
	});

	route(app, emu, 'GET', '/v1/jobs/:pin_id', { scope: 'read' }, (ctx) => {
		const pin = emu.store.pins.get(ctx.params.pin_id);
		if (!pin || pin.workspace_id !== ctx.principal.ws.id) throw notFound('Job');
		requireAccount(ctx.principal, pin.pinterest_account_id);
		const meta = emu.store.pinMeta.get(pin.id)!;
		return json(200, {
			job_id: meta.job_id,
			pin_id: pin.id,
			status: pin.status,
			submitted_at: meta.submitted_at,
			completed_at: meta.completed_at,
			pinterest_pin_id: pin.pinterest_pin_id,
			error_code: pin.error_code,
			error_message: pin.error_message,
		});
	});
}
