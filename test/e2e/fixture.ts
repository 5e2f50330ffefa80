/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * One real n8n + one PinBridge emulator per e2e test file: `const env = useE2eEnvironment('publish')` at the top of
 * a file starts both in beforeAll (fresh n8n user folder, free ports, a "PinBridge (emulator)" API-key credential)
 * and stops both in afterAll. Tests read `env.n8n`, `env.client`, `env.emu`, `env.credential`.
 *
 * The emulator runs on the real clock (n8n waits in real time), so pins move queued → published on their own after
 * `publishDelayMs`. `env.emu.control.reset()` between tests keeps the seeded ids and API key (the credential stays
 * valid) and zeroes counters, so every test can assert exact counts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startEmulator, type StartEmulatorOptions, type StartedEmulator } from '../emulator/server';
import { N8nClient, type CredentialRef } from './n8n/client';
import { freePort, startN8n, type N8nInstance } from './n8n/instance';
import { loadExampleWorkflow } from './n8n/workflows';

export interface E2eEnvironment {
	n8n: N8nInstance;
	client: N8nClient;
	emu: StartedEmulator;
	credential: CredentialRef;
	userFolder: string;
	/** Seconds n8n took to become ready (fresh DB, owner, API key). */
	startSeconds: number;
	/** Import an example workflow (test/e2e/workflows/<name>.json) pointed at the emulator; returns its id. */
	importExample(name: string, patch?: (wf: ReturnType<typeof loadExampleWorkflow>) => void): Promise<string>;
}

export const CREDENTIAL_NAME = 'PinBridge (emulator)';

export function useE2eEnvironment(label: string, emulator: StartEmulatorOptions = {}): E2eEnvironment {
	const env = {} as E2eEnvironment;

	beforeAll(async () => {
		env.emu = await startEmulator({ port: 0, clock: 'real', seed: 1, publishDelayMs: 200, ...emulator });
		env.userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `pinbridge-e2e-${label}-`));
		const started = Date.now();
		env.n8n = await startN8n({ port: await freePort(), userFolder: env.userFolder });
		env.startSeconds = Math.round((Date.now() - started) / 100) / 10;
		console.log(`[${label}] n8n ready at ${env.n8n.url} in ${env.startSeconds} s (fresh DB, owner, API key)`);
		env.client = new N8nClient(env.n8n);
		env.credential = await env.client.createCredential(
			'pinBridgeSuiteApi',
			{ baseUrl: env.emu.url, apiKey: env.emu.apiKey },
			CREDENTIAL_NAME,
		);
		env.importExample = async (name, patch) => {
			const wf = loadExampleWorkflow(name, {
				credential: env.credential,
				accountId: env.emu.accountId,
				boardId: env.emu.boardIds[0],
			});
			patch?.(wf);
			return await env.client.importWorkflow(wf);
		};
	});

	afterAll(async () => {
		await env.n8n?.stop();
		await env.emu?.close();
		// E2E_KEEP=1 keeps the user folder (n8n.log, database) for reading after a failure.
		if (env.userFolder && !process.env.E2E_KEEP) fs.rmSync(env.userFolder, { recursive: true, force: true });
	});

	return env;
}
