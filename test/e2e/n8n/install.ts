/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @n8n/community-nodes/no-dangerous-functions */
/**
 * Idempotent installer for the real n8n versions used by `npm run dev`, `npm run test:e2e` and `npm run test:compat`.
 *
 * Installs a version, OUTSIDE the repo, into `${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-pinbridge-suite/n8n-<version>/`:
 *   node<major>/ – the Node that version needs, from npm. We install the platform package `node-linux-<arch>@<major>`
 *              that the `node@<major>` package would pull in from its preinstall script: npm here runs with
 *              ignore-scripts=true, and the platform package also carries include/node (the headers node-gyp needs
 *              for sqlite3). n8n >= 2.37 refuses Node < 24; n8n 1.123.x's isolated-vm ships Node 22/24 prebuilds only.
 *   n8n/     – `n8n@<version>` with that version's `overrides` (the registry mirror lacks what linkedom 0.18.15 pulls
 *              in; n8n-nodes-base of 1.x/2.0 asks for an xlsx tarball from outside the registry), installed with
 *              `--ignore-scripts` (kafka's install script downloads from GitHub and fails), then `npm rebuild sqlite3`
 *              compiled from source against that Node's headers.
 *   .complete – marker written last; when present, everything is skipped.
 * npm's output is streamed so the first install (≈ 5–9 min) shows progress.
 *
 * Run directly: `npx tsx test/e2e/n8n/install.ts [--version 1.123.81] [--force]` (default: the pinned version).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { knownN8nVersion, PINNED_N8N, type N8nVersionSpec } from './versions';

export { PINNED_N8N, type N8nVersionSpec } from './versions';
export const N8N_VERSION = PINNED_N8N.version;
export const NODE_MAJOR = PINNED_N8N.nodeMajor;
const NODE_PKG = `node-${process.platform}-${process.arch}`;

export interface N8nInstall {
	spec: N8nVersionSpec;
	/** Root of this version's install (holds node<major>/, n8n/, .complete). */
	dir: string;
	/** Folder containing the `node` binary n8n runs on; put it first on PATH for n8n. */
	nodeBinDir: string;
	/** Absolute path of that Node binary. */
	nodeBin: string;
	/** Absolute path of n8n's CLI entry (`bin/n8n`, a node script). */
	n8nBin: string;
	/** Folder where n8n's package.json lives. */
	n8nDir: string;
}

export function cacheRoot(): string {
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-pinbridge-suite');
}

export function installPaths(spec: N8nVersionSpec = PINNED_N8N): N8nInstall {
	const dir = path.join(cacheRoot(), `n8n-${spec.version}`);
	const nodeBinDir = path.join(dir, nodeFolder(spec), 'node_modules', NODE_PKG, 'bin');
	const n8nDir = path.join(dir, 'n8n');
	return {
		spec,
		dir,
		nodeBinDir,
		nodeBin: path.join(nodeBinDir, 'node'),
		n8nDir,
		n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

function nodeFolder(spec: N8nVersionSpec): string {
	return `node${spec.nodeMajor}`;
}

export function isInstalled(spec: N8nVersionSpec = PINNED_N8N): boolean {
	return fs.existsSync(path.join(installPaths(spec).dir, '.complete'));
}

function log(msg: string): void {
	console.log(`[n8n-install] ${msg}`);
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, quiet = false): Promise<void> {
	if (!quiet) log(`$ (cd ${cwd} && ${cmd} ${args.join(' ')})`);
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', quiet ? 'ignore' : 'inherit', quiet ? 'ignore' : 'inherit'] });
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			if (code === 0) resolve();
			else reject(new Error(`${cmd} ${args.join(' ')} failed (code ${code}, signal ${signal}) in ${cwd}`));
		});
	});
}

function writeJson(file: string, data: unknown): void {
	fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
}

/** The folder of the Node distribution that contains include/node (headers for node-gyp). */
function findNodeHeadersDir(p: N8nInstall): string | undefined {
	const candidates = [path.join(p.dir, nodeFolder(p.spec), 'node_modules', NODE_PKG)];
	for (const c of candidates) {
		if (fs.existsSync(path.join(c, 'include', 'node', 'node.h'))) return fs.realpathSync(c);
	}
	return undefined;
}

async function sqliteLoads(p: N8nInstall, env: NodeJS.ProcessEnv): Promise<boolean> {
	try {
		await run(p.nodeBin, ['-e', "require('sqlite3')"], p.n8nDir, env, true);
		return true;
	} catch {
		return false;
	}
}

