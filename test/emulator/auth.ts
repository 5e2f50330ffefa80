// API keys, OAuth access tokens, scopes and the per-key Pinterest-account allow-list.
import type { FastifyRequest } from 'fastify';

import { envelope, invalidKey } from './errors';
import type { Emulator } from './emulator';
import type { Scope, Workspace } from './state';

export interface Principal {
	kind: 'api_key' | 'oauth';
	ws: Workspace;
	scopes: Set<Scope>;
	accountIds: Set<string> | null;
	keyId: string | null;
}

type IncomingHttpHeaders = FastifyRequest['headers'];

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
	const v = headers[name];
	return Array.isArray(v) ? v[0] : v;
}

/**
 * Only what HTTP itself strips around a header value (optional whitespace: spaces and tabs, RFC 9110 §5.5), as the
 * real service's HTTP server does. Not String.trim(): that would also strip a no-break space (U+00A0) or a BOM pasted
 * with the key, which the real service compares as part of the key (401), and so hide the client's bug.
 */
const withoutHttpWhitespace = (value: string) => value.replace(/^[ \t]+|[ \t]+$/g, '');

/** X-API-Key first (contract §1 [sdk]); then Authorization: Bearer <API key | OAuth access token>. */
export function authenticate(emu: Emulator, headers: IncomingHttpHeaders): Principal {
	const store = emu.store;
	const xKey = header(headers, 'x-api-key');
	let token: string | undefined;
	if (xKey !== undefined) token = withoutHttpWhitespace(xKey);
	else {
		const auth = header(headers, 'authorization');
		const m = auth ? /^Bearer[ \t]+(.+)$/i.exec(withoutHttpWhitespace(auth)) : null;
		if (m) token = withoutHttpWhitespace(m[1]);
	}
	if (!token) throw invalidKey();
	const key = store.keyIndex.get(token);
	if (key) {
		const ws = store.workspaces.get(key.workspace_id);
		if (!ws) throw invalidKey();
		key.last_used_at = store.nowIso();
		return {
			kind: 'api_key',
			ws,
			scopes: new Set(key.scopes),
			accountIds: key.pinterest_account_ids ? new Set(key.pinterest_account_ids) : null,
			keyId: key.id,
		};
	}
	if (xKey === undefined) {
		const at = store.accessTokens.get(token);
		if (at && !at.revoked && at.expires_at > emu.clock.now()) {
			const ws = store.workspaces.get(at.workspace_id);
			if (ws) {
				return {
					kind: 'oauth',
					ws,
					scopes: new Set(at.scope.split(/\s+/).filter(Boolean) as Scope[]),
					accountIds: null,
					keyId: null,
				};
			}
		}
	}
	throw invalidKey();
}

export function requireScope(p: Principal, scope: Scope): void {
	if (!p.scopes.has(scope))
		throw envelope(
			403,
			'insufficient_scope',
			`This credential lacks the '${scope}' scope`,
			`Use an API key (or OAuth grant) that includes the '${scope}' scope.`,
		);
}

export function permits(p: Principal, accountId: string): boolean {
	return p.accountIds === null || p.accountIds.has(accountId);
}

export function requireAccount(p: Principal, accountId: string): void {
	if (!permits(p, accountId))
		throw envelope(
			403,
			'account_not_permitted',
			'This API key is not allowed to act on this Pinterest account',
			"Add the account to the key's allow-list or use another key.",
		);
}
