/* eslint-disable @typescript-eslint/no-explicit-any */
// Dashboard summary (contract §8.9), activity log (§8.10) and billing status (§8.12), counted from real events.
import { api, inFuture, pinBody, type Caller } from './helpers';
import { startEmulator, type StartedEmulator } from './server';

let emu: StartedEmulator;
let call: Caller;

// 2026-03-10 12:00 UTC = 13:00 in Berlin (UTC+1 until 2026-03-29).
beforeAll(async () => {
	emu = await startEmulator({ port: 0, clock: 'manual', startTime: '2026-03-10T12:00:00Z' });
	call = api(emu);
});
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

const createPin = async (extra: Record<string, unknown> = {}) => (await call('POST', '/v1/pins', pinBody(emu, extra))).body;

describe('GET /v1/dashboard/summary', () => {
	it('counts published, failed and waiting pins of a local day, hourly, in the asked time zone', async () => {
		const published = [await createPin(), await createPin()];
		for (const pin of published) await emu.control.publishPin(pin.id);
		const failed = await createPin();
		await emu.control.failPin(failed.id);
		await emu.control.advance(3600); // 14:00 in Berlin
		await createPin();
		await emu.control.advance(1); // published by the worker after the publish delay
		await createPin(); // still queued
		const res = await call('GET', '/v1/dashboard/summary?start=2026-03-10&end=2026-03-11&tz=Europe/Berlin');
		expect(res.status).toBe(200);
		const body = res.body;
		expect(body).toMatchObject({
			start: '2026-03-10T00:00:00.000+01:00',
			end: '2026-03-11T00:00:00.000+01:00',
			timezone: 'Europe/Berlin',
			granularity: 'hour',
			previous_start: '2026-03-09T00:00:00.000+01:00',
			previous_end: '2026-03-10T00:00:00.000+01:00',
			account_id: null,
			pins: { total: 5, submitted: 5, by_status: { queued: 1, deferred: 0, publishing: 0, published: 3, failed: 1 }, success_rate: 0.75 },
			previous_pins: { total: 0, submitted: 0, success_rate: null },
			published_by_account: [{ account_id: emu.accountId, published: 3 }],
			queue: { queued: 1, deferred: 0, publishing: 0 },
			import_jobs: { by_status: {} },
		});
		expect(body.series).toHaveLength(24);
		expect(body.series[13]).toEqual({ start: '2026-03-10T13:00:00.000+01:00', created: 3, published: 2, failed: 1 });
		expect(body.series[14]).toEqual({ start: '2026-03-10T14:00:00.000+01:00', created: 2, published: 1, failed: 0 });
	});

	it('is daily over 48 hours, buckets at local midnight across a DST change, and defaults to UTC and 30 days', async () => {
		const res = await call('GET', '/v1/dashboard/summary?start=2026-03-27&end=2026-03-31&tz=Europe/Berlin');
		expect(res.body.granularity).toBe('day');
		expect(res.body.series.map((s: any) => s.start)).toEqual([
			'2026-03-27T00:00:00.000+01:00',
			'2026-03-28T00:00:00.000+01:00',
			'2026-03-29T00:00:00.000+01:00',
			'2026-03-30T00:00:00.000+02:00',
		]);
		const defaults = await call('GET', '/v1/dashboard/summary');
		expect(defaults.body).toMatchObject({
			timezone: 'UTC',
			start: '2026-02-08T12:00:00.000Z',
			end: '2026-03-10T12:00:00.000Z',
			granularity: 'day',
		});
		expect(defaults.body.series).toHaveLength(30);
	});

	it('an account filter leaves imports out; schedules by status and upcoming', async () => {
		await call('POST', '/v1/schedules', { ...pinBody(emu), idempotency_key: undefined, run_at: await inFuture(emu, 7200) });
		const res = await call('GET', `/v1/dashboard/summary?account_id=${emu.accountId}&start=2026-03-10T00:00:00Z&end=2026-03-11T00:00:00Z`);
		expect(res.status).toBe(200);
		expect(res.body.import_jobs).toBeNull();
		expect(res.body.schedules).toEqual({ by_status: { scheduled: 1 }, upcoming: 1 });
	});

	const bad: Array<[string, string, string]> = [
		['an unknown zone', 'tz=Mars/Olympus', 'invalid_timezone'],
		['start not before end', 'start=2026-03-10&end=2026-03-10', 'invalid_date_range'],
		['more than 366 days', 'start=2025-01-01&end=2026-03-01', 'invalid_date_range'],
	];
	test.each(bad)('%s → 422 %s', async (_name, query, code) => {
		const res = await call('GET', `/v1/dashboard/summary?${query}`);
		expect([res.status, res.body.error.code]).toEqual([422, code]);
	});

	it('an unreadable start → 422 validation naming query.start', async () => {
		const res = await call('GET', '/v1/dashboard/summary?start=next%20week');
		expect(res.status).toBe(422);
		expect(res.body.detail[0].loc).toEqual(['query', 'start']);
	});
});

