/* eslint-disable @typescript-eslint/no-explicit-any */
// The emulator's other resources, one describe each: health, accounts, imports, assets, boards, related terms, rate
// meter, API keys.
import { api, inFuture, pinBody, type Caller } from './helpers';
import { startEmulator, type StartedEmulator } from './server';

let emu: StartedEmulator;
let call: Caller;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, clock: 'manual' });
	call = api(emu);
});
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

const row = (i: number, extra: Record<string, unknown> = {}) => ({
	account_id: emu.accountId,
	board_id: emu.boardIds[0],
	title: `Row ${i}`,
	image_url: `https://images.example.com/r${i}.jpg`,
	idempotency_key: `row-${i}`,
	...extra,
});

function file(content: string | Buffer, type: string, name: string, field = 'file'): FormData {
	const fd = new FormData();
	fd.append(field, new Blob([new Uint8Array(typeof content === 'string' ? Buffer.from(content) : content)], { type }), name);
	return fd;
}

/** An account connected before API 1.37: no boards:write_secret. */
const oldAccount = async () =>
	(await emu.control.seed({ workspace_id: emu.workspaceId, accounts: [{ missing_scopes: ['boards:write_secret'] }] })).accounts[0];

describe('health', () => {
	test('GET /healthz without auth', async () => {
		const r = await api(emu, null)('GET', '/healthz');
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ status: 'ok', environment: 'emulator' });
		expect(typeof r.body.version).toBe('string');
	});
});

describe('accounts: health fields (§8.11)', () => {
	test('every account carries them; a seeded scope gap shows as scope_missing', async () => {
		const old = await oldAccount();
		const list = (await call('GET', '/v1/pinterest/accounts')).body;
		const healthy = list.find((a: any) => a.id === emu.accountId);
		expect(healthy).toMatchObject({ health_status: 'healthy', reconnect_required: false, missing_scopes: [], health_message: null });
		expect(healthy.token_expires_at).toEqual(expect.any(String));
		expect(healthy.health_checked_at).toEqual(expect.any(String));
		const gap = list.find((a: any) => a.id === old.id);
		expect(gap).toMatchObject({ health_status: 'scope_missing', missing_scopes: ['boards:write_secret'] });
		expect(gap.health_message).toContain('boards:write_secret');
	});
});

