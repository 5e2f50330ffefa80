/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @n8n/community-nodes/no-dangerous-functions */
// Once per `npm run test:e2e`: make sure n8n is installed (cached outside the repo; ~8 min the first time, with npm's
// output streamed) and that dist/ is built from the current sources (set E2E_SKIP_BUILD=1 to use dist/ as it is).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { installN8n } from './n8n/install';

export default async function globalSetup(): Promise<void> {
	await installN8n();
	if (process.env.E2E_SKIP_BUILD === '1') return;
	const started = Date.now();
	const res = spawnSync('npm', ['run', 'build'], {
		cwd: path.resolve(__dirname, '..', '..'),
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	if (res.status !== 0) throw new Error(`npm run build failed (exit ${res.status}); run it to see why`);
	console.log(`\n[e2e] built dist/ in ${Math.round((Date.now() - started) / 1000)} s`);
}
