/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console */
/**
 * After every other check: the emulator API keys and every webhook secret seen appear in no execution's data (run
 * data, every node's output, errors — `includeData=true`, EVERY execution of BOTH n8n instances) and in no line of
 * either n8n's log file.
 * The scan proves it looked: per instance, it reads as many executions (with data) as n8n lists, at least one, and
 * reports the executions, node runs, output items and bytes it searched.
 */
import fs from 'node:fs';

import type { N8nExecution } from '../n8n/client';
import type { FaultSuite, Instance } from './fixture';

const found = (text: string, secrets: string[]) => secrets.filter((s) => text.includes(s));

async function scanExecutions(instance: Instance, secrets: string[], leaks: string[]) {
	const listed = await instance.client.listExecutions();
	const executions: N8nExecution[] = await instance.client.listExecutions({ includeData: true });
	let bytes = 0;
	let nodeRuns = 0;
	let items = 0;
	for (const ex of executions) {
		expect(ex.data?.resultData).toBeDefined();
		for (const runs of Object.values(ex.data?.resultData.runData ?? {})) {
			for (const run of runs) {
				nodeRuns++;
				for (const output of run.data?.main ?? []) items += output?.length ?? 0;
			}
		}
		const text = JSON.stringify(ex);
		bytes += text.length;
		for (const s of found(text, secrets)) leaks.push(`${instance.label} execution ${ex.id} contains ${s.slice(0, 4)}…`);
	}
	return { listed: listed.length, scanned: executions.length, nodeRuns, items, bytes };
}

function scanLog(instance: Instance, secrets: string[], leaks: string[]) {
	const log = fs.readFileSync(instance.n8n.logFile, 'utf8');
	const lines = log.split('\n');
	lines.forEach((line, i) => {
		for (const s of found(line, secrets)) leaks.push(`${instance.label} log line ${i + 1} contains ${s.slice(0, 4)}…`);
	});
	return { lines: lines.length, bytes: log.length };
}

export function secretsScan(suite: FaultSuite): void {
	it('the API keys and webhook secrets appear in no execution data, node output or n8n log line (both instances)', async () => {
		const secrets = [...suite.secrets];
		// The needles are real, used values: 2 API keys the emulator accepted, and the webhook secret the trigger
		// derives from its credential (the delivery check's valid deliveries were verified with it; every activation
		// cycle of the same node registers the same one). It is kept nowhere in n8n: it must show up nowhere.
		expect(secrets).toHaveLength(2 + 1);
		for (const s of secrets) expect(s.length).toBeGreaterThanOrEqual(16);
		expect(suite.instances.map((i) => i.label)).toEqual(['main', 'trigger']);

		const leaks: string[] = [];
		for (const instance of suite.instances) {
			const ex = await scanExecutions(instance, secrets, leaks);
			const log = scanLog(instance, secrets, leaks);
			console.log(
				`[faults] secrets scan ${instance.label}: ${ex.scanned}/${ex.listed} executions, ${ex.nodeRuns} node runs, ${ex.items} output items, ` +
					`${(ex.bytes / 1e6).toFixed(1)} MB of execution data; log ${log.lines} lines, ${(log.bytes / 1e3).toFixed(0)} kB`,
			);
			expect(ex.scanned).toBe(ex.listed);
			expect(ex.scanned).toBeGreaterThan(0);
			expect(ex.items).toBeGreaterThan(0);
			expect(log.lines).toBeGreaterThan(1);
		}
		console.log(`[faults] secrets scan: ${secrets.length} secrets, ${leaks.length} leaks`);
		expect(leaks).toEqual([]);
	}, 300_000);
}
