// OAuth 2.0 for apps (contract §1 [decided]): authorization code + PKCE (S256 only), refresh tokens.
// [decided] confidential clients (client_secret required, as form fields or HTTP Basic); codes live 10 min and
// are single-use; access tokens live 1 h on the emulator clock; refresh rotates (the old refresh token dies);
// token errors use RFC 6749 bodies {error, error_description}; scopes: read, write (+ destructive if asked).
import { createHash } from 'node:crypto';

import type { FastifyInstance } from 'fastify';

import type { Emulator } from '../emulator';
import { json, route, type Ctx, type Reply } from '../http';
import type { OAuthClient, OAuthToken } from '../state';

const SCOPES = ['read', 'write', 'destructive'];
const ACCESS_TTL_S = 3600;
const CODE_TTL_MS = 10 * 60 * 1000;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(status: number, body: string): Reply {
	return {
		status,
		raw: `<!doctype html><html><head><title>PinBridge emulator</title></head><body>${body}</body></html>`,
		contentType: 'text/html; charset=utf-8',
	};
}

function redirect(to: string, params: Record<string, string | undefined>): Reply {
	const u = new URL(to);
	for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
	return { status: 302, headers: { location: u.toString() }, raw: '', contentType: 'text/plain' };
}

function oauthError(status: number, error: string, description: string): Reply {
	return json(status, { error, error_description: description }, { 'cache-control': 'no-store' });
}

export function pkceChallenge(verifier: string): string {
	return createHash('sha256').update(verifier).digest('base64url');
}

type Params = Record<string, string | undefined>;

function params(ctx: Ctx): Params {
	const src = { ...(ctx.query as Params), ...((ctx.body && typeof ctx.body === 'object' ? ctx.body : {}) as Params) };
	const out: Params = {};
	for (const [k, v] of Object.entries(src)) out[k] = v === undefined || v === null ? undefined : String(v);
	return out;
}

function authorize(emu: Emulator, ctx: Ctx, decision: 'approve' | 'deny' | 'ask'): Reply {
	const p = params(ctx);
	const client = p.client_id ? emu.store.oauthClients.get(p.client_id) : undefined;
	if (!client) return page(400, '<h1>invalid_client</h1><p>Unknown client_id</p>');
	const redirectUri = p.redirect_uri;
	if (!redirectUri || (client.redirect_uris && !client.redirect_uris.includes(redirectUri)))
		return page(400, '<h1>invalid_request</h1><p>redirect_uri missing or not registered</p>');
	try {
		new URL(redirectUri);
	} catch {
		return page(400, '<h1>invalid_request</h1><p>redirect_uri is not a URL</p>');
	}
	const state = p.state;
	if (p.response_type !== 'code') return redirect(redirectUri, { error: 'unsupported_response_type', state });
	if (!p.code_challenge || (p.code_challenge_method ?? 'plain') !== 'S256')
		return redirect(redirectUri, {
			error: 'invalid_request',
			error_description: 'PKCE with code_challenge_method=S256 is required',
			state,
		});
	const scopes = (p.scope ?? 'read write').split(/[\s,+]+/).filter(Boolean);
	if (scopes.length === 0 || scopes.some((s) => !SCOPES.includes(s)))
		return redirect(redirectUri, { error: 'invalid_scope', state });
	const scope = SCOPES.filter((s) => scopes.includes(s)).join(' ');
	if (decision === 'ask' && !emu.config.oauthAutoApprove) {
		const hidden = ['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method', 'scope']
			.filter((k) => p[k] !== undefined)
			.map((k) => `<input type="hidden" name="${k}" value="${esc(p[k]!)}">`)
			.join('');
		return page(
			200,
			`<h1>Authorize ${esc(client.name)}</h1><p>It asks for: <b>${esc(scope)}</b></p>` +
				`<form method="post" action="/oauth/authorize">${hidden}` +
				'<button type="submit" name="decision" value="approve" id="approve">Approve</button> ' +
				'<button type="submit" name="decision" value="deny" id="deny">Deny</button></form>',
		);
	}
	if (decision === 'deny') return redirect(redirectUri, { error: 'access_denied', state });
	const code = emu.rng.secrets.hex(24);
	emu.store.oauthCodes.set(code, {
		code,
		client_id: client.client_id,
		redirect_uri: redirectUri,
		code_challenge: p.code_challenge,
		scope,
		workspace_id: client.workspace_id,
		expires_at: emu.clock.now() + CODE_TTL_MS,
		used: false,
	});
	return redirect(redirectUri, { code, state });
}

