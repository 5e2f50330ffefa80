/* eslint-disable @typescript-eslint/no-explicit-any */
import { createHash, randomBytes } from 'node:crypto';

import { api, pinBody, type Caller } from './helpers';
import { startEmulator, type StartedEmulator } from './server';

let emu: StartedEmulator;
let call: Caller;
const REDIRECT = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

beforeAll(async () => {
	emu = await startEmulator({ port: 0, clock: 'manual' });
	call = api(emu);
});
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

function pkce() {
	const verifier = randomBytes(32).toString('base64url');
	const challenge = createHash('sha256').update(verifier).digest('base64url');
	return { verifier, challenge };
}

function authorizeUrl(challenge: string, extra: Record<string, string> = {}) {
	const u = new URL(`${emu.url}/oauth/authorize`);
	const q = {
		response_type: 'code',
		client_id: emu.oauthClient.clientId,
		redirect_uri: REDIRECT,
		state: 'st-123',
		code_challenge: challenge,
		code_challenge_method: 'S256',
		scope: 'read write',
		...extra,
	};
	for (const [k, v] of Object.entries(q)) u.searchParams.set(k, v);
	return u.toString();
}

async function token(form: Record<string, string>, basic = false) {
	const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
	const body = new URLSearchParams(form);
	if (basic) headers.authorization = `Basic ${Buffer.from(`${emu.oauthClient.clientId}:${emu.oauthClient.clientSecret}`).toString('base64')}`;
	else {
		body.set('client_id', emu.oauthClient.clientId);
		body.set('client_secret', emu.oauthClient.clientSecret);
	}
	const res = await fetch(`${emu.url}/oauth/token`, { method: 'POST', headers, body: body.toString() });
	return { status: res.status, body: (await res.json()) as any };
}

async function getCode(challenge: string): Promise<string> {
	await emu.control.setOAuthAutoApprove(true);
	const res = await fetch(authorizeUrl(challenge), { redirect: 'manual' });
	expect(res.status).toBe(302);
	const loc = new URL(res.headers.get('location')!);
	expect(loc.searchParams.get('state')).toBe('st-123');
	return loc.searchParams.get('code')!;
}

describe('OAuth 2.0 for apps', () => {
	test('approve page (HTML form) -> POST approve -> redirect with code and state', async () => {
		const { challenge } = pkce();
		const page = await fetch(authorizeUrl(challenge), { redirect: 'manual' });
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('<form method="post" action="/oauth/authorize">');
		expect(html).toContain(challenge);
		const form = new URLSearchParams();
		for (const m of html.matchAll(/name="([^"]+)" value="([^"]*)"/g)) form.set(m[1], m[2].replace(/&#(\d+);/g, (_s, c) => String.fromCharCode(Number(c))));
		form.set('decision', 'approve');
		const res = await fetch(`${emu.url}/oauth/authorize`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: form.toString(),
			redirect: 'manual',
		});
		expect(res.status).toBe(302);
		const loc = new URL(res.headers.get('location')!);
		expect(`${loc.origin}${loc.pathname}`).toBe(REDIRECT);
		expect(loc.searchParams.get('code')).toBeTruthy();
		expect(loc.searchParams.get('state')).toBe('st-123');
		form.set('decision', 'deny');
		const denied = await fetch(`${emu.url}/oauth/authorize`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(), redirect: 'manual' });
		expect(new URL(denied.headers.get('location')!).searchParams.get('error')).toBe('access_denied');
	});

	test('PKCE: wrong verifier rejected; right verifier -> tokens; code single-use; Bearer works on the API', async () => {
		const { verifier, challenge } = pkce();
		const code = await getCode(challenge);
		const wrong = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: pkce().verifier });
		expect(wrong.status).toBe(400);
		expect(wrong.body.error).toBe('invalid_grant');
		const ok = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier }, true);
		expect(ok.status).toBe(200);
		expect(ok.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'read write' });
		expect(ok.body.access_token).toBeTruthy();
		expect(ok.body.refresh_token).toBeTruthy();
		const reuse = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier });
		expect(reuse.status).toBe(400);
		const bearer = api(emu, null);
		const auth = { authorization: `Bearer ${ok.body.access_token}` };
		const accounts = await bearer('GET', '/v1/pinterest/accounts', undefined, auth);
		expect(accounts.status).toBe(200);
		expect(accounts.body[0].id).toBe(emu.accountId);
		expect((await bearer('POST', '/v1/pins', pinBody(emu), auth)).status).toBe(201);
		// 'read write' has no destructive scope
		const del = await bearer('DELETE', '/v1/webhooks/6f1c1b0e-4a8e-4c1e-9d0e-1b2c3d4e5f60', undefined, auth);
		expect(del.status).toBe(403);
		expect(del.body.error.code).toBe('insufficient_scope');
		// access tokens expire on the emulator clock
		await emu.control.advance(3601);
		expect((await bearer('GET', '/v1/pins', undefined, auth)).status).toBe(401);
	});

	test('refresh_token grant issues new tokens and rotates the refresh token', async () => {
		const { verifier, challenge } = pkce();
		const code = await getCode(challenge);
		const first = (await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier })).body;
		const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token }, true);
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.access_token).not.toBe(first.access_token);
		expect(refreshed.body.refresh_token).not.toBe(first.refresh_token);
		const old = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
		expect(old.status).toBe(400);
		expect(old.body.error).toBe('invalid_grant');
		const r = await api(emu, null)('GET', '/v1/pins', undefined, { authorization: `Bearer ${refreshed.body.access_token}` });
		expect(r.status).toBe(200);
	});

	test('client authentication and request errors', async () => {
		const { verifier, challenge } = pkce();
		const code = await getCode(challenge);
		const res = await fetch(`${emu.url}/oauth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ grant_type: 'authorization_code', code, code_verifier: verifier, client_id: emu.oauthClient.clientId, client_secret: 'wrong' }),
		});
		expect(res.status).toBe(401);
		expect(((await res.json()) as any).error).toBe('invalid_client');
		// JSON bodies work too
		const ok = await fetch(`${emu.url}/oauth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT, client_id: emu.oauthClient.clientId, client_secret: emu.oauthClient.clientSecret }),
		});
		expect(ok.status).toBe(200);
		expect((await token({ grant_type: 'password' })).body.error).toBe('unsupported_grant_type');
		const noPkce = await fetch(authorizeUrl('', { code_challenge_method: 'plain' }), { redirect: 'manual' });
		expect(new URL(noPkce.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
		const badClient = await fetch(authorizeUrl(challenge, { client_id: 'nope' }), { redirect: 'manual' });
		expect(badClient.status).toBe(400);
	});
});

