/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @n8n/community-nodes/no-dangerous-functions */
/**
 * npm run bench [-- --quick] [-- --out FILE] [-- --no-build] [-- --profile]
 *
 * Starts the PinBridge emulator (50 ms latency, plan enterprise) and a real n8n with this package, then measures
 * bulk publishing through the PinBridge node (Publish, Publish Batch, Schedule Create, Add to Queue) vs n8n's HTTP Request node (200 and 1,000
 * Pins, no faults and 5 % 503s, median of 3 runs) and signed deliveries to the PinBridge Trigger vs a plain Webhook node. Writes BENCHMARKS.md
 * (hand-written notes after its marker are kept) and prints the table. Nothing is asserted.
 *   --quick    200 Pins only, 1 run per case, 200 deliveries; writes to the temp folder unless --out is given.
 *   --profile  run n8n with --cpu-prof for one PinBridge case and print where its CPU time went (see profile.ts).
 *   --pins N   bulk cases of N items only (e.g. 1000).
 *   --only bulk|trigger   run one half only.   --keep   keep n8n's user folder (log, DB) in the temp folder.
 *   --lazy-isolates  start n8n with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (see BENCHMARKS.md, trigger).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { N8nClient } from '../e2e/n8n/client';
import { N8N_VERSION, installN8n, installPaths } from '../e2e/n8n/install';
import { REPO_DIR, freePort, startN8n, type N8nInstance } from '../e2e/n8n/instance';
import { startEmulator, type StartedEmulator } from '../emulator/server';
import {
	CONTENDERS,
	caseLabel,
	httpWorkflow,
	pinbridgeWorkflow,
	runBulkCase,
	runBulkOnce,
	type BulkCase,
	type BulkResult,
} from './bulk';
import { profileWork } from './profile';
import { existingNotes, markdown, markdownTable, tableRows, textTable, type ReportInput } from './report';
import { loadAverage, machineInfo, median, nodeVersionOf } from './sys';
import { prepareTriggerTargets, runTriggerOnce, TRIGGER_LABEL, type TriggerRun } from './trigger';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => {
	const i = argv.indexOf(`--${name}`);
	return i >= 0 ? argv[i + 1] : undefined;
};

const QUICK = flag('quick');
const LATENCY_MS = 50;
const REPEAT = QUICK ? 1 : 3;
const SIZES = option('pins') ? [Number(option('pins'))] : QUICK ? [200] : [200, 1000];
const DELIVERIES = QUICK ? 200 : 1000;
/** One trigger run per contender: 1,000 deliveries each already take minutes on a loaded machine. */
const TRIGGER_REPEAT = 1;
const CONCURRENCY = 10;
const ONLY = option('only');
const DEADLINE_MS = 40 * 60_000; // a hard stop far above the ~10 minutes a full run takes

const log = (line: string) => console.log(`[bench] ${line}`);
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_DIR, 'package.json'), 'utf8')) as {
	name: string;
	version: string;
	scripts: Record<string, string>;
};

