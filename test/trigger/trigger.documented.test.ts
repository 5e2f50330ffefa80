// The PinBridge Trigger on the PinBridge that PinBridge documents (issue 21, contract §9.1): the quick-start page's
// four-field delivery (delivery id and event in the headers only), bodies as small as the example receiver's, ids in
// the quick-start page's style in the filters, an account filter decided from the Pin when the body has no
// account_id, and every delivery answered without starting the workflow shown on the "Skipped" output.
import { NodeHelpers, type IDataObject } from 'n8n-workflow';

import { useFakeRuntime } from '../harness/fakeRuntime';
import { nock, useNock } from '../harness/nock';
import { TEST_BASE_URL } from '../harness/runWorkflow';
import { hmac, registered } from './fixtures';
import { TriggerHarness, type Delivery } from './harness';

useNock();
useFakeRuntime();

/** The quick-start page's delivery, exactly (contract §9.1.2). */
const QUICK_START = { event: 'pin.published', pin_id: 'pin_8fa2', board_id: 'b_78f2a9', status: 'published' };
const ACCOUNT = 'acc_5d1e';

/** Signed as PinBridge signs (raw bytes, Python-style separators); the delivery id and event only in the headers. */
function documented(secret: string, body: IDataObject, deliveryId: string, event = 'pin.published'): Delivery {
	const raw = Buffer.from(JSON.stringify(body).replace(/":/g, '": ').replace(/,"/g, ', "'), 'utf8');
	return {
		rawBody: raw,
		headers: {
			'X-PinBridge-Event': event,
			'X-PinBridge-Delivery-ID': deliveryId,
			'X-PinBridge-Signature': hmac(secret, raw),
		},
	};
}

const byId = (value: unknown) => ({ __rl: true, mode: 'id', value });
const pinAt = (account: string, extra: IDataObject = {}) => ({
	id: 'pin_8fa2',
	pinterest_account_id: account,
	board_id: 'b_78f2a9',
	status: 'published',
	...extra,
});

describe('PinBridge Trigger: the quick-start page’s delivery', () => {
	it('four fields, delivery id and event in the headers: exactly one execution; the same delivery again: none', async () => {
		const { harness, secret } = await registered();
		const first = await harness.deliver(documented(secret, QUICK_START, 'dlv_01'));
		expect(first.status).toBe(200);
		expect(first.executedItems?.map((item) => item.json)).toEqual([{ ...QUICK_START, delivery_id: 'dlv_01' }]);

		const again = await harness.deliver(documented(secret, QUICK_START, 'dlv_01'));
		expect(again.responseBody).toEqual({ received: true, ignored: 'duplicate delivery' });
		expect(again.executedItems).toBeUndefined();
		expect(harness.executions).toHaveLength(1);
	});

	it('a body as small as PinBridge’s example receiver’s ({pin_id, status}) takes its event and id from the headers', async () => {
		const { harness, secret } = await registered();
		const result = await harness.deliver(documented(secret, { pin_id: 'demo', status: 'published' }, 'dlv_small', 'pin.failed'));
		expect(result.executedItems?.map((item) => item.json)).toEqual([
			{ pin_id: 'demo', status: 'published', event: 'pin.failed', delivery_id: 'dlv_small' },
		]);
	});

	it('with "Only for Board" b_78f2a9 and "Only for Pinterest Account" set, it activates and starts exactly one execution', async () => {
		const { harness, secret } = await registered({ account: byId(ACCOUNT), board: byId('b_78f2a9') });
		// The body names no account: the trigger asks PinBridge for the Pin.
		const lookup = nock(TEST_BASE_URL).get('/v1/pins/pin_8fa2').reply(200, pinAt(ACCOUNT));
		const result = await harness.deliver(documented(secret, QUICK_START, 'dlv_02'));
		lookup.done();
		expect(result.executedItems).toHaveLength(1);
		expect(result.executedItems![0].json).toMatchObject({ ...QUICK_START, delivery_id: 'dlv_02' });
		expect(harness.skipped).toHaveLength(0);
	});
});

describe('PinBridge Trigger: filters take ids as opaque strings (§9.1.1)', () => {
	it.each([
		['the quick-start page’s board', { board: byId('b_78f2a9') }],
		['an account in the quick-start style', { account: byId(ACCOUNT) }],
		['a UUID and digits', { account: byId('3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b'), board: byId('549755885175') }],
		['a safe number from an expression', { board: byId('={{ 549755885175 }}') }],
		['empty (no filter)', { account: byId(''), board: byId('  ') }],
	])('%s activates', async (_label, parameters) => {
		const { harness } = await registered(parameters);
		expect(harness.staticData.webhookId).toBeDefined();
	});

	it.each([
		['a space inside', { board: byId('b_78 f2a9') }, 'Only for Board: must not contain spaces'],
		['a slash', { board: byId('b/78f2a9') }, 'Only for Board: must not contain "/"'],
		['a question mark', { account: byId('acc?1') }, 'Only for Pinterest Account: must not contain "?"'],
		['a hash', { account: byId('acc#1') }, 'Only for Pinterest Account: must not contain "#"'],
		['a control character', { board: byId('b_\u00071') }, 'Only for Board: must not contain control characters'],
		['true', { board: byId('={{ true }}') }, 'Only for Board: must be text, got a boolean'],
		['an object', { account: byId('={{ { id: 1 } }}') }, 'Only for Pinterest Account: must be text, got an object'],
		['a list', { account: byId('={{ ["acc_1"] }}') }, 'Only for Pinterest Account: must be text, got a list'],
		['a number beyond 2^53', { board: byId('={{ 1125899906842624123 }}') }, 'Only for Board: must be written as text'],
		[
			'a pasted URL',
			{ board: byId('https://app.pinbridge.io/boards/b_78f2a9') },
			'Only for Board: must be the ID only, not an address (it contains "/"). This looks like a pasted URL: the ID is probably "b_78f2a9"',
		],
	])('%s refuses activation, naming the field, before any request', async (_label, parameters, message) => {
		const harness = new TriggerHarness({ parameters: parameters as IDataObject });
		await expect(harness.activate()).rejects.toThrow(message);
		expect(harness.staticData.webhookId).toBeUndefined();
	});

	it('an opaque id in another letter case still matches (no format assumed; a genuine event is not skipped over case)', async () => {
		const { harness, secret } = await registered({ board: byId('B_78F2A9') });
		const same = await harness.deliver(documented(secret, QUICK_START, 'dlv_case'));
		expect(same.skippedItems).toBeUndefined();
		expect(same.executedItems?.map((item) => item.json.delivery_id)).toEqual(['dlv_case']);
		const other = await harness.deliver(documented(secret, { ...QUICK_START, board_id: 'b_78f2a8' }, 'dlv_other_board'));
		expect(other.skippedItems?.[0].json).toMatchObject({ reason: 'other board', board_id: 'b_78f2a8' });
	});
});

describe('PinBridge Trigger: the account filter without account_id in the body is decided from the Pin', () => {
	it('another account’s Pin is skipped, visibly, with the Pin that shows why', async () => {
		const { harness, secret } = await registered({ account: byId(ACCOUNT) });
		nock(TEST_BASE_URL).get('/v1/pins/pin_8fa2').reply(200, pinAt('acc_other'));
		const result = await harness.deliver(documented(secret, QUICK_START, 'dlv_other'));
		expect(result.responseBody).toEqual({ received: true, ignored: 'other Pinterest account' });
		expect(result.executedItems).toBeUndefined();
		expect(result.skippedItems?.map((item) => item.json)).toEqual([
			expect.objectContaining({
				reason: 'other Pinterest account',
				detail: expect.stringContaining('acc_other'),
				delivery_id: 'dlv_other',
				event: 'pin.published',
				pin_id: 'pin_8fa2',
				pin: pinAt('acc_other'),
			}),
		]);
	});

	it('a look-up that fails (503) answers 500 and keeps nothing claimed: PinBridge’s retry starts the workflow once', async () => {
		const { harness, secret } = await registered({ account: byId(ACCOUNT) });
		nock(TEST_BASE_URL).get('/v1/pins/pin_8fa2').times(2).reply(503, { detail: 'busy' });
		const failed = await harness.deliver(documented(secret, QUICK_START, 'dlv_retry'));
		expect(failed.status).toBe(500);
		expect(failed.error).toMatchObject({ httpCode: '503' });
		expect(harness.startedExecutions).toBe(0);

		nock(TEST_BASE_URL).get('/v1/pins/pin_8fa2').reply(200, pinAt(ACCOUNT));
		const retried = await harness.deliver(documented(secret, QUICK_START, 'dlv_retry'));
		expect(retried.executedItems).toHaveLength(1);
		expect(harness.skipped).toHaveLength(0);
	});

	it.each([
		[429, { detail: 'slow down' }],
		[401, { detail: 'Invalid API key' }],
		[403, { error: { code: 'insufficient_scope', message: 'read needed' } }],
	])('a look-up answered %i answers 500 (PinBridge retries) and is not remembered', async (status, answer) => {
		const { harness, secret } = await registered({ account: byId(ACCOUNT) });
		nock(TEST_BASE_URL).get('/v1/pins/pin_8fa2').times(2).reply(status, answer, { 'Retry-After': '0' });
		const failed = await harness.deliver(documented(secret, QUICK_START, `dlv_${status}`));
		expect(failed.status).toBe(500);
		expect(failed.error).toMatchObject({ httpCode: String(status) });
		nock.cleanAll();
		nock(TEST_BASE_URL).get('/v1/pins/pin_8fa2').reply(200, pinAt(ACCOUNT));
		expect((await harness.deliver(documented(secret, QUICK_START, `dlv_${status}`))).executedItems).toHaveLength(1);
	});

	it('a Pin PinBridge no longer has (404): not run on a guess, shown on Skipped as "account unknown"', async () => {
		const { harness, secret } = await registered({ account: byId(ACCOUNT) });
		nock(TEST_BASE_URL).get('/v1/pins/pin_8fa2').reply(404, { detail: 'Pin not found' });
		const result = await harness.deliver(documented(secret, QUICK_START, 'dlv_gone'));
		expect(result.status).toBe(200);
		expect(result.executedItems).toBeUndefined();
		expect(result.skippedItems?.[0].json).toMatchObject({
			reason: 'account unknown',
			detail: expect.stringContaining('no Pin pin_8fa2'),
			pin: null,
		});
	});

	it('a body with neither account_id nor pin_id: "account unknown", without a request', async () => {
		const { harness, secret } = await registered({ account: byId(ACCOUNT) });
		const result = await harness.deliver(documented(secret, { status: 'published' }, 'dlv_bare'));
		expect(result.skippedItems?.[0].json).toMatchObject({ reason: 'account unknown', detail: expect.stringContaining('no pin_id') });
	});

	it('an account_id in the body is used as it is (no look-up); the board filter without board_id asks the Pin', async () => {
		const { harness, secret } = await registered({ account: byId(ACCOUNT), board: byId('b_78f2a9') });
		const withAccount = await harness.deliver(documented(secret, { ...QUICK_START, account_id: ACCOUNT }, 'dlv_a'));
		expect(withAccount.executedItems).toHaveLength(1); // nock has no route: a request would have failed the call

		nock(TEST_BASE_URL).get('/v1/pins/pin_9').reply(200, pinAt(ACCOUNT, { id: 'pin_9', board_id: 'b_other' }));
		const noBoard = await harness.deliver(documented(secret, { pin_id: 'pin_9', status: 'published', account_id: ACCOUNT }, 'dlv_b'));
		expect(noBoard.skippedItems?.[0].json).toMatchObject({ reason: 'other board', detail: expect.stringContaining('b_other') });
	});

	it('with Fetch Full Pin as well, the Pin is asked for once and added to the item', async () => {
		const { harness, secret } = await registered({ account: byId(ACCOUNT), options: { fetchFullPin: true } });
		const lookup = nock(TEST_BASE_URL).get('/v1/pins/pin_8fa2').once().reply(200, pinAt(ACCOUNT));
		const result = await harness.deliver(documented(secret, QUICK_START, 'dlv_full'));
		lookup.done();
		expect(result.executedItems?.[0].json.pin).toMatchObject(pinAt(ACCOUNT));
	});
});

describe('PinBridge Trigger: deliveries answered without starting the workflow go to the Skipped output', () => {
	it.each([
		['an event not chosen', { events: ['pin.failed'] }, 'event not selected'],
		['another board', { board: byId('b_other') }, 'other board'],
		['older than a window the user set', { options: { replayWindowHours: 1 } }, 'older than the replay window'],
	])('%s: one item {reason, delivery_id, event, pin_id, …} on Skipped, nothing on the main output', async (_label, parameters, reason) => {
		const { harness, secret } = await registered(parameters as IDataObject);
		const body = { ...QUICK_START, occurred_at: new Date(Date.now() - 2 * 3600_000).toISOString() };
		const result = await harness.deliver(documented(secret, body, 'dlv_skip'));
		expect(result.responseBody).toEqual({ received: true, ignored: reason });
		expect(result.executedItems).toBeUndefined();
		expect(result.skippedItems?.map((item) => item.json)).toEqual([
			{ reason, detail: expect.any(String), ...body, event: 'pin.published', delivery_id: 'dlv_skip' },
		]);
	});

	it('repeats of one delivery: each answered 200, the main output runs once and Skipped shows the repeat once', async () => {
		const { harness, secret } = await registered();
		const answers = [];
		for (let i = 0; i < 6; i++) answers.push(await harness.deliver(documented(secret, QUICK_START, 'dlv_many')));
		expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
		expect(harness.executions).toHaveLength(1);
		expect(harness.skipped.map((items) => items.map((item) => item.json.reason))).toEqual([['duplicate delivery']]);
		expect(harness.startedExecutions).toBe(2);
	});

	it('a workflow that connects only the main output: a skipped delivery runs nothing after the trigger', async () => {
		const { harness, secret } = await registered({ board: byId('b_other') }, { connectSkipped: false });
		const result = await harness.deliver(documented(secret, QUICK_START, 'dlv_unconnected'));
		expect(result.executionStarted).toBe(true); // the execution list shows it, with the item on "Skipped"
		expect([result.executedItems, result.skippedItems]).toEqual([undefined, undefined]);
		expect(result.webhookResult.workflowData).toEqual([[], [{ json: expect.objectContaining({ reason: 'other board' }) }]]);
	});

	it('"Answer Only": skipped deliveries start no execution and the node has one output', async () => {
		const { harness, secret } = await registered({ board: byId('b_other'), skippedDeliveries: 'answerOnly' });
		const skipped = await harness.deliver(documented(secret, QUICK_START, 'dlv_quiet'));
		expect(skipped.responseBody).toEqual({ received: true, ignored: 'other board' });
		expect(skipped.executionStarted).toBe(false);
		expect(outputsOf(harness)).toEqual(['main']);
	});

	it('saved nodes (typeVersion 1.1) keep answering only; new nodes (1.2) have "Pin Event" and "Skipped"', async () => {
		const saved = await registered({ board: byId('b_other') }, { typeVersion: 1.1 });
		const answer = await saved.harness.deliver(documented(saved.secret, QUICK_START, 'dlv_saved'));
		expect(answer.executionStarted).toBe(false);
		expect(outputsOf(saved.harness)).toEqual(['main']);
		// …and still pass deliveries on through their one output.
		const passed = await saved.harness.deliver(documented(saved.secret, { ...QUICK_START, board_id: 'b_other' }, 'dlv_saved_2'));
		expect(passed.webhookResult.workflowData).toHaveLength(1);
		expect(passed.executedItems).toHaveLength(1);

		expect(outputsOf(new TriggerHarness())).toEqual([
			{ type: 'main', displayName: 'Pin Event' },
			{ type: 'main', displayName: 'Skipped' },
		]);
	});
});

/** The trigger's outputs as n8n computes them (the editor and the engine) from its version and parameters. */
function outputsOf(harness: TriggerHarness): unknown {
	return NodeHelpers.getNodeOutputs(harness.workflow, harness.node, harness.nodeType.description);
}
