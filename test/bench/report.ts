/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// The comparison table (stdout and BENCHMARKS.md). Numbers are reported side by side, never asserted.
import fs from 'node:fs';

import { CONTENDER_LABEL, CONTENDERS, caseLabel, type BulkResult, type BulkRun, type Contender } from './bulk';
import type { MachineInfo } from './sys';
import { TRIGGER_LABEL, type TriggerRun } from './trigger';

export const NOTES_MARKER =
	'<!-- Notes below this line are written by hand and kept when `npm run bench` rewrites the file. -->';

export interface ReportInput {
	machine: MachineInfo;
	versions: { node: string; n8nNode: string; n8n: string; pkg: string };
	date: string;
	command: string;
	quick: boolean;
	repeat: number;
	latencyMs: number;
	totalSeconds: number;
	loadStart: string;
	loadEnd: string;
	bulk: BulkResult[];
	/** One load average per case label, taken as the case started. */
	caseLoad: Record<string, string>;
	/** Median runs (by deliveries/s) and every run. */
	trigger:
		| {
				pinbridgeTrigger: TriggerRun;
				webhook: TriggerRun;
				concurrency: number;
				runs: TriggerRun[];
		  }
		| undefined;
}

/**
 * Case, measure, Publish, Publish Batch, Schedule Create, Add to Queue, HTTP Request, target (Publish), target (Publish
 * Batch).
 */
type Row = [string, string, string, string, string, string, string, string, string];

const f = (n: number | undefined, digits = 1) => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits));
const pinsPerSecond = (r: BulkRun) => r.pinsCreated / (r.executionMs / 1000);
/** 10 requests in flight (the node's default cap) × 50 ms emulator latency: the most the cap allows, Pins/s. */
export const IN_FLIGHT_CEILING = 10 * (1000 / 50);
const mark = (ok: boolean) => (ok ? 'met' : '**missed**');

function succeeded(b: BulkResult): string {
	const ok = b.runs.filter((r) => r.status === 'success').length;
	return `${ok === b.runs.length ? 'yes' : ok === 0 ? 'no' : 'partly'} (${ok}/${b.runs.length})`;
}

const worst = (b: BulkResult, measure: (r: BulkRun) => number) => Math.max(...b.runs.map(measure));

/** One case's contenders (same size, same faults); a contender that did not run shows '–'. */
type CaseResults = Record<Contender, BulkResult | undefined>;

