// The PinBridge Trigger in one n8n version, one lifecycle in order: activation registers exactly one webhook, a
// delivery starts exactly one execution, a forged delivery gets 401, deactivation removes the webhook, and a webhook
// deleted at PinBridge behind n8n's back neither blocks deactivation nor re-activation (which leaves exactly one).
// The emulator's clock is manual: Pins publish only when the test says so, each delivery answered before
// control.publishPin() returns.
import { createHmac } from 'node:crypto';

import { api, pinBody } from '../emulator/helpers';
import type { E2eEnvironment } from '../e2e/fixture';
import { sleep, waitFor, type N8nExecution } from '../e2e/n8n/client';
import { loadExampleWorkflow } from '../e2e/n8n/workflows';

const EXAMPLE = 'trigger-pin-published';
const TRIGGER_NODE = 'PinBridge Trigger';
const webhookPath = `${loadExampleWorkflow(EXAMPLE).nodes.find((n) => n.name === TRIGGER_NODE)?.webhookId as string}/webhook`;

export function triggerChecks(env: E2eEnvironment, version: string): void {
	describe(`n8n ${version}: PinBridge Trigger`, () => {
		let workflowId: string;

		const webhooks = async () => await env.emu.control.webhooks();
		/** All executions of the workflow, after giving n8n a moment to start any it was going to start. */
		const settledExecutions = async (): Promise<N8nExecution[]> => {
			await sleep(1500);
			return await env.client.listExecutions({ workflowId });
		};
		const activated = async () => {
			await env.client.activate(workflowId);
			// n8n may answer the activation before the node's webhookMethods have run.
			await waitFor(async () => (await webhooks()).length > 0, { what: 'the webhook at PinBridge' });
			await sleep(1000);
		};
		const deactivated = async () => {
			await env.client.deactivate(workflowId);
			expect((await env.client.getWorkflow(workflowId)).active).toBe(false);
		};

		beforeAll(async () => {
			await env.emu.control.reset();
			workflowId = await env.importExample(EXAMPLE);
		});

		it('activation registers exactly one webhook, for the production URL', async () => {
			await activated();
			expect(await webhooks()).toEqual([expect.objectContaining({ url: `${env.n8n.url}/webhook/${webhookPath}` })]);
		});

		it('a delivery starts exactly one execution', async () => {
			const created = await api(env.emu)<{ id: string }>('POST', '/v1/pins', pinBody(env.emu));
			await env.emu.control.publishPin(created.body.id);
			const [delivery] = await env.emu.control.deliveries({ pin_id: created.body.id });
			expect(delivery.attempts.map((attempt) => attempt.status_code)).toEqual([200]);
			const [execution] = await env.client.waitForExecutions(workflowId, 1);
			expect(execution.status).toBe('success');
			expect(await settledExecutions()).toHaveLength(1);
		});

		it('a forged delivery gets 401 and starts nothing', async () => {
			const body = JSON.stringify({ event: 'pin.published', delivery_id: 'dlv_forged', pin_id: 'forged', status: 'published' });
			const forged = await env.client.callWebhook(webhookPath, body, {
				headers: {
					'x-pinbridge-signature': createHmac('sha256', 'not-the-secret').update(body).digest('hex'),
					'x-pinbridge-event': 'pin.published',
					'x-pinbridge-delivery-id': 'dlv_forged',
				},
			});
			expect(forged.status).toBe(401);
			expect(await settledExecutions()).toHaveLength(1);
		});

		it('deactivation removes the webhook', async () => {
			await deactivated();
			await waitFor(async () => (await webhooks()).length === 0, { what: 'the webhook to be deleted' });
		});

		it('a webhook deleted at PinBridge behind n8n\'s back: deactivate and re-activate work, leaving exactly one', async () => {
			await activated();
			const [registered] = await webhooks();
			expect((await api(env.emu)('DELETE', `/v1/webhooks/${registered.id}`)).status).toBe(204);
			await deactivated();
			await activated();
			expect((await env.client.getWorkflow(workflowId)).active).toBe(true);
			expect(await webhooks()).toHaveLength(1);
			await deactivated();
		});
	});
}
