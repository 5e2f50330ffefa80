/* eslint-disable @typescript-eslint/no-explicit-any */
// The emulator's Pin calls, endpoint by endpoint (contract §5, §8.2 envelope, §8.3, §8.16 items 4, 5, 8, 11).
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

const locs = (body: any) => body.detail.map((d: any) => d.loc.join('.'));

const failedPin = async (extra: Record<string, unknown> = {}) => {
	const pin = (await call('POST', '/v1/pins', pinBody(emu, extra))).body;
	await emu.control.failPin(pin.id, { error_code: 'media_unreachable' });
	return pin;
};

describe('POST /v1/pins validation, rule by rule', () => {
	const cases: Array<[string, (b: Record<string, unknown>) => void, string, string]> = [
		['account_id must be a UUID', (b) => (b.account_id = 'acct-1'), 'body.account_id', 'uuid_parsing'],
		['board_id required', (b) => delete b.board_id, 'body.board_id', 'missing'],
		['title required', (b) => delete b.title, 'body.title', 'missing'],
		['title <= 100', (b) => (b.title = 'x'.repeat(101)), 'body.title', 'string_too_long'],
		['title must be a string', (b) => (b.title = 42), 'body.title', 'string_type'],
		['description <= 800', (b) => (b.description = 'x'.repeat(801)), 'body.description', 'string_too_long'],
		['link_url must be http(s)', (b) => (b.link_url = 'ftp://example.com/x'), 'body.link_url', 'url_parsing'],
		['link_url <= 2048', (b) => (b.link_url = `https://e.com/${'a'.repeat(2040)}`), 'body.link_url', 'string_too_long'],
		['alt_text <= 500', (b) => (b.alt_text = 'x'.repeat(501)), 'body.alt_text', 'string_too_long'],
		['related_terms must be a list or a comma string', (b) => (b.related_terms = 7), 'body.related_terms', 'list_type'],
		['related_terms items must be strings', (b) => (b.related_terms = ['a', 3]), 'body.related_terms.1', 'string_type'],
		['dominant_color must be #RRGGBB', (b) => (b.dominant_color = 'red'), 'body.dominant_color', 'string_pattern_mismatch'],
		['image_url or asset_id required', (b) => delete b.image_url, 'body.image_url', 'value_error'],
		[
			'not both image_url and asset_id',
			(b) => (b.asset_id = '6f1c1b0e-4a8e-4c1e-9d0e-1b2c3d4e5f60'),
			'body.image_url',
			'value_error',
		],
		[
			'at most one cover',
			(b) => Object.assign(b, { cover_image_url: 'https://e.com/c.jpg', cover_image_asset_id: '6f1c1b0e-4a8e-4c1e-9d0e-1b2c3d4e5f60' }),
			'body.cover_image_url',
			'value_error',
		],
		['idempotency_key required', (b) => delete b.idempotency_key, 'body.idempotency_key', 'missing'],
		['idempotency_key <= 255', (b) => (b.idempotency_key = 'k'.repeat(256)), 'body.idempotency_key', 'string_too_long'],
	];
	test.each(cases)('%s', async (_name, mutate, loc, type) => {
		const body = pinBody(emu);
		mutate(body);
		const r = await call('POST', '/v1/pins', body);
		expect(r.status).toBe(422);
		expect(Array.isArray(r.body.detail)).toBe(true);
		const item = r.body.detail.find((d: any) => d.loc.join('.') === loc);
		expect(item).toBeDefined();
		expect(item.type).toBe(type);
		expect(typeof item.msg).toBe('string');
		expect((await emu.control.pins()).length).toBe(0);
	});

	test('cover image on an image pin -> 422 on cover_image_url', async () => {
		const r = await call('POST', '/v1/pins', pinBody(emu, { cover_image_url: 'https://e.com/c.jpg' }));
		expect(r.status).toBe(422);
		expect(locs(r.body)).toContain('body.cover_image_url');
	});

	test('unknown account -> 422 on account_id; unknown/foreign board -> 422 board_not_found / board_not_owned', async () => {
		let r = await call('POST', '/v1/pins', pinBody(emu, { account_id: '6f1c1b0e-4a8e-4c1e-9d0e-1b2c3d4e5f60' }));
		expect(r.status).toBe(422);
		expect(locs(r.body)).toEqual(['body.account_id']);
		r = await call('POST', '/v1/pins', pinBody(emu, { board_id: '123' }));
		expect(r.status).toBe(422);
		expect(r.body.error.code).toBe('board_not_found');
		const other = await emu.control.seed({ workspace_id: emu.workspaceId, accounts: [{ boards: 1 }] });
		r = await call('POST', '/v1/pins', pinBody(emu, { board_id: other.accounts[0].board_ids[0] }));
		expect(r.status).toBe(422);
		expect(r.body.error.code).toBe('board_not_owned');
	});

	test('invalid JSON and non-object bodies -> 422', async () => {
		let r = await call('POST', '/v1/pins', '{"title":', { 'content-type': 'application/json' });
		expect(r.status).toBe(422);
		expect(r.body.detail[0].type).toBe('json_invalid');
		r = await call('POST', '/v1/pins', [1, 2]);
		expect(r.status).toBe(422);
		expect(r.body.detail[0].type).toBe('model_attributes_type');
	});
});

