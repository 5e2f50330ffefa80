/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any */
// The "documented minimum" profile (contract §9.1.6): PinBridge as its quick-start page shows it — `acc_…`, `b_…`,
// `pin_…` ids, four-field webhook bodies, no Date / X-Total-Count / X-Request-ID header — next to the full profile.
import { createHmac } from 'node:crypto';
import http from 'node:http';

import { api, inFuture, pinBody, type Caller } from './helpers';
import { startEmulator, type StartedEmulator } from './server';

const SIGNING_KEY = ['documented', 'profile', 'signing', 'key'].join('-');
const file = (content: string, type: string, name: string) => {
	const fd = new FormData();
	fd.append('file', new Blob([content], { type }), name);
	return fd;
};

let emu: StartedEmulator;
let full: StartedEmulator;
let call: Caller;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, clock: 'manual', profile: 'documented' });
	full = await startEmulator({ port: 0, clock: 'manual' });
	call = api(emu);
});
afterAll(async () => {
	await emu.close();
	await full.close();
});
beforeEach(async () => {
	await emu.control.reset();
	await full.control.reset();
});

describe('ids in the quick-start page style, seeded', () => {
	test('seeded account, boards, workspace, key', () => {
		expect(emu.profile).toBe('documented');
		expect(emu.accountId).toMatch(/^acc_[0-9a-f]{6}$/);
		expect(emu.boardIds).toHaveLength(3);
		for (const b of emu.boardIds) expect(b).toMatch(/^b_[0-9a-f]{6}$/);
		expect(emu.workspaceId).toMatch(/^ws_[0-9a-f]{6}$/);
		expect(emu.apiKeyId).toMatch(/^key_[0-9a-f]{6}$/);
		// §9.4: PinBridge's keys are `pb_` + 64 hex digits
		expect(emu.apiKey).toMatch(/^pb_[0-9a-f]{64}$/);
	});

	test('pins, jobs, schedules, webhooks, assets, imports, deliveries get their prefixes', async () => {
		const pin = (await call('POST', '/v1/pins', pinBody(emu))).body;
		expect(pin.id).toMatch(/^pin_[0-9a-f]{6}$/);
		expect((await call('GET', `/v1/jobs/${pin.id}`)).body.job_id).toMatch(/^job_/);
		const schedule = await call('POST', '/v1/schedules', { ...pinBody(emu), run_at: await inFuture(emu, 3600) });
		expect(schedule.body.id).toMatch(/^sch_[0-9a-f]{6}$/);
		const hook = await call('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook', secret: SIGNING_KEY });
		expect(hook.body.id).toMatch(/^wh_[0-9a-f]{6}$/);
		const asset = await call('POST', '/v1/assets/images', file('png', 'image/png', 'a.png'));
		expect(asset.body.id).toMatch(/^ast_[0-9a-f]{6}$/);
		const job = await call('POST', '/v1/pins/imports/json', [pinBody(emu)]);
		expect(job.body.id).toMatch(/^imp_[0-9a-f]{6}$/);
		await emu.control.publishPin(pin.id);
		const [delivery] = await emu.control.deliveries({ pin_id: pin.id });
		expect(delivery.id).toMatch(/^dlv_[0-9a-f]{6}$/);
	});

	test('the same seed gives the same ids: after a reset and in another instance', async () => {
		const first = (await call('POST', '/v1/pins', pinBody(emu))).body.id;
		await emu.control.reset();
		expect((await call('POST', '/v1/pins', pinBody(emu))).body.id).toBe(first);
		const twin = await startEmulator({ port: 0, clock: 'manual', profile: 'documented' });
		try {
			expect([twin.accountId, twin.boardIds, twin.apiKey]).toEqual([emu.accountId, emu.boardIds, emu.apiKey]);
			expect((await api(twin)('POST', '/v1/pins', pinBody(twin))).body.id).toBe(first);
		} finally {
			await twin.close();
		}
	});

	test('the full profile keeps UUIDs and numeric board ids', () => {
		expect(full.profile).toBe('full');
		expect(full.accountId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		for (const b of full.boardIds) expect(b).toMatch(/^\d{18}$/);
		expect(full.apiKey).toMatch(/^pbk_/);
	});
});

describe('the profile accepts its own ids where the full profile checks UUIDs', () => {
	test('account, asset and cover ids pass; Pin Get, boards, rate meter and jobs take them', async () => {
		expect((await call('GET', `/v1/pinterest/boards?account_id=${emu.accountId}`)).status).toBe(200);
		expect((await call('GET', `/v1/rate-meter?account_id=${emu.accountId}`)).body.account.account_id).toBe(emu.accountId);
		const video = (await call('POST', '/v1/assets/videos', file('vid', 'video/mp4', 'v.mp4'))).body;
		const cover = (await call('POST', '/v1/assets/images', file('img', 'image/png', 'c.png'))).body;
		const body = pinBody(emu, { image_url: undefined, asset_id: video.id, cover_image_asset_id: cover.id });
		const pin = await call('POST', '/v1/pins', body);
		expect(pin.status).toBe(201);
		expect(pin.body).toMatchObject({ media_type: 'video', asset_id: video.id, pinterest_account_id: emu.accountId });
		expect((await call('GET', `/v1/pins/${pin.body.id}`)).body.id).toBe(pin.body.id);
		expect((await call('GET', '/v1/pins/pin_8fa2')).status).toBe(404);
	});

	test('what can be no id is still a 422 naming the field', async () => {
		const r = await call('POST', '/v1/pins', pinBody(emu, { account_id: 'acc 1' }));
		expect(r.status).toBe(422);
		expect(r.body.error.errors[0].loc).toEqual(['body', 'account_id']);
		expect((await call('GET', '/v1/rate-meter?account_id=a%2Fb')).body.detail[0].loc).toEqual(['query', 'account_id']);
	});

	test('the full profile refuses a documented-style account id as before (uuid_parsing)', async () => {
		const r = await api(full)('POST', '/v1/pins', pinBody(full, { account_id: 'acc_78f2a9' }));
		expect(r.status).toBe(422);
		expect(r.body.detail[0]).toMatchObject({ loc: ['body', 'account_id'], type: 'uuid_parsing' });
	});
});

