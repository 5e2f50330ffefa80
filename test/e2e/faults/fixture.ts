/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console, @n8n/community-nodes/require-node-api-error */
/**
 * The fault suite's shared fixture: TWO real n8n instances and ONE emulator, plus what the final secrets scan needs
 * to know (every instance, every API key and webhook secret in play).
 *
 *  - the MAIN n8n runs the publish and schedule checks (1,000-item executions: heavy on its SQLite database);
 *  - the TRIGGER n8n (its own fresh user folder, started when the trigger checks begin) receives the 1,000
 *    deliveries, so the publish load can never starve it.
 *
 * Two emulator workspaces, so that the checks cannot disturb each other's counts:
 *  - the default one (plan enterprise: the 1,000-Pin batch fits the monthly quota), for publishing and schedules;
 *  - a second one for the trigger: webhooks and deliveries belong to a workspace, so Pins published by the batch
 *    (the emulator publishes them after `publishDelayMs`) can never start the trigger's workflow.
 *
 * E2E_PACKAGE_DIR=<dir> loads the package from another folder than this repo (a copy with its own dist/, e.g. while
 * another run is rebuilding the repo's dist/); E2E_KEEP=1 keeps the user folders (n8n.log, database).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startEmulator } from '../../emulator/server';
import { triggerSigningSecret } from '../../harness/triggerSecret';
import { ensurePackageLoaded } from '../fixture';
import { N8nClient, N8nHttpError, type CredentialRef, type WorkflowJson } from '../n8n/client';
import { freePort, startN8n, type N8nInstance } from '../n8n/instance';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export const NODE_TYPE = 'n8n-nodes-pinbridge-suite.pinBridgeSuite';
export const TRIGGER_TYPE = 'n8n-nodes-pinbridge-suite.pinBridgeSuiteTrigger';

export interface Instance {
	label: string;
	n8n: N8nInstance;
	client: PatientClient;
}

export interface FaultSuite {
	/** The main instance (publish, schedules). */
	n8n: N8nInstance;
	client: N8nClient;
	emu: Emulator;
	/** Credential for the default workspace (publish, schedules), on the main instance. */
	credential: CredentialRef;
	accountId: string;
	boardId: string;
	/** The trigger's workspace (its own key, account) and its own n8n, started by `startTrigger()`. */
	trigger: {
		workspaceId: string;
		apiKey: string;
		accountId: string;
		boardId: string;
		n8n: N8nInstance;
		client: N8nClient;
		credential: CredentialRef;
	};
	/** Starts the trigger's n8n (fresh user folder) and its credential; once. */
	startTrigger(): Promise<void>;
	/** Every n8n started, for the secrets scan. */
	instances: Instance[];
	/** Every secret that must never show up in execution data or n8n's log (API keys, webhook secrets seen). */
	secrets: Set<string>;
}

/**
 * n8n pings its database every few seconds; when a ping is slow (SQLite busy saving a 1,000-item execution on a
 * loaded 2-core machine) it flags the database "not ready" and refuses EVERY request with 503 "Database is not
 * ready!" before handling it, until a ping succeeds again. Such a request did nothing, so sending it again is safe:
 * this client does, for up to 2 minutes, and counts how often (reported at the end of the suite).
 */
export class PatientClient extends N8nClient {
	dbNotReady = 0;
	override async request<T = unknown>(...args: Parameters<N8nClient['request']>): Promise<{ status: number; body: T }> {
		const deadline = Date.now() + 120_000;
		for (;;) {
			try {
				return await super.request<T>(...args);
			} catch (error) {
				const notReady = error instanceof N8nHttpError && error.status === 503 && /Database is not ready/.test(JSON.stringify(error.body));
				if (!notReady || Date.now() > deadline) throw error;
				this.dbNotReady++;
				await sleep(1_000);
			}
		}
	}
}

