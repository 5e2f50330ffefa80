// Schedule → Retry with New Run At (contract §8.5): the body is optional to PinBridge, and one that ignores run_at
// would run the schedule at its old time or publish its Pin at once. So the node compares the run_at it gets back
// with the one it asked for, and fails the item, saying what PinBridge did, when they differ.
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { expectedBody, scheduleFor, SCHEDULE_ID, useTestClock } from './fixtures';

useNock();
useTestClock();

type Body = Record<string, unknown>;
const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
/** A failed schedule due at 2026-12-01T08:00:00Z, as PinBridge lists it. */
const failed = scheduleFor(expectedBody(), { status: 'failed', last_error: 'media_url_unreachable' });
const retry = (newRunAt?: string) => ({
	resource: 'schedule',
	operation: 'retry',
	scheduleId: '={{ $json.id }}',
	...(newRunAt === undefined ? {} : { newRunAt }),
});

describe('Schedule → Retry with New Run At', () => {
	it('PinBridge answers the time asked for → the schedule is output', async () => {
		const bodies: unknown[] = [];
		const answer = { ...failed, status: 'scheduled', run_at: '2026-12-03T10:00:00Z' };
		const scope = api()
			.post(`/v1/schedules/${SCHEDULE_ID}/retry`, (body: Body) => (bodies.push(body), true))
			.reply(200, answer);
		const { items, error } = await runPinBridgeNode({ parameters: retry('2026-12-03T10:00:00Z'), items: [{ json: { id: SCHEDULE_ID } }] });
		expect(error).toBeUndefined();
		scope.done();
		expect(bodies).toEqual([{ run_at: '2026-12-03T10:00:00Z' }]);
		expect(items).toEqual([{ json: answer, pairedItem: { item: 0 } }]);
	});

	it('a New Run At in the workflow’s zone matches PinBridge’s offset-less UTC answer for the same instant', async () => {
		const bodies: unknown[] = [];
		const answer = { ...failed, status: 'scheduled', run_at: '2026-12-03T10:00:00' };
		const scope = api()
			.post(`/v1/schedules/${SCHEDULE_ID}/retry`, (body: Body) => (bodies.push(body), true))
			.reply(200, answer);
		const { items, error } = await runPinBridgeNode({
			parameters: retry('2026-12-03T11:00:00'),
			items: [{ json: { id: SCHEDULE_ID } }],
			timezone: 'Europe/Berlin',
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(bodies).toEqual([{ run_at: '2026-12-03T11:00:00+01:00' }]);
		expect(items).toEqual([{ json: answer, pairedItem: { item: 0 } }]);
	});

	it('PinBridge keeps the old time → the item fails, saying when it runs and how to stop it', async () => {
		const scope = api()
			.post(`/v1/schedules/${SCHEDULE_ID}/retry`)
			.reply(200, { ...failed, status: 'scheduled', run_at: '2026-12-01T08:00:00Z' });
		const { items, error } = await runPinBridgeNode({ parameters: retry('2026-12-03T10:00:00Z'), items: [{ json: { id: SCHEDULE_ID } }] });
		scope.done();
		expect(items).toEqual([]);
		expect(error?.message).toBe(
			`Schedule ${SCHEDULE_ID} was retried, but PinBridge did not take New Run At: it runs at 2026-12-01T08:00:00Z (status scheduled)`,
		);
		expect(error?.description).toBe(
			'New Run At asked for 2026-12-03T10:00:00Z. If the schedule should not run then, use Schedule → Cancel on it.',
		);
	});

	it('PinBridge publishes the schedule’s Pin at once → the item fails naming the Pin; with Continue On Fail only that item', async () => {
		const scope = api()
			.post(`/v1/schedules/${SCHEDULE_ID}/retry`)
			.reply(200, { ...failed, status: 'queued', pin_id: 'pin_8fa2' })
			.post('/v1/schedules/sch_2b/retry')
			.reply(200, { ...failed, id: 'sch_2b', status: 'scheduled', run_at: '2026-12-03T10:00:00Z' });
		const { items, error } = await runPinBridgeNode({
			parameters: retry('2026-12-03T10:00:00Z'),
			items: [{ json: { id: SCHEDULE_ID } }, { json: { id: 'sch_2b' } }],
			nodeSettings: { continueOnFail: true },
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toBe(
			`Schedule ${SCHEDULE_ID} was retried, but PinBridge did not take New Run At: its Pin pin_8fa2 is published again now (status queued)`,
		);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1]).toEqual({
			json: { ...failed, id: 'sch_2b', status: 'scheduled', run_at: '2026-12-03T10:00:00Z' },
			pairedItem: { item: 1 },
		});
	});

	it('without New Run At, any run_at PinBridge answers is output as it is', async () => {
		const answer = { ...failed, status: 'scheduled' };
		const scope = api().post(`/v1/schedules/${SCHEDULE_ID}/retry`).reply(200, answer);
		const { items, error } = await runPinBridgeNode({ parameters: retry(), items: [{ json: { id: SCHEDULE_ID } }] });
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([{ json: answer, pairedItem: { item: 0 } }]);
	});
});
