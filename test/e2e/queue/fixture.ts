/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * The queue-mode suite's fixture: real n8n 2.41.1 in queue mode, as people deploy it for load —
 *   Postgres + Redis (./services.ts) → MAIN (`n8n start`: editor, APIs, activation; also serves production webhooks,
 *   as it does unless N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true) + one WORKER (`n8n worker --concurrency=5`: every
 *   execution, manual ones included: OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true) + one WEBHOOK PROCESSOR
 *   (`n8n webhook`; N8N_WEBHOOK_URL points at it, so that is the URL the trigger registers at PinBridge).
 * Every process has its own user folder with the packed package installed in it (as n8n's installer leaves it;
 * E2E_PACKAGE_DIR = pack another folder than this repo) and the same encryption key (credentials are
 * encrypted by whoever saves them and decrypted by whoever runs). One emulator, two workspaces as in the fault suite
 * (the default one, plan enterprise, for publishing; the trigger's own, so published batch Pins never start it).
 *
 * E2E_KEEP=1 keeps the work folder (every process's log, Postgres' and Redis' logs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startEmulator } from '../../emulator/server';
import { ensurePackageLoaded } from '../fixture';
import { PatientClient, seedTriggerWorkspace, type Emulator } from '../faults/fixture';
import type { CredentialRef } from '../n8n/client';
import { freePort, REPO_DIR, startN8n, type N8nInstance, type StartN8nOptions } from '../n8n/instance';
import { packPackage } from '../n8n/pack';
import { startPostgres, startRedis, type Postgres, type Service } from './services';

export interface QueueSuite {
	emu: Emulator;
	main: N8nInstance;
	worker: N8nInstance;
	webhook: N8nInstance;
	/** Main's API (executions of every process are in the shared database). */
	client: PatientClient;
	/** Default workspace: publishing. */
	credential: CredentialRef;
	accountId: string;
	boardId: string;
	/** The trigger's own workspace and its credential (on main). */
	trigger: { workspaceId: string; apiKey: string; accountId: string; boardId: string; credential: CredentialRef };
	/** Seconds each start-up step took, for the report. */
	timings: Record<string, number>;
}

const WORKER_CONCURRENCY = 5;

/** Whether the worker's log says it ran this execution (n8n logs `Worker started execution <id> (job <n>)` at info). */
export function ranOnWorker(suite: QueueSuite, executionId: string): boolean {
	return new RegExp(`Worker started execution ${executionId} \\(job`).test(fs.readFileSync(suite.worker.logFile, 'utf8'));
}

export function useQueueSuite(): QueueSuite {
	const suite = { timings: {} } as QueueSuite;
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pinbridge-queue-'));
	let postgres: Postgres | undefined;
	let redis: Service | undefined;
	const n8ns: N8nInstance[] = [];
	const timed = async <T>(label: string, step: () => Promise<T>): Promise<T> => {
		const started = Date.now();
		const result = await step();
		suite.timings[label] = Math.round((Date.now() - started) / 100) / 10;
		return result;
	};

	beforeAll(async () => {
		[postgres, redis] = await timed('postgres+redis', async () => await Promise.all([startPostgres(workDir), startRedis(workDir)]));
		// The package as users install it (npm pack, copied into each process's user folder: ../n8n/pack.ts).
		const packageSource = process.env.E2E_PACKAGE_DIR || REPO_DIR;
		const packedPackageDir = await timed('npm pack', async () => packPackage(packageSource, path.join(workDir, 'pack')));
		suite.emu = await startEmulator({ port: 0, seed: 11, plan: 'enterprise', latencyMs: 0, publishDelayMs: 20 });
		const [mainPort, workerPort, webhookPort] = [await freePort(), await freePort(), await freePort()];
		const queueEnv: Record<string, string> = {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: '',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			N8N_ENCRYPTION_KEY: `pinbridge-queue-suite-${process.pid}-${Date.now()}`,
			N8N_WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		};
		const start = async (role: 'main' | 'worker' | 'webhook', port: number) => {
			const options: StartN8nOptions = {
				role,
				port,
				concurrency: WORKER_CONCURRENCY,
				userFolder: path.join(workDir, role),
				env: queueEnv,
				packedPackageDir,
				readyTimeoutMs: 240_000,
			};
			const n8n = await timed(`n8n ${role}`, async () => await startN8n(options));
			n8ns.push(n8n);
			return n8n;
		};
		// Main first: it creates the schema the others use.
		suite.main = await start('main', mainPort);
		suite.client = new PatientClient(suite.main);
		await ensurePackageLoaded({ n8n: suite.main, client: suite.client }, 'queue main');
		[suite.worker, suite.webhook] = await Promise.all([start('worker', workerPort), start('webhook', webhookPort)]);

		suite.accountId = suite.emu.accountId;
		suite.boardId = suite.emu.boardIds[0];
		suite.credential = await suite.client.createCredential('pinBridgeSuiteApi', { baseUrl: suite.emu.url, apiKey: suite.emu.apiKey }, 'PinBridge (queue)');
		const workspace = await seedTriggerWorkspace(suite.emu, 'trigger_queue');
		suite.trigger = {
			...workspace,
			credential: await suite.client.createCredential(
				'pinBridgeSuiteApi',
				{ baseUrl: suite.emu.url, apiKey: workspace.apiKey },
				'PinBridge (queue, trigger)',
			),
		};
		console.log(`[queue] started (seconds): ${JSON.stringify(suite.timings)}; main ${suite.main.url}, webhook ${suite.webhook.url}, worker health ${suite.worker.url}`);
	}, 900_000);

	afterAll(async () => {
		console.log(`[queue] 503 "Database is not ready!" answers re-sent by the client: ${suite.client?.dbNotReady ?? 0}`);
		for (const n8n of n8ns.reverse()) await n8n.stop();
		await suite.emu?.close();
		await redis?.stop();
		await postgres?.stop();
		if (process.env.E2E_KEEP) console.log(`[queue] kept ${workDir}`);
		else fs.rmSync(workDir, { recursive: true, force: true });
	}, 120_000);

	return suite;
}
