// Analytics against the local PinBridge emulator (a real HTTP server), through n8n's engine:
// the request as the emulator logged it, and the output items against the emulator's deterministic figures.
import { dailyFigures } from '../../emulator/analytics/figures';
import { api, pinBody, publishedPin } from '../../emulator/helpers';
import { useEmulator } from '../../harness/emulator';

const emulator = useEmulator({ timezone: 'UTC' });
const run = emulator.run;
const account = () => ({ __rl: true, mode: 'id', value: emulator.emu.accountId });

/** The emulator's today and `n` days before, as YYYY-MM-DD (UTC, as the workflow's zone here). */
async function days(n: number): Promise<{ today: string; before: string }> {
	const now = await emulator.emu.control.now();
	const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
	return { today: iso(now), before: iso(now - n * 86_400_000) };
}

async function lastRequest(path: string) {
	const seen = await emulator.emu.control.requests({ path });
	return seen[seen.length - 1];
}

describe('Analytics against the emulator', () => {
	it('Get Account Analytics, one item per day: the emulator’s figures, day by day', async () => {
		const { today, before } = await days(2);
		const { items, error } = await run({
			resource: 'analytics',
			operation: 'getAccount',
			account: account(),
			startDate: before,
			endDate: today,
			metrics: ['IMPRESSION', 'OUTBOUND_CLICK'],
			output: 'perDay',
		});
		expect(error).toBeUndefined();
		const path = `/v1/pinterest/accounts/${emulator.emu.accountId}/analytics`;
		expect((await lastRequest(path)).query).toEqual({
			start_date: before,
			end_date: today,
			metrics: 'IMPRESSION,OUTBOUND_CLICK',
			source: 'auto',
			include_daily: 'true',
		});
		const expected = [2, 1, 0].map((back) => {
			const date = new Date(Date.parse(today) - back * 86_400_000).toISOString().slice(0, 10);
			const f = dailyFigures('account', emulator.emu.accountId, date);
			return { json: { date, impression: f.impression, outbound_click: f.outbound_click }, pairedItem: { item: 0 } };
		});
		expect(items).toEqual(expected);
	});

	it('Get Account Analytics, totals: one item adding up the last 30 days', async () => {
		const { today, before } = await days(30);
		const { items, error } = await run({ resource: 'analytics', operation: 'getAccount', account: account() });
		expect(error).toBeUndefined();
		let impressions = 0;
		for (let d = Date.parse(before); d <= Date.parse(today); d += 86_400_000) {
			impressions += dailyFigures('account', emulator.emu.accountId, new Date(d).toISOString().slice(0, 10)).impression;
		}
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			account_id: emulator.emu.accountId,
			start_date: before,
			end_date: today,
			provider_mode: 'simulated',
			source: 'stored',
			impression: impressions,
		});
		expect(items[0].json).not.toHaveProperty('daily');
	});

	it('Get Pin Analytics: a published Pin’s figures from its publish day; a queued one is refused by PinBridge', async () => {
		const pinId = await publishedPin(emulator.emu);
		const { today, before } = await days(1);
		const { items, error } = await run({ resource: 'analytics', operation: 'getPin', pinId, startDate: before, output: 'perDay' });
		expect(error).toBeUndefined();
		expect((await lastRequest(`/v1/pins/${pinId}/analytics`)).query).toEqual({
			start_date: before,
			end_date: today,
			source: 'auto',
			include_daily: 'true',
		});
		const f = dailyFigures('pin', pinId, today);
		expect(items.map((item) => item.json)).toEqual([
			{ date: before, impression: 0, save: 0, pin_click: 0, outbound_click: 0 },
			{ date: today, impression: f.impression, save: f.save, pin_click: f.pin_click, outbound_click: f.outbound_click },
		]);

		const queued = await api(emulator.emu)('POST', '/v1/pins', pinBody(emulator.emu));
		const refused = await run({ resource: 'analytics', operation: 'getPin', pinId: queued.body.id });
		expect(refused.error?.httpCode).toBe('409');
		expect(refused.error?.description).toContain('pin_not_published');
	});

	it('Get Overview adds up the accounts; Get Top Pins ranks the published Pins', async () => {
		const { today, before } = await days(6);
		const overview = await run({ resource: 'analytics', operation: 'getOverview', startDate: before, endDate: today });
		expect((await lastRequest('/v1/analytics/overview')).query).toEqual({ start_date: before, end_date: today });
		const accountTotals = await run({ resource: 'analytics', operation: 'getAccount', account: account(), startDate: before, endDate: today });
		expect(overview.items[0].json).toMatchObject({
			start_date: before,
			end_date: today,
			impression: accountTotals.items[0].json.impression,
			previous_totals: { impression: expect.any(Number) },
		});

		const pins = [await publishedPin(emulator.emu), await publishedPin(emulator.emu), await publishedPin(emulator.emu)];
		const top = await run({ resource: 'analytics', operation: 'getTopPins', startDate: today, sortBy: 'pin_click', top: 2 });
		expect(top.error).toBeUndefined();
		const ranked = pins
			.map((id) => ({ id, clicks: dailyFigures('pin', id, today).pin_click }))
			.sort((a, b) => b.clicks - a.clicks);
		expect(top.items.map((item) => [item.json.rank, item.json.pin_id])).toEqual([
			[1, ranked[0].id],
			[2, ranked[1].id],
		]);
		expect((await lastRequest('/v1/analytics/pins')).query).toMatchObject({ sort_by: 'pin_click', limit: '2' });
	});

	it('Get Publishing Summary counts what was published, in the workflow’s time zone', async () => {
		await publishedPin(emulator.emu);
		await emulator.emu.control.advance(1); // the default end is "now", exclusive: let the publish lie before it
		const { items, error } = await run({ resource: 'analytics', operation: 'getSummary' }, { timezone: 'Asia/Tokyo' });
		expect(error).toBeUndefined();
		expect((await lastRequest('/v1/dashboard/summary')).query).toEqual({ tz: 'Asia/Tokyo' });
		expect(items[0].json).toMatchObject({
			timezone: 'Asia/Tokyo',
			granularity: 'day',
			pins: { by_status: { published: 1 }, submitted: 1, success_rate: 1 },
		});
	});

	it('Collect Account Analytics: queued, then PinBridge’s 429 (15 minutes) without a blind resend', async () => {
		const first = await run({ resource: 'analytics', operation: 'collect', account: account() });
		expect(first.items[0].json).toEqual({ account_id: emulator.emu.accountId, status: 'queued', message: expect.any(String) });
		const again = await run({ resource: 'analytics', operation: 'collect', account: account() });
		expect(again.error?.httpCode).toBe('429');
		expect(again.error?.description).toContain('rate_limited');
		const collects = await emulator.emu.control.requests({ path: `/v1/analytics/accounts/${emulator.emu.accountId}/collect` });
		expect(collects.map((r) => r.status)).toEqual([202, 429]);
	});
});
