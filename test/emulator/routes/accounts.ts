// Pinterest accounts (OAuth connect via a fake consent page served here) and related terms; boards: boards.ts.
import type { FastifyInstance } from 'fastify';

import type { ActivityEvent } from '../activity';
import { permits, requireAccount, type Principal } from '../auth';
import { badRequest, envelope, notFound, rateLimited } from '../errors';
import type { Emulator } from '../emulator';
import { json, route } from '../http';
import type { Account, Board, Workspace } from '../state';
import { queryStr, splitTerms, Validator } from '../validate';

const RELATED_SUFFIXES = ['ideas', 'inspiration', 'aesthetic', 'diy', 'for beginners', 'tips', 'recipes', 'outfits'];

function activeAccounts(emu: Emulator, ws: Workspace): Account[] {
	return [...emu.store.accounts.values()].filter((a) => a.workspace_id === ws.id && !a.revoked_at);
}

function checkPlanLimit(emu: Emulator, ws: Workspace): void {
	if (activeAccounts(emu, ws).length >= ws.plan.max_accounts)
		throw envelope(
			403,
			'plan_limit',
			`The ${ws.plan.name} plan allows ${ws.plan.max_accounts} connected Pinterest account(s)`,
			'Upgrade the plan or disconnect an account first.',
			{ upgrade_url: 'https://pinbridge.io/pricing' },
		);
}

const accountEvent = (a: Account, action: string): ActivityEvent => ({
	action,
	category: 'integration',
	resource_type: 'pinterest_account',
	resource_id: a.id,
	status: 'success',
	message: `Pinterest account @${a.username} ${action.split('.')[1]}`,
	metadata: { username: a.username },
});

export const boardEvent = (b: Board, action: string): ActivityEvent => ({
	action,
	category: 'configuration',
	resource_type: 'board',
	resource_id: b.id,
	status: 'success',
	message: `Board "${b.name}" ${action.split('.')[1]}`,
	metadata: { account_id: b.account_id },
});

export function accountFor(emu: Emulator, p: Principal, accountId: string): Account {
	requireAccount(p, accountId);
	const a = emu.store.accounts.get(accountId);
	if (!a || a.workspace_id !== p.ws.id) throw notFound('Pinterest account');
	return a;
}

function html(status: number, body: string) {
	return { status, raw: `<!doctype html><html><body>${body}</body></html>`, contentType: 'text/html; charset=utf-8' };
}