describe('imports (§8.4)', () => {
	test('JSON: per-row results (created / existing / failed), run_at rows become schedules', async () => {
		await call('POST', '/v1/pins', row(1));
		const r = await call('POST', '/v1/pins/imports/json', [
			row(1),
			row(2),
			row(3, { title: 'x'.repeat(101) }),
			row(4, { board_id: '999' }),
			row(5, { run_at: await inFuture(emu, 600) }),
			row(6, { idempotency_key: undefined }),
		]);
		expect(r.status).toBe(202);
		expect(r.body).toMatchObject({ status: 'completed_with_errors', source_type: 'json', source_filename: null, total_rows: 6, processed_rows: 6, created_rows: 2, existing_rows: 1, failed_rows: 3 });
		const res = r.body.results;
		expect(res.map((x: any) => x.status)).toEqual(['existing', 'created', 'failed', 'failed', 'created', 'failed']);
		expect(res.map((x: any) => x.row_number)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(res[2].error_code).toBe('validation_error');
		expect(res[2].error_message).toContain('title');
		expect(res[3].error_code).toBe('board_not_found');
		expect(res[4].schedule_id).toMatch(/^[0-9a-f-]{36}$/);
		expect(res[4].pin_id).toBeNull();
		expect(res[5].error_message).toContain('idempotency_key');
		expect((await emu.control.pins()).length).toBe(2);
		expect((await emu.control.schedules()).length).toBe(1);
		const again = await call('POST', '/v1/pins/imports/json', [row(2), row(5, { run_at: await inFuture(emu, 600) })]);
		expect(again.body.results.map((x: any) => x.status)).toEqual(['existing', 'existing']);
		expect((await emu.control.schedules()).length).toBe(1);
		const list = await call('GET', '/v1/pins/imports');
		expect(list.body.map((j: any) => j.id)).toEqual([again.body.id, r.body.id]);
		expect((await call('GET', `/v1/pins/imports/${r.body.id}`)).body.results).toHaveLength(6);
	});

	test('JSON: more than 500 rows -> 422; not an array -> 422', async () => {
		const rows = Array.from({ length: 501 }, (_, i) => row(i));
		const r = await call('POST', '/v1/pins/imports/json', rows);
		expect(r.status).toBe(422);
		expect(r.body.detail[0]).toMatchObject({ loc: ['body'], type: 'too_long' });
		expect((await emu.control.pins()).length).toBe(0);
		expect((await call('POST', '/v1/pins/imports/json', { rows: [] })).status).toBe(422);
		const ok = await call('POST', '/v1/pins/imports/json', rows.slice(0, 500));
		expect(ok.body.created_rows).toBe(500);
	});

	test('CSV upload (multipart field "file") with a header row', async () => {
		const csv = [
			'account_id,board_id,title,description,image_url,idempotency_key,related_terms',
			`${emu.accountId},${emu.boardIds[1]},"Quoted, title","Line one\nline two",https://e.com/1.jpg,csv-1,cake|baking`,
			`${emu.accountId},${emu.boardIds[1]},Second,,https://e.com/2.jpg,csv-2,`,
			`${emu.accountId},${emu.boardIds[1]},,,https://e.com/3.jpg,csv-3,`,
		].join('\r\n');
		const r = await call('POST', '/v1/pins/imports/csv', file(csv, 'text/csv', 'pins.csv'));
		expect(r.status).toBe(202);
		expect(r.body).toMatchObject({ source_type: 'csv', source_filename: 'pins.csv', status: 'completed_with_errors' });
		expect(r.body).toMatchObject({ total_rows: 3, created_rows: 2, failed_rows: 1 });
		expect(r.body.results[2]).toMatchObject({ row_number: 3, status: 'failed', error_code: 'validation_error' });
		const pin = (await call('GET', `/v1/pins/${r.body.results[0].pin_id}`)).body;
		expect(pin).toMatchObject({ title: 'Quoted, title', description: 'Line one\nline two', related_terms: ['cake', 'baking'] });
		const missing = await call('POST', '/v1/pins/imports/csv', file(csv, 'text/csv', 'pins.csv', 'upload'));
		expect(missing.status).toBe(422);
		expect(missing.body.detail[0].loc).toEqual(['body', 'file']);
	});

	test('202 with source_type/started_at; completed vs completed_with_errors; status and source_type filters', async () => {
		const ok = await call('POST', '/v1/pins/imports/json', [row(1, { related_terms: 'soup, salad' })]);
		expect(ok.status).toBe(202);
		expect(ok.body).toMatchObject({ status: 'completed', source_type: 'json', error_message: null, started_at: expect.any(String) });
		const pin = (await call('GET', `/v1/pins/${ok.body.results[0].pin_id}`)).body;
		expect(pin.related_terms).toEqual(['soup', 'salad']);
		const csv = ['account_id,board_id,title,image_url,idempotency_key,run_at'];
		csv.push(`${emu.accountId},999,T,https://e.com/a.jpg,c-1,`);
		csv.push(`${emu.accountId},${emu.boardIds[0]},T,https://e.com/b.jpg,,${await inFuture(emu, 600)}`);
		const mixed = await call('POST', '/v1/pins/imports/csv', file(csv.join('\n'), 'text/csv', 'rows.csv'));
		expect(mixed.body).toMatchObject({ status: 'completed_with_errors', source_type: 'csv', source_filename: 'rows.csv', failed_rows: 1 });
		expect(mixed.body.error_message).toEqual(expect.any(String));
		const ids = async (qs: string) => (await call('GET', `/v1/pins/imports?${qs}`)).body.map((j: any) => j.id);
		expect(await ids('status=completed_with_errors')).toEqual([mixed.body.id]);
		expect(await ids('source_type=json')).toEqual([ok.body.id]);
		expect((await call('GET', '/v1/pins/imports?status=done')).status).toBe(422);
	});
});

describe('assets (§8.7)', () => {
	const upload = async (name: string, type = 'image/png', content = 'PNGDATA') =>
		(await call('POST', `/v1/assets/${type.startsWith('video') ? 'videos' : 'images'}`, file(content, type, name))).body;

	test('image upload kept in memory and served at public_url; used by a pin', async () => {
		const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
		const r = await call('POST', '/v1/assets/images', file(bytes, 'image/png', 'cat.png'));
		expect(r.status).toBe(201);
		expect(r.body).toMatchObject({ asset_type: 'image', original_filename: 'cat.png', content_type: 'image/png', file_size_bytes: 8 });
		expect(r.body.public_url.startsWith(emu.url)).toBe(true);
		const served = await fetch(r.body.public_url);
		expect(served.status).toBe(200);
		expect(served.headers.get('content-type')).toBe('image/png');
		expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes);
		expect((await call('GET', `/v1/assets/${r.body.id}`)).body.id).toBe(r.body.id);
		const pin = await call('POST', '/v1/pins', {
			account_id: emu.accountId,
			board_id: emu.boardIds[0],
			title: 'From asset',
			asset_id: r.body.id,
			idempotency_key: 'asset-pin',
		});
		expect(pin.status).toBe(201);
		expect(pin.body).toMatchObject({ media_type: 'image', media_url: r.body.public_url, asset_id: r.body.id });
	});

	test('video upload makes a video pin, with a cover; wrong type -> 422', async () => {
		const video = (await call('POST', '/v1/assets/videos', file(Buffer.alloc(64, 1), 'video/mp4', 'clip.mp4'))).body;
		expect(video.asset_type).toBe('video');
		const pin = await call('POST', '/v1/pins', {
			account_id: emu.accountId,
			board_id: emu.boardIds[0],
			title: 'Video',
			asset_id: video.id,
			cover_image_url: 'https://e.com/cover.jpg',
			idempotency_key: 'video-pin',
		});
		expect(pin.status).toBe(201);
		expect(pin.body).toMatchObject({ media_type: 'video', cover_image_url: 'https://e.com/cover.jpg' });
		const wrong = await call('POST', '/v1/assets/videos', file('x', 'image/png', 'a.png'));
		expect(wrong.status).toBe(422);
		expect(wrong.body.detail[0].loc).toEqual(['body', 'file']);
		expect((await call('POST', '/v1/assets/images', { file: 'nope' })).status).toBe(422);
	});

	test('upload answers the 1.41 record; GET …/content returns the bytes', async () => {
		const a = await upload('lamp.png');
		expect(a).toMatchObject({
			original_filename: 'lamp.png',
			stored_filename: `${a.id}.png`,
			referenced_by_pin_count: 0,
			file_size_display: '7 B',
			updated_at: a.created_at,
			public_url: `${emu.url}/v1/assets/${a.id}/content`,
		});
		const content = await call('GET', `/v1/assets/${a.id}/content`);
		expect([content.status, content.text, content.headers.get('content-type')]).toEqual([200, 'PNGDATA', 'image/png']);
		expect(content.headers.get('content-disposition')).toContain('lamp.png');
	});

	test('GET /v1/assets: an object with assets and storage; filters and sorts', async () => {
		const a = await upload('Kitchen.png', 'image/png', 'a');
		await emu.control.advance(1);
		const b = await upload('garden.png', 'image/png', 'bbbbbb');
		await emu.control.advance(1);
		const v = await upload('clip.mp4', 'video/mp4', 'vvv');
		await call('POST', '/v1/pins', pinBody(emu, { image_url: undefined, asset_id: a.id }));
		const list = (await call('GET', '/v1/assets')).body;
		expect(list).toMatchObject({ total: 3, storage_used_bytes: 10, storage_quota_bytes: 10 * 1024 ** 3 });
		expect(list.assets.map((x: any) => x.id)).toEqual([v.id, b.id, a.id]);
		const ids = async (qs: string) => (await call('GET', `/v1/assets?${qs}`)).body.assets.map((x: any) => x.id);
		expect(await ids('asset_type=video')).toEqual([v.id]);
		expect(await ids('q=KITCHEN')).toEqual([a.id]);
		expect(await ids('in_use=true')).toEqual([a.id]);
		expect(await ids('in_use=false')).toEqual([v.id, b.id]);
		expect(await ids('sort=size_desc')).toEqual([b.id, v.id, a.id]);
		expect(await ids('sort=name_asc')).toEqual([v.id, b.id, a.id]);
		expect(await ids('limit=1&offset=1')).toEqual([b.id]);
		expect((await call('GET', '/v1/assets?sort=biggest')).status).toBe(422);
		expect((await call('GET', `/v1/assets/${a.id}`)).body.referenced_by_pin_count).toBe(1);
	});

	test('DELETE: in use → kept, requires_confirmation; confirm=true deletes; the waiting pin then fails', async () => {
		const a = await upload('lamp.png');
		const pin = (await call('POST', '/v1/pins', pinBody(emu, { image_url: undefined, asset_id: a.id }))).body;
		const kept = await call('DELETE', `/v1/assets/${a.id}`);
		expect([kept.status, kept.body]).toEqual([200, { deleted: false, requires_confirmation: true, referenced_pin_count: 1, freed_bytes: 0 }]);
		const gone = await call('DELETE', `/v1/assets/${a.id}?confirm=true`);
		expect(gone.body).toEqual({ deleted: true, requires_confirmation: false, referenced_pin_count: 1, freed_bytes: 7 });
		expect((await call('GET', `/v1/assets/${a.id}`)).status).toBe(404);
		await emu.control.advance(1);
		expect((await call('GET', `/v1/pins/${pin.id}`)).body.status).toBe('failed');
		const unused = await upload('free.png');
		expect((await call('DELETE', `/v1/assets/${unused.id}`)).body.deleted).toBe(true);
	});
});

