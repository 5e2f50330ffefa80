// Schedules have no idempotency key: after an ambiguous failure the node must look before it sends again.
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { ACCOUNT_ID, BOARD_ID, createParameters, expectedBody, scheduleFor, scheduleOutput, useTestClock } from './fixtures';

useNock();
const clock = useTestClock();

type Body = Record<string, unknown>;
const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
/** The look-up the node must make for a schedule at 2026-12-01T09:00:00+01:00 (= 08:00Z). */
const LOOKUP = {
	account_id: ACCOUNT_ID,
	board_id: BOARD_ID,
	since: '2026-12-01T07:59:59.000Z',
	until: '2026-12-01T08:00:01.000Z',
	limit: 200,
	offset: 0,
};

/** Before creating, Create lists the schedules at that time once (none yet): the same query as the look-up. */
const nothingYet = () => api().get('/v1/schedules').query(LOOKUP).reply(200, [], { 'X-Total-Count': '0' });
/** A schedule the lost attempt made was created by this call. */
const createdNow = (json: Body) => ({ ...json, created_by_this_call: true });

describe('Schedule → Create after an ambiguous failure', () => {
	it('503 → finds the schedule the lost attempt created → returns it, and sends exactly one POST', async () => {
		const posts: Body[] = [];
		const created = scheduleFor(expectedBody());
		const listing = nothingYet();
		const scope = api()
			.post('/v1/schedules', (body: Body) => {
				posts.push(body);
				return true;
			})
			.reply(503, { detail: 'Service unavailable' })
			.get('/v1/schedules')
			.query(LOOKUP)
			.reply(
				200,
				[
					// same run time and board, other content; and an identical one the user canceled: neither matches
					scheduleFor({ ...expectedBody(), title: 'Dog of the day' }, { id: 'other' }),
					scheduleFor(expectedBody(), { id: 'canceled', status: 'canceled' }),
					created,
				],
				{ 'X-Total-Count': '3' },
			);
		const { items, error } = await runPinBridgeNode({ parameters: createParameters(), timezone: 'Europe/Berlin' });
		expect(error).toBeUndefined();
		listing.done();
		scope.done();
		expect(posts).toEqual([expectedBody()]);
		expect(items).toEqual([{ json: createdNow(scheduleOutput(created, '2026-12-01T09:00:00+01:00')), pairedItem: { item: 0 } }]);
		expect(clock.sleeps).toHaveLength(1);
	});

	it('503 → nothing found → sends the POST once more and returns the new schedule', async () => {
		const posts: Body[] = [];
		const created = scheduleFor(expectedBody());
		const listing = nothingYet();
		const scope = api()
			.post('/v1/schedules', (body: Body) => {
				posts.push(body);
				return true;
			})
			.reply(502, 'Bad gateway')
			.get('/v1/schedules')
			.query(LOOKUP)
			.reply(200, [], { 'X-Total-Count': '0' })
			.post('/v1/schedules', (body: Body) => {
				posts.push(body);
				return true;
			})
			.reply(201, created);
		const { items, error } = await runPinBridgeNode({ parameters: createParameters(), timezone: 'Europe/Berlin' });
		expect(error).toBeUndefined();
		listing.done();
		scope.done();
		expect(posts).toEqual([expectedBody(), expectedBody()]);
		expect(items).toEqual([{ json: createdNow(scheduleOutput(created, '2026-12-01T09:00:00+01:00')), pairedItem: { item: 0 } }]);
	});

	it('a final error (422) is not reconciled or resent', async () => {
		nothingYet();
		const scope = api()
			.post('/v1/schedules')
			.once()
			.reply(422, { detail: [{ loc: ['body', 'board_id'], msg: 'Board not found', type: 'board_not_found' }] });
		const { error } = await runPinBridgeNode({ parameters: createParameters(), timezone: 'Europe/Berlin' });
		scope.done();
		expect(error?.message).toBe('board_id: Board not found');
		expect(nock.pendingMocks()).toEqual([]);
	});
});
