/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// The trigger against the emulator's "documented minimum" profile (contract §9.1.6): quick-start style ids (`acc_…`,
// `b_…`, `pin_…`), four-field deliveries with the delivery id and event in the headers only. Real HTTP both ways; a
// tiny local server stands in for n8n's webhook endpoint and hands each request to the node through the harness.
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

beforeAll(async () => {
	emu = await startEmulator({ port: 0, clock: 'manual', profile: 'documented' });
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
});

/** A Pin published on `boardId`, sent as the quick-start page sends it: no account_id (§9.1.3). */
async function publishOn(boardId: string): Promise<string> {
	const body = pinBody(emu, { board_id: boardId });
	delete body.account_id;
	const created = await call<{ id: string }>('POST', '/v1/pins', body);
	expect(created.status).toBe(201);
	await emu.control.publishPin(created.body.id);
	return created.body.id;
}

describe('PinBridge Trigger against the documented-minimum emulator', () => {
	it('with both filters set: a four-field delivery → one execution; the same delivery again → none; another board → Skipped', async () => {
		expect(emu.boardIds[0]).toMatch(/^b_/);
		current = new TriggerHarness({
			parameters: {
				events: ['pin.published'],
				account: { __rl: true, mode: 'id', value: emu.accountId },
				board: { __rl: true, mode: 'id', value: emu.boardIds[0] },
			},
			credentials: { pinBridgeSuiteApi: { baseUrl: emu.url, apiKey: emu.apiKey } },
			additionalData: { webhookBaseUrl },
		});
		await current.activate();
		expect(await emu.control.webhooks()).toHaveLength(1);

		const pinId = await publishOn(emu.boardIds[0]);
		const [delivery] = await emu.control.deliveries({ pin_id: pinId });
		expect(Object.keys(JSON.parse(delivery.body) as object).sort()).toEqual(['board_id', 'event', 'pin_id', 'status']);
		expect(delivery.attempts.map((attempt) => attempt.status_code)).toEqual([200]);
		expect(current.executions).toHaveLength(1);
		expect(current.executions[0].map((item) => item.json)).toEqual([
			{ event: 'pin.published', pin_id: pinId, board_id: emu.boardIds[0], status: 'published', delivery_id: delivery.id },
		]);
		// The body named no account: the trigger asked PinBridge for the Pin, once.
		expect(await emu.control.requests({ method: 'GET', path: `/v1/pins/${pinId}` })).toHaveLength(1);

		const again = await emu.control.resendDelivery(delivery.id);
		expect(again.status_code).toBe(200);
		expect(JSON.parse(again.body)).toEqual({ received: true, ignored: 'duplicate delivery' });
		expect(current.executions).toHaveLength(1);

		const elsewhere = await publishOn(emu.boardIds[1]);
		expect(current.executions).toHaveLength(1);
		expect(current.skipped.flat().map((item) => [item.json.reason, item.json.pin_id])).toEqual([
			['duplicate delivery', pinId],
			['other board', elsewhere],
		]);
	});
});
