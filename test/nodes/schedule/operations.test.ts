import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { ACCOUNT_ID, BOARD_ID, expectedBody, scheduleFor, SCHEDULE_ID, scheduleOutput, useTestClock } from './fixtures';

useNock();
useTestClock();

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
const schedule = scheduleFor(expectedBody());

describe('Schedule → Get', () => {
	it('gets one schedule by id (from an expression), its run time also in the workflow’s zone', async () => {
		const scope = api().get(`/v1/schedules/${SCHEDULE_ID}`).reply(200, schedule);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'schedule', operation: 'get', scheduleId: '={{ $json.id }}' },
			items: [{ json: { id: SCHEDULE_ID } }],
			timezone: 'Asia/Tokyo',
		});
		expect(error).toBeUndefined();
		scope.done();
		// PinBridge's 08:00 UTC is 17:00 in Tokyo.
		expect(items).toEqual([
			{ json: scheduleOutput(schedule, '2026-12-01T17:00:00+09:00', 'Asia/Tokyo'), pairedItem: { item: 0 } },
		]);
	});

	it('rejects an id with a space in it, sending nothing', async () => {
		const scope = api().get(/.*/).reply(200, {});
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'schedule', operation: 'get', scheduleId: 'sch 42' },
		});
		expect(error?.message).toBe('Schedule ID: must not contain spaces');
		expect(scope.isDone()).toBe(false);
	});

	it('sends an id that is not a UUID as it is (ids are opaque, contract §9.1.1)', async () => {
		const scope = api().get('/v1/schedules/abc').reply(200, { ...schedule, id: 'abc' });
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'schedule', operation: 'get', scheduleId: 'abc' },
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items.map((item) => item.json.id)).toEqual(['abc']);
	});

	it('passes PinBridge’s 404 on', async () => {
		const scope = api().get(`/v1/schedules/${SCHEDULE_ID}`).reply(404, { detail: 'Schedule not found' });
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'schedule', operation: 'get', scheduleId: SCHEDULE_ID },
		});
		scope.done();
		expect(error?.message).toBe('Schedule not found');
		expect(error?.httpCode).toBe('404');
	});
});

describe('Schedule → Get Many', () => {
	it('sends every filter (times in the workflow’s zone) and the limit, one item per schedule', async () => {
		const second = { ...schedule, id: 'second' };
		const scope = api()
			.get('/v1/schedules')
			.query({
				account_id: ACCOUNT_ID,
				board_id: BOARD_ID,
				status: 'scheduled',
				since: '2026-12-01T00:00:00+01:00',
				until: '2026-12-31T23:59:00Z',
				limit: 2,
				offset: 0,
			})
			.reply(200, [schedule, second], { 'X-Total-Count': '7' });
		const { items, error } = await runPinBridgeNode({
			parameters: {
				resource: 'schedule',
				operation: 'getAll',
				returnAll: false,
				limit: 2,
				account: { __rl: true, mode: 'list', value: ACCOUNT_ID },
				board: { __rl: true, mode: 'id', value: BOARD_ID },
				filters: { status: 'scheduled', since: '2026-12-01T00:00:00', until: '2026-12-31T23:59:00Z' },
			},
			timezone: 'Europe/Berlin',
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([
			{ json: schedule, pairedItem: { item: 0 } },
			{ json: second, pairedItem: { item: 0 } },
		]);
	});

	it('Return All pages with limit/offset until X-Total-Count', async () => {
		const page = (from: number, count: number) =>
			Array.from({ length: count }, (_, index) => ({ ...schedule, id: `s${from + index}` }));
		const scope = api()
			.get('/v1/schedules')
			.query({ limit: 200, offset: 0 })
			.reply(200, page(0, 200), { 'X-Total-Count': '250' })
			.get('/v1/schedules')
			.query({ limit: 200, offset: 200 })
			.reply(200, page(200, 50), { 'X-Total-Count': '250' });
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'schedule', operation: 'getAll', returnAll: true },
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items.map((item) => item.json.id)).toEqual(page(0, 250).map((entry) => entry.id));
		expect(items[249].pairedItem).toEqual({ item: 0 });
	});

	it('names a bad filter and sends nothing', async () => {
		const scope = api().get(/.*/).reply(200, []);
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'schedule', operation: 'getAll', returnAll: true, filters: { since: 'soon' } },
		});
		expect(error?.message).toContain('Runs After: "soon" is not a date and time PinBridge can read');
		expect(scope.isDone()).toBe(false);
	});
});

describe('Schedule → Cancel', () => {
	it('cancels a schedule and outputs it', async () => {
		const canceled = { ...schedule, status: 'canceled' };
		const scope = api().post(`/v1/schedules/${SCHEDULE_ID}/cancel`).reply(200, canceled);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'schedule', operation: 'cancel', scheduleId: SCHEDULE_ID },
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([{ json: canceled, pairedItem: { item: 0 } }]);
	});

	it('explains the 400 PinBridge gives for a schedule that already ran', async () => {
		const scope = api()
			.post(`/v1/schedules/${SCHEDULE_ID}/cancel`)
			.reply(400, {
				detail: { error: { code: 'bad_request', message: 'Schedule is done and can no longer be canceled' } },
			});
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'schedule', operation: 'cancel', scheduleId: SCHEDULE_ID },
		});
		scope.done();
		expect(error?.message).toBe(
			`Schedule ${SCHEDULE_ID} can no longer be canceled: it has already run or was canceled before`,
		);
		expect(error?.description).toContain('PinBridge said: Schedule is done and can no longer be canceled');
		expect(error?.description).toContain('Only schedules with status "scheduled" or "queued" can be canceled.');
		expect(error?.description).toContain('PinBridge code: bad_request');
	});

	it('with Continue On Fail the 400 is on the item and the next cancel proceeds', async () => {
		const other = '11111111-2222-4333-8444-555555555555';
		const scope = api()
			.post(`/v1/schedules/${SCHEDULE_ID}/cancel`)
			.reply(400, { detail: { error: { code: 'bad_request', message: 'Schedule is done' } } })
			.post(`/v1/schedules/${other}/cancel`)
			.reply(200, { ...schedule, id: other, status: 'canceled' });
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'schedule', operation: 'cancel', scheduleId: '={{ $json.id }}' },
			items: [{ json: { id: SCHEDULE_ID } }, { json: { id: other } }],
			nodeSettings: { continueOnFail: true },
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(String(items[0].json.error)).toContain('can no longer be canceled');
		expect(items[1]).toEqual({ json: { ...schedule, id: other, status: 'canceled' }, pairedItem: { item: 1 } });
	});

	it('after a 503 asks whether the cancel went through, and does not send it again when it did', async () => {
		const canceled = { ...schedule, status: 'canceled' };
		const scope = api()
			.post(`/v1/schedules/${SCHEDULE_ID}/cancel`)
			.once()
			.reply(503, { detail: 'unavailable' })
			.get(`/v1/schedules/${SCHEDULE_ID}`)
			.reply(200, canceled);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'schedule', operation: 'cancel', scheduleId: SCHEDULE_ID },
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([{ json: canceled, pairedItem: { item: 0 } }]);
	});
});
