/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @n8n/community-nodes/no-dangerous-functions */
/**
 * Idempotent installer for the real n8n used by `npm run dev` and `npm run test:e2e`.
 *
 * Installs, OUTSIDE the repo, into `${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-pinbridge-suite/n8n-<version>/`:
 *   node24/  – Node 24 from npm (n8n >= 2.37 refuses Node < 24; isolated-vm only ships Node 24 prebuilds). We install
 *              the platform package `node-linux-<arch>@24` that the `node@24` package would pull in from its
 *              preinstall script: npm here runs with ignore-scripts=true, and the platform package also carries
 *              include/node (the headers node-gyp needs for sqlite3).
 *   n8n/     – `n8n@<version>` with `overrides.linkedom` (the registry mirror lacks what linkedom 0.18.15 pulls in),
 *              installed with `--ignore-scripts` (kafka's install script downloads from GitHub and fails), then
 *              `npm rebuild sqlite3` compiled from source against the Node 24 headers.
 *   .complete – marker written last; when present, everything is skipped.
 * npm's output is streamed so the ~6 minute first install shows progress.
 *
 * Run directly: `npx tsx test/e2e/n8n/install.ts`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const N8N_VERSION = '2.41.1';
export const NODE_MAJOR = '24';
const LINKEDOM_OVERRIDE = '0.18.14';
const NODE_PKG = `node-${process.platform}-${process.arch}`;

export interface N8nInstall {
	/** Root of this version's install (holds node24/, n8n/, .complete). */
	dir: string;
	/** Folder containing the Node 24 `node` binary; put it first on PATH for n8n. */
	nodeBinDir: string;
	/** Absolute path of the Node 24 binary. */
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

export function installPaths(): N8nInstall {
	const dir = path.join(cacheRoot(), `n8n-${N8N_VERSION}`);
	const nodeBinDir = path.join(dir, 'node24', 'node_modules', NODE_PKG, 'bin');
	const n8nDir = path.join(dir, 'n8n');
	return {
		dir,
		nodeBinDir,
		nodeBin: path.join(nodeBinDir, 'node'),
		n8nDir,
		n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

export function isInstalled(): boolean {
	return fs.existsSync(path.join(installPaths().dir, '.complete'));
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

/** The folder of the Node 24 distribution that contains include/node (headers for node-gyp). */
function findNodeHeadersDir(p: N8nInstall): string | undefined {
	const candidates = [path.join(p.dir, 'node24', 'node_modules', NODE_PKG)];
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

export async function installN8n(opts: { force?: boolean } = {}): Promise<N8nInstall> {
	const p = installPaths();
	if (!opts.force && isInstalled()) return p;
	return withLock(p.dir, async () => {
		if (!opts.force && isInstalled()) return p; // finished by another process while we waited
		const started = Date.now();
		log(`installing Node ${NODE_MAJOR} + n8n@${N8N_VERSION} into ${p.dir} (first time only, ~6 min)`);
		const npmEnv: NodeJS.ProcessEnv = {
			...process.env,
			npm_config_yes: 'true',
			npm_config_fund: 'false',
			npm_config_audit: 'false',
			npm_config_update_notifier: 'false',
		};

		// 1. Node 24 in its own folder.
		const nodeDir = path.join(p.dir, 'node24');
		const nodeMarker = path.join(nodeDir, '.complete');
		if (!fs.existsSync(nodeMarker)) {
			fs.mkdirSync(nodeDir, { recursive: true });
			writeJson(path.join(nodeDir, 'package.json'), { name: 'pinbridge-e2e-node24', private: true });
			await run('npm', ['install', '--no-save', '--loglevel=http', `${NODE_PKG}@${NODE_MAJOR}`], nodeDir, npmEnv);
			fs.writeFileSync(nodeMarker, new Date().toISOString());
		}
		if (!fs.existsSync(p.nodeBin)) throw new Error(`Node ${NODE_MAJOR} binary missing at ${p.nodeBin}`);
		log(`Node: ${p.nodeBin}`);

		// Everything below runs with Node 24 first on PATH, so npm / node-gyp target Node 24's ABI.
		const headers = findNodeHeadersDir(p);
		const env24: NodeJS.ProcessEnv = {
			...npmEnv,
			PATH: `${p.nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
			...(headers ? { npm_config_nodedir: headers } : {}),
		};
		if (!headers) delete env24.npm_config_nodedir;
		log(`node-gyp headers: ${headers ?? '(none found in node@24 package; node-gyp will try its default)'}`);

		// 2. n8n itself.
		const n8nMarker = path.join(p.n8nDir, '.installed');
		if (!fs.existsSync(n8nMarker)) {
			fs.mkdirSync(p.n8nDir, { recursive: true });
			writeJson(path.join(p.n8nDir, 'package.json'), {
				name: 'pinbridge-e2e-n8n',
				private: true,
				dependencies: { n8n: N8N_VERSION },
				overrides: { linkedom: LINKEDOM_OVERRIDE },
			});
			await run('npm', ['install', '--ignore-scripts', '--no-fund', '--no-audit', '--loglevel=http'], p.n8nDir, env24);
			fs.writeFileSync(n8nMarker, new Date().toISOString());
		}

		// 3. sqlite3 native module, built from source against Node 24.
		//    `--ignore-scripts=false`: npm here is configured with ignore-scripts=true, which turns `rebuild` into a no-op.
		//    sqlite3's install script tries a prebuilt download first (fails offline), then node-gyp builds it.
		const sqliteMarker = path.join(p.n8nDir, '.sqlite3-built');
		if (!fs.existsSync(sqliteMarker) || !(await sqliteLoads(p, env24))) {
			await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts'], p.n8nDir, env24);
			if (!(await sqliteLoads(p, env24))) throw new Error('sqlite3 was rebuilt but does not load under Node 24');
			fs.writeFileSync(sqliteMarker, new Date().toISOString());
		}
		if (!fs.existsSync(p.n8nBin)) throw new Error(`n8n CLI missing at ${p.n8nBin}`);

		fs.writeFileSync(
			path.join(p.dir, '.complete'),
			JSON.stringify({ n8n: N8N_VERSION, finishedAt: new Date().toISOString(), seconds: (Date.now() - started) / 1000 }) + '\n',
		);
		log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
		return p;
	});
}

if (require.main === module) {
	installN8n({ force: process.argv.includes('--force') }).then(
		(p) => log(`ready: ${p.n8nBin} (node ${p.nodeBin})`),
		(err) => {
			console.error(err);
			process.exit(1);
		},
	);
}