describe('GET /v1/activity-logs', () => {
	it('records what happened — by whom, with the request id — newest first', async () => {
		const created = await call('POST', '/v1/pins', pinBody(emu));
		await emu.control.advance(1); // the publish delay passes: published by the worker
		const failing = await createPin({ image_url: 'https://unreachable.example.com/x.jpg' });
		await emu.control.advance(1);
		const res = await call('GET', '/v1/activity-logs?category=publishing');
		expect(res.status).toBe(200);
		expect(res.body.items.map((e: any) => [e.action, e.status, e.resource_id, e.actor_type])).toEqual([
			['pin.publish_failed', 'failed', failing.id, 'worker'],
			['pin.created', 'queued', failing.id, 'api_key'],
			['pin.published', 'success', created.body.id, 'worker'],
			['pin.created', 'queued', created.body.id, 'api_key'],
		]);
		const entry = res.body.items[3];
		expect(entry).toMatchObject({
			id: expect.any(String),
			actor_label: 'Emulator key (all scopes)',
			actor_user_id: null,
			category: 'publishing',
			resource_type: 'pin',
			request_id: created.headers.get('x-request-id'),
			retention_days: 90,
			metadata: { account_id: emu.accountId, board_id: emu.boardIds[0] },
		});
		expect(Date.parse(entry.expires_at) - Date.parse(entry.created_at)).toBe(90 * 86_400_000);
		expect(res.body.items[0].metadata.error_code).toBe('media_unreachable');
		expect(res.body).toMatchObject({ next_cursor: null, current_retention_days: 90, current_retention_label: '90 days' });
	});

	it('filters by action, status, resource type and since; unknown values give an empty page', async () => {
		await call('POST', '/v1/webhooks', { url: 'https://example.com/h', secret: 's'.repeat(32) });
		const s = await call('POST', '/v1/schedules', { ...pinBody(emu), idempotency_key: undefined, run_at: await inFuture(emu, 60) });
		await call('POST', `/v1/schedules/${s.body.id}/cancel`);
		const since = new Date((await emu.control.now()) + 1000).toISOString();
		await emu.control.advance(2);
		await call('POST', '/v1/api-keys', { name: 'Reporting' });

		const actions = async (query: string) =>
			(await call('GET', `/v1/activity-logs?${query}`)).body.items.map((e: any) => e.action);
		expect(await actions('resource_type=schedule')).toEqual(['schedule.canceled', 'schedule.created']);
		expect(await actions('status=canceled')).toEqual(['schedule.canceled']);
		expect(await actions('action=webhook.created')).toEqual(['webhook.created']);
		expect(await actions('category=security')).toEqual(['api_key.created']);
		expect(await actions(`since=${encodeURIComponent(since)}`)).toEqual(['api_key.created']);
		expect(await actions('category=nonsense')).toEqual([]);
	});

	it('pages by cursor; the last full page leads to an empty page that still carries a cursor', async () => {
		for (let i = 0; i < 4; i++) await createPin();
		const seen: string[] = [];
		let cursor: string | null = null;
		const pages: number[] = [];
		for (let guard = 0; guard < 10; guard++) {
			const page: any = (await call('GET', `/v1/activity-logs?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body;
			pages.push(page.items.length);
			if (page.items.length === 0) {
				expect(page.next_cursor).toBe(cursor);
				break;
			}
			seen.push(...page.items.map((e: any) => e.id));
			cursor = page.next_cursor;
		}
		expect(pages).toEqual([2, 2, 0]);
		expect(new Set(seen).size).toBe(4);
	});

	it('rejects a malformed cursor, since or limit; entries expire with the plan retention', async () => {
		for (const query of ['cursor=not-ours!', 'cursor=eyJ4IjoxfQ', 'since=yesterday', 'limit=201', 'limit=0']) {
			const res = await call('GET', `/v1/activity-logs?${query}`);
			expect(res.status).toBe(422);
			expect(res.body.detail[0].loc[0]).toBe('query');
		}
		await createPin();
		expect((await call('GET', '/v1/activity-logs')).body.items).toHaveLength(1);
		await emu.control.advance(91 * 86_400);
		expect((await call('GET', '/v1/activity-logs?action=pin.created')).body.items).toHaveLength(0);
	});
});

describe('GET /v1/billing/status', () => {
	it('reports the plan, the month’s use and the plan flags', async () => {
		await createPin();
		await createPin();
		const res = await call('GET', '/v1/billing/status');
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			plan: 'growth',
			billing_status: 'active',
			current_period_start: '2026-03-01T00:00:00.000Z',
			current_period_end: '2026-04-01T00:00:00.000Z',
			quota_reset_at: '2026-04-01T00:00:00.000Z',
			quota_calls_monthly: 1000,
			calls_used: 2,
			quota_exhausted: false,
			plan_consumption_percent: 0.2,
			pinterest_accounts_limit: 10,
			uploaded_media_assets: true,
			bulk_imports: true,
		});
		const free = await emu.control.seed({ plan: 'free', billing_active: false, api_keys: [{}] });
		const other = await api(emu, free.api_keys[0].api_key)('GET', '/v1/billing/status');
		expect(other.body).toMatchObject({ plan: 'free', billing_status: 'past_due', uploaded_media_assets: false, bulk_imports: false, calls_used: 0 });
	});
});
