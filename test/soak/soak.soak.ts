/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console */
/**
 * `npm run soak`: a year of a busy PinBridge account in real n8n (SQLite, one process) against the emulator, whose
 * clock jumps a day at a time. Each simulated day: the Publish Batch example publishes 100 Pins, the schedules example
 * creates 10 schedules that fire the next day, and every published Pin's `pin.published` delivery runs the example
 * trigger workflow (first-time check on delivery_id); 5 % of the day's deliveries are delivered again (PinBridge's
 * own bytes), and every third month n8n restarts and 5 % of that month's deliveries come again after the restart (a
 * run too short for that restarts n8n once at its end, resends 5 % of its deliveries and measures once more).
 * Weekly: the weekly report example; monthly: account analytics.
 *
 * Per simulated month (30 days) it prints n8n's CPU time per execution, its memory, its database size, failed
 * executions, duplicates (a delivery that reached the trigger workflow's last step twice) and lost events (a published
 * Pin whose delivery never did). It asserts 0 duplicates, 0 lost events, 0 failed executions, and that the last
 * month's CPU per execution and memory are within 1.2× of the first month's.
 *
 * SOAK_DAYS (default 365) shortens it. SOAK_PRIOR_DELIVERIES (default 0) writes that many delivery ids into the
 * trigger workflow's delivery table before day 1, as earlier deliveries leave them (./priorDeliveries.ts): CI runs
 * SOAK_DAYS=5 SOAK_PRIOR_DELIVERIES=10000, so every delivery of its run is checked against a table past 10,000 ids.
 * The monthly table is also written to SOAK_RESULTS (default <tmp>/pinbridge-soak-results.md). E2E_PACKAGE_DIR and
 * E2E_KEEP work as in the e2e suites.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startEmulator } from '../emulator/server';
import type { Delivery } from '../emulator/types';
import { machineInfo } from '../bench/sys';
import { ensurePackageLoaded } from '../e2e/fixture';
import { PatientClient } from '../e2e/faults/fixture';
import { sleep, waitFor, type N8nClient } from '../e2e/n8n/client';
import { freePort, startN8n, type N8nInstance } from '../e2e/n8n/instance';
import { loadExampleWorkflow } from '../e2e/n8n/workflows';
import { ensureDeliveryTable } from '../e2e/repeats/deliveryTable';
import { reportingTo, startSink, type Sink } from '../e2e/repeats/sink';
import { callWebhook } from './callWebhook';
import { cpuMs, databaseMiB, executionsAfter, rssMiB } from './metrics';
import { deliveryRowCount, fillDeliveryTable, parsePriorDeliveries, priorDeliveryIds } from './priorDeliveries';
import { dailyBatch, dailySchedules, monthlyAnalytics, SOAK_PATHS, weeklyReport } from './soakWorkflows';

const DAYS = Number(process.env.SOAK_DAYS ?? 365);
const PRIOR_DELIVERIES = parsePriorDeliveries(process.env.SOAK_PRIOR_DELIVERIES);
const MONTH_DAYS = 30;
const PINS_PER_DAY = 100;
const SCHEDULES_PER_DAY = 10;
const REPEAT_SHARE = 0.05;
const RESTART_EVERY_MONTHS = 3;
const DAY_S = 86_400;

interface Month {
	month: number;
	/** Measured after the restart at the end of a run too short for a restart every third month. */
	afterRestart: boolean;
	days: number;
	deliveries: number;
	/** Rows in the trigger workflow's delivery table (earlier deliveries' included). */
	tableRows: number;
	executions: number;
	cpuMsPerExecution: number;
	rssMiB: number;
	databaseMiB: number;
	failed: number;
	duplicates: number;
	lost: number;
	resent: number;
	seconds: number;
}

