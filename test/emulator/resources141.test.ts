/* eslint-disable @typescript-eslint/no-explicit-any */
// API 1.30–1.41: boards (§8.6), assets (§8.7), account health (§8.11), imports (§8.4), related terms (§8.13).
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

function file(content: string, type: string, name: string): FormData {
	const fd = new FormData();
	fd.append('file', new Blob([new Uint8Array(Buffer.from(content))], { type }), name);
	return fd;
}

/** An account connected before API 1.37: no boards:write_secret. */
const oldAccount = async () =>
	(await emu.control.seed({ workspace_id: emu.workspaceId, accounts: [{ missing_scopes: ['boards:write_secret'] }] })).accounts[0];

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

describe('boards: PROTECTED, SECRET scope, PATCH, access check, delete', () => {
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

describe('assets: record fields, list, delete with confirmation, content', () => {
	const upload = async (name: string, type = 'image/png', content = 'PNGDATA') =>
		(await call('POST', `/v1/assets/${type.startsWith('video') ? 'videos' : 'images'}`, file(content, type, name))).body;

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

describe('API keys (§8.1, §8.14 item 12)', () => {
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

describe('imports (§8.4) and related terms (§8.13)', () => {
	const row = (i: number, extra: Record<string, unknown> = {}) => ({ ...pinBody(emu), idempotency_key: `row-${i}`, ...extra });

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

	test('terms as one comma-separated value count as several terms', async () => {
		const r = await call('GET', `/v1/pinterest/terms/related?account_id=${emu.accountId}&terms=${encodeURIComponent('soup, salad')}`);
		expect(r.body.related_terms_list.map((t: any) => t.term)).toEqual(['soup', 'salad']);
	});
});
