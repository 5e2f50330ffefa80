/* eslint-disable no-console */
/**
 * Making a fresh n8n main headless-ready: create the owner (or log in as it), and a public API key with every
 * scope. Used by ./instance.ts once a main is up; worker and webhook processes have no users.
 */
/** Owner used when none is given (tests). The dev task passes its own. */
export const DEFAULT_OWNER: N8nOwner = {
	email: 'e2e@pinbridge.local',
	password: 'E2e-Passw0rd!',
	firstName: 'E2E',
	lastName: 'Owner',
};

/** Constant browser id: n8n binds the auth cookie to the `browser-id` header sent at login. */
export const BROWSER_ID = 'pinbridge-e2e-browser';

export interface N8nOwner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

function cookieFrom(res: Response): string | undefined {
	const all = res.headers.getSetCookie?.() ?? [res.headers.get('set-cookie') ?? ''];
	for (const c of all) {
		const m = /(?:^|\s|,)(n8n-auth=[^;]+)/.exec(c);
		if (m) return m[1];
	}
	return undefined;
}

interface RestAnswer {
	data?: { rawApiKey?: string } & Record<string, unknown>;
	[k: string]: unknown;
}

async function restJson(url: string, method: string, body: unknown, cookie?: string): Promise<{ status: number; json: RestAnswer | undefined; res: Response }> {
	const res = await fetch(url, {
		method,
		headers: {
			'content-type': 'application/json',
			'browser-id': BROWSER_ID,
			...(cookie ? { cookie } : {}),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	let json: RestAnswer | undefined;
	try {
		json = text ? (JSON.parse(text) as RestAnswer) : undefined;
	} catch {
		json = { text };
	}
	return { status: res.status, json, res };
}

/** Create the owner if the instance has none; then log in. Returns the auth cookie. */
export async function ensureOwnerAndLogin(url: string, owner: N8nOwner): Promise<string> {
	const setup = await restJson(`${url}/rest/owner/setup`, 'POST', owner);
	if (setup.status !== 200) {
		// 400 "Instance owner already setup" on a reused user folder; anything else is surprising but login decides.
		const msg = JSON.stringify(setup.json ?? '');
		if (!/already/i.test(msg)) console.warn(`[n8n] owner setup answered ${setup.status}: ${msg.slice(0, 300)}`);
	}
	const login = await restJson(`${url}/rest/login`, 'POST', {
		emailOrLdapLoginId: owner.email,
		password: owner.password,
	});
	const cookie = cookieFrom(login.res);
	if (login.status !== 200 || !cookie) {
		throw new Error(`n8n login as ${owner.email} failed: ${login.status} ${JSON.stringify(login.json).slice(0, 300)}`);
	}
	return cookie;
}

/** Create a public-API key with every scope n8n offers. */
export async function createApiKey(url: string, cookie: string, label = `e2e-${Date.now()}`): Promise<string> {
	const scopes = await restJson(`${url}/rest/api-keys/scopes`, 'GET', undefined, cookie);
	if (scopes.status !== 200) throw new Error(`GET /rest/api-keys/scopes: ${scopes.status} ${JSON.stringify(scopes.json)}`);
	const created = await restJson(`${url}/rest/api-keys`, 'POST', { label, scopes: scopes.json?.data, expiresAt: null }, cookie);
	const raw = created.json?.data?.rawApiKey;
	if (created.status !== 200 || !raw) {
		throw new Error(`POST /rest/api-keys: ${created.status} ${JSON.stringify(created.json).slice(0, 300)}`);
	}
	return raw;
}

