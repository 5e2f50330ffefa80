/* eslint-disable @typescript-eslint/no-explicit-any */
// Analytics (contract §8.8): deterministic figures, ranges, sources, overview, top pins and collect.
import { dailyFigures } from './analytics/figures';
import { api, pinBody, type Caller } from './helpers';
import { startEmulator, type StartedEmulator } from './server';

let emu: StartedEmulator;
let call: Caller;

// Emulator "today" is 2026-03-10 (UTC).
beforeAll(async () => {
	emu = await startEmulator({ port: 0, clock: 'manual', startTime: '2026-03-10T12:00:00Z' });
	call = api(emu);
});
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

const sum = (rows: any[], metric: string) => rows.reduce((n, row) => n + row.metrics[metric], 0);

async function publishedPin(extra: Record<string, unknown> = {}): Promise<any> {
	const created = await call('POST', '/v1/pins', pinBody(emu, extra));
	await emu.control.publishPin(created.body.id);
	return (await call('GET', `/v1/pins/${created.body.id}`)).body;
}

describe('GET /v1/pinterest/accounts/{id}/analytics', () => {
	it('defaults to the last 30 days, the standard metrics and stored history, with totals adding up the days', async () => {
		const res = await call('GET', `/v1/pinterest/accounts/${emu.accountId}/analytics`);
		expect(res.status).toBe(200);
		const body = res.body;
		expect(body).toMatchObject({
			account_id: emu.accountId,
			start_date: '2026-02-08',
			end_date: '2026-03-10',
			provider_mode: 'simulated',
			source: 'stored',
			data_as_of: '2026-03-10T00:00:00.000Z',
			history_start: '2025-03-10',
		});
		expect(body.daily).toHaveLength(31);
		expect(Object.keys(body.totals).sort()).toEqual(['impression', 'outbound_click', 'pin_click', 'save']);
		for (const metric of Object.keys(body.totals)) expect(body.totals[metric]).toBe(sum(body.daily, metric));
		expect(body.daily[0]).toEqual({
			date: '2026-02-08',
			data_status: 'READY',
			metrics: {
				impression: dailyFigures('account', emu.accountId, '2026-02-08').impression,
				save: dailyFigures('account', emu.accountId, '2026-02-08').save,
				pin_click: dailyFigures('account', emu.accountId, '2026-02-08').pin_click,
				outbound_click: dailyFigures('account', emu.accountId, '2026-02-08').outbound_click,
			},
		});
		// Deterministic: the same request answers the same numbers (and differs from day to day).
		expect((await call('GET', `/v1/pinterest/accounts/${emu.accountId}/analytics`)).body.daily).toEqual(body.daily);
		expect(new Set(body.daily.map((d: any) => d.metrics.impression)).size).toBeGreaterThan(20);
	});

	it('the figures are a fixed function of id and date (pinned values)', () => {
		// Pinned so that a change to the formula (which would move every test's numbers) is a visible decision.
		const f = dailyFigures('pin', '00000000-0000-4000-8000-000000000000', '2026-01-01');
		expect(f).toEqual({ impression: 49, save: 2, pin_click: 2, outbound_click: 0, engagement: 4, total_comments: 0, total_reactions: 0 });
	});

	it('takes metrics, a range and include_daily=false; future days are PENDING and count nothing', async () => {
		const res = await call(
			'GET',
			`/v1/pinterest/accounts/${emu.accountId}/analytics?start_date=2026-03-08&end_date=2026-03-12&metrics=SAVE,engagement&include_daily=true`,
		);
		expect(res.status).toBe(200);
		expect(res.body.daily.map((d: any) => [d.date, d.data_status])).toEqual([
			['2026-03-08', 'READY'],
			['2026-03-09', 'READY'],
			['2026-03-10', 'READY'],
			['2026-03-11', 'PENDING'],
			['2026-03-12', 'PENDING'],
		]);
		expect(res.body.daily[4].metrics).toEqual({ save: 0, engagement: 0 });
		const days = ['2026-03-08', '2026-03-09', '2026-03-10'].map((d) => dailyFigures('account', emu.accountId, d));
		expect(res.body.totals).toEqual({
			save: days.reduce((n, f) => n + f.save, 0),
			engagement: days.reduce((n, f) => n + f.engagement, 0),
		});
		const noDaily = await call(
			'GET',
			`/v1/pinterest/accounts/${emu.accountId}/analytics?start_date=2026-03-08&end_date=2026-03-12&metrics=SAVE,ENGAGEMENT&include_daily=false`,
		);
		expect(noDaily.body.daily).toEqual([]);
		expect(noDaily.body.totals).toEqual(res.body.totals);
	});

	it('live reads say so, report lifetime comments and spend the Pinterest read allowance', async () => {
		const url = `/v1/pinterest/accounts/${emu.accountId}/analytics?start_date=2026-03-01&source=live&metrics=IMPRESSION,TOTAL_COMMENTS`;
		const first = await call('GET', url);
		expect(first.status).toBe(200);
		expect(first.body.source).toBe('live');
		expect(first.body.data_as_of).toBe('2026-03-10T12:00:00.000Z');
		expect(first.body.totals.total_comments).toBeGreaterThan(0);
		expect(first.body.daily.every((d: any) => d.metrics.total_comments === 0)).toBe(true);
		for (let i = 0; i < 9; i++) expect((await call('GET', url)).status).toBe(200);
		const limited = await call('GET', url);
		expect(limited.status).toBe(429);
		expect(limited.body.error).toMatchObject({ code: 'rate_limited', retry_after_seconds: expect.any(Number) });
		// Stored reads do not spend it.
		expect((await call('GET', url.replace('source=live', 'source=stored'))).status).toBe(200);
	});

	const bad: Array<[string, string, number, string]> = [
		['start after end', 'start_date=2026-03-05&end_date=2026-03-01', 422, 'invalid_date_range'],
		['more than 366 days', 'start_date=2025-03-09&end_date=2026-03-10', 422, 'invalid_date_range'],
		['older than the stored history', 'start_date=2025-03-09&end_date=2025-03-20', 422, 'invalid_date_range'],
		['live older than 90 days', 'start_date=2025-12-01&source=live', 422, 'invalid_date_range'],
		['an unreadable date', 'start_date=03/01/2026', 422, 'query.start_date'],
		['a date that does not exist', 'end_date=2026-02-30', 422, 'query.end_date'],
		['an unknown metric', 'metrics=IMPRESSION,LIKES', 422, 'query.metrics'],
		['an unknown source', 'source=cache', 422, 'query.source'],
	];
	test.each(bad)('%s → %s', async (_name, query, status, code) => {
		const res = await call('GET', `/v1/pinterest/accounts/${emu.accountId}/analytics?${query}`);
		expect(res.status).toBe(status);
		if (code.startsWith('query.')) expect(res.body.detail.map((d: any) => d.loc.join('.'))).toContain(code);
		else expect(res.body.error.code).toBe(code);
	});

	it('a full 366-day stored range and a 90-day live range are served', async () => {
		expect((await call('GET', `/v1/pinterest/accounts/${emu.accountId}/analytics?start_date=2025-03-10`)).status).toBe(200);
		const live = await call('GET', `/v1/pinterest/accounts/${emu.accountId}/analytics?start_date=2025-12-10&source=live`);
		expect(live.status).toBe(200);
	});

	it('unknown, other-key and disconnected accounts', async () => {
		expect((await call('GET', '/v1/pinterest/accounts/00000000-0000-4000-8000-000000000000/analytics')).status).toBe(404);
		const seeded = await emu.control.seed({ workspace_id: emu.workspaceId, accounts: [{}], api_keys: [{ pinterest_account_ids: [0] }] });
		const narrow = api(emu, seeded.api_keys[0].api_key);
		const denied = await narrow('GET', `/v1/pinterest/accounts/${emu.accountId}/analytics`);
		expect([denied.status, denied.body.error.code]).toEqual([403, 'account_not_permitted']);
		await call('DELETE', `/v1/pinterest/accounts/${emu.accountId}`);
		const revoked = await call('GET', `/v1/pinterest/accounts/${emu.accountId}/analytics`);
		expect([revoked.status, revoked.body.error.code]).toEqual([409, 'token_revoked']);
	});
});

