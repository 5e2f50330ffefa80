// The example trigger workflow's first-time check in one n8n version (issue 24): 40 distinct signed deliveries 8 at a
// time, then an n8n restart and the 20 earliest again → each delivery recorded exactly once, no failed execution.
// The long run (10,000+ deliveries) is test/e2e/repeats/repeats.load.ts; this proves the recipe's nodes and n8n's data
// tables behave the same in every version of the tier.
import { randomUUID } from 'node:crypto';

import type { E2eEnvironment } from '../e2e/fixture';
import { waitFor } from '../e2e/n8n/client';
import { loadExampleWorkflow } from '../e2e/n8n/workflows';
import { repeatCheck } from '../e2e/repeats/repeatCheck';
import { reportingTo, startSink, type Sink } from '../e2e/repeats/sink';

const DISTINCT = 40;
const RESENT = 20;

export function repeatChecks(env: E2eEnvironment, version: string): void {
	describe(`n8n ${version}: the example's first-time check`, () => {
		let sink: Sink;
		beforeAll(async () => (sink = await startSink()));
		afterAll(async () => await sink?.close());

		it(`${DISTINCT} deliveries 8 at a time, then a restart and ${RESENT} of them again → each recorded once, none failed`, async () => {
			await env.emu.control.reset();
			const example = loadExampleWorkflow('trigger-pin-published', { credential: env.credential });
			const trigger = example.nodes.find((node) => node.name === 'PinBridge Trigger');
			if (!trigger) throw new Error('the example has no PinBridge Trigger');
			trigger.webhookId = randomUUID(); // its own URL: the trigger checks' copy of the example may still be active
			const workflowId = await env.client.importWorkflow(reportingTo(example, 'Record Event', sink));
			await env.client.activate(workflowId);
			await waitFor(async () => (await env.emu.control.webhooks()).length === 1, { what: 'the webhook at PinBridge' });

			const counts = await repeatCheck(
				{ n8n: env.n8n, client: env.client, workflowId, trigger: { id: String(trigger.id), webhookId: trigger.webhookId }, apiKey: env.emu.apiKey, sink },
				{ distinct: DISTINCT, concurrency: 8, resent: RESENT, prefix: `dlv_compat_${version.replace(/\W/g, '_')}` },
			);
			expect([counts.recordedOnce, counts.recordedTwiceFirstRound, counts.resentPassed, counts.failedExecutions]).toEqual([DISTINCT, 0, 0, 0]);
			await env.client.deactivate(workflowId);
		}, 600_000);
	});
}
