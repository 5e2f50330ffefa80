/* eslint-disable @typescript-eslint/no-explicit-any */
// API 1.30–1.41 pin calls (contract §8.3, §8.2 envelope, §8.16 items 4, 5, 8, 11).
import { api, pinBody, type Caller } from './helpers';
import { startEmulator, type StartedEmulator } from './server';

let emu: StartedEmulator;
let call: Caller;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, clock: 'manual', publishDelayMs: 200 });
	call = api(emu);
});
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

const failedPin = async (extra: Record<string, unknown> = {}) => {
	const pin = (await call('POST', '/v1/pins', pinBody(emu, extra))).body;
	await emu.control.failPin(pin.id, { error_code: 'media_unreachable' });
	return pin;
};

describe('error envelope (§8.2)', () => {
	test('422 carries detail[] and error {code validation_error, errors[], request_id = X-Request-ID}', async () => {
		const r = await call('POST', '/v1/pins', pinBody(emu, { title: 'x'.repeat(101) }));
		expect(r.status).toBe(422);
		expect(r.body.detail[0].loc).toEqual(['body', 'title']);
		expect(r.body.error).toMatchObject({ code: 'validation_error', message: 'title: String should have at most 100 characters' });
		expect(r.body.error.errors[0]).toMatchObject({ loc: ['body', 'title'], type: 'string_too_long' });
		expect(r.body.error.request_id).toBe(r.headers.get('x-request-id'));
	});

	test('409 envelope carries request_id too', async () => {
		const pin = (await call('POST', '/v1/pins', pinBody(emu))).body;
		await emu.control.publishPin(pin.id);
		const r = await call('PATCH', `/v1/pins/${pin.id}`, { title: 'New' });
		expect(r.body.error.request_id).toBe(r.headers.get('x-request-id'));
	});
});

describe('related_terms as a comma string (§8.16 item 8)', () => {
	test('split, trimmed, empties dropped', async () => {
		const r = await call('POST', '/v1/pins', pinBody(emu, { related_terms: ' soup, salad ,, bread ' }));
		expect(r.status).toBe(201);
		expect(r.body.related_terms).toEqual(['soup', 'salad', 'bread']);
	});
});

describe('POST /v1/pins/validate (dry run)', () => {
	test('a good body: valid, named checks, resolved payload, headroom; nothing created', async () => {
		const body = pinBody(emu);
		const r = await call('POST', '/v1/pins/validate', body);
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ valid: true, dry_run: true, existing_pin_id: null });
		expect(r.body.checks.map((c: any) => [c.name, c.status])).toEqual([
			['account', 'passed'],
			['board_access', 'passed'],
			['media', 'passed'],
			['quota', 'passed'],
			['rate_limit', 'passed'],
			['idempotency', 'passed'],
		]);
		expect(r.body.resolved).toMatchObject({ title: body.title, idempotency_key: body.idempotency_key, media_type: 'image' });
		expect(r.body.headroom.quota_remaining).toBe(1000);
		expect((await emu.control.pins()).length).toBe(0);
	});

	test('failed checks carry code, message and remediation; an existing key names its pin', async () => {
		const existing = (await call('POST', '/v1/pins', pinBody(emu))).body;
		const r = await call('POST', '/v1/pins/validate', pinBody(emu, { board_id: '999', idempotency_key: existing.idempotency_key }));
		expect(r.body.valid).toBe(false);
		const board = r.body.checks.find((c: any) => c.name === 'board_access');
		expect(board).toMatchObject({ status: 'failed', code: 'board_not_found' });
		expect(board.remediation).toEqual(expect.any(String));
		expect(r.body.existing_pin_id).toBe(existing.id);
		expect(r.body.checks.find((c: any) => c.name === 'idempotency').status).toBe('warning');
	});

	test('schema problems stay a 422, as for publish', async () => {
		const r = await call('POST', '/v1/pins/validate', pinBody(emu, { link_url: 'ftp://x' }));
		expect(r.status).toBe(422);
		expect(r.body.error.code).toBe('validation_error');
	});
});

