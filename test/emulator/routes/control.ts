// Control surface under /__emulator/ (no auth, not logged, never fault-injected). See README.md.
import type { FastifyInstance } from 'fastify';

import { ApiError } from '../errors';
import type { Emulator } from '../emulator';
import { json, route, type Ctx } from '../http';
import type { Pin, SeedRequest } from '../state';
import { webhookView } from './webhooks';

const C = { scope: null, control: true } as const;

function bad(message: string): ApiError {
	return new ApiError(400, { detail: message });
}

/** `{"to": instant}`: a user moves the clock to a schedule's run_at without working out the seconds (issue 23). */
function msUntil(to: unknown, now: number): number {
	const text = typeof to === 'string' ? to.trim() : '';
	const at = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? Date.parse(text) : NaN;
	if (!Number.isFinite(at)) throw bad('to must be an ISO 8601 instant with an offset, e.g. 2025-03-02T09:00:00Z');
	if (at < now) throw bad(`to must not be before the emulator's now (${new Date(now).toISOString()}): the clock only moves forward`);
	return at - now;
}

function wsFilter(ctx: Ctx): (x: { workspace_id: string }) => boolean {
	const ws = ctx.query.workspace_id;
	return (x) => !ws || x.workspace_id === ws;
}

function controlPin(ctx: Ctx): Pin {
	const pin = ctx.emu.store.pins.get(ctx.params.id);
	if (!pin) throw new ApiError(404, { detail: 'Pin not found' });
	return pin;
}

