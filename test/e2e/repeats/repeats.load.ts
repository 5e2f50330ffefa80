/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console */
/**
 * Issue 24's repeat check on the example trigger workflow in real n8n (SQLite, one process): REPEAT_DISTINCT
 * (default 10,100) distinct signed deliveries 8 at a time, then a restart and the 300 earliest sent again → each
 * delivery recorded exactly once, no failed execution (repeatCheck.ts). RECIPE=remove-duplicates runs the same check
 * on the recipe the example had before (Remove Duplicates on delivery_id, remove-duplicates-recipe.json), which
 * loses ids when executions overlap. Long (≈ 15–30 min for 10,100 on a busy 2-core machine), so not part of
 * `npm run test:e2e`:
 *
 *   REPEAT_DISTINCT=10100 npx jest --config test/e2e/jest.config.js --runInBand --testMatch '<rootDir>/test/e2e/repeats/repeats.load.ts'
 *
 * (one pattern: the two quoted halves join). E2E_PACKAGE_DIR and E2E_KEEP work as in the fault suite.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startEmulator } from '../../emulator/server';
import { ensurePackageLoaded } from '../fixture';
import { PatientClient, seedTriggerWorkspace } from '../faults/fixture';
import { waitFor, type WorkflowJson } from '../n8n/client';
import { freePort, startN8n, type N8nInstance } from '../n8n/instance';
import { loadExampleWorkflow, patchWorkflow } from '../n8n/workflows';
import { deliveryRows, ensureDeliveryTable } from './deliveryTable';
import { repeatCheck } from './repeatCheck';
import { reportingTo, startSink, type Sink } from './sink';

const DISTINCT = Number(process.env.REPEAT_DISTINCT ?? 10_100);
const CONCURRENCY = Number(process.env.REPEAT_CONCURRENCY ?? 8);
const RESENT = Number(process.env.REPEAT_RESENT ?? 300);
const RECIPE = process.env.RECIPE === 'remove-duplicates' ? 'remove-duplicates' : 'example';

describe(`repeat check: ${DISTINCT} deliveries ${CONCURRENCY} at a time, ${RESENT} resent after a restart (${RECIPE})`, () => {
	let emu: Awaited<ReturnType<typeof startEmulator>>;
	let n8n: N8nInstance;
	let sink: Sink;
	let userFolder = '';

	beforeAll(async () => {
		emu = await startEmulator({ port: 0, seed: 7, plan: 'enterprise', latencyMs: 0 });
		sink = await startSink();
		userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'pinbridge-e2e-repeats-'));
		n8n = await startN8n({ port: await freePort(), userFolder, packageDir: process.env.E2E_PACKAGE_DIR || undefined });
	}, 300_000);

	afterAll(async () => {
		await n8n?.stop();
		await sink?.close();
		await emu?.close();
		if (process.env.E2E_KEEP) console.log(`[repeats] kept ${userFolder}`);
		else if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
	});

	it('records each delivery exactly once and fails no execution', async () => {
		const client = new PatientClient(n8n);
		await ensurePackageLoaded({ n8n, client }, 'repeats');
		const workspace = await seedTriggerWorkspace(emu, 'trigger_repeats');
		const credential = await client.createCredential('pinBridgeSuiteApi', { baseUrl: emu.url, apiKey: workspace.apiKey }, 'PinBridge (repeats)');
		const table = RECIPE === 'example' ? await ensureDeliveryTable(client) : undefined;
		const recipe: WorkflowJson =
			RECIPE === 'example'
				? loadExampleWorkflow('trigger-pin-published', { credential })
				: patchWorkflow(JSON.parse(fs.readFileSync(path.join(__dirname, 'remove-duplicates-recipe.json'), 'utf8')) as WorkflowJson, { credential });
		const trigger = recipe.nodes.find((node) => node.name === 'PinBridge Trigger');
		const workflowId = await client.importWorkflow(reportingTo(recipe, 'Record Event', sink));
		await client.activate(workflowId);
		await waitFor(async () => (await emu.control.webhooks(workspace.workspaceId)).length === 1, { timeoutMs: 60_000, what: 'the webhook' });

		const counts = await repeatCheck(
			{ n8n, client, workflowId, trigger: { id: String(trigger?.id), webhookId: String(trigger?.webhookId) }, apiKey: workspace.apiKey, sink },
			{ distinct: DISTINCT, concurrency: CONCURRENCY, resent: RESENT },
		);
		const rows = table ? await deliveryRows(client, table) : [];
		const kept = { rows: rows.length, distinctIds: new Set(rows).size };
		console.log(`[repeats] ${RECIPE}: ${JSON.stringify({ ...counts, keptInDataTable: table ? kept : 'n/a' })}`);

		expect({
			recordedOnce: counts.recordedOnce,
			recordedTwice: counts.recordedTwiceFirstRound,
			resentPassed: counts.resentPassed,
			failed: counts.failedExecutions,
		}).toEqual({ recordedOnce: DISTINCT, recordedTwice: 0, resentPassed: 0, failed: 0 });
		if (table) expect(kept).toEqual({ rows: DISTINCT + RESENT, distinctIds: DISTINCT });
	}, 4 * 3600_000);
});
