// /v1/webhooks CRUD; the secret is write-only.
import type { FastifyInstance } from 'fastify';

import type { ActivityEvent } from '../activity';
import { notFound } from '../errors';
import type { Emulator } from '../emulator';
import { json, route, type Ctx } from '../http';
import { WEBHOOK_EVENTS, type Webhook, type WebhookEvent } from '../state';
import { Validator } from '../validate';
import { jsonBody } from './pins';

export function webhookView(w: Webhook): Omit<Webhook, 'secret'> {
	const out: Partial<Webhook> = { ...w };
	delete out.secret;
	return out as Omit<Webhook, 'secret'>;
}

const webhookEvent = (w: Webhook, action: string): ActivityEvent => ({
	action,
	category: 'integration',
	resource_type: 'webhook',
	resource_id: w.id,
	status: 'success',
	message: `Webhook ${w.url} ${action.split('.')[1]}`,
	metadata: { events: w.events, is_enabled: w.is_enabled },
});

function getWebhook(ctx: Ctx): Webhook {
	const w = ctx.emu.store.webhooks.get(ctx.params.id);
	if (!w || w.workspace_id !== ctx.principal.ws.id) throw notFound('Webhook');
	return w;
}

function validateFields(v: Validator, partial: boolean) {
	const url = v.str('url', { required: !partial, url: true, max: 2048 });
	const secret = v.str('secret', { required: !partial, min: 16, max: 255 });
	const events = v.strList('events', { oneOf: WEBHOOK_EVENTS }) as WebhookEvent[] | null;
	if (events && events.length === 0 && v.errors.every((e) => e.loc[1] !== 'events'))
		v.add('events', 'List should have at least 1 item after validation', 'too_short', []);
	const isEnabled = v.bool('is_enabled');
	return { url, secret, events: events ? [...new Set(events)] : null, isEnabled };
}

/** The URL as stored and echoed (see WebhookUrlStyle); validateFields has checked that it parses. */
function storedUrl(emu: Emulator, url: string): string {
	return emu.config.webhookUrls === 'normalized' ? new URL(url).href : url;
}

export function registerWebhookRoutes(app: FastifyInstance, emu: Emulator): void {
	route(app, emu, 'POST', '/v1/webhooks', { scope: 'write' }, (ctx) => {
		const v = new Validator(jsonBody(ctx));
		const f = validateFields(v, false);
		v.throwIfErrors();
		const iso = emu.clock.iso();
		const w: Webhook = {
			id: emu.store.id('webhook'),
			workspace_id: ctx.principal.ws.id,
			url: storedUrl(emu, f.url!),
			secret: f.secret!,
			events: f.events ?? [...WEBHOOK_EVENTS],
			is_enabled: f.isEnabled ?? true,
			created_at: iso,
			updated_at: iso,
		};
		emu.store.webhooks.set(w.id, w);
		emu.activity.byRequest(ctx, webhookEvent(w, 'webhook.created'));
		return json(201, webhookView(w));
	});

	route(app, emu, 'GET', '/v1/webhooks', { scope: 'read' }, (ctx) =>
		json(200, [...emu.store.webhooks.values()].filter((w) => w.workspace_id === ctx.principal.ws.id).map(webhookView)),
	);

	route(app, emu, 'GET', '/v1/webhooks/:id', { scope: 'read' }, (ctx) => json(200, webhookView(getWebhook(ctx))));

	route(app, emu, 'PATCH', '/v1/webhooks/:id', { scope: 'write' }, (ctx) => {
		const w = getWebhook(ctx);
		const v = new Validator(jsonBody(ctx));
		const f = validateFields(v, true);
		v.throwIfErrors();
		if (f.url) w.url = storedUrl(emu, f.url);
		if (f.secret) w.secret = f.secret;
		if (f.events) w.events = f.events;
		if (f.isEnabled !== null) w.is_enabled = f.isEnabled;
		w.updated_at = emu.clock.iso();
		emu.activity.byRequest(ctx, webhookEvent(w, 'webhook.updated'));
		return json(200, webhookView(w));
	});

	route(app, emu, 'DELETE', '/v1/webhooks/:id', { scope: 'destructive' }, (ctx) => {
		const w = getWebhook(ctx);
		emu.store.webhooks.delete(w.id);
		emu.activity.byRequest(ctx, webhookEvent(w, 'webhook.deleted'));
		return json(204);
	});
}
