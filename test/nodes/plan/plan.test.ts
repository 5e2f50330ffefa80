// Plan → Get Status, with nock.
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';

useNock();

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });

describe('Plan → Get Status', () => {
	it('GET /v1/billing/status as one item', async () => {
		const status = { plan: 'growth', billing_status: 'active', quota_calls_monthly: 1000, calls_used: 2, quota_exhausted: false };
		const scope = api().get('/v1/billing/status').reply(200, status);
		const { items, error } = await runPinBridgeNode({ parameters: { resource: 'plan', operation: 'getStatus' } });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: status, pairedItem: { item: 0 } }]);
		scope.done();
	});
});
