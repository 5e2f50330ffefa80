// A connection reset during Publish, through n8n's real HTTP client against a loopback server that drops the
// socket after reading the request (nock cannot reproduce that faithfully with n8n's client).
import { runPinBridgeNode, TEST_API_KEY } from '../../harness/runWorkflow';
import { startScriptedServer, type ScriptedServer } from '../../harness/scriptedServer';
import { pinResponse, publishParameters, useFakeClock } from './fixtures';

const clock = useFakeClock();
let server: ScriptedServer;
beforeAll(async () => {
	server = await startScriptedServer();
});
afterAll(async () => await server.close());

describe('Pin → Publish: connection reset', () => {
	it('resends the same body with the same idempotency key and yields one item', async () => {
		server.script(['reset', { status: 201, body: pinResponse() }]);
		const { items, error } = await runPinBridgeNode({
			parameters: publishParameters(),
			credentials: { pinBridgeSuiteApi: { baseUrl: server.url, apiKey: TEST_API_KEY } },
		});
		expect(error).toBeUndefined();
		expect(server.requests.map((request) => [request.method, request.url])).toEqual([
			['POST', '/v1/pins'],
			['POST', '/v1/pins'],
		]);
		const [first, second] = server.requests.map((request) => request.body as Record<string, unknown>);
		expect(first.idempotency_key).toMatch(/^n8n-pin-[0-9a-f]{64}$/);
		expect(second).toEqual(first);
		expect(server.requests[1].headers['x-api-key']).toBe(TEST_API_KEY);
		expect(items).toEqual([{ json: pinResponse(), pairedItem: { item: 0 } }]);
		expect(clock.sleeps).toHaveLength(1);
	});
});
