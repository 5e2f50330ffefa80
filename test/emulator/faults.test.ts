/* eslint-disable @typescript-eslint/no-explicit-any */
import { api, inFuture, pinBody, type Caller } from './helpers';
import { startEmulator, type StartedEmulator } from './server';

let emu: StartedEmulator;
let call: Caller;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, clock: 'manual', seed: 42 });
	call = api(emu);
});
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

describe('fault injection', () => {
	test("'respond' answers without doing the work; count limits it", async () => {
		await emu.control.addFault({ method: 'POST', path: '/v1/pins', status: 503, count: 2 });
		const body = pinBody(emu);
		expect((await call('POST', '/v1/pins', body)).status).toBe(503);
		expect((await call('POST', '/v1/pins', body)).status).toBe(503);
		expect((await emu.control.pins()).length).toBe(0);
		const ok = await call('POST', '/v1/pins', body);
		expect(ok.status).toBe(201);
		const [f] = await emu.control.faults();
		expect(f).toMatchObject({ hits: 2, remaining: 0, mode: 'respond' });
	});

	test('custom status/body, method and pattern matching (* = one segment)', async () => {
		await emu.control.addFault({
			method: 'GET',
			path: '/v1/pins/*',
			status: 429,
			body: { error: { code: 'rate_limited', message: 'slow down', remediation: 'wait', retry_after_seconds: 7 } },
		});
		const r = await call('GET', '/v1/pins/6f1c1b0e-4a8e-4c1e-9d0e-1b2c3d4e5f60');
		expect(r.status).toBe(429);
		expect(r.body.error.retry_after_seconds).toBe(7);
		expect((await call('GET', '/v1/pins')).status).toBe(200);
		expect((await call('POST', '/v1/pins', pinBody(emu))).status).toBe(201);
		await emu.control.clearFaults();
		expect((await call('GET', '/v1/pins/6f1c1b0e-4a8e-4c1e-9d0e-1b2c3d4e5f60')).status).toBe(404);
	});

	test("'commit-then-drop' performs the operation, then kills the connection", async () => {
		await emu.control.addFault({ method: 'POST', path: '/v1/pins', mode: 'commit-then-drop', count: 1 });
		const body = pinBody(emu);
		await expect(call('POST', '/v1/pins', body)).rejects.toThrow();
		const pins = await emu.control.pins();
		expect(pins.length).toBe(1); // committed although the client saw a network error
		// the client's retry with the same idempotency key is safe
		const retry = await call('POST', '/v1/pins', body);
		expect(retry.status).toBe(201);
		expect(retry.body.id).toBe(pins[0].id);
		expect((await emu.control.pins()).length).toBe(1);
		const log = await emu.control.requests({ method: 'POST', path: '/v1/pins' });
		expect(log.map((e) => e.status)).toEqual(['dropped', 201]);
	});

	test("'commit-then-drop' on schedules shows why blind retries are dangerous (no idempotency key)", async () => {
		await emu.control.addFault({ method: 'POST', path: '/v1/schedules', mode: 'commit-then-drop', count: 1 });
		const body = {
			account_id: emu.accountId,
			board_id: emu.boardIds[0],
			title: 'x',
			image_url: 'https://e.com/x.jpg',
			run_at: await inFuture(emu, 600),
		};
		await expect(call('POST', '/v1/schedules', body)).rejects.toThrow();
		expect((await call('POST', '/v1/schedules', body)).status).toBe(201);
		expect((await emu.control.schedules()).length).toBe(2);
	});

	test("'drop' kills the connection without doing anything", async () => {
		await emu.control.addFault({ method: 'POST', path: '/v1/pins', mode: 'drop' });
		await expect(call('POST', '/v1/pins', pinBody(emu))).rejects.toThrow();
		expect((await emu.control.pins()).length).toBe(0);
	});

	test('probability uses the seeded RNG: some requests hit, and the same seed repeats the same pattern', async () => {
		const pattern = async () => {
			await emu.control.addFault({ method: 'GET', path: '/healthz', status: 500, probability: 0.3 });
			const out: number[] = [];
			for (let i = 0; i < 40; i++) out.push((await call('GET', '/healthz')).status);
			return out;
		};
		const first = await pattern();
		const hits = first.filter((s) => s === 500).length;
		expect(hits).toBeGreaterThan(3);
		expect(hits).toBeLessThan(25);
		await emu.control.reset();
		expect(await pattern()).toEqual(first);
	});

	test('latency: per-fault delay and the global latency setting', async () => {
		await emu.control.addFault({ method: 'GET', path: '/healthz', latencyMs: 150, count: 1 });
		let t = Date.now();
		expect((await call('GET', '/healthz')).status).toBe(200);
		expect(Date.now() - t).toBeGreaterThanOrEqual(140);
		await emu.control.setLatency(120);
		t = Date.now();
		await call('GET', '/healthz');
		expect(Date.now() - t).toBeGreaterThanOrEqual(110);
		// Back to none. Only lower bounds are timed (a delay cannot be shorter than asked); that the added delay is gone
		// is read from the emulator's setting, not from the clock of a machine that may be busy.
		await emu.control.setLatency(0);
		expect(await emu.control.info()).toMatchObject({ latency_ms: 0 });
		expect((await call('GET', '/healthz')).status).toBe(200);
	});
});