export function registerControlRoutes(app: FastifyInstance, emu: Emulator): void {
	const P = '/__emulator';

	route(app, emu, 'GET', `${P}`, C, () =>
		json(200, {
			url: emu.baseUrl,
			clock: emu.config.clock,
			now: emu.clock.iso(),
			defaults: emu.defaults,
			latency_ms: emu.config.latencyMs,
			publish_delay_ms: emu.config.publishDelayMs,
			oauth_auto_approve: emu.config.oauthAutoApprove,
		}),
	);

	route(app, emu, 'POST', `${P}/reset`, C, () => {
		emu.reset();
		return json(200, { ok: true, defaults: emu.defaults, now: emu.clock.iso() });
	});

	route(app, emu, 'POST', `${P}/seed`, C, (ctx) => {
		try {
			return json(201, emu.store.seed((ctx.body ?? {}) as SeedRequest));
		} catch (err) {
			throw bad((err as Error).message);
		}
	});

	route(app, emu, 'GET', `${P}/faults`, C, () => json(200, emu.faults.rules));
	route(app, emu, 'POST', `${P}/faults`, C, (ctx) => {
		try {
			return json(201, emu.faults.add(ctx.body as never));
		} catch (err) {
			throw bad((err as Error).message);
		}
	});
	route(app, emu, 'DELETE', `${P}/faults`, C, () => {
		emu.faults.clear();
		return json(204);
	});
	route(app, emu, 'DELETE', `${P}/faults/:id`, C, (ctx) =>
		emu.faults.remove(ctx.params.id) ? json(204) : json(404, { detail: 'Fault not found' }),
	);

	route(app, emu, 'GET', `${P}/latency`, C, () => json(200, { latency_ms: emu.config.latencyMs }));
	route(app, emu, 'PUT', `${P}/latency`, C, (ctx) => {
		const ms = Number((ctx.body as { latency_ms?: unknown })?.latency_ms);
		if (!Number.isFinite(ms) || ms < 0) throw bad('latency_ms must be a number >= 0');
		emu.config.latencyMs = ms;
		return json(200, { latency_ms: ms });
	});

	route(app, emu, 'PUT', `${P}/config`, C, (ctx) => {
		const b = (ctx.body ?? {}) as Record<string, unknown>;
		if (b.publish_delay_ms !== undefined) emu.config.publishDelayMs = Number(b.publish_delay_ms);
		if (b.webhook_timeout_ms !== undefined) emu.config.webhookTimeoutMs = Number(b.webhook_timeout_ms);
		if (b.oauth_auto_approve !== undefined) emu.config.oauthAutoApprove = Boolean(b.oauth_auto_approve);
		if (b.latency_ms !== undefined) emu.config.latencyMs = Number(b.latency_ms);
		if (b.webhook_urls === 'as-sent' || b.webhook_urls === 'normalized') emu.config.webhookUrls = b.webhook_urls;
		else if (b.webhook_urls !== undefined) throw bad("webhook_urls must be 'as-sent' or 'normalized'");
		return json(200, {
			publish_delay_ms: emu.config.publishDelayMs,
			webhook_timeout_ms: emu.config.webhookTimeoutMs,
			oauth_auto_approve: emu.config.oauthAutoApprove,
			latency_ms: emu.config.latencyMs,
			webhook_urls: emu.config.webhookUrls,
		});
	});

	route(app, emu, 'PUT', `${P}/oauth`, C, (ctx) => {
		emu.config.oauthAutoApprove = Boolean((ctx.body as { auto_approve?: unknown })?.auto_approve);
		return json(200, { auto_approve: emu.config.oauthAutoApprove });
	});

	route(app, emu, 'GET', `${P}/clock`, C, () =>
		json(200, { now: emu.clock.iso(), epoch_ms: emu.clock.now(), mode: emu.config.clock, pending_timers: emu.scheduler.size }),
	);
	route(app, emu, 'POST', `${P}/clock/advance`, C, async (ctx) => {
		const b = (ctx.body ?? {}) as { seconds?: unknown; ms?: unknown; to?: unknown };
		const ms = b.to !== undefined ? msUntil(b.to, emu.clock.now()) : b.ms !== undefined ? Number(b.ms) : Number(b.seconds) * 1000;
		if (!Number.isFinite(ms) || ms < 0) throw bad('seconds (or ms) must be a number >= 0');
		await emu.scheduler.advance(ms);
		return json(200, { now: emu.clock.iso(), epoch_ms: emu.clock.now() });
	});
	route(app, emu, 'POST', `${P}/clock/flush`, C, async () => {
		await emu.scheduler.flush(true);
		return json(200, { now: emu.clock.iso(), epoch_ms: emu.clock.now() });
	});

	route(app, emu, 'GET', `${P}/pins`, C, (ctx) => json(200, [...emu.store.pins.values()].filter(wsFilter(ctx))));
	route(app, emu, 'POST', `${P}/pins/:id/publish`, C, async (ctx) => {
		const pin = controlPin(ctx);
		emu.lifecycle.publish(pin);
		await emu.scheduler.flush(true);
		return json(200, pin);
	});
	route(app, emu, 'POST', `${P}/pins/:id/fail`, C, async (ctx) => {
		const pin = controlPin(ctx);
		const b = (ctx.body ?? {}) as { error_code?: string; error_message?: string };
		emu.lifecycle.fail(pin, b.error_code ?? 'pinterest_error', b.error_message ?? 'Pinterest rejected the pin (emulated)');
		await emu.scheduler.flush(true);
		return json(200, pin);
	});
	// Someone deletes a published pin on Pinterest itself: it stays `published` with removed_from_pinterest_at (§8.3).
	route(app, emu, 'POST', `${P}/pins/:id/remove-on-pinterest`, C, (ctx) => {
		const pin = controlPin(ctx);
		if (pin.status !== 'published') throw bad('only a published pin can be removed on Pinterest');
		pin.removed_from_pinterest_at = pin.removed_from_pinterest_at ?? emu.clock.iso();
		pin.updated_at = emu.clock.iso();
		return json(200, pin);
	});
	route(app, emu, 'GET', `${P}/schedules`, C, (ctx) => json(200, [...emu.store.schedules.values()].filter(wsFilter(ctx))));
	route(app, emu, 'GET', `${P}/webhooks`, C, (ctx) =>
		json(
			200,
			[...emu.store.webhooks.values()].filter(wsFilter(ctx)).map(webhookView),
		),
	);
	route(app, emu, 'GET', `${P}/deliveries`, C, (ctx) => {
		const pinId = ctx.query.pin_id;
		const webhookId = ctx.query.webhook_id;
		return json(
			200,
			[...emu.store.deliveries.values()]
				.filter(wsFilter(ctx))
				.filter((d) => (!pinId || d.pin_id === pinId) && (!webhookId || d.webhook_id === webhookId)),
		);
	});
	route(app, emu, 'POST', `${P}/deliveries/:id/resend`, C, async (ctx) => {
		const delivery = emu.store.deliveries.get(ctx.params.id);
		if (!delivery) throw new ApiError(404, { detail: 'Delivery not found' });
		const url = (ctx.body as { url?: unknown } | undefined)?.url;
		if (url !== undefined && typeof url !== 'string') throw bad('url must be a string');
		const res = await emu.deliveries.resend(delivery, typeof url === 'string' ? url : undefined);
		return json(200, { status_code: res.status, error: res.error, body: res.body });
	});
	route(app, emu, 'GET', `${P}/requests`, C, (ctx) => {
		const { method, path } = ctx.query as { method?: string; path?: string };
		return json(
			200,
			emu.requestLog.filter((r) => (!method || r.method === method.toUpperCase()) && (!path || r.path === path)),
		);
	});
	route(app, emu, 'DELETE', `${P}/requests`, C, () => {
		emu.requestLog = [];
		return json(204);
	});
	route(app, emu, 'GET', `${P}/counters`, C, () => json(200, emu.counters));
	route(app, emu, 'GET', `${P}/accounts`, C, (ctx) => json(200, [...emu.store.accounts.values()].filter(wsFilter(ctx))));
	route(app, emu, 'GET', `${P}/imports`, C, (ctx) => json(200, [...emu.store.imports.values()].filter(wsFilter(ctx))));
	route(app, emu, 'GET', `${P}/workspaces`, C, () =>
		json(
			200,
			[...emu.store.workspaces.values()].map((w) => ({
				id: w.id,
				plan: w.plan.name,
				billing_active: w.billing_active,
				quota_used: emu.store.quotaUsed(w),
				monthly_pins: w.plan.monthly_pins,
				deferred: [...w.deferred.values()].reduce((n, q) => n + q.length, 0),
			})),
		),
	);
}