function bulkRows(results: CaseResults, load: string | undefined): Row[] {
	const pb = results.pinbridge as BulkResult;
	const { batch, schedule, queue, http } = results;
	const cells = (measure: (b: BulkResult) => string): [string, string, string, string, string] => [
		measure(pb),
		batch ? measure(batch) : '–',
		schedule ? measure(schedule) : '–',
		queue ? measure(queue) : '–',
		http ? measure(http) : '–',
	];
	const faulty = pb.faults503 > 0;
	const rate = pinsPerSecond(pb.median);
	const allOk = pb.runs.every((r) => r.status === 'success');
	const maxInFlight = worst(pb, (r) => r.maxInFlight);
	const hCpu = http?.median.cpuMsPerItem;
	const pCpu = pb.median.cpuMsPerItem;
	// Publish Batch's targets (issue #17): ≥ 1.0× the HTTP Request node's Pins/s, ≤ 10 in flight, every Pin exactly once.
	const batchRatio = batch && http ? pinsPerSecond(batch.median) / pinsPerSecond(http.median) : undefined;
	const batchOnce = batch?.runs.every((r) => r.pinsCreated === batch.pins && r.duplicates === 0);
	const rows: Row[] = [
		[`**${caseLabel(pb)}**`, '', '', '', '', '', '', '', ''],
		['', `Wall time, median of ${pb.runs.length}`, ...cells((b) => `${f(b.median.executionMs / 1000, 2)} s`), '', ''],
		[
			'',
			'Pins/s (Pins created ÷ wall time)',
			...cells((b) => f(pinsPerSecond(b.median))),
			`≥ ${faulty ? 80 : 90} % of the ${IN_FLIGHT_CEILING}/s in-flight ceiling: ${f((100 * rate) / IN_FLIGHT_CEILING, 0)} % ${mark(rate >= ((faulty ? 80 : 90) * IN_FLIGHT_CEILING) / 100)}`,
			batchRatio === undefined ? '' : `≥ 1.0× HTTP Request: ${f(batchRatio, 2)}× ${mark(batchRatio >= 1)}`,
		],
		[
			'',
			'Most requests in flight (emulator)',
			...cells((b) => String(worst(b, (r) => r.maxInFlight))),
			faulty ? '' : `≤ 10: ${mark(maxInFlight <= 10)}`,
			batch ? `≤ 10: ${mark(worst(batch, (r) => r.maxInFlight) <= 10)}` : '',
		],
		['', 'Requests on its route (median run)', ...cells((b) => String(b.median.pinRequests)), '', ''],
		['', 'GET /v1/schedules requests (median run)', ...cells((b) => String(b.median.listingRequests ?? '–')), '', ''],
		...(faulty
			? [
					[
						'',
						'Answered with an injected 503 (median run)',
						...cells((b) => String(b.median.injected503s)),
						'',
						'',
					] as Row,
				]
			: []),
		[
			'',
			'n8n CPU time per item',
			...cells((b) => `${f(b.median.cpuMsPerItem, 2)} ms`),
			hCpu && pCpu ? `≤ 1.0× HTTP Request: ${f(pCpu / hCpu, 2)}× ${mark(pCpu <= hCpu)}` : '',
			'',
		],
		[
			'',
			'Pins created (median run)',
			...cells((b) => `${b.median.pinsCreated} / ${b.pins}`),
			'',
			batch ? `each Pin exactly once, every run: ${mark(batchOnce === true)}` : '',
		],
		[
			'',
			'Duplicates (worst run)',
			...cells((b) => String(worst(b, (r) => r.duplicates))),
			`0: ${mark(worst(pb, (r) => r.duplicates) === 0)}`,
			batch ? `0: ${mark(worst(batch, (r) => r.duplicates) === 0)}` : '',
		],
		['', 'Execution succeeded', ...cells(succeeded), faulty ? `yes: ${mark(allOk)}` : '', ''],
	];
	if (load) rows.push(['', 'Load average (1/5/15 min) at start', load, '', '', '', '', '', '']);
	return rows;
}

function triggerRows(t: NonNullable<ReportInput['trigger']>, load: string | undefined): Row[] {
	const pb = t.pinbridgeTrigger;
	const wh = t.webhook;
	const ratio = pb.deliveriesPerSecond / wh.deliveriesPerSecond;
	const statuses = (r: TriggerRun) =>
		Object.entries(r.statuses)
			.map(([s, n]) => `${n}× ${s}`)
			.join(', ');
	// The PinBridge Trigger under the PinBridge node's column, n8n's Webhook node under n8n's HTTP Request node's.
	const row = (measure: string, trigger: string, webhook: string, target = ''): Row => [
		'',
		measure,
		trigger,
		'',
		'',
		'',
		webhook,
		target,
		'',
	];
	const rows: Row[] = [
		[
			`**${pb.deliveries.toLocaleString('en-US')} signed deliveries, ${t.concurrency} at a time**`,
			'PinBridge Trigger vs Webhook node',
			'',
			'',
			'',
			'',
			'',
			'',
			'',
		],
		row(
			'Deliveries/s (all answered)',
			f(pb.deliveriesPerSecond),
			f(wh.deliveriesPerSecond),
			`≥ 0.9× Webhook: ${f(ratio, 2)}× ${mark(ratio >= 0.9)}`,
		),
		row('Answers', statuses(pb), statuses(wh)),
		row('Executions started', String(pb.executionsStarted), String(wh.executionsStarted)),
		row('Until all executions finished', `${f(pb.allExecutedMs / 1000, 2)} s`, `${f(wh.allExecutedMs / 1000, 2)} s`),
		row('n8n CPU time per delivery', `${f(pb.cpuMsPerDelivery, 2)} ms`, `${f(wh.cpuMsPerDelivery, 2)} ms`),
	];
	if (load) rows.push(row('Load average (1/5/15 min) at start', load, ''));
	return rows;
}

