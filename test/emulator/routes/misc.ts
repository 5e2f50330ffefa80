// Health, rate meter, API keys.
import type { FastifyInstance } from 'fastify';

import type { ActivityEvent } from '../activity';
import { requireAccount, requireScope } from '../auth';
import { notFound } from '../errors';
import type { Emulator } from '../emulator';
import { json, route } from '../http';
import { ALL_SCOPES, type ApiKey, type Scope } from '../state';
import { Validator } from '../validate';
import { jsonBody } from './pins';

export const EMULATOR_VERSION = '0.1.0-emulator';

const round = (n: number) => Math.round(n * 1000) / 1000;

function keyView(k: ApiKey) {
	return {
		id: k.id,
		name: k.name,
		prefix: k.prefix,
		scopes: k.scopes,
		pinterest_account_ids: k.pinterest_account_ids,
		created_at: k.created_at,
		last_used_at: k.last_used_at,
		// §8.1 (1.31+): where the key came from; [decided] keys made here are `api`, with no OAuth client or user
		source: 'api',
		client_name: null,
		authorized_by_email: null,
	};
}

const keyEvent = (k: ApiKey, action: string): ActivityEvent => ({
	action,
	category: 'security',
	resource_type: 'api_key',
	resource_id: k.id,
	status: 'success',
	message: `API key "${k.name}" ${action.split('.')[1]}`,
	metadata: { scopes: k.scopes, prefix: k.prefix },
});

export function registerMiscRoutes(app: FastifyInstance, emu: Emulator): void {
	route(app, emu, 'GET', '/healthz', { scope: null }, () =>
		json(200, { status: 'ok', version: EMULATOR_VERSION, environment: 'emulator' }),
	);

	route(app, emu, 'GET', '/v1/rate-meter', { scope: 'read' }, (ctx) => {
		const v = new Validator(ctx.query, ['query']);
		const accountId = v.str('account_id', { id: emu.store.ids.format });
		v.throwIfErrors();
		const ws = ctx.principal.ws;
		const now = emu.clock.now();
		const global = {
			tokens_available: round(ws.globalBucket.available(now)),
			capacity: ws.globalBucket.capacity,
			refill_rate: ws.globalBucket.refillPerSecond,
		};
		// §9.1.4: the quick-start page asks without account_id; then only the workspace's global bucket is read.
		if (accountId === null) return json(200, { global });
		requireAccount(ctx.principal, accountId);
		const acct = emu.store.accounts.get(accountId);
		if (!acct || acct.workspace_id !== ws.id) throw notFound('Pinterest account');
		const bucket = emu.store.accountBucket(ws, acct.id);
		return json(200, {
			account: {
				account_id: acct.id,
				tokens_available: round(bucket.available(now)),
				capacity: bucket.capacity,
				refill_rate: bucket.refillPerSecond,
			},
			global,
		});
	});

	// [decided] creating keys needs 'write'; a key can't grant scopes its creator lacks (403 insufficient_scope);
	// default scopes = ["read", "write"].
	route(app, emu, 'POST', '/v1/api-keys', { scope: 'write' }, (ctx) => {
		const ws = ctx.principal.ws;
		const v = new Validator(jsonBody(ctx));
		const name = v.str('name', { required: true, min: 1, max: 100 });
		const scopes = v.strList('scopes', { oneOf: ALL_SCOPES }) as Scope[] | null;
		const ids = v.strList('pinterest_account_ids');
		if (ids)
			ids.forEach((id, i) => {
				const a = emu.store.accounts.get(id);
				if (!a || a.workspace_id !== ws.id)
					v.add(['pinterest_account_ids', i], 'Value error, Pinterest account not found', 'value_error', id);
			});
		v.throwIfErrors();
		const wanted = scopes ?? ['read', 'write'];
		for (const s of wanted) requireScope(ctx.principal, s);
		if (ids) for (const id of ids) requireAccount(ctx.principal, id);
		const narrowed = ids ?? (ctx.principal.accountIds ? [...ctx.principal.accountIds] : null);
		const key = emu.store.createApiKey(ws, name!, wanted, narrowed);
		emu.activity.byRequest(ctx, keyEvent(key, 'api_key.created'));
		return json(201, { ...keyView(key), api_key: key.key });
	});

	route(app, emu, 'GET', '/v1/api-keys', { scope: 'read' }, (ctx) =>
		json(
			200,
			[...emu.store.apiKeys.values()].filter((k) => k.workspace_id === ctx.principal.ws.id).map(keyView),
		),
	);

	// §8.1 / §8.14 item 12: PATCH takes `scopes` ([decided] and `name`); no scope beyond the caller's (403).
	route(app, emu, 'PATCH', '/v1/api-keys/:id', { scope: 'write' }, (ctx) => {
		const k = emu.store.apiKeys.get(ctx.params.id);
		if (!k || k.workspace_id !== ctx.principal.ws.id) throw notFound('API key');
		const v = new Validator(jsonBody(ctx));
		const name = v.str('name', { min: 1, max: 100 });
		const scopes = v.strList('scopes', { oneOf: ALL_SCOPES }) as Scope[] | null;
		if (v.ok && name === null && scopes === null) v.add([], 'Value error, send name or scopes', 'value_error');
		v.throwIfErrors();
		for (const s of scopes ?? []) requireScope(ctx.principal, s);
		if (name !== null) k.name = name;
		if (scopes !== null) k.scopes = ALL_SCOPES.filter((s) => scopes.includes(s));
		emu.activity.byRequest(ctx, keyEvent(k, 'api_key.updated'));
		return json(200, keyView(k));
	});

	route(app, emu, 'DELETE', '/v1/api-keys/:id', { scope: 'destructive' }, (ctx) => {
		const k = emu.store.apiKeys.get(ctx.params.id);
		if (!k || k.workspace_id !== ctx.principal.ws.id) throw notFound('API key');
		emu.store.apiKeys.delete(k.id);
		emu.store.keyIndex.delete(k.key);
		emu.activity.byRequest(ctx, keyEvent(k, 'api_key.revoked'));
		return json(204);
	});
}