describe('POST /v1/pins/batch', () => {
	test('created / existing / failed per index, counts, headroom; a re-send creates nothing', async () => {
		const pins = [pinBody(emu), pinBody(emu, { board_id: '999' }), pinBody(emu, { title: 'x'.repeat(101) }), pinBody(emu)];
		pins[3].idempotency_key = pins[0].idempotency_key; // same key twice in one call
		const r = await call('POST', '/v1/pins/batch', { pins });
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ created_count: 1, existing_count: 1, failed_count: 2 });
		expect(r.body.results.map((x: any) => [x.index, x.status])).toEqual([
			[0, 'created'],
			[1, 'failed'],
			[2, 'failed'],
			[3, 'existing'],
		]);
		expect(r.body.results[1].error).toMatchObject({ code: 'board_not_found' });
		expect(r.body.results[3].pin.id).toBe(r.body.results[0].pin.id);
		expect(r.body.headroom.quota_remaining).toBe(999);
		const again = await call('POST', '/v1/pins/batch', { pins: [pins[0]] });
		expect(again.body.results[0]).toMatchObject({ status: 'existing', idempotency_key: pins[0].idempotency_key });
		expect((await emu.control.pins()).length).toBe(1);
	});

	test('≤ 100 pins, non-empty; starter plan → 402 feature_not_available; too little quota → 402 for the whole call', async () => {
		const many = Array.from({ length: 101 }, () => pinBody(emu));
		expect((await call('POST', '/v1/pins/batch', { pins: many })).status).toBe(422);
		expect((await call('POST', '/v1/pins/batch', { pins: [] })).status).toBe(422);
		const starter = await emu.control.seed({ plan: 'starter', accounts: [{}], api_keys: [{}] });
		const s = api(emu, starter.api_keys[0].api_key);
		const gated = await s('POST', '/v1/pins/batch', { pins: [pinBody(emu, { account_id: starter.accounts[0].id })] });
		expect(gated.status).toBe(402);
		expect(gated.body.detail.error).toMatchObject({ code: 'feature_not_available', upgrade_url: expect.any(String) });
		const growth = await emu.control.seed({ plan: 'growth', accounts: [{}], api_keys: [{}] });
		const g = api(emu, growth.api_keys[0].api_key);
		const acct = growth.accounts[0];
		const onAcct = () => pinBody(emu, { account_id: acct.id, board_id: acct.board_ids[0] });
		for (const size of [100, 100, 100, 100, 100, 100, 100, 100, 100, 99])
			expect((await g('POST', '/v1/pins/batch', { pins: Array.from({ length: size }, onAcct) })).body.created_count).toBe(size);
		const over = await g('POST', '/v1/pins/batch', { pins: [onAcct(), onAcct()] });
		expect(over.status).toBe(402);
		expect(over.body.detail.error.code).toBe('quota_exceeded');
		expect((await emu.control.pins(growth.workspace_id)).length).toBe(999);
	});
});

describe('PATCH /v1/pins/{id}', () => {
	test('only the fields sent change; null clears a text field; a new board is checked', async () => {
		const pin = (await call('POST', '/v1/pins', pinBody(emu, { description: 'Old', link_url: 'https://e.com/a' }))).body;
		const r = await call('PATCH', `/v1/pins/${pin.id}`, { title: 'New title', description: null });
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ id: pin.id, title: 'New title', description: null, link_url: 'https://e.com/a' });
		const moved = await call('PATCH', `/v1/pins/${pin.id}`, { board_id: emu.boardIds[1] });
		expect(moved.body.board_id).toBe(emu.boardIds[1]);
		const bad = await call('PATCH', `/v1/pins/${pin.id}`, { board_id: '999' });
		expect([bad.status, bad.body.error.code]).toEqual([422, 'board_not_found']);
		expect((await call('PATCH', `/v1/pins/${pin.id}`, {})).status).toBe(422);
		expect((await call('PATCH', `/v1/pins/${pin.id}`, { title: null })).status).toBe(422);
	});

	test('published → 409 pin_already_published; publishing → 409 pin_publishing; failed → editable', async () => {
		const a = (await call('POST', '/v1/pins', pinBody(emu))).body;
		await emu.control.advance(0.1); // half the publish delay: publishing
		const publishing = await call('PATCH', `/v1/pins/${a.id}`, { title: 'x' });
		expect([publishing.status, publishing.body.error.code]).toEqual([409, 'pin_publishing']);
		await emu.control.advance(1);
		const published = await call('PATCH', `/v1/pins/${a.id}`, { title: 'x' });
		expect([published.status, published.body.error.code]).toEqual([409, 'pin_already_published']);
		const failed = await failedPin();
		expect((await call('PATCH', `/v1/pins/${failed.id}`, { alt_text: 'Alt' })).body.alt_text).toBe('Alt');
	});
});

