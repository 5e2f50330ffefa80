/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// The comparison table (stdout and BENCHMARKS.md). Numbers are reported side by side, never asserted.
import fs from 'node:fs';

import { CONTENDER_LABEL, caseLabel, type BulkResult, type BulkRun } from './bulk';
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

type Row = [string, string, string, string, string];

const f = (n: number | undefined, digits = 1) => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits));
const pinsPerSecond = (r: BulkRun) => r.pinsCreated / (r.executionMs / 1000);
/** 10 requests in flight (the node's default cap) × 50 ms emulator latency: the most the cap allows, Pins/s. */
export const IN_FLIGHT_CEILING = 10 * (1000 / 50);
const mark = (ok: boolean) => (ok ? 'met' : '**missed**');

function succeeded(b: BulkResult): string {
	const ok = b.runs.filter((r) => r.status === 'success').length;
	return `${ok === b.runs.length ? 'yes' : ok === 0 ? 'no' : 'partly'} (${ok}/${b.runs.length})`;
}

function bulkRows(pb: BulkResult, http: BulkResult | undefined, load: string | undefined): Row[] {
	const p = pb.median;
	const h = http?.median;
	const faulty = pb.faults503 > 0;
	const rate = pinsPerSecond(p);
	const allOk = pb.runs.every((r) => r.status === 'success');
	const maxInFlight = Math.max(...pb.runs.map((r) => r.maxInFlight));
	const rows: Row[] = [
		[`**${caseLabel(pb)}**`, '', '', '', ''],
		[
			'',
			`Wall time, median of ${pb.runs.length}`,
			`${f(p.executionMs / 1000, 2)} s`,
			h ? `${f(h.executionMs / 1000, 2)} s` : '–',
			'',
		],
		[
			'',
			'Pins/s (Pins created ÷ wall time)',
			f(rate),
			h ? f(pinsPerSecond(h)) : '–',
			`≥ ${faulty ? 80 : 90} % of the ${IN_FLIGHT_CEILING}/s in-flight ceiling: ${f((100 * rate) / IN_FLIGHT_CEILING, 0)} % ${mark(rate >= ((faulty ? 80 : 90) * IN_FLIGHT_CEILING) / 100)}`,
		],
		[
			'',
			'Most requests in flight (emulator)',
			String(maxInFlight),
			http ? String(Math.max(...http.runs.map((r) => r.maxInFlight))) : '–',
			faulty ? '' : `≤ 10: ${mark(maxInFlight <= 10)}`,
		],
		['', 'POST /v1/pins requests (median run)', String(p.pinRequests), h ? String(h.pinRequests) : '–', ''],
		[
			'',
			'n8n CPU time per item',
			`${f(p.cpuMsPerItem, 2)} ms`,
			h ? `${f(h.cpuMsPerItem, 2)} ms` : '–',
			h?.cpuMsPerItem && p.cpuMsPerItem
				? `≤ 1.0× HTTP Request: ${f(p.cpuMsPerItem / h.cpuMsPerItem, 2)}× ${mark(p.cpuMsPerItem <= h.cpuMsPerItem)}`
				: '',
		],
		['', 'Pins created (median run)', `${p.pinsCreated} / ${pb.pins}`, h ? `${h.pinsCreated} / ${pb.pins}` : '–', ''],
		[
			'',
			'Duplicates (worst run)',
			String(Math.max(...pb.runs.map((r) => r.duplicates))),
			http ? String(Math.max(...http.runs.map((r) => r.duplicates))) : '–',
			`0: ${mark(Math.max(...pb.runs.map((r) => r.duplicates)) === 0)}`,
		],
		['', 'Execution succeeded', succeeded(pb), http ? succeeded(http) : '–', faulty ? `yes: ${mark(allOk)}` : ''],
	];
	if (load) rows.push(['', 'Load average (1/5/15 min) at start', load, '', '']);
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
	const rows: Row[] = [
		[
			`**${pb.deliveries.toLocaleString('en-US')} signed deliveries, ${t.concurrency} at a time**`,
			'PinBridge Trigger vs Webhook node',
			'',
			'',
			'',
		],
		[
			'',
			'Deliveries/s (all answered)',
			f(pb.deliveriesPerSecond),
			f(wh.deliveriesPerSecond),
			`≥ 0.9× Webhook: ${f(ratio, 2)}× ${mark(ratio >= 0.9)}`,
		],
		['', 'Answers', statuses(pb), statuses(wh), ''],
		['', 'Executions started', String(pb.executionsStarted), String(wh.executionsStarted), ''],
		[
			'',
			'Until all executions finished',
			`${f(pb.allExecutedMs / 1000, 2)} s`,
			`${f(wh.allExecutedMs / 1000, 2)} s`,
			'',
		],
		['', 'n8n CPU time per delivery', `${f(pb.cpuMsPerDelivery, 2)} ms`, `${f(wh.cpuMsPerDelivery, 2)} ms`, ''],
	];
	if (load) rows.push(['', 'Load average (1/5/15 min) at start', load, '', '']);
	return rows;
}

export function tableRows(input: ReportInput): Row[] {
	const rows: Row[] = [['Case', 'Measure', 'PinBridge node (Publish, custom operation)', 'HTTP Request node', 'Target (PinBridge node)']];
	for (const pb of input.bulk.filter((b) => b.contender === 'pinbridge')) {
		const http = input.bulk.find((b) => b.contender === 'http' && b.pins === pb.pins && b.faults503 === pb.faults503);
		rows.push(...bulkRows(pb, http, input.caseLoad[caseLabel(pb)]));
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
		'| Case | Node | Run | Status | Wall time | Round trip | Pins | Dup | In flight | Requests | CPU/item |',
		'|---|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const b of input.bulk) {
		b.runs.forEach((r, i) =>
			lines.push(
				`| ${caseLabel(b)} | ${CONTENDER_LABEL[b.contender]} | ${i + 1} | ${r.status} | ${f(r.executionMs / 1000, 2)} s | ${f(r.roundTripMs / 1000, 2)} s | ${r.pinsCreated} | ${r.duplicates} | ${r.maxInFlight} | ${r.pinRequests} | ${f(r.cpuMsPerItem, 2)} ms |`,
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
- **Setup:** real n8n and the PinBridge emulator on 127.0.0.1, both started by the script; emulator latency ${input.latencyMs} ms on every API request, plan enterprise (quota never bites); 5 % 503s = emulator fault \`respond 503\` with probability 0.05 on \`POST /v1/pins\`; every run starts from a reset emulator with new Pin content and idempotency keys.
- **Whole run:** ${Math.round(input.totalSeconds)} s

How each number is taken:
- *Wall time*: the execution's own start → stop in n8n (a manual run: a Manual Trigger with the items pinned as its output, then the publishing node); median of ${input.repeat} run${input.repeat === 1 ? '' : 's'}. The raw runs below also show the round trip seen by the script (polled every 50 ms).
- *PinBridge node*: Pin → Publish (n8n runs it as the node's custom operation, \`customOperations.pin.publish\`), image URL, title and idempotency key from the item, default Retries and Pacing (max in flight 10, 8 attempts). *HTTP Request node* (v4.5): POST \`{emulator}/v1/pins\`, Header Auth credential \`X-API-Key\`, JSON body from fields \`account_id\`, \`board_id\`, \`title\`, \`image_url\`, \`idempotency_key\`; no retry, no batching (n8n's defaults).
- *Most requests in flight*: the emulator's count of \`POST /v1/pins\` requests open at once (highest over the runs).
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
