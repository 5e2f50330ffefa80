/* eslint-disable no-console */
/**
 * The PinBridge Trigger in queue mode. Activated through main's API; the emulator delivers to the URL n8n registers
 * (N8N_WEBHOOK_URL = the webhook processor); the executions run on the worker. Every delivery here is PinBridge's
 * own (the emulator signs with the secret it was given at registration): a repeat is the emulator delivering the
 * same delivery again (`resendDelivery`, what its retries send), to the webhook processor or — as a load balancer
 * in front of both would — to main, which serves production webhooks too. Executions are counted per delivery id
 * through main's API (every process writes to the one Postgres database).
 */
import { createHmac, randomBytes } from 'node:crypto';

import { createPinIn, mapLimit, triggerWorkflow } from '../faults/fixture';
import { nodeOutput, sleep, waitFor, type N8nExecution } from '../n8n/client';
import type { N8nInstance } from '../n8n/instance';
import { ranOnWorker, type QueueSuite } from './fixture';
import { DOCUMENTED } from './guarantee';

const WEBHOOK_PATH_ID = '5b1f0c9e-7d2a-4f3b-8e6c-9ae7e0c0b011';
const REAL = 10;

/** The delivery id on a trigger execution's item (whichever field the trigger names it). */
function deliveryIdOf(execution: N8nExecution): string {
	const item = nodeOutput(execution, 'PinBridge Trigger')[0] ?? {};
	return String(item.deliveryId ?? item.delivery_id ?? '');
}

export function queueTrigger(suite: QueueSuite): void {
	let workflowId = '';
	let webhookId = '';
	let delivered: Array<{ id: string; body: string }> = [];
	const urlOf = (n8n: N8nInstance) => `${n8n.url}/webhook/${WEBHOOK_PATH_ID}/webhook`;
	const hooks = async () => await suite.emu.control.webhooks(suite.trigger.workspaceId);

	/** Executions of the trigger workflow per delivery id, once `total` exist and all finished, looked at twice. */
	const executionsPerDelivery = async (total: number): Promise<Record<string, number>> => {
		const count = async () => {
			const all = await suite.client.waitForExecutions(workflowId, total, { timeoutMs: 120_000 });
			return { all, per: all.reduce<Record<string, number>>((acc, e) => ({ ...acc, [deliveryIdOf(e)]: (acc[deliveryIdOf(e)] ?? 0) + 1 }), {}) };
		};
		await count();
		await sleep(3_000); // a late extra execution would show up now
		const { all, per } = await count();
		expect(all).toHaveLength(total);
		expect(all.map((e) => [e.status, ranOnWorker(suite, e.id)])).toEqual(all.map(() => ['success', true]));
		return per;
	};

	beforeAll(async () => {
		workflowId = await suite.client.importWorkflow(triggerWorkflow('Queue suite: trigger', suite, WEBHOOK_PATH_ID));
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

	it(`${REAL} real deliveries (Pins published in the trigger's workspace) → one execution each, on the worker`, async () => {
		expect(webhookId).not.toBe('');
		const statuses = await mapLimit(Array.from({ length: REAL }, (_, i) => i), 5, async (i) =>
			await createPinIn(suite.emu, suite.trigger, {
				title: `Queue trigger #${i}`,
				imageUrl: `https://images.example.com/queue/trigger/${i}.jpg`,
				idempotencyKey: `queue-trigger-${i}`,
			}),
		);
		expect(statuses).toEqual(statuses.map(() => 201));
		const list = await waitFor(
			async () => {
				const all = await suite.emu.control.deliveries({ webhook_id: webhookId });
				return all.length === REAL && all.every((d) => d.status !== 'pending') ? all : undefined;
			},
			{ timeoutMs: 120_000, intervalMs: 250, what: `${REAL} deliveries answered` },
		);
		expect(list.map((d) => [d.status, d.attempts.at(-1)?.status_code])).toEqual(list.map(() => ['delivered', 200]));
		delivered = list.map((d) => ({ id: d.id, body: d.body }));
		const per = await executionsPerDelivery(REAL);
		expect(per).toEqual(Object.fromEntries(delivered.map((d) => [d.id, 1])));
	});

	it(`the same delivery again to the same webhook processor → ${DOCUMENTED.sameProcess} execution in all`, async () => {
		const again = await suite.emu.control.resendDelivery(delivered[0].id, urlOf(suite.webhook));
		console.log(`[queue] trigger: repeat to the same process answered ${again.status_code} ${again.body}`);
		expect(again.status_code).toBe(200);
		const per = await executionsPerDelivery(REAL + DOCUMENTED.sameProcess - 1);
		expect(per[delivered[0].id]).toBe(DOCUMENTED.sameProcess);
	});

	it(`the same delivery first at the webhook processor, then at main → ${DOCUMENTED.acrossProcesses} executions in all`, async () => {
		const again = await suite.emu.control.resendDelivery(delivered[1].id, urlOf(suite.main));
		console.log(`[queue] trigger: repeat to main answered ${again.status_code} ${again.body}`);
		expect(again.status_code).toBe(200);
		const total = REAL + (DOCUMENTED.sameProcess - 1) + (DOCUMENTED.acrossProcesses - 1);
		const per = await executionsPerDelivery(total);
		expect(per[delivered[1].id]).toBe(DOCUMENTED.acrossProcesses);
	});

	it(`after the webhook processor restarts, a replay of a delivery it executed → ${DOCUMENTED.afterRestart} executions in all`, async () => {
		await suite.webhook.restart();
		const again = await suite.emu.control.resendDelivery(delivered[2].id);
		console.log(`[queue] trigger: replay after the restart answered ${again.status_code} ${again.body}`);
		expect(again.status_code).toBe(200);
		const total = REAL + (DOCUMENTED.sameProcess - 1) + (DOCUMENTED.acrossProcesses - 1) + (DOCUMENTED.afterRestart - 1);
		const per = await executionsPerDelivery(total);
		expect(per[delivered[2].id]).toBe(DOCUMENTED.afterRestart);
		expect(per[delivered[3].id]).toBe(1);
	});

	it('a forged delivery (signed with another secret) → 401 at the webhook processor and at main, no execution', async () => {
		const before = (await suite.client.listExecutions({ workflowId })).length;
		const { body, id } = { body: delivered[4].body.replace('"published"', '"failed"'), id: `${delivered[4].id}-forged` };
		const signature = createHmac('sha256', randomBytes(32)).update(body).digest('hex');
		const answers = await Promise.all(
			[suite.webhook, suite.main].map(async (n8n) => {
				const res = await fetch(urlOf(n8n), {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'x-pinbridge-event': 'pin.failed', 'x-pinbridge-delivery-id': id, 'x-pinbridge-signature': signature },
					body,
				});
				return res.status;
			}),
		);
		expect(answers).toEqual([401, 401]);
		await sleep(3_000);
		expect(await suite.client.listExecutions({ workflowId })).toHaveLength(before);
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
