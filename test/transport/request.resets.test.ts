// Connection resets, through n8n's real HTTP client against a loopback server that drops the socket.
import { pinBridgeRequest } from '../../nodes/shared/transport/request';
import { useFakeRuntime } from '../harness/fakeRuntime';
import { TEST_API_KEY } from '../harness/runWorkflow';
import { startScriptedServer, type ScriptedServer } from '../harness/scriptedServer';
import { createTransportContext } from '../harness/transportContext';

const runtime = useFakeRuntime();
let server: ScriptedServer;
beforeAll(async () => {
	server = await startScriptedServer();
});
afterAll(async () => await server.close());

const ctx = () => createTransportContext({ credentials: { pinBridgeSuiteApi: { baseUrl: server.url, apiKey: TEST_API_KEY } } });
const PIN_BODY = { account_id: 'acc', board_id: '1', title: 'T', image_url: 'https://x/y.png', idempotency_key: 'k1' };

describe('request helper: connection resets', () => {
	it('resends POST /v1/pins after a reset: the idempotency key makes the replay safe', async () => {
		server.script(['reset', { status: 201, body: { id: 'p1', status: 'queued' } }]);
		const { body } = await pinBridgeRequest(ctx(), { method: 'POST', path: '/v1/pins', body: PIN_BODY });
		expect(body).toEqual({ id: 'p1', status: 'queued' });
		expect(server.requests.map((request) => request.body)).toEqual([PIN_BODY, PIN_BODY]);
		expect(server.requests[1].headers['x-api-key']).toBe(TEST_API_KEY);
		expect(runtime.sleeps).toHaveLength(1);
	});

	it('does not resend a POST that has neither an idempotency key nor a reconcile check', async () => {
		server.script(['reset', { status: 201, body: { id: 's1' } }]);
		await expect(
			pinBridgeRequest(ctx(), { method: 'POST', path: '/v1/schedules', body: { title: 'x' } }),
		).rejects.toMatchObject({ message: 'PinBridge did not answer', description: expect.stringContaining('ECONNRESET') });
		expect(server.requests).toHaveLength(1);
	});

	it('reconciles before resending, and returns what the lost attempt created', async () => {
		server.script(['reset']);
		let reconciles = 0;
		const { body, reconciled } = await pinBridgeRequest(ctx(), {
			method: 'POST',
			path: '/v1/schedules',
			body: { title: 'x' },
			reconcile: async () => (++reconciles ? { id: 's-lost' } : undefined),
		});
		expect(body).toEqual({ id: 's-lost' });
		expect(reconciled).toBe(true);
		expect(server.requests).toHaveLength(1);
	});

	it('resends after reconciling finds nothing', async () => {
		server.script(['reset', { status: 201, body: { id: 's2' } }]);
		const { body } = await pinBridgeRequest(ctx(), {
			method: 'POST',
			path: '/v1/schedules',
			body: { title: 'x' },
			reconcile: async () => undefined,
		});
		expect(body).toEqual({ id: 's2' });
		expect(server.requests).toHaveLength(2);
	});

	it('treats a 404 after an unanswered DELETE as done', async () => {
		server.script(['reset', { status: 404, body: { detail: 'Webhook not found' } }]);
		const { statusCode } = await pinBridgeRequest(ctx(), { method: 'DELETE', path: '/v1/webhooks/w1' });
		expect(statusCode).toBe(204);
		expect(server.requests.map((request) => request.method)).toEqual(['DELETE', 'DELETE']);
	});
});
