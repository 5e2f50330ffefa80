/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// The trigger against the PinBridge emulator: real HTTP both ways. n8n's side is a tiny local HTTP server standing
// in for n8n's webhook endpoint: it hands each request (exact bytes and headers) to the node's webhook() through the
// harness, and answers what n8n would answer.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { api, pinBody, type Caller } from '../emulator/helpers';
import { startEmulator, type StartedEmulator } from '../emulator/server';
import { TriggerHarness, type DeliveryResult } from './harness';

let emu: StartedEmulator;
let call: Caller;
let receiver: http.Server;
let webhookBaseUrl: string;
let current: TriggerHarness | undefined;
const results: DeliveryResult[] = [];
/** Process the next request, then drop the connection instead of answering (a response lost on the way back). */
let loseNextResponse = false;

function harness(options: ConstructorParameters<typeof TriggerHarness>[0] = {}): TriggerHarness {
	current = new TriggerHarness({
		...options,
		credentials: { pinBridgeSuiteApi: { baseUrl: emu.url, apiKey: emu.apiKey } },
		additionalData: { webhookBaseUrl },
	});
	return current;
}

beforeAll(async () => {
	emu = await startEmulator({ port: 0, clock: 'manual' });
	call = api(emu);
	receiver = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const headers: Record<string, string> = {};
			for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
			void (async () => {
				if (!current) return res.writeHead(404).end();
				const result = await current.deliver({ rawBody: Buffer.concat(chunks), headers });
				results.push(result);
				if (loseNextResponse) {
					loseNextResponse = false;
					res.destroy();
					return;
				}
				res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result.responseBody));
			})();
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	webhookBaseUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
});

afterAll(async () => {
	receiver.closeAllConnections();
	await new Promise<void>((resolve) => receiver.close(() => resolve()));
	await emu.close();
});

beforeEach(async () => {
	await emu.control.reset();
	results.length = 0;
	current = undefined;
	loseNextResponse = false;
});

async function newPin(): Promise<string> {
	const created = await call<{ id: string }>('POST', '/v1/pins', pinBody(emu));
	expect(created.status).toBe(201);
	return created.body.id;
}

describe('PinBridge Trigger against the emulator', () => {
	it('registers exactly one webhook, receives a real signed delivery as one item, and leaves none on delete', async () => {
		const trigger = harness({ parameters: { events: ['pin.published'], options: { fetchFullPin: true } } });
		await trigger.activate();
		const url = `${webhookBaseUrl}/${trigger.node.webhookId}/webhook`;
		const registered = await emu.control.webhooks();
		expect(registered).toHaveLength(1);
		expect(registered[0]).toMatchObject({ id: trigger.staticData.webhookId, url, events: ['pin.published'] });

		const pinId = await newPin();
		await emu.control.publishPin(pinId); // the delivery is sent (and answered) before this returns

		const [delivery] = await emu.control.deliveries({ pin_id: pinId });
		expect(delivery).toMatchObject({ status: 'delivered', event: 'pin.published' });
		expect(delivery.attempts.map((attempt) => attempt.status_code)).toEqual([200]);
		expect(trigger.executions).toHaveLength(1);
		const item = trigger.executions[0][0].json;
		expect(item).toMatchObject({
			event: 'pin.published',
			delivery_id: delivery.id,
			pin_id: pinId,
			account_id: emu.accountId,
			status: 'published',
			pin: { id: pinId, status: 'published' },
		});

		await trigger.delete();
		expect(await emu.control.webhooks()).toHaveLength(0);
		expect(trigger.staticData).toEqual({});
	});

	it('an n8n restart re-activates without a second webhook, and deliveries keep verifying', async () => {
		const first = harness();
		await first.activate();
		const restarted = harness({ staticData: first.persist() });
		await restarted.activate(false, 'init');
		expect(await emu.control.webhooks()).toHaveLength(1);

		const pinId = await newPin();
		await emu.control.failPin(pinId, { error_code: 'pinterest_rejected', error_message: 'Image too small' });
		expect(restarted.executions).toHaveLength(1);
		expect(restarted.executions[0][0].json).toMatchObject({ event: 'pin.failed', error_code: 'pinterest_rejected' });
	});

	it('PinBridge retrying a delivery whose answer was lost gets 200 and starts no second execution', async () => {
		const trigger = harness();
		await trigger.activate();
		const pinId = await newPin();
		loseNextResponse = true;
		await emu.control.publishPin(pinId);
		expect(trigger.executions).toHaveLength(1);
		let [delivery] = await emu.control.deliveries({ pin_id: pinId });
		expect(delivery.status).toBe('pending'); // no 2xx seen: PinBridge will retry in 1 s

		await emu.control.advance(1);
		[delivery] = await emu.control.deliveries({ pin_id: pinId });
		expect(delivery.status).toBe('delivered');
		expect(delivery.attempts).toHaveLength(2);
		expect(delivery.attempts[1].status_code).toBe(200);
		expect(results.at(-1)?.responseBody).toEqual({ received: true, ignored: 'duplicate delivery' });
		expect(trigger.executions).toHaveLength(1);
	});

	it('a credential changed while the workflow stays active: the first delivery is refused and sets the new secret, PinBridge’s retry runs', async () => {
		const first = harness();
		await first.activate();
		const key = await call<{ api_key: string }>('POST', '/v1/api-keys', { name: 'rotated' });
		expect(key.status).toBe(201);
		current = new TriggerHarness({
			workflowId: first.workflowId,
			staticData: first.persist(),
			credentials: { pinBridgeSuiteApi: { baseUrl: emu.url, apiKey: key.body.api_key } },
			additionalData: { webhookBaseUrl },
		});
		const now = Date.now();
		jest.spyOn(Date, 'now').mockImplementation(() => now + 61_000); // past the minute a process reuses a secret
		try {
			const pinId = await newPin();
			await emu.control.publishPin(pinId);
			let [delivery] = await emu.control.deliveries({ pin_id: pinId });
			expect(delivery.attempts.map((attempt) => attempt.status_code)).toEqual([401]);
			expect(current.executions).toHaveLength(0);
			expect(await emu.control.requests({ method: 'PATCH', path: `/v1/webhooks/${first.staticData.webhookId as string}` })).toHaveLength(1);

			await emu.control.advance(1);
			[delivery] = await emu.control.deliveries({ pin_id: pinId });
			expect(delivery.attempts.map((attempt) => attempt.status_code)).toEqual([401, 200]);
			expect(current.executions).toHaveLength(1);
		} finally {
			jest.restoreAllMocks();
		}
	});
});