describe('boards (§8.6)', () => {
	test('list needs account_id; create validates; delete needs account_id', async () => {
		expect((await call('GET', '/v1/pinterest/boards')).status).toBe(422);
		const list = await call('GET', `/v1/pinterest/boards?account_id=${emu.accountId}`);
		expect(list.body.map((b: any) => b.id)).toEqual(emu.boardIds);
		expect(Object.keys(list.body[0]).sort()).toEqual(['description', 'id', 'name', 'privacy']);
		let r = await call('POST', '/v1/pinterest/boards', { account_id: emu.accountId, name: '' });
		expect(r.body.detail[0].loc).toEqual(['body', 'name']);
		r = await call('POST', '/v1/pinterest/boards', { account_id: emu.accountId, name: 'x'.repeat(181) });
		expect(r.status).toBe(422);
		r = await call('POST', '/v1/pinterest/boards', { account_id: emu.accountId, name: 'New', privacy: 'PRIVATE' });
		expect(r.body.detail[0].loc).toEqual(['body', 'privacy']);
		r = await call('POST', '/v1/pinterest/boards', { account_id: emu.accountId, name: 'New', privacy: 'SECRET' });
		expect(r.status).toBe(201);
		expect(r.body).toMatchObject({ name: 'New', privacy: 'SECRET' });
		expect(r.body.id).toMatch(/^\d+$/);
		expect((await call('DELETE', `/v1/pinterest/boards/${r.body.id}`)).status).toBe(422);
		expect((await call('DELETE', `/v1/pinterest/boards/${r.body.id}?account_id=${emu.accountId}`)).status).toBe(204);
		expect((await call('DELETE', `/v1/pinterest/boards/${r.body.id}?account_id=${emu.accountId}`)).status).toBe(404);
	});

	test('SECRET on an account without boards:write_secret → 409 scope_missing with connect_url; PROTECTED is fine', async () => {
		const old = await oldAccount();
		const r = await call('POST', '/v1/pinterest/boards', { account_id: old.id, name: 'Hidden', privacy: 'SECRET' });
		expect(r.status).toBe(409);
		expect(r.body.error).toMatchObject({ code: 'scope_missing', connect_url: expect.any(String) });
		const p = await call('POST', '/v1/pinterest/boards', { account_id: old.id, name: 'Members', privacy: 'PROTECTED' });
		expect([p.status, p.body.privacy]).toEqual([201, 'PROTECTED']);
		const patch = await call('PATCH', `/v1/pinterest/boards/${p.body.id}`, { account_id: old.id, privacy: 'SECRET' });
		expect(patch.body.error.code).toBe('scope_missing');
	});

	test('PATCH changes the fields sent; needs one; unknown board → 404 board_not_found', async () => {
		const id = emu.boardIds[0];
		const r = await call('PATCH', `/v1/pinterest/boards/${id}`, { account_id: emu.accountId, name: 'Soups', description: 'Warm' });
		expect(r.body).toEqual({ id, name: 'Soups', description: 'Warm', privacy: 'PUBLIC' });
		expect((await call('PATCH', `/v1/pinterest/boards/${id}`, { account_id: emu.accountId })).status).toBe(422);
		const missing = await call('PATCH', '/v1/pinterest/boards/999', { account_id: emu.accountId, name: 'x' });
		expect([missing.status, missing.body.error.code]).toEqual([404, 'board_not_found']);
	});

	test('access: publishable verdicts in the body, cached unless fresh; unknown account → 404', async () => {
		const ok = await call('GET', `/v1/pinterest/boards/${emu.boardIds[0]}/access?account_id=${emu.accountId}`);
		expect(ok.body).toMatchObject({ publishable: true, status: 'ok', code: null, source: 'pinterest', board: { id: emu.boardIds[0] } });
		expect(ok.body.account_health.health_status).toBe('healthy');
		const again = await call('GET', `/v1/pinterest/boards/${emu.boardIds[0]}/access?account_id=${emu.accountId}`);
		expect([again.body.source, again.body.checked_at]).toEqual(['cache', ok.body.checked_at]);
		const fresh = await call('GET', `/v1/pinterest/boards/${emu.boardIds[0]}/access?account_id=${emu.accountId}&fresh=true`);
		expect(fresh.body.source).toBe('pinterest');
		const bad = await call('GET', `/v1/pinterest/boards/999/access?account_id=${emu.accountId}`);
		expect([bad.status, bad.body.publishable, bad.body.code]).toEqual([200, false, 'board_not_found']);
		expect(bad.body.remediation).toEqual(expect.any(String));
		expect((await call('GET', `/v1/pinterest/boards/999/access?account_id=6f1c1b0e-4a8e-4c1e-9d0e-1b2c3d4e5f60`)).status).toBe(404);
		const old = await emu.control.seed({
			workspace_id: emu.workspaceId,
			accounts: [{ missing_scopes: ['boards:write_secret'], boards: [{ name: 'Secret', privacy: 'SECRET' }] }],
		});
		const secret = await call('GET', `/v1/pinterest/boards/${old.accounts[0].board_ids[0]}/access?account_id=${old.accounts[0].id}`);
		expect(secret.body).toMatchObject({ publishable: false, code: 'scope_missing', connect_url: expect.any(String) });
	});

	test('delete marks PinBridge’s published pins removed_from_pinterest_at; access then says board_deleted', async () => {
		const pin = (await call('POST', '/v1/pins', pinBody(emu))).body;
		await emu.control.publishPin(pin.id);
		expect((await call('DELETE', `/v1/pinterest/boards/${emu.boardIds[0]}?account_id=${emu.accountId}`)).status).toBe(204);
		expect((await call('GET', `/v1/pins/${pin.id}`)).body).toMatchObject({ status: 'published', removed_from_pinterest_at: expect.any(String) });
		const access = await call('GET', `/v1/pinterest/boards/${emu.boardIds[0]}/access?account_id=${emu.accountId}`);
		expect(access.body.code).toBe('board_deleted');
		const gone = await call('DELETE', `/v1/pinterest/boards/${emu.boardIds[0]}?account_id=${emu.accountId}`);
		expect([gone.status, gone.body.error.code]).toEqual([404, 'board_not_found']);
	});
});