export function registerAccountRoutes(app: FastifyInstance, emu: Emulator): void {
	// [decided] optional ?redirect_uri= : where the consent page sends the browser (default: our own callback).
	route(app, emu, 'GET', '/v1/pinterest/oauth/start', { scope: 'write' }, (ctx) => {
		const ws = ctx.principal.ws;
		checkPlanLimit(emu, ws);
		const state = emu.rng.secrets.hex(16);
		const redirect = queryStr(new Validator(ctx.query, ['query']), 'redirect_uri');
		emu.store.consents.set(state, { state, workspace_id: ws.id, redirect_uri: redirect, code: null, account_id: null });
		const u = new URL(`${emu.baseUrl}/__pinterest/oauth/consent`);
		u.searchParams.set('client_id', 'pinbridge');
		u.searchParams.set('response_type', 'code');
		u.searchParams.set('scope', 'boards:read,boards:write,pins:read,pins:write,user_accounts:read');
		u.searchParams.set('state', state);
		return json(200, { authorization_url: u.toString() });
	});

	// The stand-in for Pinterest's consent screen: opening it connects a NEW fake account and redirects.
	route(app, emu, 'GET', '/__pinterest/oauth/consent', { scope: null }, (ctx) => {
		const state = String(ctx.query.state ?? '');
		const consent = emu.store.consents.get(state);
		if (!consent) return html(400, '<h1>Unknown or expired OAuth state</h1>');
		const ws = emu.store.workspaces.get(consent.workspace_id)!;
		if (!consent.account_id) {
			if (activeAccounts(emu, ws).length >= ws.plan.max_accounts)
				return html(403, '<h1>Plan limit reached: cannot connect another account</h1>');
			const acct = emu.store.createAccount(ws, { boards: 2 });
			emu.activity.record(ws, accountEvent(acct, 'pinterest_account.connected'), {
				actor_type: 'user',
				actor_label: 'Pinterest consent',
				actor_user_id: null,
				request_id: ctx.requestId,
			});
			consent.account_id = acct.id;
			consent.code = emu.rng.secrets.hex(16);
		}
		const target = new URL(consent.redirect_uri ?? `${emu.baseUrl}/v1/pinterest/oauth/callback`);
		target.searchParams.set('code', consent.code!);
		target.searchParams.set('state', state);
		return { status: 302, headers: { location: target.toString() }, raw: '', contentType: 'text/plain' };
	});

	route(app, emu, 'GET', '/v1/pinterest/oauth/callback', { scope: null }, (ctx) => {
		const v = new Validator(ctx.query, ['query']);
		const code = v.str('code', { required: true });
		const state = v.str('state', { required: true });
		v.throwIfErrors();
		const consent = emu.store.consents.get(state!);
		if (!consent || !consent.account_id || consent.code !== code) throw badRequest('Invalid or expired OAuth state or code');
		const acct = emu.store.accounts.get(consent.account_id)!;
		return json(200, {
			status: 'connected',
			message: `Pinterest account @${acct.username} connected`,
			account_id: acct.id,
		});
	});

	// [decided] revoked accounts stay in the list with revoked_at set (reconnect_required false).
	route(app, emu, 'GET', '/v1/pinterest/accounts', { scope: 'read' }, (ctx) =>
		json(
			200,
			[...emu.store.accounts.values()].filter((a) => a.workspace_id === ctx.principal.ws.id && permits(ctx.principal, a.id)),
		),
	);

	route(app, emu, 'DELETE', '/v1/pinterest/accounts/:id', { scope: 'destructive' }, (ctx) => {
		const a = accountFor(emu, ctx.principal, ctx.params.id);
		if (!a.revoked_at) {
			a.revoked_at = emu.clock.iso();
			a.updated_at = a.revoked_at;
			emu.activity.byRequest(ctx, accountEvent(a, 'pinterest_account.disconnected'));
		}
		return json(204);
	});

	// [decided] read allowance: 10 calls, refilling 1 per 6 s per workspace; one call = one unit.
	route(app, emu, 'GET', '/v1/pinterest/terms/related', { scope: 'read' }, (ctx) => {
		const v = new Validator(ctx.query, ['query']);
		const accountId = v.str('account_id', { required: true, id: emu.store.ids.format });
		// §8.16 item 8: `terms` repeated, or one comma-separated value (the node sends `terms=soup,salad`)
		const raw = ctx.query.terms;
		const terms = splitTerms((Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String));
		if (terms.length === 0) v.add('terms', 'Field required', 'missing');
		if (terms.length > 10) v.add('terms', 'List should have at most 10 items after validation', 'too_long');
		const em = queryStr(v, 'exact_match');
		if (em !== null && !['true', 'false', '1', '0'].includes(em.toLowerCase()))
			v.add('exact_match', 'Input should be a valid boolean', 'bool_parsing', em);
		v.throwIfErrors();
		accountFor(emu, ctx.principal, accountId!);
		const ws = ctx.principal.ws;
		const now = emu.clock.now();
		if (!ws.readAllowance.tryTake(now)) throw rateLimited(Math.max(1, Math.ceil(ws.readAllowance.msUntil(now) / 1000)));
		const exact = em !== null && ['true', '1'].includes(em.toLowerCase());
		const list = terms.map((term) => ({
			term,
			related_terms: exact ? [term] : RELATED_SUFFIXES.slice(0, 3 + (term.length % 4)).map((s) => `${term} ${s}`),
		}));
		return json(200, {
			id: emu.store.id('terms'),
			related_term_count: list.reduce((n, t) => n + t.related_terms.length, 0),
			related_terms_list: list,
			exact_match: exact,
		});
	});
}
