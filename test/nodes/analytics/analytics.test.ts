// Analytics → every operation through n8n's engine with nock: the exact request (path, query, key) and the output
// items, including one item per day. The tests' clock is 2026-11-22T10:00:00Z (fake runtime).
import { DateTime } from 'luxon';

import { useFakeRuntime } from '../../harness/fakeRuntime';
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { ACCOUNT_ID, byId, PIN_ID } from '../pin/fixtures';

useNock();
const clock = useFakeRuntime();

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
const account = byId(ACCOUNT_ID);

const daily = [
	{ date: '2026-11-20', data_status: 'READY', metrics: { impression: 120, save: 4 } },
	{ date: '2026-11-21', data_status: 'READY', metrics: { impression: 80, save: 1 } },
];
const report = (extra: Record<string, unknown> = {}) => ({
	account_id: ACCOUNT_ID,
	start_date: '2026-11-20',
	end_date: '2026-11-21',
	provider_mode: 'simulated',
	totals: { impression: 200, save: 5 },
	daily,
	source: 'stored',
	data_as_of: '2026-11-22T00:00:00.000Z',
	history_start: '2025-11-22',
	...extra,
});

describe('Analytics → Get Account Analytics', () => {
	it('defaults to the last 30 days in the workflow’s zone and outputs the totals as one item', async () => {
		const scope = api()
			.get(`/v1/pinterest/accounts/${ACCOUNT_ID}/analytics`)
			.query({ start_date: '2026-10-23', end_date: '2026-11-22', source: 'auto', include_daily: 'false' })
			.reply(200, report({ daily: [] }));
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'analytics', operation: 'getAccount', account },
			timezone: 'Europe/Berlin',
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					account_id: ACCOUNT_ID,
					start_date: '2026-11-20',
					end_date: '2026-11-21',
					provider_mode: 'simulated',
					source: 'stored',
					data_as_of: '2026-11-22T00:00:00.000Z',
					history_start: '2025-11-22',
					impression: 200,
					save: 5,
				},
				pairedItem: { item: 0 },
			},
		]);
		scope.done();
	});

	it('One Item per Day: date and one field per metric; metrics and source are sent', async () => {
		const scope = api()
			.get(`/v1/pinterest/accounts/${ACCOUNT_ID}/analytics`)
			.query({
				start_date: '2026-11-20',
				end_date: '2026-11-21',
				metrics: 'IMPRESSION,SAVE',
				source: 'live',
				include_daily: 'true',
			})
			.reply(200, report({ source: 'live' }));
		const { items, error } = await runPinBridgeNode({
			parameters: {
				resource: 'analytics',
				operation: 'getAccount',
				account,
				startDate: '2026-11-20T00:00:00',
				endDate: '2026-11-21T00:00:00',
				metrics: ['IMPRESSION', 'SAVE'],
				source: 'live',
				output: 'perDay',
			},
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { date: '2026-11-20', impression: 120, save: 4 }, pairedItem: { item: 0 } },
			{ json: { date: '2026-11-21', impression: 80, save: 1 }, pairedItem: { item: 0 } },
		]);
		scope.done();
	});

	it('Raw Response keeps PinBridge’s answer', async () => {
		const scope = api().get(`/v1/pinterest/accounts/${ACCOUNT_ID}/analytics`).query(true).reply(200, report());
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'analytics', operation: 'getAccount', account, output: 'raw' },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: report(), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('dates from expressions: luxon DateTimes give their day in the workflow’s zone, text its day as written', async () => {
		const today = DateTime.now().setZone('Pacific/Auckland');
		clock.now = today.toMillis(); // the range check's "today" agrees with n8n's $today
		const scope = api()
			.get(`/v1/pinterest/accounts/${ACCOUNT_ID}/analytics`)
			.query({
				start_date: today.minus({ days: 7 }).toISODate(),
				end_date: today.toISODate(),
				source: 'auto',
				include_daily: 'false',
			})
			.reply(200, report())
			.get(`/v1/pinterest/accounts/${ACCOUNT_ID}/analytics`)
			.query({ start_date: '2026-11-01', end_date: '2026-11-05', source: 'auto', include_daily: 'false' })
			.reply(200, report());
		const byExpression = await runPinBridgeNode({
			parameters: {
				resource: 'analytics',
				operation: 'getAccount',
				account,
				startDate: "={{ $today.minus(7, 'days') }}",
				endDate: '={{ $today }}',
			},
			timezone: 'Pacific/Auckland',
		});
		expect(byExpression.error).toBeUndefined();
		const byText = await runPinBridgeNode({
			parameters: { resource: 'analytics', operation: 'getAccount', account, startDate: '={{ $json.start }}', endDate: '={{ $json.end }}' },
			items: [{ json: { start: '2026-11-01T23:30:00-05:00', end: '2026-11-05' } }],
			timezone: 'Pacific/Auckland',
		});
		expect(byText.error).toBeUndefined();
		scope.done();
	});
});

