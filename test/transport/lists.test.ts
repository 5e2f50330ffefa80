import { pinBridgeRequestList } from '../../nodes/shared/transport/lists';
import { useFakeRuntime } from '../harness/fakeRuntime';
import { nock, useNock } from '../harness/nock';
import { TEST_BASE_URL } from '../harness/runWorkflow';
import { createTransportContext } from '../harness/transportContext';

useNock();
useFakeRuntime();

const api = () => nock(TEST_BASE_URL);
const ctx = () => createTransportContext({ parameters: {} });
const pins = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: `p${from + i}` }));
const all = { returnAll: true, limit: 0, paginated: true };

describe('pinBridgeRequestList: offset paging', () => {
	it('pages with limit/offset until X-Total-Count', async () => {
		const scope = api()
			.get('/v1/pins').query({ limit: 200, offset: 0, status: 'published' }).reply(200, pins(0, 200), { 'X-Total-Count': '250' })
			.get('/v1/pins').query({ limit: 200, offset: 200, status: 'published' }).reply(200, pins(200, 50), { 'X-Total-Count': '250' });
		const list = await pinBridgeRequestList(ctx(), { method: 'GET', path: '/v1/pins', qs: { status: 'published' } }, all);
		expect(list).toHaveLength(250);
		expect(list[249]).toEqual({ id: 'p249' });
		scope.done();
	});

	it('without a total, stops at a page shorter than an earlier one', async () => {
		const scope = api()
			.get('/v1/pins').query({ limit: 200, offset: 0 }).reply(200, pins(0, 200))
			.get('/v1/pins').query({ limit: 200, offset: 200 }).reply(200, pins(200, 3));
		const list = await pinBridgeRequestList(ctx(), { method: 'GET', path: '/v1/pins' }, all);
		expect(list).toHaveLength(203);
		scope.done();
	});

	// Contract §9.1.5: PinBridge may cap `limit` below 200 and send no X-Total-Count; a short first page is not the end.
	it('without a total, reads every page of a server that caps the page size lower', async () => {
		const scope = api()
			.get('/v1/schedules').query({ limit: 200, offset: 0 }).reply(200, pins(0, 100))
			.get('/v1/schedules').query({ limit: 200, offset: 100 }).reply(200, pins(100, 100))
			.get('/v1/schedules').query({ limit: 200, offset: 200 }).reply(200, pins(200, 30));
		const list = await pinBridgeRequestList(ctx(), { method: 'GET', path: '/v1/schedules' }, all);
		expect(list.map((entry) => entry.id)).toEqual(pins(0, 230).map((entry) => entry.id));
		scope.done();
	});

	it('without a total, a short first page costs one request more, which ends on an empty page', async () => {
		const scope = api()
			.get('/v1/pins').query({ limit: 200, offset: 0 }).reply(200, pins(0, 5))
			.get('/v1/pins').query({ limit: 200, offset: 5 }).reply(200, []);
		expect(await pinBridgeRequestList(ctx(), { method: 'GET', path: '/v1/pins' }, all)).toHaveLength(5);
		scope.done();
	});

	it('asks for no more than the limit', async () => {
		const scope = api()
			.get('/v1/schedules').query({ limit: 200, offset: 0 }).reply(200, pins(0, 200), { 'X-Total-Count': '999' })
			.get('/v1/schedules').query({ limit: 50, offset: 200 }).reply(200, pins(200, 50), { 'X-Total-Count': '999' });
		const some = await pinBridgeRequestList(ctx(), { method: 'GET', path: '/v1/schedules' }, { returnAll: false, limit: 250, paginated: true });
		expect(some).toHaveLength(250);
		scope.done();
	});

	it('reads an envelope with its total: {assets: [...], total}', async () => {
		const scope = api()
			.get('/v1/assets').query({ limit: 200, offset: 0 }).reply(200, { assets: pins(0, 200), total: 201, storage_used_bytes: 5 })
			.get('/v1/assets').query({ limit: 200, offset: 200 }).reply(200, { assets: pins(200, 1), total: 201 });
		expect(await pinBridgeRequestList(ctx(), { method: 'GET', path: '/v1/assets' }, all)).toHaveLength(201);
		scope.done();
	});
});

describe('pinBridgeRequestList: whole lists', () => {
	it('takes unpaginated lists whole and applies the limit locally', async () => {
		const scope = api().get('/v1/webhooks').reply(200, pins(0, 7));
		const some = await pinBridgeRequestList(ctx(), { method: 'GET', path: '/v1/webhooks' }, { returnAll: false, limit: 5, paginated: false });
		expect(some.map((hook) => hook.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
		scope.done();
	});

	it.each([
		['items', { items: pins(0, 2) }],
		['data', { data: pins(0, 2) }],
		['the resource name', { webhooks: pins(0, 2), count: 2 }],
		['the one list it holds', { entries: pins(0, 2), next: null }],
	])('reads a list that arrives as an object holding it under %s', async (_name, body) => {
		const scope = api().get('/v1/webhooks').reply(200, body);
		const list = await pinBridgeRequestList(ctx(), { method: 'GET', path: '/v1/webhooks' }, { returnAll: true, limit: 0, paginated: false });
		expect(list.map((hook) => hook.id)).toEqual(['p0', 'p1']);
		scope.done();
	});

	it('fails naming the call when the answer holds no list, instead of returning an empty one', async () => {
		const scope = api().get('/v1/webhooks').reply(200, { message: 'ok' });
		await expect(
			pinBridgeRequestList(ctx(), { method: 'GET', path: '/v1/webhooks' }, { returnAll: true, limit: 0, paginated: false }),
		).rejects.toThrow('PinBridge answered /v1/webhooks with something that is not a list');
		scope.done();
	});
});
