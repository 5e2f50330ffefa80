/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
/**
 * Postgres and Redis for n8n's queue mode, from Debian's packages (`postgresql`, `redis-server`; .ci/run installs
 * them when missing), started by the test on loopback with ports the OS hands out, in throw-away folders, and
 * stopped by process id. Nothing is installed or started as a system service.
 *
 *  - Postgres: a fresh cluster (`initdb`, trust auth, loopback only, fsync off: the data is thrown away) run by
 *    the `postgres` binary itself in the foreground — as the `postgres` user when this runs as root (Postgres
 *    refuses root) — and one database for n8n.
 *  - Redis: `redis-server --port P --bind 127.0.0.1 --save ''` (in memory only).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { freePort } from '../n8n/instance';

export interface Service {
	port: number;
	/** Where its output goes. */
	logFile: string;
	stop(): Promise<void>;
}

export interface Postgres extends Service {
	database: string;
	user: string;
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** The newest Postgres in /usr/lib/postgresql/<major>/bin (Debian's layout); throws with the install command. */
export function postgresBinDir(): string {
	const root = '/usr/lib/postgresql';
	const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'bin', 'initdb'))) : [];
	if (majors.length === 0) throw new Error('Postgres is not installed: apt-get install -y postgresql (.ci/run does it)');
	return path.join(root, majors.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

export function redisServerBin(): string {
	const bin = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((b) => fs.existsSync(b));
	if (!bin) throw new Error('redis-server is not installed: apt-get install -y redis-server (.ci/run does it)');
	return bin;
}

/** uid/gid of the `postgres` system user when running as root (Postgres will not run as root), else nothing. */
function postgresIdentity(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((l) => l.startsWith('postgres:'));
	if (!line) throw new Error('running as root but there is no `postgres` user (the postgresql package creates it)');
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

/** Start `command` in its own process group, output appended to `logFile`; stop() = SIGTERM (then SIGKILL) to it. */
function startProcess(command: string, args: string[], logFile: string, options: { uid?: number; gid?: number; cwd?: string } = {}) {
	const out = fs.openSync(logFile, 'a');
	const child: ChildProcess = spawn(command, args, { ...options, detached: true, stdio: ['ignore', out, out] });
	fs.closeSync(out);
	const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
	const kill = (signal: NodeJS.Signals) => {
		try {
			if (child.pid) process.kill(-child.pid, signal);
		} catch {
			/* already gone */
		}
	};
	const onExit = () => kill('SIGKILL');
	process.on('exit', onExit);
	return {
		child,
		alive: () => child.exitCode === null && child.signalCode === null,
		stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
			if (child.exitCode === null && child.signalCode === null) {
				kill(signal);
				let timer: NodeJS.Timeout | undefined;
				const late = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timeout'), 15_000)));
				if ((await Promise.race([exited.then(() => 'done'), late])) === 'timeout') kill('SIGKILL');
				clearTimeout(timer);
				await exited;
			}
			process.off('exit', onExit);
		},
	};
}

async function waitUntil(what: string, probe: () => Promise<boolean> | boolean, alive: () => boolean, logFile: string, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	while (!(await probe())) {
		if (!alive()) throw new Error(`${what} exited during start; log ${logFile}:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
		if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs} ms; log ${logFile}`);
		await sleep(200);
	}
}

/** One line to a TCP service, its first answer line back ('' on any error). */
async function ask(port: number, line: string): Promise<string> {
	return await new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write(line));
		const done = (answer: string) => {
			socket.destroy();
			resolve(answer);
		};
		socket.setTimeout(2_000, () => done(''));
		socket.on('data', (d) => done(d.toString('utf8')));
		socket.on('error', () => done(''));
	});
}

export async function startRedis(workDir: string): Promise<Service> {
	const port = await freePort();
	const logFile = path.join(workDir, 'redis.log');
	const proc = startProcess(redisServerBin(), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], logFile, {
		cwd: workDir,
	});
	await waitUntil('redis-server', async () => (await ask(port, 'PING\r\n')).startsWith('+PONG'), proc.alive, logFile);
	return { port, logFile, stop: async () => await proc.stop() };
}

export async function startPostgres(workDir: string, database = 'n8n'): Promise<Postgres> {
	const bin = postgresBinDir();
	const as = postgresIdentity();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pinbridge-queue-pg-'));
	if (as) fs.chownSync(dataDir, as.uid, as.gid);
	const user = 'postgres';
	const init = spawnSync(path.join(bin, 'initdb'), ['-D', dataDir, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-sync'], {
		...as,
		cwd: dataDir,
		encoding: 'utf8',
	});
	if (init.status !== 0) throw new Error(`initdb failed (${init.status}): ${init.stderr || init.stdout}`);
	const port = await freePort();
	const logFile = path.join(workDir, 'postgres.log');
	fs.writeFileSync(logFile, '');
	if (as) fs.chownSync(logFile, as.uid, as.gid);
	const settings = ['listen_addresses=127.0.0.1', `unix_socket_directories=${dataDir}`, 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
	const proc = startProcess(path.join(bin, 'postgres'), ['-D', dataDir, '-p', String(port), ...settings.flatMap((s) => ['-c', s])], logFile, {
		...as,
		cwd: dataDir,
	});
	const psql = (sql: string) =>
		spawnSync(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
			encoding: 'utf8',
		});
	await waitUntil('postgres', () => psql('SELECT 1').status === 0, proc.alive, logFile);
	const created = psql(`CREATE DATABASE ${database}`);
	if (created.status !== 0) throw new Error(`CREATE DATABASE failed: ${created.stderr}`);
	return {
		port,
		logFile,
		database,
		user,
		stop: async () => {
			await proc.stop('SIGINT'); // Postgres' "fast" shutdown
			fs.rmSync(dataDir, { recursive: true, force: true });
		},
	};
}