describe('POST /v1/pins/{id}/retry with overrides', () => {
	test('no body: same board; {board_id}: moved and checked; {account_id, board_id}: another account', async () => {
		const a = await failedPin();
		expect((await call('POST', `/v1/pins/${a.id}/retry`)).body).toMatchObject({ status: 'queued', board_id: emu.boardIds[0] });
		const b = await failedPin();
		const bad = await call('POST', `/v1/pins/${b.id}/retry`, { board_id: '999' });
		expect([bad.status, bad.body.error.code]).toEqual([422, 'board_not_found']);
		expect((await call('GET', `/v1/pins/${b.id}`)).body.status).toBe('failed');
		const moved = await call('POST', `/v1/pins/${b.id}/retry`, { board_id: emu.boardIds[2] });
		expect(moved.body).toMatchObject({ status: 'queued', board_id: emu.boardIds[2], failed_at: null });
		const other = await emu.control.seed({ workspace_id: emu.workspaceId, accounts: [{}] });
		const c = await failedPin();
		const elsewhere = await call('POST', `/v1/pins/${c.id}/retry`, { account_id: other.accounts[0].id, board_id: other.accounts[0].board_ids[0] });
		expect(elsewhere.body).toMatchObject({ pinterest_account_id: other.accounts[0].id, board_id: other.accounts[0].board_ids[0] });
		const notOwned = await failedPin();
		const r = await call('POST', `/v1/pins/${notOwned.id}/retry`, { account_id: other.accounts[0].id });
		expect(r.body.error.code).toBe('board_not_owned');
	});
});

describe('GET /v1/pins 1.35+ filters and sorts; DELETE reasons', () => {
	test('error_code, removed, q on link_url, published_at sort puts unpublished last', async () => {
		const a = (await call('POST', '/v1/pins', pinBody(emu, { title: 'Banana', link_url: 'https://shop.example.com/x_1%' }))).body;
		const b = (await call('POST', '/v1/pins', pinBody(emu, { title: 'apple' }))).body;
		await emu.control.publishPin(a.id);
		await emu.control.advance(1);
		await emu.control.publishPin(b.id);
		const c = await failedPin({ title: 'Cherry' });
		await emu.control.removeOnPinterest(a.id);
		const ids = async (qs: string) => (await call('GET', `/v1/pins?${qs}`)).body.map((p: any) => p.id);
		expect(await ids('error_code=media_unreachable')).toEqual([c.id]);
		expect(await ids('removed=true')).toEqual([a.id]);
		expect(await ids('removed=false')).toEqual([c.id, b.id]);
		expect(await ids('q=x_1%25')).toEqual([a.id]);
		expect(await ids('sort=published_at_desc')).toEqual([b.id, a.id, c.id]);
		expect(await ids('sort=published_at_asc')).toEqual([a.id, b.id, c.id]);
		expect(await ids('sort=title_asc')).toEqual([b.id, a.id, c.id]);
		expect(await ids('sort=status_asc')).toEqual([c.id, a.id, b.id]); // failed < published; ties oldest first
		expect((await call('GET', '/v1/pins?removed=maybe')).status).toBe(422);
		const pin = (await call('GET', `/v1/pins/${a.id}`)).body;
		expect(pin).toMatchObject({ status: 'published', removed_from_pinterest_at: expect.any(String), failed_at: null });
		expect((await call('GET', `/v1/pins/${c.id}`)).body.failed_at).toEqual(expect.any(String));
	});

	test('delete_from_pinterest on an unpublished pin: reason not_published', async () => {
		const pin = (await call('POST', '/v1/pins', pinBody(emu))).body;
		const r = await call('DELETE', `/v1/pins/${pin.id}?delete_from_pinterest=true`);
		expect(r.body).toMatchObject({ deleted: true, removed_from_pinterest: false, reason: 'not_published' });
	});
});