describe('GET /v1/pins/{id}/analytics', () => {
	it('409 pin_not_published before publishing; afterwards figures only from the publish day', async () => {
		const created = await call('POST', '/v1/pins', pinBody(emu));
		const early = await call('GET', `/v1/pins/${created.body.id}/analytics`);
		expect([early.status, early.body.error.code]).toEqual([409, 'pin_not_published']);

		await emu.control.publishPin(created.body.id);
		const res = await call('GET', `/v1/pins/${created.body.id}/analytics?start_date=2026-03-09&end_date=2026-03-10`);
		expect(res.status).toBe(200);
		const today = dailyFigures('pin', created.body.id, '2026-03-10');
		expect(res.body).toMatchObject({
			pin_id: created.body.id,
			pinterest_pin_id: expect.stringMatching(/^\d+$/),
			account_id: emu.accountId,
			removed_from_pinterest_at: null,
			provider_mode: 'simulated',
			source: 'stored',
		});
		expect(res.body.daily[0].metrics).toEqual({ impression: 0, save: 0, pin_click: 0, outbound_click: 0 });
		expect(res.body.totals).toEqual({
			impression: today.impression,
			save: today.save,
			pin_click: today.pin_click,
			outbound_click: today.outbound_click,
		});
	});
});

describe('GET /v1/analytics/overview', () => {
	it('adds up every connected account, with the previous period of the same length', async () => {
		const seeded = await emu.control.seed({ workspace_id: emu.workspaceId, accounts: [{}] });
		const second = seeded.accounts[0].id;
		const range = 'start_date=2026-03-01&end_date=2026-03-07';
		const res = await call('GET', `/v1/analytics/overview?${range}`);
		expect(res.status).toBe(200);
		const one = (await call('GET', `/v1/pinterest/accounts/${emu.accountId}/analytics?${range}`)).body.totals;
		const two = (await call('GET', `/v1/pinterest/accounts/${second}/analytics?${range}`)).body.totals;
		expect(res.body).toMatchObject({
			start_date: '2026-03-01',
			end_date: '2026-03-07',
			previous_start_date: '2026-02-22',
			previous_end_date: '2026-02-28',
			metrics: ['impression', 'save', 'pin_click', 'outbound_click'],
		});
		for (const metric of res.body.metrics) expect(res.body.totals[metric]).toBe(one[metric] + two[metric]);
		const prevOne = (await call('GET', `/v1/pinterest/accounts/${emu.accountId}/analytics?start_date=2026-02-22&end_date=2026-02-28`)).body.totals;
		const prevTwo = (await call('GET', `/v1/pinterest/accounts/${second}/analytics?start_date=2026-02-22&end_date=2026-02-28`)).body.totals;
		expect(res.body.previous_totals.impression).toBe(prevOne.impression + prevTwo.impression);
		expect(res.body.daily).toHaveLength(7);
		expect(res.body.accounts).toEqual([
			{ account_id: emu.accountId, status: 'ready', message: expect.any(String) },
			{ account_id: second, status: 'ready', message: expect.any(String) },
		]);

		const filtered = await call('GET', `/v1/analytics/overview?${range}&account_id=${second}`);
		expect(filtered.body.totals).toEqual(two);
	});
});

