/* eslint-disable @typescript-eslint/no-explicit-any */
// Bulk publish through the PinBridge node (Publish, Publish Batch, Schedule Create: a schedule per item at a run_at
// computed beforehand, and Schedule Add to Queue: a schedule per item at the next free slot of a plan) and through
// n8n's HTTP Request node, in a real n8n, against the emulator.
import type { N8nClient, N8nExecution, WorkflowJson } from '../e2e/n8n/client';
import type { StartedEmulator } from '../emulator/server';
import { cpuMs, median, sleep } from './sys';

export type Contender = 'pinbridge' | 'batch' | 'schedule' | 'queue' | 'http';

/** Every contender, in the order the bench runs them within a case (and the report's columns). */
export const CONTENDERS: readonly Contender[] = ['pinbridge', 'batch', 'schedule', 'queue', 'http'];

export const CONTENDER_LABEL: Record<Contender, string> = {
	pinbridge: 'PinBridge node (Publish, custom operation)',
	batch: 'PinBridge node (Publish Batch, ≤ 100 Pins a request)',
	schedule: 'PinBridge node (Schedule Create, custom operation)',
	queue: 'PinBridge node (Schedule Add to Queue, 3 a day)',
	http: 'HTTP Request node',
};

/** The API route a contender publishes through: faults are injected there, in-flight and requests counted there. */
export const PIN_ROUTE: Record<Contender, { method: 'POST'; path: string }> = {
	pinbridge: { method: 'POST', path: '/v1/pins' },
	batch: { method: 'POST', path: '/v1/pins/batch' },
	schedule: { method: 'POST', path: '/v1/schedules' },
	queue: { method: 'POST', path: '/v1/schedules' },
	http: { method: 'POST', path: '/v1/pins' },
};
export const routeKey = (c: Contender) => `${PIN_ROUTE[c].method} ${PIN_ROUTE[c].path}`;

const TRIGGER = 'Manual Trigger';
const PUBLISH = 'Publish';
const FINAL = ['success', 'error', 'crashed', 'canceled'];

export interface BulkTargets {
	emu: StartedEmulator;
	/** n8n credential ids: PinBridge API key credential, and an httpHeaderAuth credential with X-API-Key. */
	pinbridgeCredential: { id: string; name: string };
	headerCredential: { id: string; name: string };
}

