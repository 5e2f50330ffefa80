// Get Many reads PinBridge's lists tolerantly (contract §9.1.5), as a workflow sees them: a list that arrives as an
// object holding it gives its entries (not an empty output), and Return All reads every page of a server that sends
// no X-Total-Count and caps the page size below the 200 asked for.
import { nock, useNock } from '../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../harness/runWorkflow';
import { pinResponse, recordRequests } from './pin/fixtures';

useNock();

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
const webhooks = [
	{ id: 'wh_3c1d', url: 'https://example.com/hooks/a', events: ['pin.published'], is_enabled: true },
	{ id: 'wh_4e2f', url: 'https://example.com/hooks/b', events: ['pin.failed'], is_enabled: false },
];

describe('Get Many: a list inside an object', () => {
	it('Webhook → Get Many of {items: [...]} outputs one item per webhook', async () => {
		const scope = api().get('/v1/webhooks').reply(200, { items: webhooks, count: 2 });
		const { items, error } = await runPinBridgeNode({ parameters: { resource: 'webhook', operation: 'getAll', returnAll: true } });
		expect(error).toBeUndefined();
		expect(items).toEqual(webhooks.map((json) => ({ json, pairedItem: { item: 0 } })));
		scope.done();
	});

	it('Webhook → Get Many with Limit 1 of {data: [...]} outputs the first webhook', async () => {
		const scope = api().get('/v1/webhooks').reply(200, { data: webhooks });
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'webhook', operation: 'getAll', returnAll: false, limit: 1 },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: webhooks[0], pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('an answer holding no list fails naming the call, rather than passing for an empty list', async () => {
		const scope = api().get('/v1/webhooks').reply(200, { status: 'ok' });
		const { items, error } = await runPinBridgeNode({ parameters: { resource: 'webhook', operation: 'getAll', returnAll: true } });
		expect(items).toEqual([]);
		expect(error?.message).toBe('PinBridge answered /v1/webhooks with something that is not a list');
		scope.done();
	});
});

describe('Pin → Get Many, Return All: no X-Total-Count, pages capped at 100 by the server', () => {
	const pins = (from: number, count: number) => Array.from({ length: count }, (_, index) => pinResponse({ id: `pin_${from + index}` }));

	it('reads every page until a short one: 237 Pins in three requests', async () => {
		const requests = recordRequests(
			api()
				.get('/v1/pins')
				.query({ limit: '200', offset: '0' })
				.reply(200, pins(0, 100))
				.get('/v1/pins')
				.query({ limit: '200', offset: '100' })
				.reply(200, pins(100, 100))
				.get('/v1/pins')
				.query({ limit: '200', offset: '200' })
				.reply(200, pins(200, 37)),
		);
		const { items, error } = await runPinBridgeNode({ parameters: { resource: 'pin', operation: 'getAll', returnAll: true } });
		expect(error).toBeUndefined();
		expect(requests).toHaveLength(3);
		expect(items).toHaveLength(237);
		expect(items.map((item) => item.json.id)).toEqual(pins(0, 237).map((pin) => pin.id));
		expect(items[236].pairedItem).toEqual({ item: 0 });
	});

	it('with Limit 150, asks for the rest after the capped first page and stops at 150', async () => {
		const scope = api()
			.get('/v1/pins')
			.query({ limit: '150', offset: '0' })
			.reply(200, pins(0, 100))
			.get('/v1/pins')
			.query({ limit: '50', offset: '100' })
			.reply(200, pins(100, 50));
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'pin', operation: 'getAll', returnAll: false, limit: 150 },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(pins(0, 150).map((pin) => pin.id));
		scope.done();
	});
});
