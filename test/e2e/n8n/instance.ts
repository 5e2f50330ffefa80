/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error */
/**
 * Start a real n8n (installed by ./install.ts) with this repo's package loaded, headless-ready:
 * owner created, logged in (cookie), and a public API key with every scope.
 *
 * The package is loaded the way n8n loads an installed community package: a symlink
 * `<userFolder>/.n8n/nodes/node_modules/n8n-nodes-pinbridge-suite → <repo>`; n8n reads package.json's `n8n` field
 * and the files under dist/. Node types are then `n8n-nodes-pinbridge-suite.<node>`. With `packedPackageDir` (see
 * ./pack.ts) a copy of the packed package is installed there instead, as n8n's community-package installer does:
 * then the package runs on n8n's own n8n-workflow, not on the repo's dev copy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { installPaths, isInstalled } from './install';
import { installPackedPackage } from './pack';
import { PINNED_N8N, type N8nVersionSpec } from './versions';
import { createApiKey, DEFAULT_OWNER, ensureOwnerAndLogin, type N8nOwner } from './owner';
import { roleLaunch, type N8nRole } from './roles';

export { BROWSER_ID, createApiKey, DEFAULT_OWNER, ensureOwnerAndLogin, type N8nOwner } from './owner';

export const PACKAGE_NAME = 'n8n-nodes-pinbridge-suite';
export const REPO_DIR = path.resolve(__dirname, '..', '..', '..');

export interface StartN8nOptions {
	/** n8n's HTTP port (listens on 127.0.0.1 only). */
	port: number;
	/** N8N_USER_FOLDER; n8n keeps its DB and config in `<userFolder>/.n8n`. Reused as-is if it already exists. */
	userFolder: string;
	/** Extra/overriding environment for the n8n process (e.g. `{ N8N_DEV_RELOAD: 'true' }`). */
	env?: Record<string, string | undefined>;
	/** Owner to create (or log in as, if the instance already has one). Default: DEFAULT_OWNER. */
	owner?: N8nOwner;
	/** Repo to link as the package (default: this repo). */
	packageDir?: string;
	/** An unpacked `npm pack` of the package (./pack.ts), copied in instead of linking `packageDir`. */
	packedPackageDir?: string;
	/** Which installed n8n to start (default: the pinned one). */
	spec?: N8nVersionSpec;
	/** Where n8n's stdout+stderr go (default: `<userFolder>/n8n.log`, appended across restarts). */
	logFile?: string;
	/** Port for the task-runner broker (default: a free port). */
	brokerPort?: number;
	/** How long to wait for /healthz/readiness (default 120 s). */
	readyTimeoutMs?: number;
	/** Echo n8n's output to this process's stdout as well (dev mode). */
	echo?: boolean;
	/** Which n8n process (./roles.ts; default `main`). Only a main gets an owner, a login and an API key. */
	role?: N8nRole;
	/** A worker's `--concurrency` (default 5). */
	concurrency?: number;
}

export interface N8nInstance {
	/** Base URL without trailing slash, e.g. http://127.0.0.1:5678 */
	url: string;
	port: number;
	userFolder: string;
	logFile: string;
	owner: N8nOwner;
	/** Public API key (header `X-N8N-API-KEY`), all scopes. Stable across restart(). Empty unless the role is main. */
	apiKey: string;
	/** `n8n-auth=…` cookie for the internal /rest API (send with header `browser-id: BROWSER_ID`). Refreshed by restart(). Main only. */
	cookie: string;
	/** The n8n version running, and whether it has the 1.x/2.0 API differences. */
	spec: N8nVersionSpec;
	legacyApi: boolean;
	/** PID of the n8n process (leader of its own process group). */
	pid(): number | undefined;
	/** Stop n8n (SIGTERM to the process group, SIGKILL after a grace period). Idempotent. */
	stop(): Promise<void>;
	/**
	 * Stop and start again with the same user folder (same DB, same API key); re-logs in (~15 s).
	 * Observed in 2.41.1: neither shutdown nor start calls an active trigger's webhookMethods (no checkExists /
	 * create / delete reach PinBridge) — the webhook registered at activation simply stays.
	 */
	restart(): Promise<void>;
	/** Last `n` lines of the log (for error messages). */
	tail(n?: number): string;
}