const manualTrigger = {
	name: TRIGGER,
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

function workflow(name: string, publishNode: WorkflowJson['nodes'][number]): WorkflowJson {
	return {
		name,
		nodes: [manualTrigger, publishNode],
		connections: {
			[TRIGGER]: { main: [[{ node: PUBLISH, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/**
 * The PinBridge node with its defaults (Retries and Pacing untouched); the item's idempotency key is passed on.
 * `operation`: 'publish' (one request per Pin), 'publishBatch' (up to 100 Pins per POST /v1/pins/batch) or
 * 'schedule' (Schedule → Create, one schedule per item at the item's run_at; schedules take no idempotency key) or
 * 'queue' (Schedule → Add to Queue: every day 09:00, 13:00 and 19:00, one Pin per time; the items' run_at unused).
 */
export function pinbridgeWorkflow(
	t: BulkTargets,
	operation: 'publish' | 'publishBatch' | 'schedule' | 'queue' = 'publish',
): WorkflowJson {
	const content = {
		account: { __rl: true, mode: 'id', value: t.emu.accountId },
		board: { __rl: true, mode: 'id', value: t.emu.boardIds[0] },
		mediaSource: 'imageUrl',
		imageUrl: '={{ $json.image_url }}',
		title: '={{ $json.title }}',
	};
	const everyDay = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
	const what =
		operation === 'schedule'
			? { resource: 'schedule', operation: 'create', runAt: '={{ $json.run_at }}' }
			: operation === 'queue'
				? {
						resource: 'schedule',
						operation: 'addToQueue',
						postingTimes: { slot: [{ days: everyDay, times: '09:00, 13:00, 19:00' }] },
						pinsPerSlot: 1,
					}
				: { resource: 'pin', operation, publishOptions: { idempotencyKey: '={{ $json.idempotency_key }}' } };
	return workflow(`bench: ${operation} with the PinBridge node`, {
		name: PUBLISH,
		type: 'n8n-nodes-pinbridge-suite.pinBridgeSuite',
		typeVersion: 1,
		position: [260, 0],
		parameters: { authentication: 'apiKey', ...what, ...content },
		credentials: { pinBridgeSuiteApi: t.pinbridgeCredential },
	});
}

/** n8n's HTTP Request node as a user sets it up: POST, header auth credential, JSON body from fields, no extras. */
export function httpWorkflow(t: BulkTargets): WorkflowJson {
	const field = (name: string, value: string) => ({ name, value });
	return workflow('bench: publish with the HTTP Request node', {
		name: PUBLISH,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.5, // the version n8n 2.41 adds today
		position: [260, 0],
		parameters: {
			method: 'POST',
			url: `${t.emu.url}/v1/pins`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendBody: true,
			contentType: 'json',
			specifyBody: 'keypair',
			bodyParameters: {
				parameters: [
					field('account_id', t.emu.accountId),
					field('board_id', t.emu.boardIds[0]),
					field('title', '={{ $json.title }}'),
					field('image_url', '={{ $json.image_url }}'),
					field('idempotency_key', '={{ $json.idempotency_key }}'),
				],
			},
			options: {},
		},
		credentials: { httpHeaderAuth: t.headerCredential },
	});
}

export interface BulkCase {
	contender: Contender;
	pins: number;
	/** Probability of an injected 503 on the contender's route (PIN_ROUTE; 0 = no faults). */
	faults503: number;
}

export interface BulkRun {
	/** n8n's own start → stop of the execution, ms. */
	executionMs: number;
	/** From our POST …/run until we saw the execution finished (polled every 50 ms), ms. */
	roundTripMs: number;
	status: string;
	error?: string;
	outputItems: number;
	/** Pins created (Schedule Create: schedules created). */
	pinsCreated: number;
	duplicates: number;
	/** Most requests open at once, and requests sent, on the contender's route (PIN_ROUTE), counted by the emulator. */
	maxInFlight: number;
	pinRequests: number;
	/** GET /v1/schedules requests (Add to Queue's one listing per run; reconciliation look-ups after lost answers). */
	listingRequests: number;
	/** Of those requests, how many the emulator answered with an injected 503. */
	injected503s: number;
	cpuMsPerItem?: number;
}

export interface BulkResult extends BulkCase {
	runs: BulkRun[];
	/** The run with the median execution time. */
	median: BulkRun;
}

export const caseLabel = (c: BulkCase) =>
	`Bulk publish ${c.pins.toLocaleString('en-US')} Pins, ${c.faults503 > 0 ? `${Math.round(c.faults503 * 100)} % 503s` : 'no faults'}`;

async function waitFinished(client: N8nClient, id: string, timeoutMs: number): Promise<N8nExecution> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			const ex = await client.getExecution(id, false);
			if (FINAL.includes(ex.status) || (ex.finished && ex.stoppedAt)) return ex;
		} catch {
			/* not readable yet */
		}
		if (Date.now() > deadline) throw new Error(`execution ${id} not finished after ${timeoutMs} ms`);
		await sleep(50);
	}
}

/** Same title or same image published (or scheduled) more than once (the content of a bench item is unique per run). */
function countDuplicates(pins: Array<Record<string, any>>): number {
	const seen = new Set<string>();
	let duplicates = 0;
	for (const created of pins) {
		const pin = created.payload ?? created; // a schedule keeps its Pin's content in `payload`
		const key = `${pin.title}\u0000${pin.image_url ?? pin.media_url ?? ''}`;
		if (seen.has(key)) duplicates++;
		else seen.add(key);
	}
	return duplicates;
}

/** One run: fresh emulator state (and fresh content), the items pinned on the trigger, run, measure. */
export async function runBulkOnce(
	client: N8nClient,
	emu: StartedEmulator,
	n8nPid: () => number | undefined,
	workflowId: string,
	c: BulkCase,
	tag: string,
): Promise<BulkRun> {
	await emu.control.reset();
	if (c.faults503 > 0) {
		// Publish Batch sends 1,000 Pins in 10 requests: a 5 % draw may hit none of them (and the emulator's seed makes
		// every run draw alike), so its first request always gets a 503 as well — the retry is what this case is for.
		if (c.contender === 'batch')
			await emu.control.addFault({ ...PIN_ROUTE.batch, status: 503, count: 1, mode: 'respond' });
		await emu.control.addFault({
			...PIN_ROUTE[c.contender],
			status: 503,
			probability: c.faults503,
			mode: 'respond',
		});
	}
	const items = Array.from({ length: c.pins }, (_, i) => ({
		json: {
			title: `Bench ${tag} #${i + 1}`,
			image_url: `https://images.example.com/bench/${tag}/${i + 1}.jpg`,
			idempotency_key: `bench-${tag}-${i + 1}`,
			run_at: new Date(Date.now() + 24 * 3600_000).toISOString(),
		},
	}));
	await client.setPinData(workflowId, { [TRIGGER]: items }, true);

	const cpuBefore = cpuMs(n8nPid());
	const started = Date.now();
	const answer = await client.request<{ data?: { executionId?: string } }>(
		'rest',
		'POST',
		`/workflows/${workflowId}/run`,
		{
			triggerToStartFrom: { name: TRIGGER },
		},
	);
	const executionId = answer.body?.data?.executionId;
	if (!executionId) throw new Error(`run of ${workflowId} did not start: ${JSON.stringify(answer.body)}`);
	const finished = await waitFinished(client, executionId, 15 * 60_000);
	const roundTripMs = Date.now() - started;
	const cpuAfter = cpuMs(n8nPid());

	const counters = await emu.control.counters();
	const routeLog = await emu.control.requests(PIN_ROUTE[c.contender]);
	const created = PIN_ROUTE[c.contender].path === '/v1/schedules' ? emu.control.schedules() : emu.control.pins();
	const pins = (await created) as unknown as Array<Record<string, any>>;
	const full = await client.getExecution(executionId, true);
	const runs = full.data?.resultData?.runData?.[PUBLISH] ?? [];
	const output = runs.length ? (runs[runs.length - 1].data?.main?.[0] ?? []) : [];
	const err = full.data?.resultData?.error;
	return {
		executionMs: new Date(finished.stoppedAt ?? Date.now()).getTime() - new Date(finished.startedAt).getTime(),
		roundTripMs,
		status: finished.status,
		error: err ? String(err.message ?? '').slice(0, 200) : undefined,
		outputItems: output.length,
		pinsCreated: pins.length,
		duplicates: countDuplicates(pins),
		maxInFlight: counters.max_in_flight_by_route?.[routeKey(c.contender)] ?? 0,
		pinRequests: counters.requests_by_route?.[routeKey(c.contender)] ?? 0,
		listingRequests: counters.requests_by_route?.['GET /v1/schedules'] ?? 0,
		injected503s: routeLog.filter((r) => r.fault_id !== null).length,
		cpuMsPerItem: cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / c.pins : undefined,
	};
}

export async function runBulkCase(
	client: N8nClient,
	emu: StartedEmulator,
	n8nPid: () => number | undefined,
	workflowId: string,
	c: BulkCase,
	repeat: number,
	log: (line: string) => void,
): Promise<BulkResult> {
	const runs: BulkRun[] = [];
	for (let i = 0; i < repeat; i++) {
		const tag = `${c.contender}-${c.pins}-${Math.round(c.faults503 * 100)}-${Date.now().toString(36)}-${i}`;
		const run = await runBulkOnce(client, emu, n8nPid, workflowId, c, tag);
		runs.push(run);
		log(
			`  ${CONTENDER_LABEL[c.contender].padEnd(17)} run ${i + 1}/${repeat}: ${run.status.padEnd(7)} ` +
				`${(run.executionMs / 1000).toFixed(2)} s (round trip ${(run.roundTripMs / 1000).toFixed(2)} s), ` +
				`${run.pinsCreated} Pins, ${run.duplicates} dup, ${run.maxInFlight} in flight, ${run.pinRequests} requests (${run.injected503s} × 503), ` +
				`${run.cpuMsPerItem?.toFixed(2) ?? '?'} ms CPU/item${run.error ? ` — ${run.error}` : ''}`,
		);
	}
	const mid = median(runs.map((r) => r.executionMs));
	return {
		...c,
		runs,
		median: runs.find((r) => r.executionMs === mid) ?? runs[0],
	};
}
