/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// The PinBridge Trigger in a real n8n (single process) against the emulator, with the shipped example workflow
// (trigger → a row per delivery id in a data table, passed on only the first time → Record Event), one lifecycle in order: activation registers exactly
// one webhook and leaves no signing secret in the workflow (public API read); a Pin published at PinBridge starts
// exactly one execution; a forged delivery gets 401; the same delivery again, to the same process, starts nothing;
// after an n8n restart the same delivery starts an execution again (the trigger's memory is per process) and the
// example's data-table steps drop it, while new deliveries still verify (same derived secret); a genuine retry that
// arrives more than a day late still starts the workflow (no replay window by default: PinBridge retries "until you
// 200"); the quick-start page's four-field delivery, with its id and event in the headers only, starts exactly one
// execution and its repeat none; deactivating deletes the webhook.
// The emulator's clock is manual: Pins publish only when the test says so, and each delivery is sent (and n8n's
// answer received) before control.publishPin() returns.
import fs from 'node:fs';

import { api, pinBody } from '../emulator/helpers';
import { signDelivery, triggerSigningSecret } from '../harness/triggerSecret';
import { useE2eEnvironment } from './fixture';
import { nodeOutput, waitFor, type N8nExecution } from './n8n/client';
import { loadExampleWorkflow } from './n8n/workflows';

const env = useE2eEnvironment('trigger', { clock: 'manual' });

const EXAMPLE = 'trigger-pin-published';
const TRIGGER_NODE = 'PinBridge Trigger';
const DEDUPE_NODE = 'Only the First Time';
const RECORD_NODE = 'Record Event';
const triggerNode = loadExampleWorkflow(EXAMPLE).nodes.find((n) => n.name === TRIGGER_NODE)!;
const webhookId = triggerNode.webhookId as string;

const sleep = async (ms: number) => await new Promise((r) => setTimeout(r, ms));

let workflowId: string;
let registeredId: string;
let secret: string;
/** The first delivery PinBridge made, exactly as it sent it. */
let firstDelivery: { id: string; body: string };

/** n8n's production URL for the trigger (what the node registers at PinBridge). */
const productionUrl = () => `${env.n8n.url}/webhook/${webhookId}/webhook`;

async function publishNewPin(): Promise<string> {
	const created = await api(env.emu)<{ id: string }>('POST', '/v1/pins', pinBody(env.emu));
	expect(created.status).toBe(201);
	await env.emu.control.publishPin(created.body.id);
	return created.body.id;
}

/** All executions of the workflow, after giving n8n a moment to start any it was going to start. */
async function settledExecutions(): Promise<N8nExecution[]> {
	await sleep(1500);
	return await env.client.listExecutions({ workflowId, includeData: true });
}

function newest(executions: N8nExecution[]): N8nExecution {
	return [...executions].sort((a, b) => Number(b.id) - Number(a.id))[0];
}

/** POST a body to the trigger's production URL the way PinBridge does, signed with `key`. */
async function deliver(body: string, key = secret): Promise<{ status: number; body: unknown }> {
	const parsed = JSON.parse(body) as { event: string; delivery_id: string };
	const { status, body: answer } = await env.client.callWebhook(`${webhookId}/webhook`, body, {
		headers: {
			'x-pinbridge-signature': signDelivery(key, body),
			'x-pinbridge-event': parsed.event,
			'x-pinbridge-delivery-id': parsed.delivery_id,
		},
	});
	return { status, body: answer };
}

