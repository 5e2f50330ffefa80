// Pin → Get, Get Many, Get Status, Retry, Delete: exact requests and output items.
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { ACCOUNT_ID, BOARD_ID, byId, jobResponse, PIN_ID, pinResponse, recordRequests } from './fixtures';

useNock();

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
const pins = (count: number, from = 0) =>
	Array.from({ length: count }, (_, index) => pinResponse({ id: `pin-${from + index}` }));

describe('Pin → Get / Get Status', () => {
	it('Get sends GET /v1/pins/{id} and outputs the Pin', async () => {
		const scope = api().get(`/v1/pins/${PIN_ID}`).reply(200, pinResponse());
		const { items, error } = await runPinBridgeNode({ parameters: { resource: 'pin', operation: 'get', pinId: PIN_ID } });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: pinResponse(), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('Get and Get Status add the Pin’s link on Pinterest once it has a Pinterest Pin ID', async () => {
		const live = pinResponse({ status: 'published', pinterest_pin_id: '1122334455' });
		const job = { pin_id: PIN_ID, status: 'published', pinterest_pin_id: '1122334455' };
		const scope = api().get(`/v1/pins/${PIN_ID}`).reply(200, live).get(`/v1/jobs/${PIN_ID}`).reply(200, job);
		const link = 'https://www.pinterest.com/pin/1122334455/';
		const get = await runPinBridgeNode({ parameters: { resource: 'pin', operation: 'get', pinId: PIN_ID } });
		expect(get.items).toEqual([{ json: { ...live, pinterest_url: link }, pairedItem: { item: 0 } }]);
		const status = await runPinBridgeNode({ parameters: { resource: 'pin', operation: 'getStatus', pinId: PIN_ID } });
		expect(status.items).toEqual([{ json: { ...job, pinterest_url: link }, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('Get takes the Pin ID from an expression, per item', async () => {
		const other = 'aaaaaaaa-4d5a-4b6c-8d7e-0f1a2b3c4d5e';
		const scope = api()
			.get(`/v1/pins/${PIN_ID}`)
			.reply(200, pinResponse())
			.get(`/v1/pins/${other}`)
			.reply(200, pinResponse({ id: other }));
		const { items } = await runPinBridgeNode({
			parameters: { resource: 'pin', operation: 'get', pinId: '={{ $json.id }}' },
			items: [{ json: { id: PIN_ID } }, { json: { id: ` ${other} ` } }],
		});
		expect(items.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[PIN_ID, { item: 0 }],
			[other, { item: 1 }],
		]);
		scope.done();
	});

	it('Get refuses a pasted Pin address (no id can hold "/"), without sending anything, and hints at the id', async () => {
		const requests = recordRequests(api().persist().get(/.*/).reply(200, {}));
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'pin', operation: 'get', pinId: 'https://app.pinbridge.io/pins/pin_8fa2' },
		});
		expect(error?.message).toBe(
			'Pin ID: must be the ID only, not an address (it contains "/"). This looks like a pasted URL: the ID is probably "pin_8fa2"',
		);
		expect(requests).toEqual([]);
	});

	it('Get sends an id of digits as it is (ids are opaque, contract §9.1.1)', async () => {
		const scope = api().get('/v1/pins/1122334455').reply(200, pinResponse({ id: '1122334455' }));
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'pin', operation: 'get', pinId: '1122334455' },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(['1122334455']);
		scope.done();
	});

	it('Get maps a 404 to PinBridge’s message', async () => {
		const scope = api().get(`/v1/pins/${PIN_ID}`).reply(404, { detail: 'Pin not found' });
		const { error } = await runPinBridgeNode({ parameters: { resource: 'pin', operation: 'get', pinId: PIN_ID } });
		expect(error?.message).toBe('Pin not found');
		scope.done();
	});

	it('Get Status sends GET /v1/jobs/{pin_id} and outputs the job', async () => {
		const job = jobResponse('deferred');
		const scope = api().get(`/v1/jobs/${PIN_ID}`).reply(200, job);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'pin', operation: 'getStatus', pinId: PIN_ID },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: job, pairedItem: { item: 0 } }]);
		scope.done();
	});
});

