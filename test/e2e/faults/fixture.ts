/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * The fault suite's shared fixture: ONE real n8n (starting one costs ~20 s) and ONE emulator for every check in
 * fault-suite.e2e.ts, plus what the final secrets scan needs to know (every API key and webhook secret in play).
 *
 * Two emulator workspaces, so that the checks cannot disturb each other's counts:
 *  - the default one (plan enterprise: the 1,000-Pin batch fits the monthly quota), for publishing and schedules;
 *  - a second one for the trigger: webhooks and deliveries belong to a workspace, so Pins published by the batch
 *    (the emulator publishes them after `publishDelayMs`) can never start the trigger's workflow.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startEmulator } from '../../emulator/server';
import { N8nClient, type CredentialRef, type WorkflowJson } from '../n8n/client';
import { freePort, startN8n, type N8nInstance } from '../n8n/instance';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export const NODE_TYPE = 'n8n-nodes-pinbridge-suite.pinBridgeSuite';
export const TRIGGER_TYPE = 'n8n-nodes-pinbridge-suite.pinBridgeSuiteTrigger';

export interface FaultSuite {
	n8n: N8nInstance;
	client: N8nClient;
	emu: Emulator;
	/** Credential for the default workspace (publish, schedules). */
	credential: CredentialRef;
	accountId: string;
	boardId: string;
	/** The trigger's workspace: its own key, account and credential. */
	trigger: { workspaceId: string; apiKey: string; accountId: string; boardId: string; credential: CredentialRef };
	/** Every secret that must never show up in execution data or n8n's log (API keys, webhook secrets seen). */
	secrets: Set<string>;
}

/** Registers beforeAll/afterAll and returns the fixture object, filled in once beforeAll has run. */
export function useFaultSuite(): FaultSuite {
	const suite = { secrets: new Set<string>() } as FaultSuite;
	let userFolder = '';

	beforeAll(async () => {
		const started = Date.now();
		suite.emu = await startEmulator({ port: 0, seed: 7, plan: 'enterprise', latencyMs: 0, publishDelayMs: 20 });
		userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'pinbridge-e2e-faults-'));
		suite.n8n = await startN8n({ port: await freePort(), userFolder });
		suite.client = new N8nClient(suite.n8n);
		suite.accountId = suite.emu.accountId;
		suite.boardId = suite.emu.boardIds[0];
		suite.credential = await suite.client.createCredential(
			'pinBridgeSuiteApi',
			{ baseUrl: suite.emu.url, apiKey: suite.emu.apiKey },
			'PinBridge (fault suite)',
		);
		const second = await suite.emu.control.seed({
			plan: 'enterprise',
			accounts: [{ username: 'trigger_faults', boards: 1 }],
			api_keys: [{ name: 'trigger', scopes: ['read', 'write', 'destructive'] }],
		});
		suite.trigger = {
			workspaceId: second.workspace_id,
			apiKey: second.api_keys[0].api_key,
			accountId: second.accounts[0].id,
			boardId: second.accounts[0].board_ids[0],
			credential: await suite.client.createCredential(
				'pinBridgeSuiteApi',
				{ baseUrl: suite.emu.url, apiKey: second.api_keys[0].api_key },
				'PinBridge (fault suite, trigger)',
			),
		};
		suite.secrets.add(suite.emu.apiKey);
		suite.secrets.add(suite.trigger.apiKey);
		console.log(`[faults] n8n + emulator ready in ${Math.round((Date.now() - started) / 1000)} s`);
	}, 180_000);

	afterAll(async () => {
		await suite.n8n?.stop();
		await suite.emu?.close();
		if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
	});

	return suite;
}

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

/** Manual Trigger → one PinBridge node whose Pin content comes from each item (`title`, `imageUrl`, `runAt`). */
export function actionWorkflow(
	name: string,
	suite: FaultSuite,
	action: { resource: 'pin'; operation: 'publish' } | { resource: 'schedule'; operation: 'create' },
): WorkflowJson {
	const parameters: Record<string, unknown> = {
		authentication: 'apiKey',
		...action,
		account: rl(suite.accountId),
		board: rl(suite.boardId),
		mediaSource: 'imageUrl',
		imageUrl: '={{ $json.imageUrl }}',
		title: '={{ $json.title }}',
	};
	if (action.resource === 'pin') parameters.publishOptions = {};
	else parameters.runAt = '={{ $json.runAt }}';
	return {
		name,
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				name: 'PinBridge',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [260, 0],
				parameters,
				credentials: { pinBridgeSuiteApi: { id: suite.credential.id, name: suite.credential.name } },
			},
		],
		connections: { Start: { main: [[{ node: 'PinBridge', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** PinBridge Trigger (both events) → No Operation. */
export function triggerWorkflow(name: string, suite: FaultSuite, webhookId: string): WorkflowJson {
	return {
		name,
		nodes: [
			{
				name: 'PinBridge Trigger',
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters: { authentication: 'apiKey', events: ['pin.published', 'pin.failed'], options: {} },
				credentials: { pinBridgeSuiteApi: { id: suite.trigger.credential.id, name: suite.trigger.credential.name } },
			},
			{ name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [260, 0], parameters: {} },
		],
		connections: { 'PinBridge Trigger': { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Run `task` over `inputs` with at most `limit` running at once; results in input order. */
export async function mapLimit<T, R>(inputs: T[], limit: number, task: (input: T, index: number) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(inputs.length);
	let next = 0;
	const workers = Array.from({ length: Math.min(limit, inputs.length) }, async () => {
		while (next < inputs.length) {
			const index = next++;
			results[index] = await task(inputs[index], index);
		}
	});
	await Promise.all(workers);
	return results;
}

export const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));
