/* eslint-disable no-console */
/**
 * The PinBridge Trigger in queue mode, with the shipped example workflow (trigger → first-time check on delivery_id
 * in a data table → Record Event). Activated through main's API; the emulator delivers to the URL n8n registers
 * (N8N_WEBHOOK_URL = the webhook processor); the executions run on the worker. Repeats are PinBridge's own bytes:
 * the emulator delivering the same delivery again (`resendDelivery`, what its retries send) to the webhook
 * processor or — as a load balancer in front of both would — to main, which serves production webhooks too.
 * Executions, and items that reach Record Event, are counted per delivery id through main's API (every process
 * writes to the one Postgres database). Expected counts come from the README's table (./guarantee.ts).
 */
import { randomBytes } from 'node:crypto';

import { signDelivery, triggerSigningSecret } from '../../harness/triggerSecret';
import { createPinIn } from '../faults/fixture';
import { nodeOutput, sleep, waitFor, type N8nExecution } from '../n8n/client';
import type { N8nInstance } from '../n8n/instance';
import { loadExampleWorkflow } from '../n8n/workflows';
import { ranOnWorker, type QueueSuite } from './fixture';
import { DOCUMENTED } from './guarantee';

const EXAMPLE = 'trigger-pin-published';
const TRIGGER = 'PinBridge Trigger';
const RECORD = 'Record Event';
const REAL = 10;
/** Deliveries sent to two processes at once (PinBridge retrying one n8n answered late, behind a load balancer). */
const SIMULTANEOUS = 10;

const deliveryIdOf = (execution: N8nExecution) => String(nodeOutput(execution, TRIGGER)[0]?.delivery_id ?? '');

