/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
/**
 * The package as users get it: `npm pack` of the built repo (only what package.json's `files` ships), unpacked, then
 * installed into an n8n user folder the way n8n's community-package installer leaves it — a plain copy in
 * `<userFolder>/.n8n/nodes/node_modules/<name>`, listed in `.n8n/nodes/package.json`, with no dev or peer
 * dependencies beside it, so `require('n8n-workflow')` resolves to the n8n-workflow of the n8n that loads it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** `npm pack` `repoDir` (dist/ must be built) and unpack it into `outDir/package`; returns that folder. */
export function packPackage(repoDir: string, outDir: string): string {
	fs.rmSync(outDir, { recursive: true, force: true });
	fs.mkdirSync(outDir, { recursive: true });
	const output = execFileSync('npm', ['pack', '--silent', '--pack-destination', outDir], { cwd: repoDir, encoding: 'utf8' });
	const tarball = path.join(outDir, output.trim().split('\n').pop() ?? '');
	return unpackTarball(tarball, outDir);
}

/** Unpack an `npm pack` tarball into `outDir/package`; returns that folder. */
export function unpackTarball(tarball: string, outDir: string): string {
	fs.mkdirSync(outDir, { recursive: true });
	fs.rmSync(path.join(outDir, 'package'), { recursive: true, force: true });
	execFileSync('tar', ['-xzf', tarball, '-C', outDir]);
	return path.join(outDir, 'package');
}

/** Copy an unpacked package into the user folder's community-package folder and list it there. */
export function installPackedPackage(userFolder: string, packedDir: string): string {
	const { name, version } = JSON.parse(fs.readFileSync(path.join(packedDir, 'package.json'), 'utf8')) as {
		name: string;
		version: string;
	};
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', name);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.cpSync(packedDir, target, { recursive: true });
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [name]: version } }, null, 2),
	);
	return target;
}