describe('no Date, X-Total-Count or X-Request-ID header', () => {
	const optional = (h: Headers) => ['date', 'x-total-count', 'x-request-id'].filter((name) => h.get(name) !== null);

	test('on lists, creates, errors and unknown routes', async () => {
		await call('POST', '/v1/pins', pinBody(emu));
		const answers = await Promise.all([
			call('GET', '/v1/pins'),
			call('GET', '/v1/schedules'),
			call('POST', '/v1/pins', pinBody(emu)),
			call('GET', '/v1/pins/pin_000000'),
			call('POST', '/v1/pins', pinBody(emu, { title: 'x'.repeat(101) })),
			call('GET', '/v1/no-such-route'),
			api(emu, 'pb_wrong')('GET', '/v1/pins'),
			call('GET', '/healthz'),
		]);
		expect(answers.map((a) => a.status)).toEqual([200, 200, 201, 404, 422, 404, 401, 200]);
		for (const a of answers) expect(optional(a.headers)).toEqual([]);
	});

	test('lists still page by limit and offset (a short page ends them)', async () => {
		for (let i = 0; i < 5; i++) await call('POST', '/v1/pins', pinBody(emu));
		const pages = [];
		for (let offset = 0; ; offset += 2) {
			const page = (await call('GET', `/v1/pins?limit=2&offset=${offset}`)).body;
			pages.push(page.length);
			if (page.length < 2) break;
		}
		expect(pages).toEqual([2, 2, 1]);
	});

	test('the full profile sends all three', async () => {
		const r = await api(full)('GET', '/v1/pins');
		expect(optional(r.headers)).toEqual(['date', 'x-total-count', 'x-request-id']);
	});
});

describe('webhook deliveries carry the four fields of the quick-start page, plus the §7 headers', () => {
	let receiver: http.Server;
	let url: string;
	const received: Array<{ headers: http.IncomingHttpHeaders; raw: Buffer }> = [];

	beforeAll(async () => {
		receiver = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				received.push({ headers: req.headers, raw: Buffer.concat(chunks) });
				res.writeHead(200).end('ok');
			});
		});
		await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
		url = `http://127.0.0.1:${(receiver.address() as any).port}/hook`;
	});
	afterAll(async () => {
		receiver.closeAllConnections();
		await new Promise((r) => receiver.close(r));
	});
	beforeEach(() => {
		received.length = 0;
	});

	test.each([
		['pin.published', 'published'],
		['pin.failed', 'failed'],
	])('%s: {event, pin_id, board_id, status}, signed, event and delivery id in the headers', async (event, status) => {
		await call('POST', '/v1/webhooks', { url, secret: SIGNING_KEY });
		const pin = (await call('POST', '/v1/pins', pinBody(emu, { account_id: undefined }))).body;
		if (status === 'published') await emu.control.publishPin(pin.id);
		else await emu.control.failPin(pin.id, { error_code: 'media_url_unreachable' });
		expect(received).toHaveLength(1);
		const [{ headers, raw }] = received;
		expect(JSON.parse(raw.toString('utf8'))).toEqual({ event, pin_id: pin.id, board_id: emu.boardIds[0], status });
		const [delivery] = await emu.control.deliveries({ pin_id: pin.id });
		expect(headers['x-pinbridge-event']).toBe(event);
		expect(headers['x-pinbridge-delivery-id']).toBe(delivery.id);
		expect(headers['x-pinbridge-signature']).toBe(createHmac('sha256', SIGNING_KEY).update(raw).digest('hex'));
		// a retry of it: the same bytes and delivery id
		expect((await emu.control.resendDelivery(delivery.id)).status_code).toBe(200);
		expect(received[1].raw.equals(raw)).toBe(true);
		expect(received[1].headers['x-pinbridge-delivery-id']).toBe(delivery.id);
	});

	test('the full profile keeps its ten-field body', async () => {
		await api(full)('POST', '/v1/webhooks', { url, secret: SIGNING_KEY });
		const pin = (await api(full)('POST', '/v1/pins', pinBody(full))).body;
		await full.control.publishPin(pin.id);
		expect(Object.keys(JSON.parse(received[0].raw.toString('utf8'))).sort()).toEqual(
			['account_id', 'board_id', 'delivery_id', 'error_code', 'error_message', 'event', 'occurred_at', 'pin_id', 'pinterest_pin_id', 'status'],
		);
	});
});