export function tableRows(input: ReportInput): Row[] {
	const rows: Row[] = [
		[
			'Case',
			'Measure',
			CONTENDER_LABEL.pinbridge,
			CONTENDER_LABEL.batch,
			CONTENDER_LABEL.schedule,
			CONTENDER_LABEL.queue,
			CONTENDER_LABEL.http,
			'Target (Publish)',
			'Target (Publish Batch)',
		],
	];
	for (const pb of input.bulk.filter((b) => b.contender === 'pinbridge')) {
		const sameCase = (contender: Contender) =>
			input.bulk.find((b) => b.contender === contender && b.pins === pb.pins && b.faults503 === pb.faults503);
		const results = Object.fromEntries(CONTENDERS.map((c) => [c, sameCase(c)])) as CaseResults;
		rows.push(...bulkRows(results, input.caseLoad[caseLabel(pb)]));
	}
	if (input.trigger) rows.push(...triggerRows(input.trigger, input.caseLoad.trigger));
	return rows;
}

export function markdownTable(rows: Row[]): string {
	const line = (r: string[]) => `| ${r.join(' | ')} |`;
	return [line(rows[0]), line(rows[0].map(() => '---')), ...rows.slice(1).map(line)].join('\n');
}

export function textTable(rows: Row[]): string {
	const plain = rows.map((r) => r.map((c) => c.replace(/\*\*/g, '')));
	const widths = plain[0].map((_, i) => Math.max(...plain.map((r) => r[i].length)));
	return plain
		.map((r) =>
			r
				.map((c, i) => c.padEnd(widths[i]))
				.join('  ')
				.trimEnd(),
		)
		.join('\n');
}

function runsDetails(input: ReportInput): string {
	const lines = [
		'| Case | Node | Run | Status | Wall time | Round trip | Pins | Dup | In flight | Requests | 503s | CPU/item |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const b of input.bulk) {
		b.runs.forEach((r, i) =>
			lines.push(
				`| ${caseLabel(b)} | ${CONTENDER_LABEL[b.contender]} | ${i + 1} | ${r.status} | ${f(r.executionMs / 1000, 2)} s | ${f(r.roundTripMs / 1000, 2)} s | ${r.pinsCreated} | ${r.duplicates} | ${r.maxInFlight} | ${r.pinRequests} | ${r.injected503s} | ${f(r.cpuMsPerItem, 2)} ms |`,
			),
		);
	}
	if (input.trigger) {
		lines.push(
			'',
			'| Trigger run | Deliveries | Deliveries/s | Answers | Executions | All executed | CPU/delivery |',
			'|---|---|---|---|---|---|---|',
		);
		for (const r of input.trigger.runs) {
			const answers = Object.entries(r.statuses)
				.map(([st, n]) => `${n}× ${st}`)
				.join(', ');
			lines.push(
				`| ${TRIGGER_LABEL[r.contender]} | ${r.deliveries} | ${f(r.deliveriesPerSecond)} | ${answers} | ${r.executionsStarted} | ${f(r.allExecutedMs / 1000, 2)} s | ${f(r.cpuMsPerDelivery, 2)} ms |`,
			);
		}
	}
	const errors = input.bulk.flatMap((b) =>
		b.runs.filter((r) => r.error).map((r) => `- ${CONTENDER_LABEL[b.contender]}, ${caseLabel(b)}: ${r.error}`),
	);
	return [...lines, '', ...(errors.length ? ['Execution errors:', '', ...[...new Set(errors)]] : [])].join('\n');
}