/** Registers beforeAll/afterAll and returns the fixture object, filled in once beforeAll has run. */
export function useFaultSuite(): FaultSuite {
	const suite = { secrets: new Set<string>(), instances: [] as Instance[] } as FaultSuite;
	const userFolders: string[] = [];

	const startInstance = async (label: string): Promise<Instance> => {
		const started = Date.now();
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `pinbridge-e2e-faults-${label}-`));
		userFolders.push(userFolder);
		const n8n = await startN8n({ port: await freePort(), userFolder, packageDir: process.env.E2E_PACKAGE_DIR || undefined });
		const instance = { label, n8n, client: new PatientClient(n8n) };
		suite.instances.push(instance);
		await ensurePackageLoaded(instance, `faults ${label}`);
		console.log(`[faults] ${label} n8n ready at ${n8n.url} in ${Math.round((Date.now() - started) / 1000)} s`);
		return instance;
	};

	beforeAll(async () => {
		suite.emu = await startEmulator({ port: 0, seed: 7, plan: 'enterprise', latencyMs: 0, publishDelayMs: 20 });
		const main = await startInstance('main');
		suite.n8n = main.n8n;
		suite.client = main.client;
		suite.accountId = suite.emu.accountId;
		suite.boardId = suite.emu.boardIds[0];
		suite.credential = await suite.client.createCredential(
			'pinBridgeSuiteApi',
			{ baseUrl: suite.emu.url, apiKey: suite.emu.apiKey },
			'PinBridge (fault suite)',
		);
		suite.trigger = (await seedTriggerWorkspace(suite.emu, 'trigger_faults')) as FaultSuite['trigger'];
		suite.secrets.add(suite.emu.apiKey);
		suite.secrets.add(suite.trigger.apiKey);
	}, 300_000);

	suite.startTrigger = async () => {
		if (suite.trigger.n8n) return;
		const own = await startInstance('trigger');
		suite.trigger.n8n = own.n8n;
		suite.trigger.client = own.client;
		suite.trigger.credential = await own.client.createCredential(
			'pinBridgeSuiteApi',
			{ baseUrl: suite.emu.url, apiKey: suite.trigger.apiKey },
			'PinBridge (fault suite, trigger)',
		);
	};

	afterAll(async () => {
		console.log(`[faults] 503 "Database is not ready!" answers re-sent: ${suite.instances.map((i) => `${i.label} ${i.client.dbNotReady}`).join(', ')}`);
		for (const instance of suite.instances) await instance.n8n.stop();
		await suite.emu?.close();
		if (process.env.E2E_KEEP) console.log(`[faults] kept ${userFolders.join(', ')}`);
		else for (const folder of userFolders) fs.rmSync(folder, { recursive: true, force: true });
	});

	return suite;
}

/**
 * A workspace of its own for a trigger (plan enterprise, one account with one board, a key with every scope):
 * webhooks and deliveries belong to a workspace, so Pins published elsewhere never start the trigger.
 */
export async function seedTriggerWorkspace(emu: Emulator, username: string) {
	const seeded = await emu.control.seed({
		plan: 'enterprise',
		accounts: [{ username, boards: 1 }],
		api_keys: [{ name: 'trigger', scopes: ['read', 'write', 'destructive'] }],
	});
	return {
		workspaceId: seeded.workspace_id,
		apiKey: seeded.api_keys[0].api_key,
		accountId: seeded.accounts[0].id,
		boardId: seeded.accounts[0].board_ids[0],
	};
}

/**
 * Create a Pin through the emulator's API in a trigger's workspace (the emulator then publishes it and delivers
 * `pin.published` itself); resolves with the HTTP status.
 */
export async function createPinIn(
	emu: Emulator,
	workspace: { apiKey: string; accountId: string; boardId: string },
	pin: { title: string; imageUrl: string; idempotencyKey: string },
): Promise<number> {
	const res = await fetch(`${emu.url}/v1/pins`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'X-API-Key': workspace.apiKey },
		body: JSON.stringify({
			account_id: workspace.accountId,
			board_id: workspace.boardId,
			title: pin.title,
			image_url: pin.imageUrl,
			idempotency_key: pin.idempotencyKey,
		}),
	});
	return res.status;
}

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

/** Manual Trigger → one PinBridge node whose Pin content comes from each item (`title`, `imageUrl`, `runAt`). */
export function actionWorkflow(
	name: string,
	suite: Pick<FaultSuite, 'accountId' | 'boardId' | 'credential'>,
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
export function triggerWorkflow(name: string, suite: { trigger: { credential: CredentialRef } }, webhookId: string): WorkflowJson {
	return {
		name,
		nodes: [
			{
				id: 'a4d3c2b1-0f9e-4d8c-9b7a-6e5f4d3c2b10',
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

/** The signing secret the PinBridge Trigger of `workflow` (as n8n's API returns it) derives from `apiKey`. */
export function triggerSecretOf(workflow: { id: string; nodes: Array<{ id?: string; type: string; webhookId?: string }> }, apiKey: string): string {
	const node = workflow.nodes.find((n) => n.type.endsWith('.pinBridgeSuiteTrigger'));
	if (!node?.id || !node.webhookId) throw new Error(`workflow ${workflow.id} has no PinBridge Trigger with an id and a webhookId`);
	return triggerSigningSecret({ material: apiKey, workflowId: workflow.id, nodeId: node.id, nodeWebhookId: node.webhookId });
}
/** The trigger's webhook id in a workflow's static data (n8n keeps node static data under `node:<name>`). */
export function webhookIdIn(staticData: unknown): string | undefined {
	return /"webhookId":"([^"]+)"/.exec(JSON.stringify(staticData ?? {}))?.[1];
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