describe('related_terms as a comma string (§8.16 item 8)', () => {
	test('split, trimmed, empties dropped', async () => {
		const r = await call('POST', '/v1/pins', pinBody(emu, { related_terms: ' soup, salad ,, bread ' }));
		expect(r.status).toBe(201);
		expect(r.body.related_terms).toEqual(['soup', 'salad', 'bread']);
	});
});

describe('auth and error shapes', () => {
	test('bad key -> 401 {"detail":"Invalid API key"}; no key -> 401; X-Request-ID always', async () => {
		const bad = await api(emu, 'pbk_nope')('GET', '/v1/pins');
		expect(bad.status).toBe(401);
		expect(bad.body).toEqual({ detail: 'Invalid API key' });
		expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		const none = await api(emu, null)('GET', '/v1/pins');
		expect(none.status).toBe(401);
	});

	test('X-API-Key is checked before Authorization: Bearer', async () => {
		const r = await api(emu, null)('GET', '/v1/pins', undefined, {
			'x-api-key': 'wrong',
			authorization: `Bearer ${emu.apiKey}`,
		});
		expect(r.status).toBe(401);
		const ok = await api(emu, null)('GET', '/v1/pins', undefined, { authorization: `Bearer ${emu.apiKey}` });
		expect(ok.status).toBe(200);
	});

	test('plain 404 detail shape', async () => {
		const r = await call('GET', '/v1/pins/6f1c1b0e-4a8e-4c1e-9d0e-1b2c3d4e5f60');
		expect(r.status).toBe(404);
		expect(r.body).toEqual({ detail: 'Pin not found' });
	});

	test('scopes: read-only key -> 403 insufficient_scope (envelope); allow-list -> 403 account_not_permitted', async () => {
		const seeded = await emu.control.seed({
			workspace_id: emu.workspaceId,
			accounts: [{ boards: 1 }],
			api_keys: [
				{ name: 'ro', scopes: ['read'] },
				{ name: 'only-second', scopes: ['read', 'write'], pinterest_account_ids: [0] },
			],
		});
		const ro = api(emu, seeded.api_keys[0].api_key);
		let r = await ro('POST', '/v1/pins', pinBody(emu));
		expect(r.status).toBe(403);
		expect(r.body.error.code).toBe('insufficient_scope');
		expect(typeof r.body.error.remediation).toBe('string');
		expect((await ro('GET', '/v1/pins')).status).toBe(200);
		r = await ro('DELETE', '/v1/webhooks/6f1c1b0e-4a8e-4c1e-9d0e-1b2c3d4e5f60');
		expect(r.status).toBe(403);
		const limited = api(emu, seeded.api_keys[1].api_key);
		r = await limited('POST', '/v1/pins', pinBody(emu));
		expect(r.status).toBe(403);
		expect(r.body.error.code).toBe('account_not_permitted');
		r = await limited('POST', '/v1/pins', pinBody(emu, { account_id: seeded.accounts[0].id, board_id: seeded.accounts[0].board_ids[0] }));
		expect(r.status).toBe(201);
		const accounts = await limited('GET', '/v1/pinterest/accounts');
		expect(accounts.body.map((a: any) => a.id)).toEqual([seeded.accounts[0].id]);
	});

	test('402 business shape: quota_exceeded on the free plan; replays do not count', async () => {
		const free = await emu.control.seed({ plan: 'free', accounts: [{ boards: 1 }], api_keys: [{}] });
		const c = api(emu, free.api_keys[0].api_key);
		const body = (i: number) => ({
			account_id: free.accounts[0].id,
			board_id: free.accounts[0].board_ids[0],
			title: `t${i}`,
			image_url: 'https://e.com/a.jpg',
			idempotency_key: `free-${i}`,
		});
		for (let i = 0; i < 50; i++) expect((await c('POST', '/v1/pins', body(i))).status).toBe(201);
		const over = await c('POST', '/v1/pins', body(50));
		expect(over.status).toBe(402);
		expect(over.body.detail.error.code).toBe('quota_exceeded');
		expect(over.body.detail.error.upgrade_url).toMatch(/^https:\/\//);
		const replay = await c('POST', '/v1/pins', body(3));
		expect(replay.status).toBe(201);
		const ws = (await emu.control.workspaces()).find((w) => w.id === free.workspace_id)!;
		expect(ws.quota_used).toBe(50);
	});

	test('402 payment_required for assets and imports on the free plan', async () => {
		const free = await emu.control.seed({ plan: 'free', accounts: [{}], api_keys: [{}] });
		const c = api(emu, free.api_keys[0].api_key);
		const fd = new FormData();
		fd.append('file', new Blob([Buffer.from('x')], { type: 'image/png' }), 'a.png');
		const a = await c('POST', '/v1/assets/images', fd);
		expect(a.status).toBe(402);
		expect(a.body.detail.error.code).toBe('payment_required');
		const i = await c('POST', '/v1/pins/imports/json', [{}]);
		expect(i.status).toBe(402);
		expect(i.body.detail.error.code).toBe('payment_required');
	});

	test('500 carries request_id in the body (injected)', async () => {
		await emu.control.addFault({ method: 'GET', path: '/v1/pins', status: 503 });
		const r = await call('GET', '/v1/pins');
		expect(r.status).toBe(503);
		expect(r.body.request_id).toBe(r.headers.get('x-request-id'));
	});
});

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

describe('idempotency (contract §5)', () => {
	test('replay -> same pin, 201, no quota spent, nothing enqueued, even with a different body', async () => {
		const body = pinBody(emu);
		const first = await call('POST', '/v1/pins', body);
		expect(first.status).toBe(201);
		const before = await emu.control.counters();
		const used = (await emu.control.workspaces())[0].quota_used;
		const again = await call('POST', '/v1/pins', { ...body, title: 'Different title', board_id: emu.boardIds[1] });
		expect(again.status).toBe(201);
		expect(again.body.id).toBe(first.body.id);
		expect(again.body.title).toBe(first.body.title);
		const after = await emu.control.counters();
		expect(after.pins_created).toBe(before.pins_created);
		expect(after.pins_enqueued).toBe(before.pins_enqueued);
		expect(after.idempotent_replays).toBe(before.idempotent_replays + 1);
		expect((await emu.control.workspaces())[0].quota_used).toBe(used);
		expect((await emu.control.pins()).length).toBe(1);
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

describe('lifecycle', () => {
	test('queued -> publishing -> published on the emulator clock; job reflects it', async () => {
		const { body: pin } = await call('POST', '/v1/pins', pinBody(emu));
		expect(pin.status).toBe('queued');
		await emu.control.advance(0.1);
		expect((await call('GET', `/v1/pins/${pin.id}`)).body.status).toBe('publishing');
		await emu.control.advance(0.1);
		const done = (await call('GET', `/v1/pins/${pin.id}`)).body;
		expect(done.status).toBe('published');
		expect(done.pinterest_pin_id).toMatch(/^\d+$/);
		expect(done.published_at).not.toBeNull();
		const job = await call('GET', `/v1/jobs/${pin.id}`);
		expect(job.body).toMatchObject({ pin_id: pin.id, status: 'published', pinterest_pin_id: done.pinterest_pin_id });
		expect(job.body.completed_at).not.toBeNull();
	});

	test('unreachable media -> failed with error_code; retry -> queued then published', async () => {
		const { body: pin } = await call('POST', '/v1/pins', pinBody(emu, { image_url: 'https://cdn.unreachable.invalid/x.jpg' }));
		await emu.control.advance(1);
		const failed = (await call('GET', `/v1/pins/${pin.id}`)).body;
		expect(failed.status).toBe('failed');
		expect(failed.error_code).toBe('media_unreachable');
		expect(failed.error_message).toContain('unreachable');
		// a published pin can't be retried
		const { body: ok } = await call('POST', '/v1/pins', pinBody(emu));
		await emu.control.advance(1);
		const conflict = await call('POST', `/v1/pins/${ok.id}/retry`);
		expect(conflict.status).toBe(409);
		expect(conflict.body.error.code).toBe('pin_already_published');
		// retry of the failed one re-enqueues it; force a publish via control to finish
		const retried = await call('POST', `/v1/pins/${pin.id}/retry`);
		expect(retried.status).toBe(200);
		expect(retried.body.status).toBe('queued');
		expect(retried.body.error_code).toBeNull();
		await emu.control.publishPin(pin.id);
		expect((await call('GET', `/v1/pins/${pin.id}`)).body.status).toBe('published');
	});

	test('a deleted board makes the publish fail with board_not_found', async () => {
		const { body: pin } = await call('POST', '/v1/pins', pinBody(emu, { board_id: emu.boardIds[2] }));
		const del = await call('DELETE', `/v1/pinterest/boards/${emu.boardIds[2]}?account_id=${emu.accountId}`);
		expect(del.status).toBe(204);
		await emu.control.advance(1);
		const p = (await call('GET', `/v1/pins/${pin.id}`)).body;
		expect(p.status).toBe('failed');
		expect(p.error_code).toBe('board_not_found');
	});

	test('deferral: 51st pin on an account is deferred (201) and released when the bucket refills', async () => {
		const ids: string[] = [];
		for (let i = 0; i < 52; i++) {
			const r = await call('POST', '/v1/pins', pinBody(emu));
			expect(r.status).toBe(201);
			ids.push(r.body.id);
			expect(r.body.status).toBe(i < 50 ? 'queued' : 'deferred');
		}
		const meter = await call('GET', `/v1/rate-meter?account_id=${emu.accountId}`);
		expect(meter.body.account).toMatchObject({ account_id: emu.accountId, capacity: 50, refill_rate: 1 });
		expect(meter.body.account.tokens_available).toBeLessThan(1);
		expect(meter.body.global).toMatchObject({ capacity: 200, refill_rate: 3, tokens_available: 150 });
		await emu.control.advance(0.5);
		expect((await call('GET', `/v1/pins/${ids[50]}`)).body.status).toBe('deferred');
		await emu.control.advance(0.6); // t=1.1s: one token came back -> pin 51 queued, 52 still deferred
		expect((await call('GET', `/v1/pins/${ids[50]}`)).body.status).not.toBe('deferred');
		expect((await call('GET', `/v1/pins/${ids[51]}`)).body.status).toBe('deferred');
		await emu.control.advance(2);
		expect((await call('GET', `/v1/pins/${ids[50]}`)).body.status).toBe('published');
		expect((await call('GET', `/v1/pins/${ids[51]}`)).body.status).toBe('published');
	});

	test('global bucket: capacity 200 across accounts defers too', async () => {
		const seeded = await emu.control.seed({ workspace_id: emu.workspaceId, accounts: [1, 2, 3, 4, 5].map(() => ({ boards: 1 })) });
		const statuses: string[] = [];
		for (let i = 0; i < 201; i++) {
			const a = seeded.accounts[i % 5];
			const r = await call('POST', '/v1/pins', pinBody(emu, { account_id: a.id, board_id: a.board_ids[0] }));
			statuses.push(r.body.status);
		}
		expect(statuses.slice(0, 200).every((s) => s === 'queued')).toBe(true);
		expect(statuses[200]).toBe('deferred');
		await emu.control.advance(0.4); // 3/s global -> a token after 1/3 s
		const deferred = (await emu.control.pins()).filter((p) => p.status === 'deferred');
		expect(deferred.length).toBe(0);
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

describe('GET /v1/pins list, filters and pagination; delete', () => {
	test('newest first, X-Total-Count, limit/offset, limit>200 -> 422, filters', async () => {
		const created: any[] = [];
		for (let i = 0; i < 7; i++) {
			created.push((await call('POST', '/v1/pins', pinBody(emu, { title: i % 2 ? `Odd cake ${i}` : `Even ${i}`, board_id: emu.boardIds[i % 2] }))).body);
			await emu.control.advance(1);
		}
		let r = await call('GET', '/v1/pins?limit=3&offset=1');
		expect(r.status).toBe(200);
		expect(Array.isArray(r.body)).toBe(true);
		expect(r.headers.get('x-total-count')).toBe('7');
		expect(r.body.map((p: any) => p.id)).toEqual([created[5].id, created[4].id, created[3].id]);
		r = await call('GET', '/v1/pins?sort=created_at_asc&limit=2');
		expect(r.body.map((p: any) => p.id)).toEqual([created[0].id, created[1].id]);
		// §8.3: only the listed sort values; the old aliases are unknown now
		expect((await call('GET', '/v1/pins?sort=created_at')).status).toBe(422);
		r = await call('GET', '/v1/pins?limit=201');
		expect(r.status).toBe(422);
		expect(r.body.detail[0].loc).toEqual(['query', 'limit']);
		expect((await call('GET', '/v1/pins?limit=200')).status).toBe(200);
		r = await call('GET', `/v1/pins?board_id=${emu.boardIds[1]}`);
		expect(r.headers.get('x-total-count')).toBe('3');
		r = await call('GET', '/v1/pins?q=CAKE');
		expect(r.body.length).toBe(3);
		r = await call('GET', `/v1/pins?status=published&account_id=${emu.accountId}`);
		expect(r.body.length).toBe(7);
		r = await call('GET', `/v1/pins?since=${encodeURIComponent(created[5].created_at)}`);
		expect(r.body.map((p: any) => p.id)).toEqual([created[6].id, created[5].id]);
		// until is exclusive (§8.3)
		r = await call('GET', `/v1/pins?until=${encodeURIComponent(created[1].created_at)}`);
		expect(r.headers.get('x-total-count')).toBe('1');
		expect((await call('GET', '/v1/pins?status=nope')).status).toBe(422);
	});

	test('DELETE -> 204; ?delete_from_pinterest=true -> 200 body', async () => {
		const a = (await call('POST', '/v1/pins', pinBody(emu))).body;
		const b = (await call('POST', '/v1/pins', pinBody(emu))).body;
		await emu.control.advance(1);
		const d1 = await call('DELETE', `/v1/pins/${a.id}`);
		expect(d1.status).toBe(204);
		expect((await call('GET', `/v1/pins/${a.id}`)).status).toBe(404);
		const d2 = await call('DELETE', `/v1/pins/${b.id}?delete_from_pinterest=true`);
		expect(d2.status).toBe(200);
		expect(d2.body).toMatchObject({ id: b.id, deleted: true, removed_from_pinterest: true });
		expect(d2.body.pinterest_pin_id).toMatch(/^\d+$/);
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
