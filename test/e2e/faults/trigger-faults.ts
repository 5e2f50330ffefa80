/**
 * The PinBridge Trigger in real n8n, on its OWN n8n instance (fresh user folder; see fixture.ts): hostile traffic
 * (trigger-deliveries.ts), then activate/deactivate churn (trigger-cycles.ts), on one imported workflow.
 */
import type { FaultSuite } from './fixture';
import { triggerWorkflow } from './fixture';
import { triggerCycles } from './trigger-cycles';
import { triggerDeliveries } from './trigger-deliveries';

const WEBHOOK_PATH_ID = '5b1f0c9e-7d2a-4f3b-8e6c-faa17e0c0001';

export function triggerFaults(suite: FaultSuite): void {
	const workflow = { id: '', url: '' };

	beforeAll(async () => {
		await suite.startTrigger();
		workflow.id = await suite.trigger.client.importWorkflow(triggerWorkflow('Fault suite: trigger', suite, WEBHOOK_PATH_ID));
		workflow.url = `${suite.trigger.n8n.url}/webhook/${WEBHOOK_PATH_ID}/webhook`;
	}, 300_000);

	triggerDeliveries(suite, workflow);
	triggerCycles(suite, workflow);
}
