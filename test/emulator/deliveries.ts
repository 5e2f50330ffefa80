/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Webhook deliveries (contract §7): signed POSTs, at-least-once with exponential backoff on the emulator clock.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

import type { Emulator } from './emulator';
import type { Delivery, Pin, WebhookEvent } from './state';

const DAY_MS = 24 * 3600 * 1000;
const MAX_BACKOFF_MS = 3600 * 1000;

export function sign(secret: string, body: string | Buffer): string {
	return createHmac('sha256', Buffer.from(secret, 'utf8')).update(body).digest('hex');
}

/** Backoff after the n-th failed attempt (1-based): 1 s, 2 s, 4 s … capped at 1 h. */
export function backoffMs(attempt: number): number {
	return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempt - 1, 30));
}

interface PostResult {
	status: number | null;
	error: string | null;
	/** The receiver's answer (text). */
	body: string;
}

function post(url: string, headers: Record<string, string>, body: Buffer, timeoutMs: number): Promise<PostResult> {
	return new Promise((resolve) => {
		let done = false;
		const finish = (r: PostResult) => {
			if (!done) {
				done = true;
				clearTimeout(timer);
				resolve(r);
			}
		};
		let u: URL;
		try {
			u = new URL(url);
		} catch {
			return resolve({ status: null, error: 'invalid url', body: '' });
		}
		const lib = u.protocol === 'https:' ? https : http;
		const req = lib.request(
			u,
			{ method: 'POST', agent: false, headers: { ...headers, 'content-length': String(body.length) } },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				const answer = () => Buffer.concat(chunks).toString('utf8');
				res.on('end', () => finish({ status: res.statusCode ?? null, error: null, body: answer() }));
				res.on('error', (e) => finish({ status: res.statusCode ?? null, error: e.message, body: answer() }));
			},
		);
		const timer = setTimeout(() => {
			finish({ status: null, error: `timeout after ${timeoutMs} ms`, body: '' });
			req.destroy();
		}, timeoutMs);
		req.on('error', (e) => finish({ status: null, error: e.message, body: '' }));
		req.end(body);
	});
}

/** The headers of every attempt: event, delivery id, and the signature of the exact body bytes. */
function signedHeaders(d: Delivery, secret: string, body: Buffer): Record<string, string> {
	return {
		'content-type': 'application/json',
		'user-agent': 'PinBridge-Webhooks/emulator',
		'x-pinbridge-event': d.event,
		'x-pinbridge-delivery-id': d.id,
		'x-pinbridge-signature': sign(secret, body),
	};
}

export class Deliverer {
	constructor(private readonly emu: Emulator) {}

	emit(pin: Pin, event: WebhookEvent): void {
		const store = this.emu.store;
		const now = this.emu.clock.now();
		for (const wh of store.webhooks.values()) {
			if (wh.workspace_id !== pin.workspace_id || !wh.is_enabled || !wh.events.includes(event)) continue;
			const id = store.id('delivery');
			const body = JSON.stringify(
				this.emu.documented
					? // §9.1.2: the quick-start page's delivery holds exactly these four; the rest is in the headers.
						{ event, pin_id: pin.id, board_id: pin.board_id, status: pin.status }
					: {
							event,
							delivery_id: id,
							occurred_at: this.emu.clock.iso(now),
							pin_id: pin.id,
							account_id: pin.pinterest_account_id,
							board_id: pin.board_id,
							status: pin.status,
							pinterest_pin_id: pin.pinterest_pin_id,
							error_code: pin.error_code,
							error_message: pin.error_message,
						},
			);
			const d: Delivery = {
				id,
				webhook_id: wh.id,
				workspace_id: wh.workspace_id,
				event,
				pin_id: pin.id,
				url: wh.url,
				body,
				status: 'pending',
				attempts: [],
				next_attempt_at: this.emu.clock.iso(now),
				created_at: this.emu.clock.iso(now),
			};
			store.deliveries.set(id, d);
			this.emu.counters.deliveries_created++;
			this.emu.scheduler.at(now, () => this.attempt(d));
		}
	}

	async attempt(d: Delivery): Promise<void> {
		if (d.status !== 'pending') return;
		const wh = this.emu.store.webhooks.get(d.webhook_id);
		if (!wh || !wh.is_enabled) {
			d.status = 'failed';
			d.next_attempt_at = null;
			return;
		}
		const startedMs = this.emu.clock.now();
		const n = d.attempts.length + 1;
		const body = Buffer.from(d.body, 'utf8');
		d.url = wh.url;
		this.emu.counters.delivery_attempts++;
		const t0 = Date.now();
		const res = await post(wh.url, signedHeaders(d, wh.secret, body), body, this.emu.config.webhookTimeoutMs);
		d.attempts.push({
			attempt: n,
			at: this.emu.clock.iso(startedMs),
			status_code: res.status,
			error: res.error ?? (res.status !== null && (res.status < 200 || res.status > 299) ? `HTTP ${res.status}` : null),
			duration_ms: Date.now() - t0,
		});
		if (res.status !== null && res.status >= 200 && res.status <= 299) {
			d.status = 'delivered';
			d.next_attempt_at = null;
			return;
		}
		const next = startedMs + backoffMs(n);
		if (next > Date.parse(d.created_at) + DAY_MS) {
			d.status = 'failed';
			d.next_attempt_at = null;
			return;
		}
		d.next_attempt_at = this.emu.clock.iso(next);
		this.emu.scheduler.at(next, () => this.attempt(d));
	}

	/**
	 * PinBridge delivering `d` once more, as its retries do (at least once, §7): the same body bytes and delivery id,
	 * signed with the webhook's current secret, to `url` (default: the webhook's URL; another URL stands for a load
	 * balancer sending the retry to another receiver). Not recorded as an attempt, and the delivery's status is left
	 * as it is: tests use it to replay a delivery on purpose and read the receiver's answer.
	 */
	async resend(d: Delivery, url?: string): Promise<PostResult> {
		const wh = this.emu.store.webhooks.get(d.webhook_id);
		if (!wh) return { status: null, error: 'webhook deleted', body: '' };
		const body = Buffer.from(d.body, 'utf8');
		return await post(url ?? wh.url, signedHeaders(d, wh.secret, body), body, this.emu.config.webhookTimeoutMs);
	}
}
