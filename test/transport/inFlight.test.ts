// The in-flight cap, observed where it matters: at the server, with the node run by n8n's engine.
import { sleep } from 'n8n-workflow';

import { pinBridgeRequest } from '../../nodes/shared/transport/request';
import { startScriptedServer, type ScriptedServer } from '../harness/scriptedServer';
import { runPinBridgeNode, TEST_API_KEY } from '../harness/runWorkflow';
import { createTransportContext } from '../harness/transportContext';

let server: ScriptedServer;
beforeAll(async () => {
	server = await startScriptedServer();
});
afterAll(async () => await server.close());

const ids = Array.from({ length: 12 }, (_, i) => `3f2b6c1e-8a4d-4e7f-9b0a-${String(i).padStart(12, '0')}`);

async function disconnectAll(maxInFlight?: number) {
	server.script([], { status: 204, delayMs: 30 });
	return await runPinBridgeNode({
		parameters: {
			resource: 'account',
			operation: 'disconnect',
			account: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			...(maxInFlight ? { requestSettings: { maxInFlight } } : {}),
		},
		items: ids.map((id) => ({ json: { id } })),
		credentials: { pinBridgeSuiteApi: { baseUrl: server.url, apiKey: TEST_API_KEY } },
	});
}

describe('in-flight cap', () => {
	it('keeps at most the configured number of requests open, and every item still gets its answer in order', async () => {
		const { items, error } = await disconnectAll(3);
		expect(error).toBeUndefined();
		expect(server.requests).toHaveLength(12);
		expect(server.maxConcurrent).toBe(3);
		expect(items.map((item) => item.json.id)).toEqual(ids);
		expect(items.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
	});

	it('defaults to 10 in flight', async () => {
		await disconnectAll();
		expect(server.maxConcurrent).toBe(10);
	});

	it('reads the credential under the same cap: n8n answers each read from its database, whose pool is small', async () => {
		server.script([], { status: 204, delayMs: 30 });
		const ctx = createTransportContext({
			parameters: { requestSettings: { maxInFlight: 3 } },
			credentials: { pinBridgeSuiteApi: { baseUrl: server.url, apiKey: TEST_API_KEY } },
			credentialId: 'cred-reads-capped',
		});
		const read = ctx.getCredentials;
		let reading = 0;
		let mostAtOnce = 0;
		ctx.getCredentials = async <T extends object>(type: string) => {
			mostAtOnce = Math.max(mostAtOnce, ++reading);
			await sleep(20);
			reading--;
			return await read<T>(type);
		};
		await Promise.all(ids.map(async (id) => await pinBridgeRequest(ctx, { method: 'DELETE', path: `/v1/accounts/${id}` })));
		expect(server.requests).toHaveLength(12);
		expect(mostAtOnce).toBe(3); // 12 (one per call) when the read happened outside the cap
	});
});
