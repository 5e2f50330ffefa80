/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console */
/**
 * The fault suite's toggle check (trigger-cycles.ts) on its own, N times in a row on one n8n, for runs under load
 * (issue 24: it must pass 5 times in a row with both cores busy). Only the emulator and the trigger's n8n are started
 * (the fault suite's publish instance is not needed here). Not part of `npm run test:e2e` (the fault suite runs the
 * check once there); run it as:
 *
 *   stress-ng --cpu 2 &   # both cores busy
 *   TOGGLE_RUNS=5 npx jest --config test/e2e/jest.config.js --runInBand --testMatch '<rootDir>/test/e2e/faults/toggles.load.ts'
 *
 * (one pattern: the two quoted halves join). E2E_PACKAGE_DIR and E2E_KEEP work as in the fault suite.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startEmulator } from '../../emulator/server';
import { ensurePackageLoaded } from '../fixture';
import { freePort, startN8n } from '../n8n/instance';
import type { FaultSuite } from './fixture';
import { PatientClient, seedTriggerWorkspace, triggerWorkflow } from './fixture';
import { triggerCycles } from './trigger-cycles';

const RUNS = Math.max(1, Number(process.env.TOGGLE_RUNS ?? 1));
const WEBHOOK_PATH_ID = '5b1f0c9e-7d2a-4f3b-8e6c-faa17e0c0002';

describe(`toggle check × ${RUNS} (real n8n)`, () => {
	const suite = { secrets: new Set<string>(), instances: [] } as unknown as FaultSuite;
	const workflow = { id: '', url: '' };
	let userFolder = '';

	beforeAll(async () => {
		suite.emu = await startEmulator({ port: 0, seed: 7, plan: 'enterprise', latencyMs: 0, publishDelayMs: 20 });
		const trigger = await seedTriggerWorkspace(suite.emu, 'trigger_toggles');
		userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'pinbridge-e2e-toggles-'));
		const n8n = await startN8n({ port: await freePort(), userFolder, packageDir: process.env.E2E_PACKAGE_DIR || undefined });
		const client = new PatientClient(n8n);
		await ensurePackageLoaded({ n8n, client }, 'toggles');
		const credential = await client.createCredential('pinBridgeSuiteApi', { baseUrl: suite.emu.url, apiKey: trigger.apiKey }, 'PinBridge (toggles)');
		suite.trigger = { ...trigger, n8n, client, credential };
		suite.instances.push({ label: 'trigger', n8n, client });
		workflow.id = await client.importWorkflow(triggerWorkflow('Toggle check', suite, WEBHOOK_PATH_ID));
		workflow.url = `${n8n.url}/webhook/${WEBHOOK_PATH_ID}/webhook`;
		await client.activate(workflow.id); // the check starts from an active workflow, as in the fault suite
	}, 300_000);

	afterAll(async () => {
		await suite.trigger?.n8n?.stop();
		await suite.emu?.close();
		if (process.env.E2E_KEEP) console.log(`[toggles] kept ${userFolder}`);
		else if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
	});

	for (let run = 1; run <= RUNS; run++) {
		describe(`run ${run} of ${RUNS}`, () => triggerCycles(suite, workflow));
	}
});
