// `npm run scan`: n8n's community-package scanner (@n8n/scan-community-package), as n8n runs it before verifying a
// package, on this checkout instead of a published version: the source (package.json, nodes/, credentials/) with the
// full rule set, and the packed tarball's compiled .js and package.json. n8n's own CLI first downloads the package and
// checks its npm provenance, which only exists once GitHub Actions has published it (.github/workflows/publish.yml).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'pinbridge-scan-'));
try {
	const [{ filename }] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
	);
	const unpacked = path.join(work, 'package');
	execFileSync('tar', ['-xzf', path.join(work, filename), '-C', work]);
	const legs = [
		['source', await analyzePackage(root, SOURCE_FILE_PATTERNS)],
		[`tarball ${filename}`, await analyzePackage(unpacked, ['**/*.js', 'package.json'])],
	];
	for (const [name, result] of legs) {
		console.log(`${result.passed ? 'passed' : 'FAILED'}: ${name}${result.message ? ` (${result.message})` : ''}`);
		if (result.details) console.log(result.details);
	}
	process.exitCode = legs.every(([, result]) => result.passed) ? 0 : 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
