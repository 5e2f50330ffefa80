/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions */
// Machine facts for the report, and a process's CPU time from /proc (Linux).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

let clockTicks: number | undefined;

/** Kernel clock ticks per second (the unit of utime/stime in /proc/<pid>/stat); 100 on Linux nearly always. */
function ticksPerSecond(): number {
	if (clockTicks === undefined) {
		try {
			clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
		} catch {
			clockTicks = 100;
		}
	}
	return clockTicks;
}

/** utime + stime of one process, in ms (undefined if it is gone or /proc is missing). */
export function cpuMs(pid: number | undefined): number | undefined {
	if (!pid) return undefined;
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Fields after the command name (which may hold spaces, inside parentheses): state is field 3, utime 14, stime 15.
		const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const utime = Number(rest[11]);
		const stime = Number(rest[12]);
		return ((utime + stime) * 1000) / ticksPerSecond();
	} catch {
		return undefined;
	}
}

export function loadAverage(): string {
	return os
		.loadavg()
		.map((n) => n.toFixed(2))
		.join(' / ');
}

export interface MachineInfo {
	cores: number;
	memoryGiB: string;
	cpuModel: string;
	os: string;
}

export function machineInfo(): MachineInfo {
	const cpus = os.cpus();
	return {
		cores: cpus.length,
		memoryGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
		cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
		os: `${os.type()} ${os.release()} ${os.arch()}`,
	};
}

/** `node --version` of the Node binary n8n runs on. */
export function nodeVersionOf(nodeBin: string): string {
	try {
		return execFileSync(nodeBin, ['--version'], { encoding: 'utf8' }).trim();
	} catch {
		return 'unknown';
	}
}

export const median = (values: number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)];
};

export const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));
