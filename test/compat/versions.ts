/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Which n8n versions the compatibility tier runs, and where the packed package it installs into them lives.
import os from 'node:os';
import path from 'node:path';

import { KNOWN_N8N_VERSIONS, N8N_1_123, PINNED_N8N, type N8nVersionSpec } from '../e2e/n8n/versions';

/** What `npm run test:compat` checks by default (and CI runs): the latest 1.x patch and the n8n pinned for e2e. */
export const DEFAULT_COMPAT_VERSIONS: N8nVersionSpec[] = [N8N_1_123, PINNED_N8N];

/**
 * The versions of this run: `COMPAT_N8N_VERSIONS=1.123.81,2.0.3,2.41.1` (any of KNOWN_N8N_VERSIONS) or the default.
 * 2.0.x is known and passes but is left out of the default to keep CI short (another ≈ 8 min install).
 */
export function compatVersions(): N8nVersionSpec[] {
	const wanted = process.env.COMPAT_N8N_VERSIONS?.split(',').map((version) => version.trim()).filter(Boolean);
	if (!wanted?.length) return DEFAULT_COMPAT_VERSIONS;
	return wanted.map((version) => {
		const spec = KNOWN_N8N_VERSIONS.find((known) => known.version === version);
		if (!spec) throw new Error(`COMPAT_N8N_VERSIONS: no recipe for n8n ${version} (test/e2e/n8n/versions.ts)`);
		return spec;
	});
}

/** Where global-setup unpacks the package for this run (`COMPAT_PACKAGE_TGZ` = test that tarball instead). */
export function packedPackageRoot(): string {
	return process.env.COMPAT_PACKED_ROOT ?? path.join(os.tmpdir(), `pinbridge-compat-package-${process.pid}`);
}

export function packedPackageDir(): string {
	return path.join(packedPackageRoot(), 'package');
}