describe('Analytics → Get Pin Analytics, Get Overview, Get Top Pins', () => {
	it('Pin analytics: GET /v1/pins/{id}/analytics; "today" is the workflow zone’s date', async () => {
		// 10:00 UTC is already the next day on Kiritimati (UTC+14).
		const scope = api()
			.get(`/v1/pins/${PIN_ID}/analytics`)
			.query({ start_date: '2026-10-24', end_date: '2026-11-23', source: 'stored', include_daily: 'true' })
			.reply(200, report({ pin_id: PIN_ID }));
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'analytics', operation: 'getPin', pinId: PIN_ID, source: 'stored', output: 'perDay' },
			timezone: 'Pacific/Kiritimati',
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{ date: '2026-11-20', impression: 120, save: 4 },
			{ date: '2026-11-21', impression: 80, save: 1 },
		]);
		scope.done();
	});

	it('Pin analytics of a Pin not yet published: PinBridge’s 409 with its code', async () => {
		const scope = api()
			.get(`/v1/pins/${PIN_ID}/analytics`)
			.query(true)
			.reply(409, { error: { code: 'pin_not_published', message: 'The pin is queued', remediation: 'Wait until it is published.' } });
		const { error } = await runPinBridgeNode({ parameters: { resource: 'analytics', operation: 'getPin', pinId: PIN_ID } });
		expect(error?.message).toBe('The pin is queued');
		expect(error?.httpCode).toBe('409');
		expect(error?.description).toContain('pin_not_published');
		expect(error?.description).toContain('Wait until it is published.');
		scope.done();
	});

	it('Overview: the range and an optional account; totals as fields, the previous period kept', async () => {
		const overview = {
			start_date: '2026-11-15',
			end_date: '2026-11-21',
			previous_start_date: '2026-11-08',
			previous_end_date: '2026-11-14',
			metrics: ['impression'],
			totals: { impression: 900 },
			previous_totals: { impression: 700 },
			daily: [{ date: '2026-11-15', metrics: { impression: 100 } }],
			accounts: [{ account_id: ACCOUNT_ID, status: 'ready', message: 'ok' }],
		};
		const scope = api()
			.get('/v1/analytics/overview')
			.query({ start_date: '2026-11-15', end_date: '2026-11-21', account_id: ACCOUNT_ID })
			.reply(200, overview)
			.get('/v1/analytics/overview')
			.query({ start_date: '2026-11-15', end_date: '2026-11-21' })
			.reply(200, overview);
		const parameters = { resource: 'analytics', operation: 'getOverview', startDate: '2026-11-15', endDate: '2026-11-21' };
		const one = await runPinBridgeNode({ parameters: { ...parameters, account } });
		expect(one.items[0].json).toEqual({
			start_date: '2026-11-15',
			end_date: '2026-11-21',
			previous_start_date: '2026-11-08',
			previous_end_date: '2026-11-14',
			metrics: ['impression'],
			impression: 900,
			previous_totals: { impression: 700 },
			accounts: [{ account_id: ACCOUNT_ID, status: 'ready', message: 'ok' }],
		});
		const all = await runPinBridgeNode({ parameters: { ...parameters, output: 'perDay' } });
		expect(all.items.map((item) => item.json)).toEqual([{ date: '2026-11-15', impression: 100 }]);
		scope.done();
	});

	it('Top Pins: ranked by the chosen metric, one item per Pin with its rank', async () => {
		const pins = [
			{ pin_id: PIN_ID, title: 'Lemon tart', totals: { save: 9 } },
			{ pin_id: 'aaaaaaaa-4d5a-4b6c-8d7e-0f1a2b3c4d5e', title: 'Scones', totals: { save: 3 } },
		];
		const scope = api()
			.get('/v1/analytics/pins')
			.query({ start_date: '2026-11-15', end_date: '2026-11-22', sort_by: 'save', limit: '5' })
			.reply(200, { items: pins, total: 12 });
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'analytics', operation: 'getTopPins', startDate: '2026-11-15', sortBy: 'save', top: 5 },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { rank: 1, ...pins[0] }, pairedItem: { item: 0 } },
			{ json: { rank: 2, ...pins[1] }, pairedItem: { item: 0 } },
		]);
		scope.done();
	});
});

