/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console */
/**
 * After every other check: the API keys and every webhook secret seen appear in no execution's data (run data, node
 * outputs, errors — `includeData=true`, every execution of the instance) and in no line n8n logged.
 * The scan is only as good as its needles: each secret is first shown to be a real, used value (the keys were
 * accepted by the emulator; the secret is present where it belongs, in the trigger's static data).
 */
import fs from 'node:fs';

import type { FaultSuite } from './fixture';
import { webhookSecretIn } from './trigger-faults';

export function secretsScan(suite: FaultSuite): void {
	it('the API keys and webhook secrets appear in no execution data, node output or n8n log line', async () => {
		const secrets = [...suite.secrets];
		// 2 API keys + the trigger's secret + one per waited activation cycle.
		expect(secrets.length).toBeGreaterThanOrEqual(3);
		for (const s of secrets) expect(s.length).toBeGreaterThanOrEqual(16);

		// Needle check: the stored static data of the trigger workflow does hold a secret we know (so a leak of it
		// into execution data would be found by the same string search).
		const workflows = await suite.client.listWorkflows();
		const stored = (await Promise.all(workflows.map(async (w) => webhookSecretIn((await suite.client.getWorkflow(w.id)).staticData)))).filter(Boolean);
		for (const s of stored) expect(secrets).toContain(s);

		const executions = await suite.client.listExecutions({ includeData: true });
		expect(executions.length).toBeGreaterThan(300);
		const leaks: string[] = [];
		let outputs = 0;
		for (const ex of executions) {
			expect(ex.data).toBeDefined();
			outputs += Object.keys(ex.data?.resultData.runData ?? {}).length;
			const text = JSON.stringify(ex);
			for (const s of secrets) if (text.includes(s)) leaks.push(`execution ${ex.id} contains ${s.slice(0, 6)}…`);
		}

		const log = fs.readFileSync(suite.n8n.logFile, 'utf8') + '\n' + suite.n8n.tail(1000);
		const lines = log.split('\n');
		lines.forEach((line, i) => {
			for (const s of secrets) if (line.includes(s)) leaks.push(`log line ${i + 1} contains ${s.slice(0, 6)}…`);
		});
		console.log(`[faults] secrets scan: ${secrets.length} secrets × ${executions.length} executions (${outputs} node runs) and ${lines.length} log lines → ${leaks.length} leaks`);
		expect(leaks).toEqual([]);
	}, 300_000);
}