/** A free TCP port on 127.0.0.1 (ask the OS for port 0). */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
		});
	});
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Symlink the package into n8n's community-package folder (replacing whatever is there). */
export function linkPackage(userFolder: string, packageDir = REPO_DIR): string {
	const modules = path.join(userFolder, '.n8n', 'nodes', 'node_modules');
	fs.mkdirSync(modules, { recursive: true });
	// n8n's community-packages folder is an npm project of its own; give it a package.json so npm never walks up.
	const nodesPkg = path.join(userFolder, '.n8n', 'nodes', 'package.json');
	if (!fs.existsSync(nodesPkg)) {
		fs.writeFileSync(nodesPkg, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	}
	const link = path.join(modules, PACKAGE_NAME);
	let current: string | undefined;
	try {
		current = fs.readlinkSync(link);
	} catch {
		current = undefined;
	}
	if (current !== packageDir) {
		fs.rmSync(link, { recursive: true, force: true });
		fs.symlinkSync(packageDir, link, 'dir');
	}
	return link;
}

function n8nEnv(opts: StartN8nOptions, brokerPort: number, roleEnv: Record<string, string>): NodeJS.ProcessEnv {
	const p = installPaths(opts.spec);
	const url = `http://127.0.0.1:${opts.port}`;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PATH: `${p.nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: opts.userFolder,
		N8N_PORT: String(opts.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `${url}/`,
		// The trigger registers this URL at PinBridge (the emulator): make it the loopback address, not "localhost".
		N8N_WEBHOOK_URL: `${url}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		DB_SQLITE_POOL_SIZE: '2',
		N8N_LOG_OUTPUT: 'console',
		// The parent (npm/jest/gulp) may run on Node 20 with npm's config in the environment; don't leak it into n8n.
		npm_config_nodedir: undefined,
		NODE_OPTIONS: undefined,
		// Jest sets NODE_ENV=test, and with it `n8n start` exits at once with code 1 and prints nothing.
		NODE_ENV: 'production',
		...roleEnv,
		...opts.env,
	};
	for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
	return env;
}

async function fetchOk(url: string, init?: RequestInit): Promise<Response | undefined> {
	try {
		return await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
	} catch {
		return undefined;
	}
}

async function apiKeyWorks(url: string, apiKey: string): Promise<boolean> {
	const res = await fetchOk(`${url}/api/v1/workflows?limit=1`, { headers: { 'X-N8N-API-KEY': apiKey } });
	return res?.status === 200;
}

