/* eslint-disable @typescript-eslint/no-explicit-any */
import { api, inFuture, type Caller } from './helpers';
import { startEmulator, type StartedEmulator } from './server';

let emu: StartedEmulator;
let call: Caller;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, clock: 'manual', startTime: '2025-03-01T12:00:00Z' });
	call = api(emu);
});
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

async function body(extra: Record<string, unknown> = {}) {
	return {
		account_id: emu.accountId,
		board_id: emu.boardIds[0],
		title: 'Scheduled pin',
		image_url: 'https://images.example.com/s.jpg',
		run_at: await inFuture(emu, 3600),
		...extra,
	};
}

describe('POST /v1/schedules validation', () => {
	const cases: Array<[string, Record<string, unknown> | ((b: any) => void), string]> = [
		['run_at required', (b: any) => delete b.run_at, 'body.run_at'],
		['run_at must carry an offset', { run_at: '2025-03-01T15:00:00' }, 'body.run_at'],
		['run_at must be a datetime', { run_at: 'tomorrow' }, 'body.run_at'],
		['run_at must be in the future', { run_at: '2025-03-01T11:59:00+00:00' }, 'body.run_at'],
		['title required', (b: any) => delete b.title, 'body.title'],
		['title <= 100', { title: 'x'.repeat(101) }, 'body.title'],
		['description <= 800', { description: 'x'.repeat(801) }, 'body.description'],
		['link_url http(s)', { link_url: 'javascript:alert(1)' }, 'body.link_url'],
		['account_id UUID', { account_id: 'x' }, 'body.account_id'],
		['board_id required', (b: any) => delete b.board_id, 'body.board_id'],
		['image_url or asset_id', (b: any) => delete b.image_url, 'body.image_url'],
	];
	test.each(cases)('%s -> 422', async (_n, change, loc) => {
		const b = await body();
		if (typeof change === 'function') change(b);
		else Object.assign(b, change);
		const r = await call('POST', '/v1/schedules', b);
		expect(r.status).toBe(422);
		expect(r.body.detail.map((d: any) => d.loc.join('.'))).toContain(loc);
	});

	test('an offset other than Z is accepted and stored as UTC', async () => {
		const r = await call('POST', '/v1/schedules', await body({ run_at: '2025-03-01T15:30:00+02:00' }));
		expect(r.status).toBe(201);
		expect(r.body.run_at).toBe('2025-03-01T13:30:00.000Z');
		expect(r.body.status).toBe('scheduled');
		expect(r.body.payload).toMatchObject({ board_id: emu.boardIds[0], media_type: 'image', title: 'Scheduled pin' });
	});

	test('no idempotency: the same body twice creates two schedules', async () => {
		const b = await body();
		const a1 = await call('POST', '/v1/schedules', b);
		const a2 = await call('POST', '/v1/schedules', b);
		expect(a1.status).toBe(201);
		expect(a2.status).toBe(201);
		expect(a1.body.id).not.toBe(a2.body.id);
	});
});

describe('schedule firing and cancel', () => {
	test('at run_at the clock fires the schedule: pin created, pin_id set, status done', async () => {
		const s = (await call('POST', '/v1/schedules', await body({ run_at: await inFuture(emu, 60) }))).body;
		await emu.control.advance(59);
		expect((await call('GET', `/v1/schedules/${s.id}`)).body.status).toBe('scheduled');
		expect((await emu.control.pins()).length).toBe(0);
		await emu.control.advance(1);
		const fired = (await call('GET', `/v1/schedules/${s.id}`)).body;
		expect(fired.status).toBe('done');
		expect(fired.pin_id).toMatch(/^[0-9a-f-]{36}$/);
		const pin = (await call('GET', `/v1/pins/${fired.pin_id}`)).body;
		expect(pin).toMatchObject({ title: 'Scheduled pin', board_id: emu.boardIds[0], pinterest_account_id: emu.accountId });
		await emu.control.advance(1);
		expect((await call('GET', `/v1/pins/${fired.pin_id}`)).body.status).toBe('published');
	});

	test('cancel while scheduled -> canceled and never fires; cancel after it ran -> 400 bad_request', async () => {
		const a = (await call('POST', '/v1/schedules', await body({ run_at: await inFuture(emu, 30) }))).body;
		const b = (await call('POST', '/v1/schedules', await body({ run_at: await inFuture(emu, 30) }))).body;
		const c = await call('POST', `/v1/schedules/${a.id}/cancel`);
		expect(c.status).toBe(200);
		expect(c.body.status).toBe('canceled');
		await emu.control.advance(31);
		expect((await call('GET', `/v1/schedules/${a.id}`)).body).toMatchObject({ status: 'canceled', pin_id: null });
		const late = await call('POST', `/v1/schedules/${b.id}/cancel`);
		expect(late.status).toBe(400);
		expect(late.body.error.code).toBe('bad_request');
		const again = await call('POST', `/v1/schedules/${a.id}/cancel`);
		expect(again.status).toBe(400);
		expect((await call('POST', '/v1/schedules/6f1c1b0e-4a8e-4c1e-9d0e-1b2c3d4e5f60/cancel')).status).toBe(404);
	});

	test('list: X-Total-Count, status filter, pagination, limit > 200 -> 422', async () => {
		for (let i = 0; i < 5; i++) await call('POST', '/v1/schedules', await body({ run_at: await inFuture(emu, 100 + i * 100) }));
		await emu.control.advance(250); // two of them fire
		let r = await call('GET', '/v1/schedules?limit=2');
		expect(r.headers.get('x-total-count')).toBe('5');
		expect(r.body.length).toBe(2);
		r = await call('GET', '/v1/schedules?status=done');
		expect(r.headers.get('x-total-count')).toBe('2');
		r = await call('GET', '/v1/schedules?status=scheduled&offset=1');
		expect(r.headers.get('x-total-count')).toBe('3');
		expect(r.body.length).toBe(2);
		expect((await call('GET', '/v1/schedules?limit=500')).status).toBe(422);
	});
});