describe('related terms (§8.13)', () => {
	test('repeated terms; the read allowance runs out -> 429 rate_limited with retry_after_seconds; refills', async () => {
		const path = `/v1/pinterest/terms/related?account_id=${emu.accountId}&terms=cake&terms=bread`;
		const r = await call('GET', path);
		expect(r.status).toBe(200);
		expect(r.body.related_terms_list.map((t: any) => t.term)).toEqual(['cake', 'bread']);
		expect(r.body.related_term_count).toBe(r.body.related_terms_list.reduce((n: number, t: any) => n + t.related_terms.length, 0));
		expect(r.body.exact_match).toBe(false);
		for (let i = 0; i < 9; i++) expect((await call('GET', path)).status).toBe(200);
		const limited = await call('GET', path);
		expect(limited.status).toBe(429);
		expect(limited.body.error.code).toBe('rate_limited');
		expect(limited.body.error.retry_after_seconds).toBeGreaterThan(0);
		expect(limited.headers.get('x-ratelimit-remaining')).toBeNull();
		await emu.control.advance(limited.body.error.retry_after_seconds);
		expect((await call('GET', path)).status).toBe(200);
		expect((await call('GET', `/v1/pinterest/terms/related?account_id=${emu.accountId}`)).status).toBe(422);
	});

	test('terms as one comma-separated value count as several terms', async () => {
		const r = await call('GET', `/v1/pinterest/terms/related?account_id=${emu.accountId}&terms=${encodeURIComponent('soup, salad')}`);
		expect(r.body.related_terms_list.map((t: any) => t.term)).toEqual(['soup', 'salad']);
	});
});

