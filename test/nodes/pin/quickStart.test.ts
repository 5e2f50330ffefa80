// PinBridge's quick-start page, as a new user tries it (contract §9.1, issue 21): ids in its style (`b_78f2a9`,
// `pin_8fa2`) and a Publish with a board, an image URL and a title — no account (§9.1.3). The node must send these
// on as they are, through n8n's engine, and never refuse them before PinBridge has a say.
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { recordRequests } from './fixtures';

useNock();

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });

/** The quick-start page's Pin, as PinBridge's documented-minimum answer may show it. */
const quickStartPin = { id: 'pin_8fa2', board_id: 'b_78f2a9', status: 'queued', title: 'Summer styles 2026' };

/** Pin → Publish with the quick-start page's values; the account picker left empty. */
const quickStartPublish = {
	resource: 'pin',
	operation: 'publish',
	account: { __rl: true, mode: 'list', value: '' },
	board: { __rl: true, mode: 'id', value: 'b_78f2a9' },
	mediaSource: 'imageUrl',
	imageUrl: 'https://cdn.shop/img/1.jpg',
	title: 'Summer styles 2026',
};

describe('PinBridge’s quick-start values', () => {
	it('Pin → Get with pin_8fa2 sends GET /v1/pins/pin_8fa2 and outputs the Pin', async () => {
		const scope = api().get('/v1/pins/pin_8fa2').reply(200, quickStartPin);
		const { items, error } = await runPinBridgeNode({ parameters: { resource: 'pin', operation: 'get', pinId: 'pin_8fa2' } });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: quickStartPin, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('Pin → Get Status with pin_8fa2 (from an expression) sends GET /v1/jobs/pin_8fa2', async () => {
		const job = { pin_id: 'pin_8fa2', status: 'queued' };
		const scope = api().get('/v1/jobs/pin_8fa2').reply(200, job);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'pin', operation: 'getStatus', pinId: '={{ $json.pin_id }}' },
			items: [{ json: { pin_id: 'pin_8fa2' } }],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: job, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('Publish with board b_78f2a9, an image URL and a title, no account: one POST whose body has no account_id', async () => {
		const requests = recordRequests(api().post('/v1/pins').reply(201, quickStartPin));
		const { items, error } = await runPinBridgeNode({ parameters: quickStartPublish });
		expect(error).toBeUndefined();
		// Exactly the quick-start page's request: nothing else is asked first (no account, no pacing look-up).
		expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /v1/pins']);
		const body = requests[0].body as Record<string, unknown>;
		expect(Object.keys(body).sort()).toEqual(['board_id', 'idempotency_key', 'image_url', 'title']);
		expect(body).toMatchObject({ board_id: 'b_78f2a9', image_url: 'https://cdn.shop/img/1.jpg', title: 'Summer styles 2026' });
		expect(body.idempotency_key).toEqual(expect.any(String));
		expect(items).toEqual([{ json: quickStartPin, pairedItem: { item: 0 } }]);
	});

	it('a re-run of that Publish sends the same body, key included (PinBridge answers it with the same Pin)', async () => {
		const bodies: unknown[] = [];
		const scope = api()
			.post('/v1/pins', (body: unknown) => (bodies.push(body), true))
			.twice()
			.reply(201, quickStartPin);
		expect((await runPinBridgeNode({ parameters: quickStartPublish })).error).toBeUndefined();
		expect((await runPinBridgeNode({ parameters: quickStartPublish })).error).toBeUndefined();
		expect(bodies).toHaveLength(2);
		expect(bodies[1]).toEqual(bodies[0]);
		scope.done();
	});
});
