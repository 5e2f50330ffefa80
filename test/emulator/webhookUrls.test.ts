/* eslint-disable @typescript-eslint/no-explicit-any */
// How the emulator stores and echoes a webhook's URL (the contract is silent; see README "Webhook URLs"): as sent by
// default, or normalised as a URL-typed service (pydantic's HttpUrl, WHATWG parsing) would, when started with
// `webhookUrls: 'normalized'` or switched with control.config({ webhook_urls }).
import { api, type Caller } from './helpers';
import { startEmulator, type StartedEmulator } from './server';

let emu: StartedEmulator;
let call: Caller;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, clock: 'manual' });
	call = api(emu);
});
afterAll(() => emu.close());
beforeEach(async () => {
	await emu.control.reset();
	await emu.control.config({ webhook_urls: 'as-sent' });
});

const SENT = 'https://N8N.Example.com:443/webhook/abc';
const body = (url: string) => ({ url, secret: 's'.repeat(32) });

it('keeps the URL as sent by default', async () => {
	const created = await call('POST', '/v1/webhooks', body(SENT));
	expect(created.body.url).toBe(SENT);
	expect((await call('GET', `/v1/webhooks/${created.body.id}`)).body.url).toBe(SENT);
});

it.each([
	[SENT, 'https://n8n.example.com/webhook/abc'],
	['HTTP://Example.com:80', 'http://example.com/'],
	['https://example.com:8443/a/', 'https://example.com:8443/a/'],
])('normalised: %s is stored and echoed as %s (create, update, list)', async (sent, stored) => {
	await emu.control.config({ webhook_urls: 'normalized' });
	const created = await call('POST', '/v1/webhooks', body(sent));
	expect(created.status).toBe(201);
	expect(created.body.url).toBe(stored);
	const updated = await call('PATCH', `/v1/webhooks/${created.body.id}`, { url: sent });
	expect(updated.body.url).toBe(stored);
	expect((await call('GET', '/v1/webhooks')).body.map((w: any) => w.url)).toEqual([stored]);
});

it('refuses an unknown style', async () => {
	await expect(emu.control.config({ webhook_urls: 'lower' as never })).rejects.toThrow();
});
