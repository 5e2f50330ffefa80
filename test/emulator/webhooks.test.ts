/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

import { api, pinBody, type Caller } from './helpers';
import { startEmulator, type StartedEmulator } from './server';

interface Received {
	headers: http.IncomingHttpHeaders;
	raw: Buffer;
}

let emu: StartedEmulator;
let call: Caller;
let receiver: http.Server;
let receiverUrl: string;
let received: Received[] = [];
/** status codes to answer, in order; then 200. 0 = never answer (hang) */
let plan: number[] = [];

const SIGNING_KEY = ['whsec', 'emulator', 'test', 'value', '123'].join('_');

beforeAll(async () => {
	emu = await startEmulator({ port: 0, clock: 'manual' });
	call = api(emu);
	receiver = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			received.push({ headers: req.headers, raw: Buffer.concat(chunks) });
			const status = plan.length ? plan.shift()! : 200;
			if (status === 0) return; // hang
			res.writeHead(status).end('ok');
		});
	});
	await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as any).port}/hook`;
});
afterAll(async () => {
	receiver.closeAllConnections();
	await new Promise((r) => receiver.close(r));
	await emu.close();
});
beforeEach(async () => {
	await emu.control.reset();
	received = [];
	plan = [];
});

describe('webhooks CRUD', () => {
	const bad: Array<[string, Record<string, unknown>, string, string]> = [
		['url required', { secret: SIGNING_KEY }, 'body.url', 'missing'],
		['url must be http(s)', { url: 'ftp://x.example.com', secret: SIGNING_KEY }, 'body.url', 'url_parsing'],
		['secret required', { url: 'https://x.example.com' }, 'body.secret', 'missing'],
		['secret >= 16 chars', { url: 'https://x.example.com', secret: 'short' }, 'body.secret', 'string_too_short'],
		['secret <= 255 chars', { url: 'https://x.example.com', secret: 's'.repeat(256) }, 'body.secret', 'string_too_long'],
		['events must be known', { url: 'https://x.example.com', secret: SIGNING_KEY, events: ['pin.created'] }, 'body.events.0', 'enum'],
		['events must be a list', { url: 'https://x.example.com', secret: SIGNING_KEY, events: 'pin.failed' }, 'body.events', 'list_type'],
		['is_enabled must be boolean', { url: 'https://x.example.com', secret: SIGNING_KEY, is_enabled: 'yes' }, 'body.is_enabled', 'bool_type'],
	];
	test.each(bad)('%s -> 422', async (_n, body, loc, type) => {
		const r = await call('POST', '/v1/webhooks', body);
		expect(r.status).toBe(422);
		const item = r.body.detail.find((d: any) => d.loc.join('.') === loc);
		expect(item?.type).toBe(type);
	});

	test('create/get/list/patch/delete; secret never returned; defaults', async () => {
		const c = await call('POST', '/v1/webhooks', { url: 'https://hooks.example.com/a', secret: SIGNING_KEY });
		expect(c.status).toBe(201);
		expect(c.body).toMatchObject({ url: 'https://hooks.example.com/a', events: ['pin.published', 'pin.failed'], is_enabled: true });
		expect(c.text).not.toContain(SIGNING_KEY);
		expect(c.body.secret).toBeUndefined();
		const g = await call('GET', `/v1/webhooks/${c.body.id}`);
		expect(g.body.id).toBe(c.body.id);
		expect(g.text).not.toContain(SIGNING_KEY);
		const l = await call('GET', '/v1/webhooks');
		expect(l.body.length).toBe(1);
		expect(l.text).not.toContain(SIGNING_KEY);
		const p = await call('PATCH', `/v1/webhooks/${c.body.id}`, { events: ['pin.failed'], is_enabled: false, secret: ['another', 'signing', 'key', '0123456'].join('-') });
		expect(p.status).toBe(200);
		expect(p.body).toMatchObject({ events: ['pin.failed'], is_enabled: false });
		expect(p.text).not.toContain('another-signing');
		expect((await call('PATCH', `/v1/webhooks/${c.body.id}`, { secret: 'short' })).status).toBe(422);
		expect(JSON.stringify(await emu.control.webhooks())).not.toContain('another-signing');
		expect((await call('DELETE', `/v1/webhooks/${c.body.id}`)).status).toBe(204);
		expect((await call('GET', `/v1/webhooks/${c.body.id}`)).body).toEqual({ detail: 'Webhook not found' });
	});
});

describe('webhook deliveries', () => {
	async function hook(extra: Record<string, unknown> = {}) {
		return (await call('POST', '/v1/webhooks', { url: receiverUrl, secret: SIGNING_KEY, ...extra })).body;
	}

	test('pin.published: headers, body, HMAC-SHA256 of the raw body verified independently', async () => {
		await hook();
		const pin = (await call('POST', '/v1/pins', pinBody(emu))).body;
		await emu.control.advance(1);
		expect(received.length).toBe(1);
		const { headers, raw } = received[0];
		const expected = createHmac('sha256', SIGNING_KEY).update(raw).digest('hex');
		const sig = String(headers['x-pinbridge-signature']);
		expect(sig).toMatch(/^[0-9a-f]{64}$/);
		expect(timingSafeEqual(Buffer.from(sig), Buffer.from(expected))).toBe(true);
		expect(createHmac('sha256', 'wrong-secret-000000').update(raw).digest('hex')).not.toBe(sig);
		expect(headers['x-pinbridge-event']).toBe('pin.published');
		expect(headers['content-type']).toBe('application/json');
		const body = JSON.parse(raw.toString('utf8'));
		expect(body).toMatchObject({
			event: 'pin.published',
			delivery_id: headers['x-pinbridge-delivery-id'],
			pin_id: pin.id,
			account_id: emu.accountId,
			board_id: emu.boardIds[0],
			status: 'published',
			error_code: null,
		});
		expect(body.pinterest_pin_id).toMatch(/^\d+$/);
		expect(typeof body.occurred_at).toBe('string');
		const [d] = await emu.control.deliveries({ pin_id: pin.id });
		expect(d.status).toBe('delivered');
		expect(d.attempts).toHaveLength(1);
		expect(d.attempts[0].status_code).toBe(200);
	});

	test('pin.failed goes only to subscribed, enabled webhooks', async () => {
		await hook({ events: ['pin.failed'] });
		await hook({ events: ['pin.published'] });
		await hook({ is_enabled: false });
		const pin = (await call('POST', '/v1/pins', pinBody(emu, { image_url: 'https://media.invalid/x.jpg' }))).body;
		await emu.control.advance(1);
		expect(received.length).toBe(1);
		expect(received[0].headers['x-pinbridge-event']).toBe('pin.failed');
		const body = JSON.parse(received[0].raw.toString());
		expect(body).toMatchObject({ pin_id: pin.id, status: 'failed', error_code: 'media_unreachable' });
	});

	test('redelivery after 500 with the same delivery id; backoff 1 s, 2 s, 4 s on the emulator clock', async () => {
		await hook();
		plan = [500, 502, 503];
		const pin = (await call('POST', '/v1/pins', pinBody(emu))).body;
		await emu.control.advance(0.2); // published at +0.2 s -> attempt 1 (500)
		expect(received.length).toBe(1);
		await emu.control.advance(0.9); // +1.1 s: retry due at +1.2 s, not yet
		expect(received.length).toBe(1);
		await emu.control.advance(0.1); // attempt 2 at +1.2 (502)
		expect(received.length).toBe(2);
		await emu.control.advance(2); // attempt 3 at +3.2 (503)
		expect(received.length).toBe(3);
		await emu.control.advance(3.9);
		expect(received.length).toBe(3);
		await emu.control.advance(0.1); // attempt 4 at +7.2 (200)
		expect(received.length).toBe(4);
		const ids = new Set(received.map((r) => r.headers['x-pinbridge-delivery-id']));
		expect(ids.size).toBe(1);
		expect(new Set(received.map((r) => r.raw.toString())).size).toBe(1);
		const [d] = await emu.control.deliveries({ pin_id: pin.id });
		expect(d.id).toBe([...ids][0]);
		expect(d.status).toBe('delivered');
		expect(d.attempts.map((a) => a.status_code)).toEqual([500, 502, 503, 200]);
		const t = d.attempts.map((a) => Date.parse(a.at));
		expect([t[1] - t[0], t[2] - t[1], t[3] - t[2]]).toEqual([1000, 2000, 4000]);
	});

	test('a receiver that never answers counts as a failed attempt (timeout) and is retried', async () => {
		await emu.control.config({ webhook_timeout_ms: 150 });
		await hook();
		plan = [0];
		const pin = (await call('POST', '/v1/pins', pinBody(emu))).body;
		await emu.control.advance(0.2);
		let [d] = await emu.control.deliveries({ pin_id: pin.id });
		expect(d.attempts[0].status_code).toBeNull();
		expect(d.attempts[0].error).toMatch(/timeout/);
		expect(d.status).toBe('pending');
		await emu.control.advance(1);
		[d] = await emu.control.deliveries({ pin_id: pin.id });
		expect(d.status).toBe('delivered');
		expect(received.length).toBe(2);
	});

	test('gives up after 24 h of retries (capped at 1 h between attempts)', async () => {
		await hook({ url: 'http://127.0.0.1:1/nothing-listens-here' });
		const pin = (await call('POST', '/v1/pins', pinBody(emu))).body;
		await emu.control.advance(0.2);
		await emu.control.advance(25 * 3600);
		const [d] = await emu.control.deliveries({ pin_id: pin.id });
		expect(d.status).toBe('failed');
		const t = d.attempts.map((a) => Date.parse(a.at));
		const gaps = t.slice(1).map((x, i) => x - t[i]);
		expect(Math.max(...gaps)).toBe(3600 * 1000);
		expect(t[t.length - 1] - t[0]).toBeLessThanOrEqual(24 * 3600 * 1000);
		expect(d.attempts.every((a) => a.error !== null)).toBe(true);
	});

	test('resend: the same bytes and delivery id, signed with the current secret, to the webhook URL or another one; the answer comes back', async () => {
		await hook();
		const pin = (await call('POST', '/v1/pins', pinBody(emu))).body;
		await emu.control.advance(1);
		const [d] = await emu.control.deliveries({ pin_id: pin.id });
		plan = [200, 401];
		expect(await emu.control.resendDelivery(d.id)).toEqual({ status_code: 200, error: null, body: 'ok' });
		const other = receiverUrl.replace('/hook', '/another-receiver');
		expect((await emu.control.resendDelivery(d.id, other)).status_code).toBe(401);
		expect(received).toHaveLength(3);
		for (const r of received.slice(1)) {
			expect(r.raw.equals(received[0].raw)).toBe(true);
			expect(r.headers['x-pinbridge-delivery-id']).toBe(d.id);
			expect(r.headers['x-pinbridge-signature']).toBe(createHmac('sha256', SIGNING_KEY).update(r.raw).digest('hex'));
		}
		const [after] = await emu.control.deliveries({ pin_id: pin.id });
		expect([after.status, after.attempts.length]).toEqual(['delivered', 1]);
		await expect(emu.control.resendDelivery('dlv_missing')).rejects.toThrow(/404/);
	});
});