describe('GET /v1/analytics/pins', () => {
	it('ranks published pins by the chosen metric, pages with limit/offset and counts the total', async () => {
		const pins = [await publishedPin(), await publishedPin(), await publishedPin()];
		await call('POST', '/v1/pins', pinBody(emu)); // queued: not ranked
		const res = await call('GET', '/v1/analytics/pins?sort_by=save&start_date=2026-03-10&end_date=2026-03-10');
		expect(res.status).toBe(200);
		expect(res.body.total).toBe(3);
		const expected = pins
			.map((pin) => ({ id: pin.id, save: dailyFigures('pin', pin.id, '2026-03-10').save }))
			.sort((a, b) => b.save - a.save);
		expect(res.body.items.map((i: any) => i.pin_id)).toEqual(expected.map((e) => e.id));
		expect(res.body.items[0]).toMatchObject({
			account_id: emu.accountId,
			title: expect.any(String),
			thumbnail_url: expect.stringMatching(/^https:/),
			media_type: 'image',
			published_at: expect.any(String),
			totals: { save: expected[0].save, impression: expect.any(Number), total_reactions: 0 },
		});
		const page = await call('GET', '/v1/analytics/pins?sort_by=save&start_date=2026-03-10&end_date=2026-03-10&limit=1&offset=1');
		expect(page.body).toEqual({ items: [res.body.items[1]], total: 3 });
		expect((await call('GET', '/v1/analytics/pins?limit=101')).status).toBe(422);
		expect((await call('GET', '/v1/analytics/pins?sort_by=likes')).status).toBe(422);
	});
});

describe('POST /v1/analytics/accounts/{id}/collect', () => {
	it('202 queued, then 429 rate_limited with the seconds left until 15 minutes have passed', async () => {
		const first = await call('POST', `/v1/analytics/accounts/${emu.accountId}/collect`);
		expect(first.status).toBe(202);
		expect(first.body).toEqual({ account_id: emu.accountId, status: 'queued', message: expect.any(String) });
		const overview = await call('GET', '/v1/analytics/overview');
		expect(overview.body.accounts[0].status).toBe('collecting');

		await emu.control.advance(60);
		const again = await call('POST', `/v1/analytics/accounts/${emu.accountId}/collect`);
		expect(again.status).toBe(429);
		expect(again.body.error).toMatchObject({ code: 'rate_limited', retry_after_seconds: 840 });

		await emu.control.advance(840);
		expect((await call('POST', `/v1/analytics/accounts/${emu.accountId}/collect`)).status).toBe(202);
	});

	it('needs the write scope', async () => {
		const seeded = await emu.control.seed({ workspace_id: emu.workspaceId, api_keys: [{ scopes: ['read'] }] });
		const res = await api(emu, seeded.api_keys[0].api_key)('POST', `/v1/analytics/accounts/${emu.accountId}/collect`);
		expect([res.status, res.body.error.code]).toEqual([403, 'insufficient_scope']);
	});
});
