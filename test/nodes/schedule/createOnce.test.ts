// Schedule → Create never makes a second schedule for the same Pin at the same time (issue 23's fresh-person check:
// running Create twice left two identical schedules). One listing per execution; a pending schedule with the item's
// content, board, account and run time is returned (created_by_this_call: false) instead of created again.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runAsTool } from '../../harness/aiTool';
import { nock, useNock } from '../../harness/nock';
import { NODE_NAME, runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { ACCOUNT_ID, BOARD_ID, createParameters, expectedBody, scheduleFor, scheduleOutput, useTestClock } from './fixtures';

useNock();
useTestClock();

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
const OTHER_BOARD = '549755885176';

/** The one listing for run times from 09:00 to `lastHour`:00 Berlin on 1 December (08:00Z …), account and board. */
const listing = (lastHourUtc = 8, board = BOARD_ID) => ({
	account_id: ACCOUNT_ID,
	board_id: board,
	since: '2026-12-01T07:59:59.000Z',
	until: `2026-12-01T${String(lastHourUtc).padStart(2, '0')}:00:01.000Z`,
	limit: 200,
	offset: 0,
});

/** Rows with their own title and run time (Berlin). */
const rows = (...entries: Array<[string, string]>): INodeExecutionData[] => entries.map(([title, when]) => ({ json: { title, when } }));
const fromRows = (overrides: IDataObject = {}) => createParameters({ title: '={{ $json.title }}', runAt: '={{ $json.when }}', ...overrides });
const BREAD = 'Banana bread for tomorrow morning';

/** A POST /v1/schedules answered as PinBridge would, the bodies recorded. */
function created(bodies: IDataObject[]) {
	return (_uri: string, body: unknown) => {
		bodies.push(body as IDataObject);
		return scheduleFor(body as IDataObject, { id: `sch-${bodies.length}` });
	};
}
const jsons = (items: INodeExecutionData[]) => items.map((item) => item.json);

describe('Schedule → Create does not schedule the same Pin twice', () => {
	it('a re-run of the same 2 items creates nothing and returns the same schedules, created_by_this_call false', async () => {
		const input = rows([BREAD, '2026-12-01T09:00:00'], ['Apple pie', '2026-12-01T10:00:00']);
		const bodies: IDataObject[] = [];
		const firstRun = api().get('/v1/schedules').query(listing(9)).reply(200, [], { 'X-Total-Count': '0' }).post('/v1/schedules').times(2).reply(201, created(bodies));
		const first = await runPinBridgeNode({ parameters: fromRows(), items: input, timezone: 'Europe/Berlin' });
		expect(first.error).toBeUndefined();
		firstRun.done();
		expect(jsons(first.items).map((json) => [json.payload && (json.payload as IDataObject).title, json.created_by_this_call])).toEqual([
			[BREAD, true],
			['Apple pie', true],
		]);

		const atPinBridge = first.items.map((item) => scheduleFor(bodies.find((body) => body.title === (item.json.payload as IDataObject).title)!, { id: item.json.id }));
		const secondRun = api().get('/v1/schedules').query(listing(9)).reply(200, atPinBridge, { 'X-Total-Count': '2' });
		const leak = nock(TEST_BASE_URL).post(/.*/).reply(500, {});
		const again = await runPinBridgeNode({ parameters: fromRows(), items: input, timezone: 'Europe/Berlin' });
		expect(again.error).toBeUndefined();
		secondRun.done();
		expect(leak.isDone()).toBe(false);
		expect(bodies).toHaveLength(2);
		expect(jsons(again.items)).toEqual(jsons(first.items).map((json) => ({ ...json, created_by_this_call: false })));
		expect(again.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		// n8n's hint above the output says so (the first run, which created both, has none)
		const hints = (run: typeof first) => run.run.data.resultData.runData[NODE_NAME][0].hints ?? [];
		expect(hints(first)).toEqual([]);
		expect(hints(again)).toEqual([
			{ type: 'info', location: 'outputPane', message: expect.stringMatching(/^2 schedules were already pending at PinBridge/) },
		]);
	});

	it('the same content at another time is created; so is one whose identical twin was canceled', async () => {
		const at9 = scheduleFor(expectedBody(), { id: 'sch-9' });
		const canceledAt10 = scheduleFor(expectedBody('2026-12-01T10:00:00+01:00'), { id: 'sch-canceled', status: 'canceled' });
		const bodies: IDataObject[] = [];
		const scope = api()
			.get('/v1/schedules')
			.query({ ...listing(9), since: '2026-12-01T08:59:59.000Z' })
			.reply(200, [at9, canceledAt10], { 'X-Total-Count': '2' })
			.post('/v1/schedules')
			.reply(201, created(bodies));
		const { items, error } = await runPinBridgeNode({ parameters: createParameters({ runAt: '2026-12-01T10:00:00' }), timezone: 'Europe/Berlin' });
		expect(error).toBeUndefined();
		scope.done();
		expect(bodies).toEqual([expectedBody('2026-12-01T10:00:00+01:00')]);
		expect(items[0].json).toMatchObject({ id: 'sch-1', run_at_local: '2026-12-01T10:00:00+01:00', created_by_this_call: true });
	});

	it('two identical items in one input: one create, the second gets the first’s schedule', async () => {
		const bodies: IDataObject[] = [];
		const scope = api().get('/v1/schedules').query(listing()).reply(200, [], { 'X-Total-Count': '0' }).post('/v1/schedules').reply(201, created(bodies));
		const leak = nock(TEST_BASE_URL).post(/.*/).reply(500, {});
		const input = rows([BREAD, '2026-12-01T09:00:00'], [BREAD, '2026-12-01T09:00:00']);
		const { items, error } = await runPinBridgeNode({ parameters: fromRows(), items: input, timezone: 'Europe/Berlin' });
		expect(error).toBeUndefined();
		scope.done();
		expect(leak.isDone()).toBe(false);
		expect(bodies).toHaveLength(1);
		const schedule = scheduleOutput(scheduleFor(bodies[0], { id: 'sch-1' }), '2026-12-01T09:00:00+01:00');
		expect(jsons(items)).toEqual([
			{ ...schedule, created_by_this_call: true },
			{ ...schedule, created_by_this_call: false, same_as_item: 0 },
		]);
	});

	it('an image from a binary file is not looked up (a new asset every run), but its repeat in one input is created once', async () => {
		const asset = { id: 'ast_1', asset_type: 'image', public_url: 'https://cdn.example.com/ast_1.png' };
		const bodies: IDataObject[] = [];
		const scope = api().post('/v1/assets/images').reply(201, asset).post('/v1/schedules').reply(201, created(bodies));
		const leak = nock(TEST_BASE_URL).get(/.*/).reply(500, {}).post(/.*/).reply(500, {});
		const image = { data: { data: Buffer.from('PNGBYTES').toString('base64'), mimeType: 'image/png', fileName: 'bread.png' } };
		const { items, error } = await runPinBridgeNode({
			parameters: createParameters({ mediaSource: 'imageBinary', binaryPropertyName: 'data', imageUrl: '' }),
			items: [{ json: {}, binary: image }, { json: {}, binary: image }],
			timezone: 'Europe/Berlin',
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(leak.pendingMocks()).toHaveLength(2); // neither a listing nor a second upload or POST
		expect(bodies).toHaveLength(1);
		expect(jsons(items).map((json) => [json.id, json.created_by_this_call, json.same_as_item])).toEqual([
			['sch-1', true, undefined],
			['sch-1', false, 0],
		]);
	});

	it('the same Pin and time on a different board is created (a listing that ignores the board filter changes nothing)', async () => {
		const onOtherBoard = scheduleFor({ ...expectedBody(), board_id: OTHER_BOARD }, { id: 'sch-other-board' });
		const bodies: IDataObject[] = [];
		const scope = api().get('/v1/schedules').query(listing()).reply(200, [onOtherBoard], { 'X-Total-Count': '1' }).post('/v1/schedules').reply(201, created(bodies));
		const { items, error } = await runPinBridgeNode({ parameters: createParameters(), timezone: 'Europe/Berlin' });
		expect(error).toBeUndefined();
		scope.done();
		expect(bodies).toEqual([expectedBody()]);
		expect(items[0].json).toMatchObject({ id: 'sch-1', created_by_this_call: true });
	});

	describe('when the listing fails, nothing is created blind', () => {
		it('the item fails naming the listing and what to do; no POST', async () => {
			api().get('/v1/schedules').query(true).times(10).reply(503, { detail: 'Service unavailable' });
			const leak = nock(TEST_BASE_URL).post(/.*/).reply(500, {});
			const { error } = await runPinBridgeNode({ parameters: createParameters(), timezone: 'Europe/Berlin' });
			expect(leak.isDone()).toBe(false);
			expect(error?.message).toBe('Schedule not created: looking for an existing one failed (Service unavailable)');
			expect(error?.description).toContain('GET /v1/schedules');
			expect(error?.description).toContain('Options → Create Even If Already Scheduled');
		});

		it('with Continue On Fail each item that needed it is an error item (PinBridge’s HTTP code kept); one that skips the check is created', async () => {
			api().get('/v1/schedules').query(true).times(10).reply(503, { detail: 'Service unavailable' });
			const bodies: IDataObject[] = [];
			const scope = api().post('/v1/schedules').reply(201, created(bodies));
			const input = rows([BREAD, '2026-12-01T09:00:00'], ['Apple pie', '2026-12-01T10:00:00']);
			input[1].json.force = true;
			const { items, error } = await runPinBridgeNode({
				parameters: fromRows({ createOptions: { createEvenIfScheduled: '={{ $json.force === true }}' } }),
				items: input,
				nodeSettings: { continueOnFail: true },
				timezone: 'Europe/Berlin',
			});
			expect(error).toBeUndefined();
			scope.done();
			expect(items[0].json).toMatchObject({ error: 'Schedule not created: looking for an existing one failed (Service unavailable)', httpCode: '503' });
			expect(bodies.map((body) => body.title)).toEqual(['Apple pie']);
			expect(items[1].json).toMatchObject({ id: 'sch-1', created_by_this_call: true });
		});
	});

	it('Options → Create Even If Already Scheduled: no listing, the schedule is created', async () => {
		const bodies: IDataObject[] = [];
		const scope = api().post('/v1/schedules').reply(201, created(bodies));
		const leak = nock(TEST_BASE_URL).get(/.*/).reply(500, {});
		const { items, error } = await runPinBridgeNode({ parameters: createParameters({ createOptions: { createEvenIfScheduled: true } }), timezone: 'Europe/Berlin' });
		expect(error).toBeUndefined();
		scope.done();
		expect(leak.isDone()).toBe(false);
		expect(items[0].json).toMatchObject({ id: 'sch-1', created_by_this_call: true });
	});

	it('as an AI agent’s tool: the same Pin at the same time comes back, nothing created', async () => {
		const mine = scheduleFor({ ...expectedBody(), title: BREAD }, { id: 'sch-mine' });
		const scope = api().get('/v1/schedules').query(listing()).reply(200, [mine], { 'X-Total-Count': '1' });
		const leak = nock(TEST_BASE_URL).post(/.*/).reply(500, {});
		const { items, error } = await runAsTool({
			toolName: 'schedule_pin',
			parameters: { ...createParameters({ runAt: '2026-12-01T09:00:00+01:00' }), title: "={{ $fromAI('title', 'Title of the Pin', 'string') }}" },
			calls: [{ title: BREAD }],
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(leak.isDone()).toBe(false);
		expect(items[0].json.answer).toEqual([expect.objectContaining({ id: 'sch-mine', created_by_this_call: false })]);
	});
});