describe('rate meter', () => {
	test('floats; without account_id only the global bucket (§9.1.4)', async () => {
		const globalOnly = await call('GET', '/v1/rate-meter');
		expect(globalOnly.status).toBe(200);
		expect(globalOnly.body).toEqual({ global: { tokens_available: 200, capacity: 200, refill_rate: 3 } });
		const r = await call('GET', `/v1/rate-meter?account_id=${emu.accountId}`);
		expect(r.body).toEqual({
			account: { account_id: emu.accountId, tokens_available: 50, capacity: 50, refill_rate: 1 },
			global: { tokens_available: 200, capacity: 200, refill_rate: 3 },
		});
	});
});

describe('API keys (§8.1, §8.14 item 12)', () => {
	test('create shows api_key once; list hides it; revoke -> 204 and the key stops working', async () => {
		const c = await call('POST', '/v1/api-keys', { name: 'ci', scopes: ['read'] });
		expect(c.status).toBe(201);
		expect(c.body.api_key).toMatch(/^pbk_/);
		expect(c.body.scopes).toEqual(['read']);
		const list = await call('GET', '/v1/api-keys');
		expect(list.body.length).toBe(2);
		expect(list.text).not.toContain(c.body.api_key);
		const k = api(emu, c.body.api_key);
		expect((await k('GET', '/v1/pins')).status).toBe(200);
		expect((await call('POST', '/v1/api-keys', { scopes: ['read'] })).status).toBe(422);
		expect((await call('POST', '/v1/api-keys', { name: 'x', scopes: ['admin'] })).status).toBe(422);
		expect((await call('DELETE', `/v1/api-keys/${c.body.id}`)).status).toBe(204);
		expect((await k('GET', '/v1/pins')).status).toBe(401);
	});

	test('PATCH changes scopes (never beyond the caller’s); the record names its source', async () => {
		const created = await call('POST', '/v1/api-keys', { name: 'Reports', scopes: ['read'] });
		expect(created.body).toMatchObject({ scopes: ['read'], source: 'api', client_name: null, authorized_by_email: null });
		const r = await call('PATCH', `/v1/api-keys/${created.body.id}`, { scopes: ['read', 'write'] });
		expect([r.status, r.body.scopes]).toEqual([200, ['read', 'write']]);
		const narrow = api(emu, created.body.api_key);
		const refused = await narrow('PATCH', `/v1/api-keys/${created.body.id}`, { scopes: ['destructive'] });
		expect([refused.status, refused.body.error.code]).toEqual([403, 'insufficient_scope']);
		expect((await call('PATCH', `/v1/api-keys/${created.body.id}`, {})).status).toBe(422);
	});
});
