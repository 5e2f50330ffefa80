import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { NOT_FROM_PINBRIDGE } from '../pin/fixtures';

useNock();

const ACCOUNT_ID = '3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b';
const meter = {
	account: { account_id: ACCOUNT_ID, tokens_available: 12.5, capacity: 50, refill_rate: 1 },
	global: { tokens_available: 180.25, capacity: 200, refill_rate: 3 },
};
const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });

describe('Rate Meter → Get', () => {
	it('reads the meter of the chosen account and outputs it as returned', async () => {
		const scope = api().get('/v1/rate-meter').query({ account_id: ACCOUNT_ID }).reply(200, meter);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'rateMeter', operation: 'get', account: { __rl: true, mode: 'list', value: ACCOUNT_ID } },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: meter, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('reads one meter per item with Continue On Fail keeping a bad account ID to its item', async () => {
		const scope = api().get('/v1/rate-meter').query({ account_id: ACCOUNT_ID }).reply(200, meter);
		const { items, error } = await runPinBridgeNode({
			parameters: {
				resource: 'rateMeter',
				operation: 'get',
				account: { __rl: true, mode: 'id', value: '={{ $json.account }}' },
			},
			items: [{ json: { account: 'Acme Shop' } }, { json: { account: ACCOUNT_ID } }],
			nodeSettings: { continueOnFail: true },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			error: 'Pinterest Account: must not contain spaces',
			...NOT_FROM_PINBRIDGE,
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1]).toEqual({ json: meter, pairedItem: { item: 1 } });
		scope.done();
	});

	it('without an account, asks for the workspace’s reading: no account_id is sent (contract §9.1.4)', async () => {
		const global = { global: meter.global };
		let query: Record<string, unknown> | undefined;
		const scope = api()
			.get('/v1/rate-meter')
			.query((received) => ((query = received), true))
			.reply(200, global);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'rateMeter', operation: 'get', account: { __rl: true, mode: 'list', value: '' } },
		});
		expect(error).toBeUndefined();
		expect(query).toEqual({});
		expect(items).toEqual([{ json: global, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('sends an account id in the quick-start page’s style as it is (contract §9.1.1)', async () => {
		const scope = api().get('/v1/rate-meter').query({ account_id: 'acc_9d1e' }).reply(200, meter);
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'rateMeter', operation: 'get', account: { __rl: true, mode: 'id', value: 'acc_9d1e' } },
		});
		expect(error).toBeUndefined();
		scope.done();
	});
});