describe('Pinterest account connection (fake consent page)', () => {
	test('start -> consent page (served by the emulator) connects a NEW account -> callback', async () => {
		const start = await call('GET', '/v1/pinterest/oauth/start');
		expect(start.status).toBe(200);
		const authUrl = new URL(start.body.authorization_url);
		expect(authUrl.origin).toBe(emu.url);
		const consent = await fetch(authUrl, { redirect: 'manual' });
		expect(consent.status).toBe(302);
		const cb = new URL(consent.headers.get('location')!);
		expect(cb.pathname).toBe('/v1/pinterest/oauth/callback');
		const done = await api(emu, null)('GET', `${cb.pathname}${cb.search}`);
		expect(done.status).toBe(200);
		expect(done.body.status).toBe('connected');
		const accounts = (await call('GET', '/v1/pinterest/accounts')).body;
		expect(accounts.map((a: any) => a.id)).toEqual([emu.accountId, done.body.account_id]);
		const boards = await call('GET', `/v1/pinterest/boards?account_id=${done.body.account_id}`);
		expect(boards.body.length).toBeGreaterThan(0);
		expect(boards.body[0].id).toMatch(/^\d+$/);
		const bad = await api(emu, null)('GET', `/v1/pinterest/oauth/callback?code=wrong&state=${cb.searchParams.get('state')}`);
		expect(bad.status).toBe(400);
		expect(bad.body.error.code).toBe('bad_request');
	});

	test('plan_limit (403) when the plan cannot connect another account', async () => {
		const free = await emu.control.seed({ plan: 'free', accounts: [{}], api_keys: [{}] });
		const r = await api(emu, free.api_keys[0].api_key)('GET', '/v1/pinterest/oauth/start');
		expect(r.status).toBe(403);
		expect(r.body.error.code).toBe('plan_limit');
	});

	test('revoke: DELETE -> 204, account keeps listing with revoked_at, new pins refused, queued pins fail', async () => {
		const pin = (await call('POST', '/v1/pins', pinBody(emu))).body;
		const r = await call('DELETE', `/v1/pinterest/accounts/${emu.accountId}`);
		expect(r.status).toBe(204);
		const [acct] = (await call('GET', '/v1/pinterest/accounts')).body;
		expect(acct.revoked_at).not.toBeNull();
		expect((await call('POST', '/v1/pins', pinBody(emu))).status).toBe(422);
		await emu.control.advance(1);
		expect((await call('GET', `/v1/pins/${pin.id}`)).body).toMatchObject({ status: 'failed', error_code: 'account_revoked' });
	});
});