export function markdown(input: ReportInput, table: string, notes: string): string {
	const m = input.machine;
	return `# Benchmarks

Generated by \`${input.command}\` — do not edit above the notes marker; run it again instead.

- **Date:** ${input.date}
- **Machine:** ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.cpuModel}, ${m.os}
- **Load average (1/5/15 min):** ${input.loadStart} at the start, ${input.loadEnd} at the end${input.quick ? ' — **quick run** (200 Pins, 1 run per case, 200 deliveries): a smoke test, not a measurement' : ''}
- **Versions:** n8n ${input.versions.n8n} on Node ${input.versions.n8nNode}; ${input.versions.pkg}; benchmark driver on Node ${input.versions.node}
- **Setup:** real n8n and the PinBridge emulator on 127.0.0.1, both started by the script; emulator latency ${input.latencyMs} ms on every API request, plan enterprise (quota never bites); 5 % 503s = emulator fault \`respond 503\` with probability 0.05 on the route each contender publishes through (\`POST /v1/pins\`; \`POST /v1/pins/batch\` for Publish Batch, whose first request also always gets a 503: at 10 requests per 1,000 Pins a 5 % draw may hit none); every run starts from a reset emulator with new Pin content and idempotency keys.
- **Whole run:** ${Math.round(input.totalSeconds)} s

How each number is taken:
- *Wall time*: the execution's own start → stop in n8n (a manual run: a Manual Trigger with the items pinned as its output, then the publishing node); median of ${input.repeat} run${input.repeat === 1 ? '' : 's'}. The raw runs below also show the round trip seen by the script (polled every 50 ms).
- *PinBridge node*: Pin → Publish (n8n runs it as the node's custom operation, \`customOperations.pin.publish\`), image URL, title and idempotency key from the item, default Retries and Pacing (max in flight 10, 8 attempts). *Publish Batch*: the same node and fields, Pin → Publish Batch (custom operation \`customOperations.pin.publishBatch\`): up to 100 Pins per \`POST /v1/pins/batch\`, same defaults. *Schedule Create*: the same node and fields, Schedule → Create (custom operation \`customOperations.schedule.create\`), one \`POST /v1/schedules\` per item, Run At a day ahead from the item; its Pins column counts schedules. *Add to Queue*: the same node and fields, Schedule → Add to Queue (custom operation \`customOperations.schedule.addToQueue\`), every day 09:00, 13:00 and 19:00 one Pin each (1,000 items fill about a year), one paged \`GET /v1/schedules\` for the whole input, then one \`POST /v1/schedules\` per item; its Pins column counts schedules. *HTTP Request node* (v4.5): POST \`{emulator}/v1/pins\`, Header Auth credential \`X-API-Key\`, JSON body from fields \`account_id\`, \`board_id\`, \`title\`, \`image_url\`, \`idempotency_key\`; no retry, no batching (n8n's defaults).
- *Most requests in flight*, *Requests on its route*: the emulator's count of requests open at once (highest over the runs), and sent, on the contender's route (\`POST /v1/pins\`, \`POST /v1/pins/batch\` for Publish Batch, \`POST /v1/schedules\` for Schedule Create and Add to Queue). *GET /v1/schedules requests*: Add to Queue's one listing of the pending schedules per run (paged by 200), plus any reconciliation look-up after a lost answer.
- *n8n CPU time per item*: utime + stime of the n8n process from \`/proc/<pid>/stat\`, after − before the run, ÷ items (median run).
- *Duplicates*: Pins at the emulator whose title and image were published more than once in one run.
- *Trigger*: ${input.trigger?.pinbridgeTrigger.deliveries ?? '–'} deliveries signed like PinBridge's (HMAC-SHA256 of the body with the secret the trigger derives from its credential, derived the same way by the bench), sent ${input.trigger?.concurrency ?? '–'} at a time to the active PinBridge Trigger workflow, then the same bytes to an active Webhook node workflow (POST, respond immediately); each workflow is trigger → No Op.

${table}

<details><summary>Every run</summary>

${runsDetails(input)}
</details>

${NOTES_MARKER}
${notes}`;
}

/** Hand-written notes after the marker in an existing BENCHMARKS.md (kept across regenerations). */
export function existingNotes(file: string): string {
	try {
		const text = fs.readFileSync(file, 'utf8');
		const at = text.indexOf(NOTES_MARKER);
		return at < 0 ? '' : text.slice(at + NOTES_MARKER.length).replace(/^\n/, '');
	} catch {
		return '';
	}
}