/** Simple cross-process lock so `npm run dev` and the e2e suite never install concurrently. */
async function withLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
	const lock = path.join(dir, '.install.lock');
	fs.mkdirSync(dir, { recursive: true });
	for (;;) {
		try {
			fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
			break;
		} catch {
			const pid = Number(fs.readFileSync(lock, 'utf8'));
			let alive = false;
			try {
				if (pid) process.kill(pid, 0);
				alive = pid > 0;
			} catch {
				alive = false;
			}
			if (!alive) {
				fs.rmSync(lock, { force: true });
				continue;
			}
			log(`another install (pid ${pid}) is running; waiting…`);
			await new Promise((r) => setTimeout(r, 5000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { force: true });
	}
}

export async function installN8n(
	opts: { force?: boolean; spec?: N8nVersionSpec } = {},
): Promise<N8nInstall> {
	const spec = opts.spec ?? PINNED_N8N;
	const { version, nodeMajor } = spec;
	const p = installPaths(spec);
	if (!opts.force && isInstalled(spec)) return p;
	return withLock(p.dir, async () => {
		if (!opts.force && isInstalled(spec)) return p; // finished by another process while we waited
		const started = Date.now();
		log(`installing Node ${nodeMajor} + n8n@${version} into ${p.dir} (first time only, ~5–9 min)`);
		const npmEnv: NodeJS.ProcessEnv = {
			...process.env,
			npm_config_yes: 'true',
			npm_config_fund: 'false',
			npm_config_audit: 'false',
			npm_config_update_notifier: 'false',
		};

		// 1. Node in its own folder.
		const nodeDir = path.join(p.dir, nodeFolder(spec));
		const nodeMarker = path.join(nodeDir, '.complete');
		if (!fs.existsSync(nodeMarker)) {
			fs.mkdirSync(nodeDir, { recursive: true });
			writeJson(path.join(nodeDir, 'package.json'), { name: `pinbridge-e2e-${nodeFolder(spec)}`, private: true });
			await run('npm', ['install', '--no-save', '--loglevel=http', `${NODE_PKG}@${nodeMajor}`], nodeDir, npmEnv);
			fs.writeFileSync(nodeMarker, new Date().toISOString());
		}
		if (!fs.existsSync(p.nodeBin)) throw new Error(`Node ${nodeMajor} binary missing at ${p.nodeBin}`);
		log(`Node: ${p.nodeBin}`);

		// Everything below runs with that Node first on PATH, so npm / node-gyp target its ABI.
		const headers = findNodeHeadersDir(p);
		const envNode: NodeJS.ProcessEnv = {
			...npmEnv,
			PATH: `${p.nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
			...(headers ? { npm_config_nodedir: headers } : {}),
		};
		if (!headers) delete envNode.npm_config_nodedir;
		log(`node-gyp headers: ${headers ?? `(none found in the Node ${nodeMajor} package; node-gyp will try its default)`}`);

		// 2. n8n itself.
		const n8nMarker = path.join(p.n8nDir, '.installed');
		if (!fs.existsSync(n8nMarker)) {
			fs.mkdirSync(p.n8nDir, { recursive: true });
			writeJson(path.join(p.n8nDir, 'package.json'), {
				name: 'pinbridge-e2e-n8n',
				private: true,
				dependencies: { n8n: version },
				overrides: spec.overrides,
			});
			await run('npm', ['install', '--ignore-scripts', '--no-fund', '--no-audit', '--loglevel=http'], p.n8nDir, envNode);
			fs.writeFileSync(n8nMarker, new Date().toISOString());
		}

		// 3. sqlite3 native module, built from source against that Node.
		//    `--ignore-scripts=false`: npm here is configured with ignore-scripts=true, which turns `rebuild` into a no-op.
		//    sqlite3's install script tries a prebuilt download first (fails offline), then node-gyp builds it.
		const sqliteMarker = path.join(p.n8nDir, '.sqlite3-built');
		if (!fs.existsSync(sqliteMarker) || !(await sqliteLoads(p, envNode))) {
			await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts'], p.n8nDir, envNode);
			if (!(await sqliteLoads(p, envNode))) {
				throw new Error(`sqlite3 was rebuilt but does not load under Node ${nodeMajor}`);
			}
			fs.writeFileSync(sqliteMarker, new Date().toISOString());
		}
		if (!fs.existsSync(p.n8nBin)) throw new Error(`n8n CLI missing at ${p.n8nBin}`);

		fs.writeFileSync(
			path.join(p.dir, '.complete'),
			JSON.stringify({ n8n: version, finishedAt: new Date().toISOString(), seconds: (Date.now() - started) / 1000 }) + '\n',
		);
		log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
		return p;
	});
}

if (require.main === module) {
	const versionFlag = process.argv.indexOf('--version');
	const spec = versionFlag > 0 ? knownN8nVersion(process.argv[versionFlag + 1]) : PINNED_N8N;
	installN8n({ force: process.argv.includes('--force'), spec }).then(
		(p) => log(`ready: ${p.n8nBin} (node ${p.nodeBin})`),
		(err) => {
			console.error(err);
			process.exit(1);
		},
	);
}