export async function startN8n(opts: StartN8nOptions): Promise<N8nInstance> {
	const spec = opts.spec ?? PINNED_N8N;
	if (!isInstalled(spec)) {
		throw new Error(
			`n8n ${spec.version} is not installed yet: run \`npx tsx test/e2e/n8n/install.ts --version ${spec.version}\` first`,
		);
	}
	const p = installPaths(spec);
	const owner = opts.owner ?? DEFAULT_OWNER;
	const userFolder = path.resolve(opts.userFolder);
	fs.mkdirSync(userFolder, { recursive: true });
	const logFile = opts.logFile ?? path.join(userFolder, 'n8n.log');
	const url = `http://127.0.0.1:${opts.port}`;
	const brokerPort = opts.brokerPort ?? (await freePort());
	const keyFile = path.join(userFolder, 'pinbridge-e2e-api-key.json');
	const role = opts.role ?? 'main';
	if (opts.packedPackageDir) installPackedPackage(userFolder, opts.packedPackageDir);
	else linkPackage(userFolder, opts.packageDir ?? REPO_DIR);

	let child: ChildProcess | undefined;
	let exited: Promise<void> = Promise.resolve();

	const killGroup = (signal: NodeJS.Signals) => {
		if (!child?.pid) return;
		try {
			process.kill(-child.pid, signal);
		} catch {
			/* already gone */
		}
	};
	// Never leave an n8n behind when the test runner / gulp exits abruptly.
	const onExit = () => killGroup('SIGKILL');
	process.on('exit', onExit);

	const launch = async () => {
		const busy = await fetchOk(`${url}/healthz`);
		if (busy) throw new Error(`port ${opts.port} is already in use (something answers at ${url})`);
		const out = fs.openSync(logFile, 'a');
		fs.writeSync(out, `\n===== n8n start ${new Date().toISOString()} port ${opts.port} =====\n`);
		const started = Date.now();
		const how = roleLaunch(role, opts.port, opts.concurrency);
		const c = spawn(p.nodeBin, [p.n8nBin, ...how.args], {
			cwd: userFolder,
			env: n8nEnv(opts, brokerPort, how.env),
			detached: true, // own process group → stop() kills n8n and its task runner together
			stdio: ['ignore', opts.echo ? 'pipe' : out, opts.echo ? 'pipe' : out],
		});
		if (opts.echo) {
			for (const s of [c.stdout, c.stderr]) {
				s?.on('data', (d: Buffer) => {
					fs.writeSync(out, d);
					process.stdout.write(d);
				});
			}
		}
		child = c;
		let exitInfo: string | undefined;
		exited = new Promise<void>((resolve) =>
			c.on('exit', (code, signal) => {
				exitInfo = `code ${code}, signal ${signal}`;
				if (!opts.echo) fs.closeSync(out);
				resolve();
			}),
		);
		// Wait for readiness (DB migrated, nodes loaded).
		const deadline = Date.now() + (opts.readyTimeoutMs ?? 120_000);
		for (;;) {
			if (exitInfo) throw new Error(`n8n exited during start (${exitInfo}); log: ${logFile}\n${tail(40)}`);
			let ready = true; // every path of the role's readyPaths (./roles.ts) answers 200
			for (const readyPath of how.readyPaths) ready = ready && (await fetchOk(`${url}${readyPath}`))?.status === 200;
			if (ready) break;
			if (Date.now() > deadline) {
				killGroup('SIGKILL');
				throw new Error(`n8n not ready after ${opts.readyTimeoutMs ?? 120_000} ms; log: ${logFile}\n${tail(40)}`);
			}
			await sleep(250);
		}
		const readyMs = Date.now() - started;
		if (process.env.N8N_E2E_VERBOSE) console.log(`[n8n] ready at ${url} in ${readyMs} ms`);
		return readyMs;
	};

	const tail = (n = 40) => {
		try {
			return fs.readFileSync(logFile, 'utf8').split('\n').slice(-n).join('\n');
		} catch {
			return '';
		}
	};

	const stop = async () => {
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		killGroup('SIGTERM');
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<string>((r) => (timer = setTimeout(() => r('timeout'), 20_000)));
		const outcome = await Promise.race([exited.then(() => 'done'), timeout]);
		clearTimeout(timer);
		if (outcome === 'timeout') {
			killGroup('SIGKILL');
			await exited;
		}
		// The task runner is in the same group; make sure nothing lingers.
		killGroup('SIGKILL');
	};

	const instance: N8nInstance = {
		url,
		port: opts.port,
		userFolder,
		logFile,
		owner,
		apiKey: '',
		cookie: '',
		spec,
		legacyApi: spec.legacyApi,
		pid: () => child?.pid,
		stop: async () => {
			await stop();
			process.off('exit', onExit);
		},
		restart: async () => {
			await stop();
			await launch();
			if (role === 'main') instance.cookie = await ensureOwnerAndLogin(url, owner);
		},
		tail,
	};

	try {
		await launch();
		if (role !== 'main') return instance;
		instance.cookie = await ensureOwnerAndLogin(url, owner);
		// Reuse the key from an earlier run of this user folder (raw keys are only shown once), else make one.
		let apiKey: string | undefined;
		try {
			apiKey = JSON.parse(fs.readFileSync(keyFile, 'utf8')).apiKey;
		} catch {
			apiKey = undefined;
		}
		if (!apiKey || !(await apiKeyWorks(url, apiKey))) {
			apiKey = await createApiKey(url, instance.cookie);
			fs.writeFileSync(keyFile, JSON.stringify({ apiKey }, null, 2), { mode: 0o600 });
		}
		instance.apiKey = apiKey;
	} catch (err) {
		await instance.stop();
		throw err;
	}
	return instance;
}
