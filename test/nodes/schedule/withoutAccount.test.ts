// Schedule → Create may leave the account to PinBridge, which uses the board's (contract §9.1.3); and a create whose
// answer was lost must then still find its schedule, by board, run time and content, before it sends again —
// also when PinBridge writes run_at without an offset (its clock, UTC: §9.1.5). Schedules have no idempotency key.
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { BOARD_ID, createParameters, expectedBody, scheduleFor, scheduleOutput, useTestClock } from './fixtures';

useNock();
const clock = useTestClock();

type Body = Record<string, unknown>;
const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
const noAccount = { account: { __rl: true, mode: 'list', value: '' } };
/** What PinBridge's quick-start style shows: the account it chose for the board, in its own id style. */
const CHOSEN_ACCOUNT = 'acc_9d1e';

/** Create's one listing before it creates, and the look-up after a lost answer: by board and time, no account_id. */
const LOOKUP = { board_id: BOARD_ID, since: '2026-12-01T07:59:59.000Z', until: '2026-12-01T08:00:01.000Z', limit: 200, offset: 0 };
const nothingYet = () => api().get('/v1/schedules').query(LOOKUP).reply(200, [], { 'X-Total-Count': '0' });
const createdNow = (json: Body) => ({ ...json, created_by_this_call: true });

function bodyWithoutAccount(): Body {
	const body: Body = expectedBody();
	delete body.account_id;
	return body;
}

describe('Schedule → Create without an account', () => {
	it('sends a body without account_id and outputs the schedule PinBridge made with the board’s account', async () => {
		const posts: Body[] = [];
		const created = scheduleFor(bodyWithoutAccount(), { pinterest_account_id: CHOSEN_ACCOUNT });
		const scope = api()
			.get('/v1/schedules')
			.query(LOOKUP)
			.reply(200, [], { 'X-Total-Count': '0' })
			.post('/v1/schedules', (body: Body) => (posts.push(body), true))
			.reply(201, created);
		const { items, error } = await runPinBridgeNode({ parameters: createParameters(noAccount), timezone: 'Europe/Berlin' });
		expect(error).toBeUndefined();
		scope.done();
		expect(posts).toEqual([bodyWithoutAccount()]);
		expect(posts[0]).not.toHaveProperty('account_id');
		expect(items).toEqual([{ json: createdNow(scheduleOutput(created, '2026-12-01T09:00:00+01:00')), pairedItem: { item: 0 } }]);
	});

	it('503 → looks up by board and time without account_id → finds the schedule (offset-less run_at) → no second POST', async () => {
		const posts: Body[] = [];
		// PinBridge's answer to the look-up: the schedule the lost attempt made, run_at written without an offset.
		const lost = scheduleFor(bodyWithoutAccount(), { pinterest_account_id: CHOSEN_ACCOUNT, run_at: '2026-12-01T08:00:00' });
		const lookup = LOOKUP;
		const listing = nothingYet();
		const scope = api()
			.post('/v1/schedules', (body: Body) => (posts.push(body), true))
			.reply(503, { detail: 'Service unavailable' })
			.get('/v1/schedules')
			.query(lookup)
			.reply(200, [lost]);
		// Without X-Total-Count the list reader may ask once more past a short first page: an empty one ends it.
		api().get('/v1/schedules').query({ ...lookup, offset: 1 }).reply(200, []);
		const { items, error } = await runPinBridgeNode({ parameters: createParameters(noAccount), timezone: 'Europe/Berlin' });
		expect(error).toBeUndefined();
		listing.done();
		scope.done();
		expect(posts).toEqual([bodyWithoutAccount()]);
		expect(items).toEqual([{ json: createdNow(scheduleOutput(lost, '2026-12-01T09:00:00+01:00')), pairedItem: { item: 0 } }]);
		expect(clock.sleeps).toHaveLength(1);
	});
});