describe('Pin → Get Many', () => {
	it('sends every filter, with since/until read in the workflow’s time zone', async () => {
		const scope = api()
			.get('/v1/pins')
			.query({
				account_id: ACCOUNT_ID,
				board_id: BOARD_ID,
				status: 'failed',
				since: '2026-11-01T09:00:00+01:00',
				until: '2026-11-30T18:00:00Z',
				q: 'lamp',
				error_code: 'media_unreachable',
				removed: 'false',
				sort: 'published_at_asc',
				limit: '10',
				offset: '0',
			})
			.reply(200, pins(2), { 'X-Total-Count': '2' });
		const { items, error } = await runPinBridgeNode({
			parameters: {
				resource: 'pin',
				operation: 'getAll',
				returnAll: false,
				limit: 10,
				account: byId(ACCOUNT_ID),
				board: byId(BOARD_ID),
				filters: {
					status: 'failed',
					since: '2026-11-01T09:00:00',
					until: '2026-11-30T18:00:00Z',
					search: ' lamp ',
					errorCode: 'media_unreachable',
					removed: 'notRemoved',
					sort: 'published_at_asc',
				},
			},
			timezone: 'Europe/Berlin',
		});
		expect(error).toBeUndefined();
		expect(items).toEqual(pins(2).map((json) => ({ json, pairedItem: { item: 0 } })));
		scope.done();
	});

	it('Return All pages with limit/offset until X-Total-Count', async () => {
		const scope = api()
			.get('/v1/pins')
			.query({ limit: '200', offset: '0' })
			.reply(200, pins(200), { 'X-Total-Count': '250' })
			.get('/v1/pins')
			.query({ limit: '200', offset: '200' })
			.reply(200, pins(50, 200), { 'X-Total-Count': '250' });
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'pin', operation: 'getAll', returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(250);
		expect(items[249]).toEqual({ json: pinResponse({ id: 'pin-249' }), pairedItem: { item: 0 } });
		scope.done();
	});

	it('Limit stops at the limit', async () => {
		const scope = api().get('/v1/pins').query({ limit: '3', offset: '0' }).reply(200, pins(3), { 'X-Total-Count': '90' });
		const { items } = await runPinBridgeNode({
			parameters: { resource: 'pin', operation: 'getAll', returnAll: false, limit: 3 },
		});
		expect(items.map((item) => item.json.id)).toEqual(['pin-0', 'pin-1', 'pin-2']);
		scope.done();
	});

	it('refuses a malformed date filter without sending', async () => {
		const requests = recordRequests(api().persist().get(/.*/).reply(200, []));
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'pin', operation: 'getAll', returnAll: true, filters: { since: 'last tuesday' } },
		});
		expect(error?.message).toContain('Created After: "last tuesday" is not a date and time');
		expect(requests).toEqual([]);
	});

	it('sends a sort saved by an earlier version under its API 1.34 name, and refuses an unknown one', async () => {
		const scope = api()
			.get('/v1/pins')
			.query({ sort: 'created_at_desc', limit: '5', offset: '0' })
			.reply(200, pins(1), { 'X-Total-Count': '1' });
		const old = await runPinBridgeNode({
			parameters: { resource: 'pin', operation: 'getAll', limit: 5, filters: { sort: '-created_at' } },
		});
		expect(old.error).toBeUndefined();
		scope.done();
		const requests = recordRequests(api().persist().get(/.*/).reply(200, []));
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'pin', operation: 'getAll', limit: 5, filters: { sort: '={{ "newest" }}' } },
		});
		expect(error?.message).toContain('Sort: must be one of created_at_desc');
		expect(requests).toEqual([]);
	});
});

describe('Pin → Retry', () => {
	it('sends POST /v1/pins/{id}/retry and outputs the re-queued Pin', async () => {
		const scope = api().post(`/v1/pins/${PIN_ID}/retry`).reply(200, pinResponse({ status: 'queued' }));
		const { items, error } = await runPinBridgeNode({ parameters: { resource: 'pin', operation: 'retry', pinId: PIN_ID } });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: pinResponse({ status: 'queued' }), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('explains a 409: only failed Pins can be retried (sent once, never retried blindly)', async () => {
		const scope = api()
			.post(`/v1/pins/${PIN_ID}/retry`)
			.reply(409, { detail: { error: { code: 'pin_publishing', message: 'Pin is not in failed state' } } });
		const { error } = await runPinBridgeNode({ parameters: { resource: 'pin', operation: 'retry', pinId: PIN_ID } });
		expect(error?.message).toBe(`Only a failed Pin can be retried: Pin ${PIN_ID} is not in status "failed"`);
		expect(error?.description).toContain('PinBridge said: Pin is not in failed state');
		expect(error?.httpCode).toBe('409');
		scope.done();
	});
});

describe('Pin → Delete', () => {
	it('sends DELETE /v1/pins/{id} and outputs { id, deleted: true } for a 204', async () => {
		const scope = api()
			.delete(`/v1/pins/${PIN_ID}`)
			.query((query) => Object.keys(query).length === 0)
			.reply(204);
		const { items, error } = await runPinBridgeNode({ parameters: { resource: 'pin', operation: 'delete', pinId: PIN_ID } });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { id: PIN_ID, deleted: true }, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('with Also Delete From Pinterest sends ?delete_from_pinterest=true and outputs PinBridge’s report', async () => {
		const report = { id: PIN_ID, deleted: true, removed_from_pinterest: true, pinterest_pin_id: '1122334455', reason: null };
		const scope = api().delete(`/v1/pins/${PIN_ID}`).query({ delete_from_pinterest: 'true' }).reply(200, report);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'pin', operation: 'delete', pinId: PIN_ID, deleteFromPinterest: true },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: report, pairedItem: { item: 0 } }]);
		scope.done();
	});
});
