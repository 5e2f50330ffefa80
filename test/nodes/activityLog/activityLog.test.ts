// Activity Log → Get Many (cursor paging through the request helper), with nock.
import { useFakeRuntime } from '../../harness/fakeRuntime';
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { recordRequests } from '../pin/fixtures';

useNock();
useFakeRuntime();

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
const entries = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => ({ id: `log-${from + i}`, action: 'pin.published', status: 'success' }));
const page = (items: unknown[], next_cursor: string | null) => ({
	items,
	next_cursor,
	current_retention_days: 90,
	current_retention_label: '90 days',
});

describe('Activity Log → Get Many', () => {
	it('Return All follows next_cursor and stops on an empty page even when it still carries a cursor', async () => {
		const scope = api()
			.get('/v1/activity-logs')
			.query({ limit: '200' })
			.reply(200, page(entries(0, 2), 'c1'))
			.get('/v1/activity-logs')
			.query({ limit: '200', cursor: 'c1' })
			.reply(200, page(entries(2, 1), 'c2'))
			.get('/v1/activity-logs')
			.query({ limit: '200', cursor: 'c2' })
			.reply(200, page([], 'c2-again'));
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'activityLog', operation: 'getAll', returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(['log-0', 'log-1', 'log-2']);
		expect(items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
		scope.done();
	});

	it('Limit asks only for what is still missing and stops when reached; a null cursor ends the list', async () => {
		const scope = api()
			.get('/v1/activity-logs')
			.query({ limit: '3', category: 'publishing', status: 'failed', action: 'pin.publish_failed', resource_type: 'pin', since: '2026-11-01T00:00:00+01:00' })
			.reply(200, page(entries(0, 2), 'c1'))
			.get('/v1/activity-logs')
			.query((q) => q.limit === '1' && q.cursor === 'c1' && q.category === 'publishing')
			.reply(200, page(entries(2, 5), 'c2'))
			.get('/v1/activity-logs')
			.query({ limit: '50' })
			.reply(200, page(entries(0, 1), null));
		const limited = await runPinBridgeNode({
			parameters: {
				resource: 'activityLog',
				operation: 'getAll',
				returnAll: false,
				limit: 3,
				filters: { category: 'publishing', status: 'failed', action: 'pin.publish_failed', resourceType: 'pin', since: '2026-11-01' },
			},
			timezone: 'Europe/Berlin',
		});
		expect(limited.error).toBeUndefined();
		expect(limited.items.map((item) => item.json.id)).toEqual(['log-0', 'log-1', 'log-2']);
		const short = await runPinBridgeNode({ parameters: { resource: 'activityLog', operation: 'getAll', returnAll: false, limit: 50 } });
		expect(short.items.map((item) => item.json.id)).toEqual(['log-0']);
		scope.done();
	});

	it('a cursor that comes back unchanged is not followed again (no endless loop)', async () => {
		const requests = recordRequests(
			api().persist().get('/v1/activity-logs').query(true).reply(200, page(entries(0, 1), 'same')),
		);
		const { items } = await runPinBridgeNode({ parameters: { resource: 'activityLog', operation: 'getAll', returnAll: true } });
		expect(items).toHaveLength(2);
		expect(requests).toHaveLength(2);
	});

	it('PinBridge’s 422 for a malformed cursor or since is mapped', async () => {
		const scope = api()
			.get('/v1/activity-logs')
			.query(true)
			.reply(422, { detail: [{ loc: ['query', 'since'], msg: 'Input should be a valid datetime', type: 'datetime_parsing' }] });
		const { error } = await runPinBridgeNode({ parameters: { resource: 'activityLog', operation: 'getAll', returnAll: true } });
		expect(error?.message).toBe('query.since: Input should be a valid datetime');
		expect(error?.httpCode).toBe('422');
		scope.done();
	});
});