export function queueTrigger(suite: QueueSuite): void {
	const example = loadExampleWorkflow(EXAMPLE);
	const triggerNode = example.nodes.find((n) => n.name === TRIGGER);
	const path = `${triggerNode?.webhookId}/webhook`;
	let workflowId = '';
	let webhookId = '';
	let delivered: Array<{ id: string; body: string }> = [];
	const urlOf = (n8n: N8nInstance) => `${n8n.url}/webhook/${path}`;
	const postDelivery = async (n8n: N8nInstance, body: string, signature: string, deliveryId: string) =>
		(
			await fetch(urlOf(n8n), {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-pinbridge-event': 'pin.published', 'x-pinbridge-delivery-id': deliveryId, 'x-pinbridge-signature': signature },
				body,
			})
		).status;
	const hooks = async () => await suite.emu.control.webhooks(suite.trigger.workspaceId);
	/** Executions expected so far: one per real delivery, plus the extra ones the README promises for each repeat. */
	let expectedExecutions = REAL;

	/** Per delivery id: executions and items that reached Record Event, once `expectedExecutions` finished (looked at twice). */
	const countsPerDelivery = async () => {
		const finished = async () => await suite.client.waitForExecutions(workflowId, expectedExecutions, { timeoutMs: 120_000 });
		await finished();
		await sleep(3_000); // a late extra execution would show up now
		const all = await finished();
		expect(all).toHaveLength(expectedExecutions);
		expect(all.map((e) => [e.status, ranOnWorker(suite, e.id)])).toEqual(all.map(() => ['success', true]));
		const executions: Record<string, number> = {};
		const recorded: Record<string, number> = {};
		for (const e of all) executions[deliveryIdOf(e)] = (executions[deliveryIdOf(e)] ?? 0) + 1;
		for (const item of all.flatMap((e) => nodeOutput(e, RECORD))) recorded[item.delivery_id] = (recorded[item.delivery_id] ?? 0) + 1;
		return { executions, recorded };
	};

	beforeAll(async () => {
		await suite.emu.control.clearFaults();
		const workflow = loadExampleWorkflow(EXAMPLE, { credential: suite.trigger.credential, accountId: suite.trigger.accountId, boardId: suite.trigger.boardId });
		// The README's row on the Replay Window is about a window the user set (there is none by default): set one.
		const trigger = workflow.nodes.find((n) => n.name === TRIGGER);
		if (trigger) trigger.parameters = { ...trigger.parameters, options: { replayWindowHours: 25 } };
		workflowId = await suite.client.importWorkflow(workflow);
	});

	it('activation through main → exactly 1 webhook at PinBridge, at the webhook processor', async () => {
		await suite.client.activate(workflowId);
		const [hook] = await waitFor(async () => ((await hooks()).length === 1 ? await hooks() : undefined), { timeoutMs: 60_000, what: 'the webhook' });
		await sleep(5_000); // the worker and the webhook processor must not register one of their own
		const created = (await suite.emu.control.requests({ method: 'POST', path: '/v1/webhooks' })).filter((r) => r.status === 201);
		expect([created.length, (await hooks()).length]).toEqual([1, 1]);
		expect(hook.url).toBe(urlOf(suite.webhook));
		webhookId = hook.id;
	});

	it(`${REAL} real deliveries (Pins published in the trigger's workspace) → one execution each, on the worker, each recorded once`, async () => {
		expect(webhookId).not.toBe('');
		// All at once: the worker runs their executions side by side (the example's first-time check keeps one data
		// table row per delivery, so overlapping executions cannot drop each other's ids).
		const created = await Promise.all(
			Array.from({ length: REAL }, async (_, i) =>
				await createPinIn(suite.emu, suite.trigger, {
					title: `Queue trigger #${i}`,
					imageUrl: `https://images.example.com/queue/trigger/${i}.jpg`,
					idempotencyKey: `queue-trigger-${i}`,
				}),
			),
		);
		expect(created).toEqual(created.map(() => 201));
		const list = await waitFor(
			async () => {
				const all = await suite.emu.control.deliveries({ webhook_id: webhookId });
				return all.length === REAL && all.every((d) => d.status !== 'pending') ? all : undefined;
			},
			{ timeoutMs: 120_000, intervalMs: 250, what: `${REAL} deliveries answered` },
		);
		expect(list.map((d) => [d.status, d.attempts.at(-1)?.status_code])).toEqual(list.map(() => ['delivered', 200]));
		delivered = list.map((d) => ({ id: d.id, body: d.body }));
		const { executions, recorded } = await countsPerDelivery();
		expect(executions).toEqual(Object.fromEntries(delivered.map((d) => [d.id, 1])));
		expect(recorded).toEqual(executions);
	});

	it(`the same delivery again to the same webhook processor → ${DOCUMENTED.sameProcess} execution(s), recorded ${DOCUMENTED.downstreamSameProcess}×`, async () => {
		const again = await suite.emu.control.resendDelivery(delivered[0].id, urlOf(suite.webhook));
		console.log(`[queue] trigger: repeat to the same process answered ${again.status_code} ${again.body}`);
		expect(again.status_code).toBe(200);
		expectedExecutions += DOCUMENTED.sameProcess - 1;
		const { executions, recorded } = await countsPerDelivery();
		expect([executions[delivered[0].id], recorded[delivered[0].id]]).toEqual([DOCUMENTED.sameProcess, DOCUMENTED.downstreamSameProcess]);
	});

	it(`first at the webhook processor, then at main → ${DOCUMENTED.acrossProcesses} executions, recorded ${DOCUMENTED.downstreamAcrossProcesses}× (first-time check)`, async () => {
		const again = await suite.emu.control.resendDelivery(delivered[1].id, urlOf(suite.main));
		console.log(`[queue] trigger: repeat to main answered ${again.status_code} ${again.body}`);
		expect(again.status_code).toBe(200);
		expectedExecutions += DOCUMENTED.acrossProcesses - 1;
		const { executions, recorded } = await countsPerDelivery();
		expect([executions[delivered[1].id], recorded[delivered[1].id]]).toEqual([DOCUMENTED.acrossProcesses, DOCUMENTED.downstreamAcrossProcesses]);
	});

	it(`after the webhook processor restarts, a replay → ${DOCUMENTED.afterRestart} executions, recorded ${DOCUMENTED.downstreamAcrossProcesses}× (first-time check)`, async () => {
		await suite.webhook.restart();
		const again = await suite.emu.control.resendDelivery(delivered[2].id);
		console.log(`[queue] trigger: replay after the restart answered ${again.status_code} ${again.body}`);
		expect(again.status_code).toBe(200);
		expectedExecutions += DOCUMENTED.afterRestart - 1;
		const { executions, recorded } = await countsPerDelivery();
		expect([executions[delivered[2].id], recorded[delivered[2].id]]).toEqual([DOCUMENTED.afterRestart, DOCUMENTED.downstreamAcrossProcesses]);
		expect([executions[delivered[3].id], recorded[delivered[3].id]]).toEqual([1, 1]); // the others untouched
	});

	it(`${SIMULTANEOUS} new deliveries, each reaching the webhook processor and main at the same moment → 2 executions each, recorded once`, async () => {
		const secret = triggerSigningSecret({
			material: suite.trigger.apiKey,
			workflowId,
			nodeId: String(triggerNode?.id),
			nodeWebhookId: String(triggerNode?.webhookId),
		});
		const original = JSON.parse(delivered[0].body) as Record<string, unknown>;
		const ids = Array.from({ length: SIMULTANEOUS }, (_, i) => `dlv_queue_both_${i}`);
		const statuses = await Promise.all(
			ids.flatMap((id) => {
				const body = JSON.stringify({ ...original, delivery_id: id, occurred_at: new Date().toISOString() });
				return [suite.webhook, suite.main].map(async (n8n) => await postDelivery(n8n, body, signDelivery(secret, body), id));
			}),
		);
		expect(statuses).toEqual(statuses.map(() => 200));
		expectedExecutions += 2 * SIMULTANEOUS;
		const { executions, recorded } = await countsPerDelivery();
		expect(ids.map((id) => [executions[id], recorded[id]])).toEqual(ids.map(() => [2, DOCUMENTED.downstreamAcrossProcesses]));
	});

	it(`a delivery signed as PinBridge would but older than the Replay Window → ${DOCUMENTED.outsideReplayWindow} executions; forged → 401 at both`, async () => {
		const secret = triggerSigningSecret({
			material: suite.trigger.apiKey,
			workflowId,
			nodeId: String(triggerNode?.id),
			nodeWebhookId: String(triggerNode?.webhookId),
		});
		const original = JSON.parse(delivered[4].body) as Record<string, unknown>;
		const post = async (n8n: N8nInstance, body: string, signature: string, deliveryId: string) =>
			(
				await fetch(urlOf(n8n), {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'x-pinbridge-event': 'pin.published', 'x-pinbridge-delivery-id': deliveryId, 'x-pinbridge-signature': signature },
					body,
				})
			).status;
		const old = JSON.stringify({ ...original, delivery_id: 'dlv_queue_too_old', occurred_at: new Date(Date.now() - 26 * 3600_000).toISOString() });
		expect(await post(suite.webhook, old, signDelivery(secret, old), 'dlv_queue_too_old')).toBe(200);
		const forged = JSON.stringify({ ...original, delivery_id: 'dlv_queue_forged' });
		const forgedSignature = signDelivery(randomBytes(32).toString('hex'), forged);
		expect([await post(suite.webhook, forged, forgedSignature, 'dlv_queue_forged'), await post(suite.main, forged, forgedSignature, 'dlv_queue_forged')]).toEqual([401, 401]);
		expectedExecutions += DOCUMENTED.outsideReplayWindow;
		const { executions } = await countsPerDelivery();
		expect([executions.dlv_queue_too_old ?? 0, executions.dlv_queue_forged ?? 0]).toEqual([DOCUMENTED.outsideReplayWindow, 0]);
	});

	it('deactivation through main → 0 webhooks at PinBridge', async () => {
		await suite.client.deactivate(workflowId);
		await waitFor(async () => (await hooks()).length === 0, { timeoutMs: 60_000, what: 'the webhook removed' });
		const deleted = (await suite.emu.control.requests({ method: 'DELETE' })).filter((r) => r.path === `/v1/webhooks/${webhookId}` && r.status === 204);
		expect(deleted).toHaveLength(1);
		await sleep(3_000);
		expect(await hooks()).toHaveLength(0);
	});
}
