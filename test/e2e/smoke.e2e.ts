/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console */
// Proves the e2e infrastructure: a real n8n starts with this package linked in, the package's credential (and node)
// types are loaded, the REST client can create and test a credential, and stop() leaves nothing listening.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { N8nClient } from './n8n/client';
import { freePort, REPO_DIR, startN8n, type N8nInstance } from './n8n/instance';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_DIR, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};

/** `dist/nodes/PinBridgeSuite/PinBridgeSuite.node.js` → `pinBridgeSuite` (n8n's naming: class name, first letter lowered). */
const typeNameOf = (file: string) => {
	const base = path.basename(file).replace(/\.(node|credentials)\.js$/, '');
	return base.charAt(0).toLowerCase() + base.slice(1);
};

describe('e2e infrastructure: real n8n with the package loaded', () => {
	let userFolder: string;
	let n8n: N8nInstance;
	let client: N8nClient;

	beforeAll(async () => {
		userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'pinbridge-e2e-smoke-'));
		const started = Date.now();
		n8n = await startN8n({ port: await freePort(), userFolder });
		console.log(`[smoke] n8n ready (fresh DB, owner, API key) in ${Math.round((Date.now() - started) / 1000)} s`);
		client = new N8nClient(n8n);
	});

	afterAll(async () => {
		await n8n?.stop();
		if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
	});

	it('loads the package credential types', async () => {
		const names = await client.credentialTypeNames();
		expect(names).toContain('pinBridgeSuiteApi');
		for (const file of pkg.n8n.credentials) expect(names).toContain(typeNameOf(file));
	});

	it('loads every node the package lists', async () => {
		const names = await client.nodeTypeNames();
		for (const file of pkg.n8n.nodes) expect(names).toContain(`${pkg.name}.${typeNameOf(file)}`);
	});

	it('creates a PinBridge credential through the public API', async () => {
		const cred = await client.createCredential(
			'pinBridgeSuiteApi',
			{ baseUrl: 'http://127.0.0.1:9', apiKey: 'pb_smoke_key' },
			'PinBridge (smoke)',
		);
		expect(cred).toMatchObject({ type: 'pinBridgeSuiteApi', name: 'PinBridge (smoke)' });
		expect((await client.listCredentials()).map((c) => c.id)).toContain(cred.id);
		// Nothing listens on port 9: the credential test must report an error, not succeed.
		const tested = await client.testCredential(cred.id);
		expect(tested.status).toBe('Error');
	});

	it('n8n reaches the PinBridge emulator on loopback: the credential test passes with its key', async () => {
		// The emulator is its own part of the project; load it lazily so this smoke test only needs n8n.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { startEmulator } = require('../emulator/server') as typeof import('../emulator/server');
		const emu = await startEmulator({ seed: 1 });
		try {
			const cred = await client.createCredential('pinBridgeSuiteApi', { baseUrl: emu.url, apiKey: emu.apiKey });
			expect(await client.testCredential(cred.id)).toMatchObject({ status: 'OK' });
		} finally {
			await emu.close();
		}
	});

	it('stop() ends n8n', async () => {
		await n8n.stop();
		await expect(fetch(`${n8n.url}/healthz`)).rejects.toThrow();
	});
});