describe('PinBridge Trigger in real n8n', () => {
	beforeAll(async () => {
		await env.emu.control.reset();
		workflowId = await env.importExample(EXAMPLE);
		secret = triggerSigningSecret({
			material: env.emu.apiKey,
			workflowId,
			nodeId: triggerNode.id as string,
			nodeWebhookId: webhookId,
		});
	});

	it('activating registers exactly one webhook; the workflow read through n8n’s public API holds no signing secret', async () => {
		expect(await env.emu.control.webhooks()).toHaveLength(0);
		await env.client.activate(workflowId);
		// n8n answers the activation before the node's webhookMethods have run: wait for the registration.
		await waitFor(async () => (await env.emu.control.webhooks()).length > 0, { what: 'the webhook at PinBridge' });
		await sleep(1000);
		const hooks = await env.emu.control.webhooks();
		expect(hooks).toHaveLength(1);
		expect(hooks[0]).toMatchObject({ url: productionUrl(), events: ['pin.published'] });
		expect((await env.emu.control.counters()).requests_by_route['POST /v1/webhooks']).toBe(1);
		registeredId = hooks[0].id;

		// GET /api/v1/workflows/{id}: what any key with workflow read (and every export) sees.
		const read = await env.client.getWorkflow(workflowId);
		expect(read.active).toBe(true);
		expect((read.staticData as Record<string, unknown>)[`node:${TRIGGER_NODE}`]).toEqual({
			webhookId: registeredId,
			webhookUrl: productionUrl(),
			webhookEvents: ['pin.published'],
			// Which credential and registration the secret was derived for, as a short hash: never the secret.
			secretTag: expect.stringMatching(/^[0-9a-f]{16}$/),
		});
		const text = JSON.stringify(read);
		expect(text).not.toContain(secret);
		expect(text).not.toMatch(/[0-9a-f]{64}/); // no secret of any derivation either
		expect(text).not.toContain(env.emu.apiKey);
	});

	it('a Pin published at PinBridge starts exactly one execution; the item carries delivery_id (one field)', async () => {
		const pinId = await publishNewPin();
		const [delivery] = await env.emu.control.deliveries({ pin_id: pinId });
		expect(delivery).toMatchObject({ status: 'delivered', event: 'pin.published', webhook_id: registeredId });
		expect(delivery.attempts.map((a) => a.status_code)).toEqual([200]);
		firstDelivery = { id: delivery.id, body: delivery.body };

		await env.client.waitForExecutions(workflowId, 1);
		const executions = await settledExecutions();
		expect(executions).toHaveLength(1);
		expect(executions[0]).toMatchObject({ status: 'success', mode: 'webhook' });
		const items = nodeOutput(executions[0], RECORD_NODE);
		expect(items).toEqual([
			expect.objectContaining({
				event: 'pin.published',
				pin_id: pinId,
				account_id: env.emu.accountId,
				delivery_id: delivery.id,
				receivedAt: expect.any(String),
			}),
		]);
		expect(items[0]).not.toHaveProperty('deliveryId');
	});

	it('the secret derived here is the one PinBridge holds: the same delivery re-sent verifies, and starts nothing in this process', async () => {
		const again = await deliver(firstDelivery.body);
		expect(again).toEqual({ status: 200, body: { received: true, ignored: 'duplicate delivery' } });
		expect(await settledExecutions()).toHaveLength(1);
	});

	it('a forged or unsigned delivery POSTed to the production URL gets 401 and starts no execution', async () => {
		const body = JSON.stringify({
			event: 'pin.published',
			delivery_id: 'dlv_forged_1',
			occurred_at: new Date().toISOString(),
			pin_id: 'forged-pin',
			account_id: env.emu.accountId,
			status: 'published',
		});
		expect((await deliver(body, 'not-the-webhook-secret')).status).toBe(401);
		expect((await env.client.callWebhook(`${webhookId}/webhook`, body.replace('_1', '_2'))).status).toBe(401);
		expect(await settledExecutions()).toHaveLength(1);
	});

	it('after an n8n restart: one webhook still; the same delivery starts an execution again and the first-time check drops it; new deliveries verify', async () => {
		await env.n8n.restart();
		env.client.setCookie(env.n8n.cookie);
		expect((await env.client.getWorkflow(workflowId)).active).toBe(true);
		await sleep(2000);
		const hooks = await env.emu.control.webhooks();
		expect(hooks).toHaveLength(1);
		expect(hooks[0]).toMatchObject({ id: registeredId, url: productionUrl() });
		expect((await env.emu.control.counters()).requests_by_route['POST /v1/webhooks']).toBe(1);

		// The trigger's memory of delivery ids died with the process: the repeat starts an execution…
		const repeat = await deliver(firstDelivery.body);
		expect(repeat.status).toBe(200);
		await env.client.waitForExecutions(workflowId, 2);
		let executions = await settledExecutions();
		expect(executions).toHaveLength(2);
		const second = newest(executions);
		expect(second.status).toBe('success');
		expect(nodeOutput(second, TRIGGER_NODE)).toEqual([expect.objectContaining({ delivery_id: firstDelivery.id })]);
		// …and the example's first-time check (a row per delivery id in n8n's database) lets nothing through.
		expect(nodeOutput(second, DEDUPE_NODE)).toEqual([]);
		expect(nodeOutput(second, RECORD_NODE)).toEqual([]);

		// A new Pin after the restart: the restarted process derives the same secret, PinBridge's delivery verifies.
		const pinId = await publishNewPin();
		const [delivery] = await env.emu.control.deliveries({ pin_id: pinId });
		expect(delivery.attempts.map((a) => a.status_code)).toEqual([200]);
		await env.client.waitForExecutions(workflowId, 3);
		executions = await settledExecutions();
		expect(executions).toHaveLength(3);
		expect(nodeOutput(newest(executions), RECORD_NODE)).toEqual([
			expect.objectContaining({ pin_id: pinId, delivery_id: delivery.id }),
		]);
	});

	it('a genuine retry arriving 26 h after the event (a long n8n outage) starts the workflow: no replay window by default', async () => {
		const late = JSON.parse(firstDelivery.body) as Record<string, unknown>;
		late.delivery_id = 'dlv_retried_late';
		late.occurred_at = new Date(Date.now() - 26 * 3600_000).toISOString();
		const answer = await deliver(JSON.stringify(late));
		expect(answer.status).toBe(200);
		await env.client.waitForExecutions(workflowId, 4);
		const executions = await settledExecutions();
		expect(executions).toHaveLength(4);
		expect(nodeOutput(newest(executions), RECORD_NODE)).toEqual([expect.objectContaining({ delivery_id: 'dlv_retried_late' })]);
	});

	it('the quick-start page’s four-field delivery, id and event in the headers only, starts one execution; its repeat none', async () => {
		const body = '{"event": "pin.published", "pin_id": "pin_8fa2", "board_id": "b_78f2a9", "status": "published"}';
		const headers = {
			'x-pinbridge-signature': signDelivery(secret, body),
			'x-pinbridge-event': 'pin.published',
			'x-pinbridge-delivery-id': 'dlv_quick_start',
		};
		const first = await env.client.callWebhook(`${webhookId}/webhook`, body, { headers });
		expect(first.status).toBe(200);
		await env.client.waitForExecutions(workflowId, 5);
		let executions = await settledExecutions();
		expect(executions).toHaveLength(5);
		expect(nodeOutput(newest(executions), RECORD_NODE)).toEqual([
			expect.objectContaining({ pin_id: 'pin_8fa2', board_id: 'b_78f2a9', delivery_id: 'dlv_quick_start' }),
		]);

		const again = await env.client.callWebhook(`${webhookId}/webhook`, body, { headers });
		expect({ status: again.status, body: again.body as unknown }).toEqual({
			status: 200,
			body: { received: true, ignored: 'duplicate delivery' },
		});
		executions = await settledExecutions();
		expect(executions).toHaveLength(5);
	});

	it('no execution and no log line holds the signing secret', async () => {
		const executions = await settledExecutions();
		expect(executions).toHaveLength(5);
		expect(JSON.stringify(executions)).not.toContain(secret);
		expect(fs.readFileSync(env.n8n.logFile, 'utf8')).not.toContain(secret);
	});

	it('deactivating the workflow deletes the webhook at PinBridge', async () => {
		await env.client.deactivate(workflowId);
		await waitFor(async () => (await env.emu.control.webhooks()).length === 0, { what: 'the webhook to be deleted' });
		const deletes = await env.emu.control.requests({ method: 'DELETE', path: `/v1/webhooks/${registeredId}` });
		expect(deletes.map((r) => r.status)).toEqual([204]);

		// Nothing is registered any more: a published Pin is delivered nowhere and starts nothing.
		const pinId = await publishNewPin();
		expect(await env.emu.control.deliveries({ pin_id: pinId })).toHaveLength(0);
		expect(await settledExecutions()).toHaveLength(5);
	});
});
