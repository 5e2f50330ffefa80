/* eslint-disable @typescript-eslint/no-explicit-any */
// Contract §9 rules, in both profiles: publishing without account_id (§9.1.3), the rate meter without account
// (§9.1.4), video needs a cover (§9.3), rate_paced in validate (§9.3), plan-feature errors (§9.2).
import type { EmulatorProfile } from './ids';
import { api, inFuture, pinBody, type Caller } from './helpers';
import { startEmulator, type StartedEmulator } from './server';

const file = (content: string, type: string, name: string) => {
	const fd = new FormData();
	fd.append('file', new Blob([content], { type }), name);
	return fd;
};

describe.each<EmulatorProfile>(['full', 'documented'])('profile %s', (profile) => {
	let emu: StartedEmulator;
	let call: Caller;
	/** A body without account_id, as on PinBridge's quick-start page. */
	const noAccount = (extra: Record<string, unknown> = {}) => pinBody(emu, { account_id: undefined, ...extra });
	const uploadVideo = async () => (await call('POST', '/v1/assets/videos', file('vid', 'video/mp4', 'v.mp4'))).body;

	beforeAll(async () => {
		emu = await startEmulator({ port: 0, clock: 'manual', profile });
		call = api(emu);
	});
	afterAll(() => emu.close());
	beforeEach(() => emu.control.reset());

	describe('without account_id, the account that holds the board (§9.1.3)', () => {
		test('publish: the board’s account; a re-send with the same key creates nothing', async () => {
			const body = noAccount();
			const first = await call('POST', '/v1/pins', body);
			expect(first.status).toBe(201);
			expect(first.body).toMatchObject({ pinterest_account_id: emu.accountId, board_id: emu.boardIds[0] });
			const again = await call('POST', '/v1/pins', body);
			expect([again.status, again.body.id]).toEqual([201, first.body.id]);
			expect((await emu.control.pins()).length).toBe(1);
		});

		test('a board no connected account holds → 422 validation_error on account_id, naming the board', async () => {
			const r = await call('POST', '/v1/pins', noAccount({ board_id: 'b_nobody' }));
			expect(r.status).toBe(422);
			expect(r.body.error.code).toBe('validation_error');
			expect(r.body.detail[0].loc).toEqual(['body', 'account_id']);
			expect(r.body.error.message).toMatch(/^account_id: .*no connected Pinterest account .* holds board b_nobody/);
			// a revoked account holds its boards no longer
			await call('DELETE', `/v1/pinterest/accounts/${emu.accountId}`);
			expect((await call('POST', '/v1/pins', noAccount())).status).toBe(422);
		});

		test('a group board that several accounts hold → 422 naming them; account_id chooses', async () => {
			const second = (
				await emu.control.seed({ workspace_id: emu.workspaceId, accounts: [{ boards: 1, shared_boards: [emu.boardIds[0]] }] })
			).accounts[0];
			expect(second.board_ids).toContain(emu.boardIds[0]);
			const r = await call('POST', '/v1/pins', noAccount());
			expect(r.status).toBe(422);
			expect(r.body.error.message).toContain('2 connected Pinterest accounts hold board');
			expect(r.body.error.message).toContain(second.id);
			const chosen = await call('POST', '/v1/pins', noAccount({ account_id: second.id }));
			expect([chosen.status, chosen.body.pinterest_account_id]).toEqual([201, second.id]);
		});

		test('a key allowed only for another account → 403 account_not_permitted', async () => {
			const seeded = await emu.control.seed({
				workspace_id: emu.workspaceId,
				accounts: [{}],
				api_keys: [{ name: 'narrow', pinterest_account_ids: [0] }],
			});
			const r = await api(emu, seeded.api_keys[0].api_key)('POST', '/v1/pins', noAccount());
			expect([r.status, r.body.error.code]).toEqual([403, 'account_not_permitted']);
		});

		test('schedules, batch items and import rows too', async () => {
			const s = await call('POST', '/v1/schedules', { ...noAccount(), idempotency_key: undefined, run_at: await inFuture(emu, 600) });
			expect([s.status, s.body.pinterest_account_id]).toEqual([201, emu.accountId]);
			const batch = await call('POST', '/v1/pins/batch', { pins: [noAccount(), noAccount({ board_id: 'b_nobody' })] });
			expect(batch.body.results.map((x: any) => [x.status, x.pin?.pinterest_account_id ?? x.error.code])).toEqual([
				['created', emu.accountId],
				['failed', 'validation_error'],
			]);
			const job = await call('POST', '/v1/pins/imports/json', [noAccount(), { ...noAccount(), run_at: await inFuture(emu, 600) }]);
			expect(job.body.results.map((x: any) => x.status)).toEqual(['created', 'created']);
			const imported = await call('GET', `/v1/pins/${job.body.results[0].pin_id}`);
			expect(imported.body.pinterest_account_id).toBe(emu.accountId);
		});

		test('validate: the account check passes with the board’s account, or fails naming the problem', async () => {
			const ok = await call('POST', '/v1/pins/validate', noAccount());
			expect(ok.body.valid).toBe(true);
			expect(ok.body.resolved.account_id).toBe(emu.accountId);
			expect(ok.body.checks[0]).toMatchObject({ name: 'account', status: 'passed' });
			const none = await call('POST', '/v1/schedules/validate', { ...noAccount({ board_id: 'b_nobody' }), run_at: await inFuture(emu, 60) });
			expect(none.status).toBe(200);
			expect(none.body.valid).toBe(false);
			expect(none.body.checks[0]).toMatchObject({ name: 'account', status: 'failed', code: 'validation_error' });
			expect(none.body.checks[0].message).toContain('b_nobody');
		});
	});

	test('rate meter without account_id: only the global bucket (§9.1.4)', async () => {
		const r = await call('GET', '/v1/rate-meter');
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ global: { tokens_available: 200, capacity: 200, refill_rate: 3 } });
		expect(Object.keys((await call('GET', `/v1/rate-meter?account_id=${emu.accountId}`)).body)).toEqual(['account', 'global']);
	});

	describe('a video needs a cover image (§9.3)', () => {
		test('Pin and schedule without one → 422 validation_error naming the cover; with one → 201', async () => {
			const video = await uploadVideo();
			const media = { image_url: undefined, asset_id: video.id };
			const pin = await call('POST', '/v1/pins', pinBody(emu, media));
			expect(pin.status).toBe(422);
			expect(pin.body.error.code).toBe('validation_error');
			expect(pin.body.detail[0].loc).toEqual(['body', 'cover_image_url']);
			expect(pin.body.error.message).toMatch(/^cover_image_url: .*needs a cover image/);
			const runAt = await inFuture(emu, 600);
			const schedule = await call('POST', '/v1/schedules', { ...pinBody(emu, media), run_at: runAt });
			expect([schedule.status, schedule.body.detail[0].loc]).toEqual([422, ['body', 'cover_image_url']]);
			const withCover = { ...media, cover_image_url: 'https://cdn.example.com/cover.jpg' };
			expect((await call('POST', '/v1/pins', pinBody(emu, withCover))).status).toBe(201);
			expect((await call('POST', '/v1/schedules', { ...pinBody(emu, withCover), run_at: runAt })).status).toBe(201);
			expect((await emu.control.pins()).length).toBe(1);
		});

		test('batch item and validate report it', async () => {
			const video = await uploadVideo();
			const body = pinBody(emu, { image_url: undefined, asset_id: video.id });
			const batch = await call('POST', '/v1/pins/batch', { pins: [body] });
			expect(batch.body.results[0]).toMatchObject({ status: 'failed', error: { code: 'validation_error' } });
			expect(batch.body.results[0].error.message).toContain('cover_image_url');
			const check = (await call('POST', '/v1/pins/validate', body)).body.checks.find((c: any) => c.name === 'media');
			expect(check).toMatchObject({ status: 'failed', code: 'validation_error' });
			expect(check.message).toContain('cover');
		});

		test('a failed video Pin keeps its cover when retried on another board', async () => {
			const video = await uploadVideo();
			const body = pinBody(emu, { image_url: undefined, asset_id: video.id, cover_image_url: 'https://cdn.example.com/c.jpg' });
			const pin = (await call('POST', '/v1/pins', body)).body;
			await emu.control.failPin(pin.id);
			const retried = await call('POST', `/v1/pins/${pin.id}/retry`, { board_id: emu.boardIds[1] });
			expect([retried.status, retried.body.board_id]).toEqual([200, emu.boardIds[1]]);
		});
	});

	test('validate: a paced publish is a rate_paced warning, not a failure (§9.3)', async () => {
		await emu.control.seed({ workspace_id: emu.workspaceId, buckets: { account: { capacity: 1, refill_per_second: 0.001 } } });
		const fresh = await call('POST', '/v1/pins/validate', pinBody(emu));
		expect(fresh.body.checks.map((c: any) => c.name)).not.toContain('rate_paced');
		expect((await call('POST', '/v1/pins', pinBody(emu))).body.status).toBe('queued');
		const paced = await call('POST', '/v1/pins/validate', pinBody(emu));
		expect(paced.body.valid).toBe(true);
		expect(paced.body.checks.find((c: any) => c.name === 'rate_paced')).toMatchObject({ status: 'warning', code: 'rate_limited' });
		expect((await call('POST', '/v1/pins', pinBody(emu))).body.status).toBe('deferred');
	});

	test('plan features (§9.2): 402, the message names the feature and the way without it', async () => {
		const free = await emu.control.seed({ plan: 'free', accounts: [{}], api_keys: [{ name: 'free' }] });
		const freeCall = api(emu, free.api_keys[0].api_key);
		const upload = await freeCall('POST', '/v1/assets/images', file('img', 'image/png', 'a.png'));
		expect([upload.status, upload.body.detail.error.code]).toEqual([402, 'payment_required']);
		expect(upload.body.detail.error.message).toContain('uploaded_media_assets');
		expect(upload.body.detail.error.message).toContain('public image URL (image_url)');
		const body = { ...pinBody(emu), account_id: free.accounts[0].id, board_id: free.accounts[0].board_ids[0] };
		const batch = await freeCall('POST', '/v1/pins/batch', { pins: [body] });
		expect([batch.status, batch.body.detail.error.code]).toEqual([402, 'feature_not_available']);
		expect(batch.body.detail.error.message).toContain('one Pin per request');
		const imports = await freeCall('POST', '/v1/pins/imports/json', [body]);
		expect([imports.status, imports.body.detail.error.code]).toEqual([402, 'payment_required']);
		expect(imports.body.detail.error.message).toContain('bulk_imports');
		for (const r of [upload, batch, imports]) expect(r.body.detail.error.remediation).toContain('upgrade');
		expect((await freeCall('POST', '/v1/pins', body)).status).toBe(201);
	});
});