function clientAuth(emu: Emulator, ctx: Ctx, p: Params): OAuthClient | null {
	let id = p.client_id;
	let secret = p.client_secret;
	const h = ctx.req.headers.authorization;
	const m = h ? /^Basic\s+(.+)$/i.exec(h) : null;
	if (m) {
		const decoded = Buffer.from(m[1], 'base64').toString('utf8');
		const i = decoded.indexOf(':');
		id = decodeURIComponent(decoded.slice(0, i));
		secret = decodeURIComponent(decoded.slice(i + 1));
	}
	const client = id ? emu.store.oauthClients.get(id) : undefined;
	return client && secret === client.client_secret ? client : null;
}

function issue(emu: Emulator, client: OAuthClient, scope: string, workspaceId: string): Reply {
	const t: OAuthToken = {
		access_token: `pbat_${emu.rng.secrets.hex(24)}`,
		refresh_token: `pbrt_${emu.rng.secrets.hex(24)}`,
		client_id: client.client_id,
		workspace_id: workspaceId,
		scope,
		expires_at: emu.clock.now() + ACCESS_TTL_S * 1000,
		revoked: false,
	};
	emu.store.accessTokens.set(t.access_token, t);
	emu.store.refreshTokens.set(t.refresh_token, t);
	return json(
		200,
		{ access_token: t.access_token, token_type: 'Bearer', expires_in: ACCESS_TTL_S, refresh_token: t.refresh_token, scope },
		{ 'cache-control': 'no-store' },
	);
}

export function registerOAuthRoutes(app: FastifyInstance, emu: Emulator): void {
	route(app, emu, 'GET', '/oauth/authorize', { scope: null }, (ctx) => authorize(emu, ctx, 'ask'));
	route(app, emu, 'POST', '/oauth/authorize', { scope: null }, (ctx) =>
		authorize(emu, ctx, params(ctx).decision === 'approve' ? 'approve' : 'deny'),
	);

	route(app, emu, 'POST', '/oauth/token', { scope: null }, (ctx) => {
		const p = params(ctx);
		const client = clientAuth(emu, ctx, p);
		if (!client) return oauthError(401, 'invalid_client', 'Client authentication failed');
		const now = emu.clock.now();
		if (p.grant_type === 'authorization_code') {
			const code = p.code ? emu.store.oauthCodes.get(p.code) : undefined;
			if (!code || code.used || code.expires_at < now || code.client_id !== client.client_id)
				return oauthError(400, 'invalid_grant', 'Authorization code is invalid, expired or already used');
			if (p.redirect_uri !== undefined && p.redirect_uri !== code.redirect_uri)
				return oauthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
			if (!p.code_verifier || pkceChallenge(p.code_verifier) !== code.code_challenge)
				return oauthError(400, 'invalid_grant', 'PKCE verification failed (code_verifier)');
			code.used = true;
			return issue(emu, client, code.scope, code.workspace_id);
		}
		if (p.grant_type === 'refresh_token') {
			const old = p.refresh_token ? emu.store.refreshTokens.get(p.refresh_token) : undefined;
			if (!old || old.revoked || old.client_id !== client.client_id)
				return oauthError(400, 'invalid_grant', 'Refresh token is invalid or revoked');
			let scope = old.scope;
			if (p.scope) {
				const wanted = p.scope.split(/[\s,+]+/).filter(Boolean);
				if (wanted.some((s) => !old.scope.split(' ').includes(s)))
					return oauthError(400, 'invalid_scope', 'Requested scope exceeds the original grant');
				scope = SCOPES.filter((s) => wanted.includes(s)).join(' ');
			}
			emu.store.refreshTokens.delete(old.refresh_token);
			return issue(emu, client, scope, old.workspace_id);
		}
		return oauthError(400, 'unsupported_grant_type', `grant_type ${p.grant_type ?? '(missing)'} is not supported`);
	});
}