const progress = (line: string) => process.stderr.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const priorNote = PRIOR_DELIVERIES ? `, after ${PRIOR_DELIVERIES} earlier deliveries` : '';
describe(`soak: ${DAYS} simulated days of a busy account${priorNote}`, () => {
	let emu: Awaited<ReturnType<typeof startEmulator>>;
	let n8n: N8nInstance;
	let client: N8nClient;
	let sink: Sink;
	let userFolder = '';

	beforeAll(async () => {
		emu = await startEmulator({ port: 0, seed: 11, plan: 'enterprise', latencyMs: 0, publishDelayMs: 20, requestLogLimit: 2_000 });
		sink = await startSink();
		userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'pinbridge-soak-'));
		n8n = await startN8n({ port: await freePort(), userFolder, packageDir: process.env.E2E_PACKAGE_DIR || undefined });
		client = new PatientClient(n8n);
		await ensurePackageLoaded({ n8n, client }, 'soak');
	}, 300_000);

	afterAll(async () => {
		await n8n?.stop();
		await sink?.close();
		await emu?.close();
		if (process.env.E2E_KEEP) console.log(`[soak] kept ${userFolder}`);
		else if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
	});

	it('no duplicate, no lost event, no failed execution; the last month costs what the first did', async () => {
		const credential = await client.createCredential('pinBridgeSuiteApi', { baseUrl: emu.url, apiKey: emu.apiKey }, 'PinBridge (soak)');
		const targets = { credential, accountId: emu.accountId, boardId: emu.boardIds[0] };
		const table = await ensureDeliveryTable(client); // the one importWorkflow points the example at
		const priorIds = priorDeliveryIds(PRIOR_DELIVERIES);
		const filling = Date.now();
		await fillDeliveryTable(client, table, priorIds);
		expect(await deliveryRowCount(client, table)).toBe(PRIOR_DELIVERIES);
		if (PRIOR_DELIVERIES) progress(`delivery table: ${PRIOR_DELIVERIES} earlier deliveries written in ${Date.now() - filling} ms`);
		const trigger = loadExampleWorkflow('trigger-pin-published', targets);
		const triggerId = await client.importWorkflow(reportingTo(trigger, 'Record Event', sink));
		for (const workflow of [dailyBatch(targets), dailySchedules(targets), weeklyReport(targets), monthlyAnalytics(targets)]) {
			await client.activate(await client.importWorkflow(workflow));
		}
		await client.activate(triggerId);
		await waitFor(async () => (await emu.control.webhooks()).length === 1, { timeoutMs: 60_000, what: 'the webhook' });

		const deliveries = emu.emulator.store.deliveries as Map<string, Delivery>;
		const published = () => [...deliveries.values()].filter((d) => d.event === 'pin.published');
		let dbNotReady = 0;
		/**
		 * Calls a soak workflow's webhook and waits for its run to end (n8n answers 200 only when it succeeded). n8n
		 * refuses every request with 503 "Database is not ready!" while a health ping of its busy SQLite is slow: such a
		 * request did nothing, and is sent again (for up to 2 minutes), as the fault suite's client does.
		 */
		const run = async (path: string, rows?: unknown[]) => {
			const deadline = Date.now() + 120_000;
			for (;;) {
				const res = await callWebhook(`${n8n.url}/webhook/${path}`, { rows: rows ?? [] });
				const text = res.text;
				if (res.status === 200) return;
				if (res.status !== 503 || !/Database is not ready/.test(text) || Date.now() > deadline) {
					throw new Error(`soak workflow ${path} answered ${res.status}: ${text.slice(0, 300)}`);
				}
				dbNotReady++;
				await sleep(1000);
			}
		};
		const resend = async (list: Delivery[]) => {
			for (const d of list) await emu.control.resendDelivery(d.id);
			return list.length;
		};
		/** Every delivery answered and every one that started the workflow through it (or a month's worth of waiting). */
		const settled = async (timeoutMs: number) => {
			const deadline = Date.now() + timeoutMs;
			while (Date.now() < deadline) {
				const all = published();
				const pending = all.filter((d) => d.status === 'pending').length;
				const missing = all.filter((d) => !sink.seen.has(d.id)).length;
				const running = (await client.listExecutions({ status: 'running', limit: 1 })).length;
				if (pending === 0 && missing === 0 && running === 0) return;
				if (pending > 0) await emu.control.advance(60); // PinBridge's retries are due on its (fast) clock
				await sleep(2000);
			}
		};

		const months: Month[] = [];
		let lastExecutionId = 0;
		let cpuAtMonthStart = cpuMs(n8n.pid()) ?? 0;
		let monthStarted = Date.now();
		let resent = 0;
		let restarts = 0;
		let schedulesCreated = 0;
		/** What n8n did since the last look: one row of the table (printed as it is taken). */
		const measure = async (day: number, afterRestart: boolean): Promise<Month> => {
			const executions = await executionsAfter(client, lastExecutionId);
			lastExecutionId = Math.max(lastExecutionId, ...executions.map((e) => Number(e.id)));
			const cpuNow = cpuMs(n8n.pid()) ?? 0;
			const all = published();
			const month: Month = {
				month: afterRestart ? months.length : months.length + 1,
				afterRestart,
				days: day,
				deliveries: all.length,
				tableRows: await deliveryRowCount(client, table),
				executions: executions.length,
				cpuMsPerExecution: Math.round(((cpuNow - cpuAtMonthStart) / Math.max(1, executions.length)) * 10) / 10,
				rssMiB: Math.round(rssMiB(n8n.pid()) ?? 0),
				databaseMiB: Math.round(databaseMiB(userFolder) * 10) / 10,
				failed: executions.filter((e) => e.status === 'error' || e.status === 'crashed').length,
				duplicates: [...sink.seen.values()].filter((count) => count > 1).length,
				lost: all.filter((d) => !sink.seen.has(d.id)).length,
				resent,
				seconds: Math.round((Date.now() - monthStarted) / 1000),
			};
			months.push(month);
			progress(JSON.stringify(month));
			return month;
		};
		for (let day = 1; day <= DAYS; day++) {
			const before = new Set(deliveries.keys());
			const now = await emu.control.now();
			const rows = Array.from({ length: PINS_PER_DAY }, (_, i) => ({
				title: `Soak day ${day} pin ${i}`,
				image_url: `https://images.example.com/soak/${day}/${i}.jpg`,
				url: `https://shop.example.com/products/soak-${day}-${i}`,
				description: `Pin ${i} of simulated day ${day}.`,
			}));
			await run(SOAK_PATHS.batch, rows);
			const products = Array.from({ length: SCHEDULES_PER_DAY }, (_, i) => ({
				name: `Soak day ${day} scheduled ${i}`,
				image_url: `https://images.example.com/soak/${day}/scheduled-${i}.jpg`,
				url: `https://shop.example.com/products/soak-${day}-s${i}`,
				blurb: `Scheduled Pin ${i} of simulated day ${day}.`,
				run_at: new Date(now + 3 * 3600_000 + i * 600_000).toISOString(),
			}));
			await run(SOAK_PATHS.schedules, products);
			schedulesCreated += SCHEDULES_PER_DAY;
			if (day % 7 === 0) await run(SOAK_PATHS.weekly);
			if (day % MONTH_DAYS === 0) await run(SOAK_PATHS.monthly);

			await emu.control.advance(DAY_S); // the schedules fire, deferred Pins publish, retries come due
			await sleep(500);
			const today = published().filter((d) => !before.has(d.id));
			resent += await resend(today.filter((_, i) => i % Math.round(1 / REPEAT_SHARE) === 0));
			// Keep n8n at most a day's worth of deliveries behind.
			await waitFor(async () => {
				const behind = published().filter((d) => !sink.seen.has(d.id));
				if (behind.some((d) => d.status === 'pending')) await emu.control.advance(60); // retries come due
				return behind.length <= PINS_PER_DAY + SCHEDULES_PER_DAY;
			}, {
				timeoutMs: 30 * 60_000,
				intervalMs: 1000,
				what: `day ${day}'s deliveries through the trigger workflow`,
			});
			progress(`day ${day}: ${published().length} deliveries, ${sink.seen.size} through the trigger workflow`);

			if (day % MONTH_DAYS !== 0 && day !== DAYS) continue;
			await settled(20 * 60_000);
			const month = await measure(day, false);
			const all = published();

			const restartDue = month.month % RESTART_EVERY_MONTHS === 0 && day < DAYS;
			const onlyRestart = day === DAYS && restarts === 0; // a short run still sees a restart, at its end
			if (restartDue || onlyRestart) {
				await n8n.restart();
				restarts++;
				client.setCookie(n8n.cookie);
				cpuAtMonthStart = cpuMs(n8n.pid()) ?? 0;
				monthStarted = Date.now();
				// After the restart, 5 % of this month's deliveries come again (the trigger's memory is gone).
				const thisMonth = all.slice(-MONTH_DAYS * (PINS_PER_DAY + SCHEDULES_PER_DAY));
				resent += await resend(thisMonth.filter((_, i) => i % Math.round(1 / REPEAT_SHARE) === 0));
				await settled(10 * 60_000);
				if (onlyRestart) await measure(day, true);
			}
			cpuAtMonthStart = cpuMs(n8n.pid()) ?? 0;
			monthStarted = Date.now();
		}

		const schedules = [...emu.emulator.store.schedules.values()];
		const markdown = [
			'| month | days | deliveries (total) | delivery table rows | executions | n8n CPU ms / execution | n8n RSS MiB | database MiB | failed | duplicates | lost | resent (total) | wall s |',
			'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
			...months.map((m) => `| ${m.month}${m.afterRestart ? ' after restart' : ''} | ${m.days} | ${m.deliveries} | ${m.tableRows} | ${m.executions} | ${m.cpuMsPerExecution} | ${m.rssMiB} | ${m.databaseMiB} | ${m.failed} | ${m.duplicates} | ${m.lost} | ${m.resent} | ${m.seconds} |`),
		].join('\n');
		const last = months[months.length - 1];
		const attempts = published().flatMap((d) => d.attempts);
		const timedOut = attempts.filter((a) => /timeout/.test(a.error ?? '')).length;
		const machine = machineInfo();
		const summary = [
			`Soak of ${DAYS} simulated days, ${new Date().toISOString()}, n8n ${n8n.spec.version}, ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.os}`,
			`Pins: ${emu.emulator.store.pins.size}; schedules created ${schedulesCreated}, done ${schedules.filter((s) => s.status === 'done').length}; deliveries ${published().length}, resent ${resent}; n8n restarts ${restarts}; soak calls n8n refused with 503 "Database is not ready!" and sent again: ${dbNotReady}`,
			`Delivery attempts ${attempts.length} (${timedOut} unanswered within PinBridge's timeout, so retried); delivery table (the trigger workflow's first-time check): ${PRIOR_DELIVERIES} rows of earlier deliveries written before day 1, ${last.tableRows} rows at the end`,
			'',
			markdown,
		].join('\n');
		const out = process.env.SOAK_RESULTS ?? path.join(os.tmpdir(), 'pinbridge-soak-results.md');
		fs.writeFileSync(out, `${summary}\n`);
		console.log(`[soak] results in ${out}\n${summary}`);

		expect(months.map((m) => [m.month, m.failed, m.duplicates, m.lost])).toEqual(months.map((m) => [m.month, 0, 0, 0]));
		expect(schedules.filter((s) => s.status === 'done')).toHaveLength(schedulesCreated);
		expect(restarts).toBeGreaterThan(0);
		// Every delivery added its row and none was forgotten: the step that forgets rows goes by n8n's real clock
		// (older than 7 days), which a run of hours never reaches — so the table held the earlier rows all along.
		const priorSet = new Set(priorIds);
		expect(published().filter((d) => priorSet.has(d.id))).toEqual([]);
		expect(last.tableRows).toBeGreaterThanOrEqual(PRIOR_DELIVERIES + published().length);
		const monthly = months.filter((m) => !m.afterRestart);
		if (monthly.length > 1) {
			const [first, final] = [monthly[0], monthly[monthly.length - 1]];
			expect(final.cpuMsPerExecution).toBeLessThanOrEqual(first.cpuMsPerExecution * 1.2);
			expect(final.rssMiB).toBeLessThanOrEqual(first.rssMiB * 1.2);
		}
	}, 24 * 3600_000);
});