describe('Analytics → Get Publishing Summary and Collect Account Analytics', () => {
	const summary = { start: 's', end: 'e', timezone: 'Europe/Berlin', granularity: 'day', pins: { total: 3 } };

	it('Summary: times without an offset are read in the workflow’s zone and sent with tz', async () => {
		const scope = api()
			.get('/v1/dashboard/summary')
			.query({ tz: 'Europe/Berlin', start: '2026-11-16T00:00:00+01:00', end: '2026-11-23T00:00:00+01:00' })
			.reply(200, summary)
			.get('/v1/dashboard/summary')
			.query({ tz: 'Europe/Berlin' })
			.reply(200, summary)
			.get('/v1/dashboard/summary')
			.query({ tz: 'America/New_York', account_id: ACCOUNT_ID })
			.reply(200, summary);
		const base = { resource: 'analytics', operation: 'getSummary' };
		const week = await runPinBridgeNode({
			parameters: { ...base, start: '2026-11-16', end: '2026-11-23T00:00:00' },
			timezone: 'Europe/Berlin',
		});
		expect(week.items).toEqual([{ json: summary, pairedItem: { item: 0 } }]);
		// Empty Start/End: PinBridge's defaults (the 30 days up to now), still counted in the workflow's zone.
		expect((await runPinBridgeNode({ parameters: base, timezone: 'Europe/Berlin' })).error).toBeUndefined();
		const other = await runPinBridgeNode({
			parameters: { ...base, account, options: { timeZone: 'America/New_York' } },
			timezone: 'Europe/Berlin',
		});
		expect(other.error).toBeUndefined();
		scope.done();
	});

	it('Collect: POST …/collect outputs PinBridge’s answer', async () => {
		const queued = { account_id: ACCOUNT_ID, status: 'queued', message: 'Analytics collection queued' };
		const scope = api().post(`/v1/analytics/accounts/${ACCOUNT_ID}/collect`).reply(202, queued);
		const { items, error } = await runPinBridgeNode({ parameters: { resource: 'analytics', operation: 'collect', account } });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: queued, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('Collect again within 15 minutes: PinBridge’s 429 ends the run at once when its wait passes the budget', async () => {
		const scope = api()
			.post(`/v1/analytics/accounts/${ACCOUNT_ID}/collect`)
			.reply(429, {
				error: { code: 'rate_limited', message: 'Collected less than 15 minutes ago', remediation: 'Retry after 840 seconds.', retry_after_seconds: 840 },
			});
		const { error } = await runPinBridgeNode({ parameters: { resource: 'analytics', operation: 'collect', account } });
		expect(error?.message).toBe('Collected less than 15 minutes ago');
		expect(error?.httpCode).toBe('429');
		expect(error?.description).toContain('rate_limited');
		expect(clock.sleeps).toEqual([]); // nothing waited, nothing resent
		scope.done();
	});
});
