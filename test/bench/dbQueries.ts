/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console */
/**
 * `npx tsx test/bench/dbQueries.ts [deliveries]`: the database queries (TypeORM's query log) and isolate acquisitions
 * one delivery causes in n8n, PinBridge Trigger vs plain Webhook node, same n8n, same signed bytes. Prints, per
 * contender, the queries per delivery grouped by statement shape.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { N8nClient } from '../e2e/n8n/client';
import { freePort, startN8n } from '../e2e/n8n/instance';
import { startEmulator } from '../emulator/server';
import { signDelivery } from '../harness/triggerSecret';
import { prepareTriggerTargets, TRIGGER_LABEL, type TriggerTarget } from './trigger';

const COUNT = Number(process.argv[2] ?? 20);

function shape(line: string): string {
	return line
		.replace(/^.*?query:\s*/i, '')
		.replace(/--.*$/, '')
		.replace(/'[^']*'/g, '?')
		.replace(/\b\d+\b/g, 'N')
		.replace(/\s+/g, ' ')
		.slice(0, 110);
}

/** `count` signed deliveries, one at a time (no polling of n8n in between, so the log holds only what they caused). */
async function send(target: TriggerTarget, count: number, tag: string, accountId: string): Promise<Record<string, number>> {
	const statuses: Record<string, number> = {};
	for (let i = 0; i < count; i++) {
		const body = JSON.stringify({
			event: 'pin.published',
			delivery_id: `${tag}-${i}`,
			occurred_at: new Date().toISOString(),
			pin_id: `pin-${tag}-${i}`,
			account_id: accountId,
			status: 'published',
		});
		const res = await fetch(target.url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-pinbridge-event': 'pin.published',
				'x-pinbridge-delivery-id': `${tag}-${i}`,
				'x-pinbridge-signature': signDelivery(target.secret, body),
			},
			body,
		});
		await res.arrayBuffer();
		statuses[res.status] = (statuses[res.status] ?? 0) + 1;
	}
	return statuses;
}

async function main(): Promise<void> {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'pinbridge-dbq-'));
	const emu = await startEmulator({ port: 0, clock: 'real', seed: 1 });
	const n8n = await startN8n({
		port: await freePort(),
		userFolder,
		env: { DB_LOGGING_ENABLED: 'true', DB_LOGGING_OPTIONS: 'query', N8N_LOG_LEVEL: 'debug' },
	});
	try {
		const client = new N8nClient(n8n);
		const credential = await client.createCredential('pinBridgeSuiteApi', { baseUrl: emu.url, apiKey: emu.apiKey }, 'PinBridge (dbq)');
		const targets = await prepareTriggerTargets(client, emu, n8n.url, credential);
		for (const target of targets) await send(target, 5, `warm-${target.contender}`, emu.accountId);
		await new Promise((r) => setTimeout(r, 3000));
		for (const target of targets) {
			const before = fs.statSync(n8n.logFile).size;
			const statuses = await send(target, COUNT, `dbq-${target.contender}`, emu.accountId);
			await new Promise((r) => setTimeout(r, 3000)); // the executions finish
			const text = fs.readFileSync(n8n.logFile, 'utf8').slice(before);
			const queries = text.split('\n').filter((l) => /query:/i.test(l));
			const isolateLines = text.split('\n').filter((l) => /isolate|bridge/i.test(l) && !/query:/i.test(l));
			const isolates = isolateLines.length;
			const isolateShapes = new Map<string, number>();
			for (const l of isolateLines) {
				const key = l.replace(/\d+(\.\d+)?/g, 'N').replace(/\s+/g, ' ').slice(0, 110);
				isolateShapes.set(key, (isolateShapes.get(key) ?? 0) + 1);
			}
			const byShape = new Map<string, number>();
			for (const q of queries) byShape.set(shape(q), (byShape.get(shape(q)) ?? 0) + 1);
			console.log(`\n=== ${TRIGGER_LABEL[target.contender]}: ${COUNT} deliveries, statuses ${JSON.stringify(statuses)}, ${queries.length} queries (${(queries.length / COUNT).toFixed(1)} per delivery); ${isolates} log lines about isolates/bridges`);
			for (const [s, n] of [...isolateShapes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
				console.log(`${String(n).padStart(5)}  ${(n / COUNT).toFixed(2).padStart(6)}/delivery  [log] ${s}`);
			}
			for (const [s, n] of [...byShape.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
				console.log(`${String(n).padStart(5)}  ${(n / COUNT).toFixed(2).padStart(6)}/delivery  ${s}`);
			}
		}
	} finally {
		await n8n.stop();
		await emu.close();
		if (!process.env.KEEP) fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

void main();
