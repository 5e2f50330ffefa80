/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console */
/**
 * `npm run bench -- --profile [--only trigger]`: n8n runs with `--cpu-prof`; one PinBridge bulk case (or the
 * deliveries to the PinBridge Trigger, then the same to the plain Webhook node) is run, n8n is stopped (which
 * writes the .cpuprofile), and the samples taken DURING that case only are summed by self time: per package and
 * per function. Where the execution's time goes that is not CPU (waiting on the emulator, on the in-flight cap) is
 * the wall time minus the CPU time, shown beside it.
 */
import fs from 'node:fs';
import path from 'node:path';

import { REPO_DIR, type N8nInstance } from '../e2e/n8n/instance';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	samples: number[];
	timeDeltas: number[];
}

function bucketOf(url: string, fn: string): string {
	if (!url) return fn.startsWith('(') ? fn : '(native / builtin)';
	if (url.startsWith('node:')) return 'Node.js internals';
	// This package is loaded through <userFolder>/.n8n/nodes/node_modules/<name> (a symlink to the repo's dist/).
	if (/\/\.n8n\/nodes\/node_modules\/n8n-nodes-pinbridge-suite\//.test(url) || url.includes(`${REPO_DIR}/dist/`)) {
		return 'this package (dist/)';
	}
	// The innermost package (a dependency of n8n-core is listed as itself).
	const packages = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
	if (packages.length) return packages[packages.length - 1][1];
	return url;
}

/** Self time (ms) per bucket and per function for the samples between two CLOCK_MONOTONIC instants (µs). */
export function summarize(profile: CpuProfile, fromUs: number, toUs: number) {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const buckets = new Map<string, number>();
	const functions = new Map<string, number>();
	let t = profile.startTime;
	let totalUs = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		t += profile.timeDeltas[i];
		const dt = profile.timeDeltas[i + 1] ?? 0;
		if (t < fromUs || t > toUs) continue;
		const node = byId.get(profile.samples[i]);
		if (!node) continue;
		const { functionName, url, lineNumber } = node.callFrame;
		const bucket = bucketOf(url, functionName || '(anonymous)');
		buckets.set(bucket, (buckets.get(bucket) ?? 0) + dt);
		const fn =
			`${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*node_modules\//, '')}:${lineNumber + 1}` : ''}`.trim();
		functions.set(fn, (functions.get(fn) ?? 0) + dt);
		totalUs += dt;
	}
	const top = (m: Map<string, number>, n: number) =>
		[...m.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, n)
			.map(([name, us]) => ({
				name,
				ms: us / 1000,
				share: totalUs ? us / totalUs : 0,
			}));
	return {
		totalMs: totalUs / 1000,
		buckets: top(buckets, 20),
		functions: top(functions, 30),
	};
}

/**
 * Run each of `works` in turn (each returns a one-line description of what it measured), stop n8n, and print where
 * n8n's CPU time went during each one's window (one profile, so the windows compare directly).
 */
export async function profileWork(opts: {
	n8n: N8nInstance;
	profileDir: string;
	log: (line: string) => void;
	works: Array<() => Promise<string>>;
}): Promise<void> {
	const { n8n, profileDir, log } = opts;
	const pid = n8n.pid();
	const windows: Array<{ what: string; from: number; to: number }> = [];
	for (const work of opts.works) {
		const from = Number(process.hrtime.bigint() / 1000n);
		const what = await work();
		windows.push({ what, from, to: Number(process.hrtime.bigint() / 1000n) });
		log(`profiled: ${what}`);
	}
	await n8n.stop(); // --cpu-prof writes the profile as n8n exits
	const files = fs.existsSync(profileDir) ? fs.readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')) : [];
	const mine = files.find((f) => f.includes(`.${pid}.`)) ?? files[0];
	if (!mine) {
		log(`no .cpuprofile in ${profileDir} (n8n did not exit cleanly?)`);
		return;
	}
	const profile = JSON.parse(fs.readFileSync(path.join(profileDir, mine), 'utf8')) as CpuProfile;
	for (const { what, from, to } of windows) {
		const summary = summarize(profile, from, to);
		const wallMs = (to - from) / 1000;
		console.log(`\n=== ${what}`);
		log(
			`profile ${path.join(profileDir, mine)}: ${summary.totalMs.toFixed(0)} ms sampled in the ${wallMs.toFixed(0)} ms window (incl. set-up and read-back)`,
		);
		console.log('\nSelf time by package:');
		for (const b of summary.buckets)
			console.log(`  ${b.ms.toFixed(0).padStart(7)} ms  ${(b.share * 100).toFixed(1).padStart(5)} %  ${b.name}`);
		console.log('\nSelf time by function:');
		for (const f of summary.functions)
			console.log(`  ${f.ms.toFixed(0).padStart(7)} ms  ${(f.share * 100).toFixed(1).padStart(5)} %  ${f.name}`);
	}
}
