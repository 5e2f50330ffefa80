/* eslint-disable @typescript-eslint/no-explicit-any */
// The emulator's schedule calls, endpoint by endpoint (contract §8.5, §8.16 items 1, 2, 3, 6).
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

const create = async (extra: Record<string, unknown> = {}) => (await call('POST', '/v1/schedules', await body(extra))).body;

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

describe('POST /v1/schedules/validate', () => {
	test('valid body → checks incl. run_at; a past run_at is a failed check, not a 422; nothing stored', async () => {
		const ok = await call('POST', '/v1/schedules/validate', await body());
		expect(ok.status).toBe(200);
		expect(ok.body).toMatchObject({ valid: true, dry_run: true });
		expect(ok.body.checks.find((c: any) => c.name === 'run_at').status).toBe('passed');
		const pastRun = await call('POST', '/v1/schedules/validate', await body({ run_at: '2020-01-01T00:00:00Z' }));
		expect(pastRun.status).toBe(200);
		expect(pastRun.body.valid).toBe(false);
		expect(pastRun.body.checks.find((c: any) => c.name === 'run_at')).toMatchObject({ status: 'failed', code: 'validation_error' });
		expect((await call('POST', '/v1/schedules/validate', await body({ run_at: '2025-03-02T00:00:00' }))).status).toBe(422);
		expect((await emu.control.schedules()).length).toBe(0);
	});

	test('an extra idempotency_key is ignored (§8.16 item 1); title ≤ 100 (item 2)', async () => {
		expect((await call('POST', '/v1/schedules', await body({ idempotency_key: 'k' }))).status).toBe(201);
		expect((await call('POST', '/v1/schedules', await body({ idempotency_key: 'k' }))).status).toBe(201);
		expect((await call('POST', '/v1/schedules', await body({ title: 'x'.repeat(101) }))).status).toBe(422);
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

describe('PATCH /v1/schedules/{id}', () => {
	test('changes only what is sent; null clears description and link_url; image_url replaces asset_id', async () => {
		const s = await create({ description: 'd', link_url: 'https://e.com' });
		const r = await call('PATCH', `/v1/schedules/${s.id}`, { title: 'T2', description: null, link_url: null });
		expect(r.status).toBe(200);
		expect(r.body.status).toBe('scheduled');
		expect(r.body.payload).toMatchObject({ title: 'T2', description: null, link_url: null, image_url: 'https://images.example.com/s.jpg' });
		const both = await call('PATCH', `/v1/schedules/${s.id}`, { image_url: 'https://e.com/a.jpg', asset_id: '6f1c1b0e-4a8e-4c1e-9d0e-1b2c3d4e5f60' });
		expect(both.status).toBe(422);
		const past = await call('PATCH', `/v1/schedules/${s.id}`, { run_at: '2020-01-01T00:00:00Z' });
		expect(past.status).toBe(422);
		const board = await call('PATCH', `/v1/schedules/${s.id}`, { board_id: '999' });
		expect(board.body.error.code).toBe('board_not_found');
	});

	test('a moved run_at fires at the new time, not the old one', async () => {
		const s = await create();
		await call('PATCH', `/v1/schedules/${s.id}`, { run_at: await inFuture(emu, 7200) });
		await emu.control.advance(3700);
		expect((await call('GET', `/v1/schedules/${s.id}`)).body.status).toBe('scheduled');
		await emu.control.advance(3600);
		expect((await call('GET', `/v1/schedules/${s.id}`)).body.status).toBe('done');
	});

	test('after publishing started → 409 schedule_not_editable', async () => {
		const s = await create();
		await emu.control.advance(3601);
		const r = await call('PATCH', `/v1/schedules/${s.id}`, { title: 'late' });
		expect([r.status, r.body.error.code]).toEqual([409, 'schedule_not_editable']);
	});
});

describe('POST /v1/schedules/{id}/retry, DELETE /v1/schedules/{id}', () => {
	test('a schedule whose pin failed is failed; retry re-publishes that pin → queued, then done', async () => {
		const s = await create({ image_url: 'https://unreachable.example.com/x.jpg' });
		await emu.control.advance(3601);
		const failed = (await call('GET', `/v1/schedules/${s.id}`)).body;
		expect(failed).toMatchObject({ status: 'failed', pin_id: expect.any(String) });
		expect(failed.last_error).toContain('media_unreachable');
		const r = await call('POST', `/v1/schedules/${s.id}/retry`);
		expect(r.body).toMatchObject({ status: 'queued', pin_id: failed.pin_id, last_error: null });
		await emu.control.publishPin(failed.pin_id);
		expect((await call('GET', `/v1/schedules/${s.id}`)).body.status).toBe('done');
	});

	test('failed before a pin existed: a past run_at needs a new one (422), then scheduled again', async () => {
		const other = await emu.control.seed({ workspace_id: emu.workspaceId, accounts: [{}] });
		const s = await create({ account_id: other.accounts[0].id, board_id: other.accounts[0].board_ids[0] });
		await call('DELETE', `/v1/pinterest/accounts/${other.accounts[0].id}`);
		await emu.control.advance(3601);
		expect((await call('GET', `/v1/schedules/${s.id}`)).body).toMatchObject({ status: 'failed', pin_id: null });
		expect((await call('POST', `/v1/schedules/${s.id}/retry`)).status).toBe(422);
		const runAt = await inFuture(emu, 600);
		const r = await call('POST', `/v1/schedules/${s.id}/retry`, { run_at: runAt });
		expect(r.body).toMatchObject({ status: 'scheduled', run_at: new Date(runAt).toISOString() });
	});

	test('retry of a non-failed schedule → 400; delete only done/failed/canceled (400 otherwise) → 204', async () => {
		const s = await create();
		const retry = await call('POST', `/v1/schedules/${s.id}/retry`);
		expect([retry.status, retry.body.error.code]).toEqual([400, 'bad_request']);
		const early = await call('DELETE', `/v1/schedules/${s.id}`);
		expect([early.status, early.body.error.code]).toEqual([400, 'bad_request']);
		await call('POST', `/v1/schedules/${s.id}/cancel`);
		expect((await call('DELETE', `/v1/schedules/${s.id}`)).status).toBe(204);
		expect((await call('GET', `/v1/schedules/${s.id}`)).status).toBe(404);
	});
});

describe('GET /v1/schedules q and sort', () => {
	test('default latest run_at first; sort values; q on title, description and link URL', async () => {
		const a = await create({ title: 'Alpha', run_at: await inFuture(emu, 100) });
		const b = await create({ title: 'beta', link_url: 'https://shop.example.com/soup', run_at: await inFuture(emu, 300) });
		const c = await create({ title: 'Gamma', description: 'Soup of the day', run_at: await inFuture(emu, 200) });
		const ids = async (qs: string) => (await call('GET', `/v1/schedules?${qs}`)).body.map((s: any) => s.id);
		expect(await ids('')).toEqual([b.id, c.id, a.id]);
		expect(await ids('sort=run_at_asc')).toEqual([a.id, c.id, b.id]);
		expect(await ids('sort=created_at_asc')).toEqual([a.id, b.id, c.id]);
		expect(await ids('sort=title_desc')).toEqual([c.id, b.id, a.id]);
		expect(await ids('q=SOUP')).toEqual([b.id, c.id]);
		expect((await call('GET', '/v1/schedules?sort=newest')).status).toBe(422);
	});
});