function build(): void {
	if (flag('no-build') || process.env.BENCH_SKIP_BUILD === '1') {
		if (!fs.existsSync(path.join(REPO_DIR, 'dist', 'nodes')))
			throw new Error('dist/ is missing: run without --no-build');
		return;
	}
	const started = Date.now();
	const res = spawnSync('npm', ['run', 'build'], {
		cwd: REPO_DIR,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	if (res.status !== 0) throw new Error(`npm run build failed (exit ${res.status}); run it to see why`);
	log(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
	const begun = Date.now();
	const loadStart = loadAverage();
	log(`${QUICK ? 'quick' : 'full'} run; load average ${loadStart}; ${os.cpus().length} cores`);
	await installN8n();
	build();

	let emu: StartedEmulator | undefined;
	let n8n: N8nInstance | undefined;
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'pinbridge-bench-'));
	const cleanup = async () => {
		await n8n?.stop();
		await emu?.close();
	};
	const onSignal = () => {
		log('interrupted: stopping n8n and the emulator');
		void cleanup().finally(() => process.exit(130));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	const deadline = setTimeout(() => {
		console.error(`[bench] still running after ${DEADLINE_MS / 60_000} min: giving up`);
		onSignal();
	}, DEADLINE_MS);
	deadline.unref();

	let failed = true;
	try {
		emu = await startEmulator({
			port: 0,
			clock: 'real',
			latencyMs: LATENCY_MS,
			plan: 'enterprise',
			seed: 1,
			requestLogLimit: 2000,
		});
		const profiling = flag('profile');
		const profileDir = path.join(userFolder, 'cpu-profiles');
		// --lazy-isolates: n8n's own setting N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (a webhook call that evaluates no
		// expression then builds no isolate; n8n 2.41 otherwise builds one per call for every trigger but its Webhook node).
		const env: Record<string, string> = {
			...(profiling ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}),
			...(flag('lazy-isolates') ? { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' } : {}),
		};
		if (flag('lazy-isolates')) log('n8n with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true');
		const startedN8n = Date.now();
		n8n = await startN8n({ port: await freePort(), userFolder, env });
		log(
			`n8n ${N8N_VERSION} ready at ${n8n.url} in ${((Date.now() - startedN8n) / 1000).toFixed(1)} s (log: ${n8n.logFile}); emulator at ${emu.url}`,
		);
		const client = new N8nClient(n8n);
		const pinbridgeCredential = await client.createCredential(
			'pinBridgeSuiteApi',
			{ baseUrl: emu.url, apiKey: emu.apiKey },
			'PinBridge (bench)',
		);
		const headerCredential = await client.createCredential(
			'httpHeaderAuth',
			{ name: 'X-API-Key', value: emu.apiKey },
			'PinBridge header auth (bench)',
		);
		const targets = { emu, pinbridgeCredential, headerCredential };
		const workflows = {
			pinbridge: await client.importWorkflow(pinbridgeWorkflow(targets)),
			batch: await client.importWorkflow(pinbridgeWorkflow(targets, 'publishBatch')),
			schedule: await client.importWorkflow(pinbridgeWorkflow(targets, 'schedule')),
			queue: await client.importWorkflow(pinbridgeWorkflow(targets, 'queue')),
			http: await client.importWorkflow(httpWorkflow(targets)),
		};
		const pid = () => n8n?.pid();

		// Warm-up (not reported): loads the nodes, JITs the paths, opens the connections.
		for (const contender of CONTENDERS) {
			const warm = await runBulkOnce(
				client,
				emu,
				pid,
				workflows[contender],
				{ contender, pins: 20, faults503: 0 },
				`warmup-${contender}-${Date.now()}`,
			);
			if (warm.status !== 'success' || warm.pinsCreated !== 20) {
				throw new Error(
					`warm-up of the ${contender} workflow failed: ${warm.status}, ${warm.pinsCreated} Pins, ${warm.error ?? ''}`,
				);
			}
		}

		if (profiling) {
			const pins = QUICK ? 200 : 1000;
			let works: Array<() => Promise<string>>;
			if (ONLY === 'trigger') {
				await emu.control.reset();
				const targets = await prepareTriggerTargets(client, emu, n8n.url, pinbridgeCredential);
				// Both contenders in one n8n, one after the other, each in its own window of the same profile.
				works = targets.map((target) => async () => {
					const r = await runTriggerOnce(
						client,
						emu!,
						pid,
						target,
						DELIVERIES,
						CONCURRENCY,
						`profile-${target.contender}-${Date.now()}`,
					);
					return `${DELIVERIES} deliveries to the ${TRIGGER_LABEL[target.contender]}: ${r.deliveriesPerSecond.toFixed(1)}/s, ${r.executionsStarted} executions, ${r.cpuMsPerDelivery?.toFixed(2)} ms CPU/delivery`;
				});
			} else {
				works = [
					async () => {
						const c = { contender: 'pinbridge' as const, pins, faults503: 0 };
						const r = await runBulkOnce(client, emu!, pid, workflows.pinbridge, c, `profile-${Date.now()}`);
						return `${pins} Pins with the PinBridge node: ${r.status}, ${(r.executionMs / 1000).toFixed(2)} s, ${r.pinsCreated} Pins, ${r.maxInFlight} in flight, ${r.cpuMsPerItem?.toFixed(2)} ms CPU/item`;
					},
				];
			}
			await profileWork({ n8n, profileDir, log, works });
			failed = false;
			return;
		}

		const bulk: BulkResult[] = [];
		const caseLoad: Record<string, string> = {};
		for (const pins of ONLY === 'trigger' ? [] : SIZES) {
			for (const faults503 of [0, 0.05]) {
				const label = caseLabel({ contender: 'pinbridge', pins, faults503 });
				caseLoad[label] = loadAverage();
				log(`${label} (load ${caseLoad[label]})`);
				for (const contender of CONTENDERS) {
					const c: BulkCase = { contender, pins, faults503 };
					bulk.push(await runBulkCase(client, emu, pid, workflows[contender], c, REPEAT, log));
				}
			}
		}

		const triggerRuns: TriggerRun[] = [];
		if (ONLY !== 'bulk') {
			caseLoad.trigger = loadAverage();
			log(`${DELIVERIES} signed deliveries, ${CONCURRENCY} at a time (load ${caseLoad.trigger})`);
			// A clean emulator: Pins left from the bulk runs are still being published (paced), and each would send a real
			// pin.published delivery to the trigger once its webhook exists.
			await emu.control.reset();
			const triggerTargets = await prepareTriggerTargets(client, emu, n8n.url, pinbridgeCredential);
			for (const target of triggerTargets)
				await runTriggerOnce(client, emu, pid, target, 20, CONCURRENCY, `warmup-${Date.now()}`);
			for (let i = 0; i < TRIGGER_REPEAT; i++) {
				for (const target of triggerTargets) {
					const run = await runTriggerOnce(
						client,
						emu,
						pid,
						target,
						DELIVERIES,
						CONCURRENCY,
						`${target.contender}-${Date.now().toString(36)}-${i}`,
					);
					triggerRuns.push(run);
					const answers = Object.entries(run.statuses)
						.map(([s, n]) => `${n}× ${s}`)
						.join(', ');
					log(
						`  ${TRIGGER_LABEL[run.contender].padEnd(17)} run ${i + 1}/${TRIGGER_REPEAT}: ${run.deliveriesPerSecond.toFixed(1)} deliveries/s (${answers}), ` +
							`${run.executionsStarted} executions, all done in ${(run.allExecutedMs / 1000).toFixed(2)} s, ${run.cpuMsPerDelivery?.toFixed(2) ?? '?'} ms CPU/delivery`,
					);
				}
			}
		}
		const medianRun = (contender: TriggerRun['contender']) => {
			const runs = triggerRuns.filter((r) => r.contender === contender);
			const mid = median(runs.map((r) => r.deliveriesPerSecond));
			return runs.find((r) => r.deliveriesPerSecond === mid) ?? runs[0];
		};

		const input: ReportInput = {
			machine: machineInfo(),
			versions: {
				node: process.version,
				n8nNode: nodeVersionOf(installPaths().nodeBin),
				n8n: N8N_VERSION,
				pkg: `${pkg.name} ${pkg.version} (git ${gitRevision()})`,
			},
			date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
			command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
			quick: QUICK,
			repeat: REPEAT,
			latencyMs: LATENCY_MS,
			totalSeconds: (Date.now() - begun) / 1000,
			loadStart,
			loadEnd: loadAverage(),
			bulk,
			caseLoad,
			trigger: triggerRuns.length
				? {
						pinbridgeTrigger: medianRun('pinbridgeTrigger'),
						webhook: medianRun('webhook'),
						concurrency: CONCURRENCY,
						runs: triggerRuns,
					}
				: undefined,
		};
		const rows = tableRows(input);
		console.log(`\n${textTable(rows)}\n`);
		const out = path.resolve(
			option('out') ?? (QUICK ? path.join(os.tmpdir(), 'BENCHMARKS.quick.md') : path.join(REPO_DIR, 'BENCHMARKS.md')),
		);
		fs.writeFileSync(out, markdown(input, markdownTable(rows), existingNotes(out)));
		failed = false;
		log(`wrote ${out} in ${Math.round(input.totalSeconds)} s in all; load average now ${input.loadEnd}`);
	} finally {
		clearTimeout(deadline);
		await cleanup();
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
		if (failed || flag('keep') || flag('profile')) log(`kept n8n's user folder ${userFolder}`);
		else fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

function gitRevision(): string {
	const res = spawnSync('git', ['describe', '--always', '--dirty'], {
		cwd: REPO_DIR,
		encoding: 'utf8',
	});
	return res.status === 0 ? res.stdout.trim() : 'unknown';
}

main().catch((err: unknown) => {
	console.error('[bench] failed:', err instanceof Error ? (err.stack ?? err.message) : err);
	process.exitCode = 1;
});
