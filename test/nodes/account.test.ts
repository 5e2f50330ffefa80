import { nock, useNock } from '../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../harness/runWorkflow';

useNock();

const ACCOUNT_ID = '3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b';
const account = { id: ACCOUNT_ID, display_name: 'Acme', username: 'acme', reconnect_required: false };

describe('Pinterest Account', () => {
	it('Get Many lists accounts with the API key header, one item each', async () => {
		const scope = nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } })
			.get('/v1/pinterest/accounts')
			.reply(200, [account, { ...account, id: 'other', reconnect_required: true }]);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([account, { ...account, id: 'other', reconnect_required: true }]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		scope.done();
	});

	it('Disconnect sends DELETE for the chosen account and says so', async () => {
		const scope = nock(TEST_BASE_URL).delete(`/v1/pinterest/accounts/${ACCOUNT_ID}`).reply(204);
		const { items, error } = await runPinBridgeNode({
			parameters: {
				resource: 'account',
				operation: 'disconnect',
				account: { __rl: true, mode: 'id', value: ACCOUNT_ID },
			},
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ id: ACCOUNT_ID, disconnected: true });
		scope.done();
	});
});