describe('request log, counters, clock', () => {
	test('request log records method, path, query, redacted headers, body, status and request id', async () => {
		const r = await call('POST', '/v1/pins?x=1', pinBody(emu, { title: 'Logged' }));
		await api(emu, null)('GET', '/v1/pins?limit=5', undefined, { authorization: `Bearer ${emu.apiKey}` });
		const log = await emu.control.requests();
		expect(log).toHaveLength(2);
		expect(log[0]).toMatchObject({ method: 'POST', path: '/v1/pins', query: { x: '1' }, status: 201 });
		expect(log[0].request_id).toBe(r.headers.get('x-request-id'));
		expect((log[0].body as any).title).toBe('Logged');
		expect(log[0].headers['x-api-key']).toBe('<redacted>');
		expect(log[1].headers.authorization).toBe('Bearer <redacted>');
		expect(JSON.stringify(log)).not.toContain(emu.apiKey);
		const counters = await emu.control.counters();
		expect(counters.requests_by_route['POST /v1/pins']).toBe(1);
		expect(counters.requests_by_route['GET /v1/pins']).toBe(1);
		expect(counters.pins_created).toBe(1);
		await emu.control.clearRequests();
		expect(await emu.control.requests()).toHaveLength(0);
	});

	test('manual clock only moves when advanced; reset restores seeded ids', async () => {
		const t0 = await emu.control.now();
		await call('GET', '/healthz');
		expect(await emu.control.now()).toBe(t0);
		await emu.control.advance(90);
		expect(await emu.control.now()).toBe(t0 + 90_000);
		const key = emu.apiKey;
		await emu.control.reset();
		expect(await emu.control.now()).toBe(t0);
		expect(emu.apiKey).toBe(key);
		expect((await call('GET', '/v1/pinterest/accounts')).body[0].id).toBe(emu.accountId);
	});

	test('control publish/fail a pin immediately', async () => {
		const a = (await call('POST', '/v1/pins', pinBody(emu))).body;
		const b = (await call('POST', '/v1/pins', pinBody(emu))).body;
		expect((await emu.control.publishPin(a.id)).status).toBe('published');
		const failed = await emu.control.failPin(b.id, { error_code: 'pinterest_rejected', error_message: 'nope' });
		expect(failed).toMatchObject({ status: 'failed', error_code: 'pinterest_rejected', error_message: 'nope' });
		await emu.control.advance(5); // the pending lifecycle timers must not override the forced outcomes
		expect((await call('GET', `/v1/pins/${b.id}`)).body.status).toBe('failed');
	});
});
