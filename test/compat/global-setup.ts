/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console */
// Once per `npm run test:compat`: install every version it checks (cached outside the repo, like the e2e install),
// build dist/ (unless E2E_SKIP_BUILD=1) and pack the package once — or unpack `COMPAT_PACKAGE_TGZ` (e.g. a tarball of
// an older commit) to check that instead.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { installN8n } from '../e2e/n8n/install';
import { packPackage, unpackTarball } from '../e2e/n8n/pack';
import { compatVersions, packedPackageRoot } from './versions';

const REPO_DIR = path.resolve(__dirname, '..', '..');

export default async function globalSetup(): Promise<void> {
	for (const spec of compatVersions()) {
		const started = Date.now();
		await installN8n({ spec });
		console.log(`\n[compat] n8n ${spec.version} (Node ${spec.nodeMajor}) ready in ${Math.round((Date.now() - started) / 1000)} s`);
	}
	// Tests run in this process (--runInBand): they find the package where this puts it.
	process.env.COMPAT_PACKED_ROOT = packedPackageRoot();
	const tarball = process.env.COMPAT_PACKAGE_TGZ;
	if (tarball) {
		unpackTarball(path.resolve(tarball), packedPackageRoot());
		console.log(`[compat] checking the package in ${tarball}`);
		return;
	}
	if (process.env.E2E_SKIP_BUILD !== '1') {
		const build = spawnSync('npm', ['run', 'build'], { cwd: REPO_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
		if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status}); run it to see why`);
	}
	packPackage(REPO_DIR, packedPackageRoot());
}
