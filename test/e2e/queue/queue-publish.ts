/* eslint-disable no-console */
/**
 * Pin → Publish executed by the queue-mode WORKER (each check proves it from the worker's log):
 *  - two executions of the same 200 items at once (the worker runs both together: concurrency 5) → exactly 200 Pins;
 *    meanwhile the emulator measures how many POST /v1/pins were open at once: the in-flight cap (default 10) is
 *    kept per n8n process and credential, so two executions on one worker share it;
 *  - 1,000 items under 10 % 503 and 5 % commit-then-drop → exactly 1,000 Pins; re-running that execution → 0 new.
 */
import type { Emulator } from '../faults/fixture';
import { actionWorkflow } from '../faults/fixture';
import { nodeOutput, type N8nExecution } from '../n8n/client';
import { ranOnWorker, type QueueSuite } from './fixture';

const BATCH = 1_000;
const TWICE = 200;
/** The helper's default "Max Requests in Flight" (nodes/shared/transport/inFlight.ts DEFAULT_MAX_IN_FLIGHT). */
const CAP = 10;

const inputsOf = (tag: string, n: number) =>
	Array.from({ length: n }, (_, i) => ({
		title: `${tag} #${String(i).padStart(4, '0')}`,
		imageUrl: `https://images.example.com/queue/${tag.replace(/\W+/g, '-')}/${i}.jpg`,
	}));

async function pinsTitled(emu: Emulator, accountId: string, prefix: string) {
	return (await emu.control.pins(undefined)).filter((p) => p.pinterest_account_id === accountId && p.title.startsWith(prefix));
}

/**
 * Start `count` manual executions of one workflow at the same moment with the same input items (pinned as the
 * trigger's output, as the e2e client's runWorkflow does for one run), wait for all, restore the pin data.
 */
async function runAtOnce(suite: QueueSuite, workflowId: string, items: unknown[], count: number): Promise<N8nExecution[]> {
	const { client } = suite;
	const previous = await client.setPinData(workflowId, { Start: items.map((json) => ({ json })) });
	try {
		const started = await Promise.all(
			Array.from({ length: count }, async () => {
				const res = await client.request<{ data: { executionId?: string } }>('rest', 'POST', `/workflows/${workflowId}/run`, {
					triggerToStartFrom: { name: 'Start' },
				});
				if (!res.body.data.executionId) throw new Error(`run did not start: ${JSON.stringify(res.body)}`);
				return res.body.data.executionId;
			}),
		);
		return await Promise.all(started.map(async (id) => await client.waitForExecution(id, 600_000)));
	} finally {
		await client.setPinData(workflowId, previous, true);
	}
}

export function queuePublish(suite: QueueSuite): void {
	let workflowId = '';

	beforeAll(async () => {
		workflowId = await suite.client.importWorkflow(actionWorkflow('Queue suite: publish', suite, { resource: 'pin', operation: 'publish' }));
	});
	afterAll(async () => await suite.emu.control.clearFaults());

	it(`two executions of the same ${TWICE} items at once on one worker → exactly ${TWICE} Pins; in flight at most the one cap`, async () => {
		const { control } = suite.emu;
		await control.clearFaults();
		// Every POST /v1/pins takes 150 ms, so that requests pile up and the cap is what limits them.
		await control.addFault({ method: 'POST', path: '/v1/pins', mode: 'delay', latencyMs: 150 });
		const items = inputsOf('Twice', TWICE);
		const before = await control.counters();
		expect(before.max_in_flight_by_route['POST /v1/pins'] ?? 0).toBe(0); // nothing published before this check

		const runs = await runAtOnce(suite, workflowId, items, 2);
		await control.clearFaults();
		for (const run of runs) {
			expect([run.status, ranOnWorker(suite, run.id)]).toEqual(['success', true]);
			expect(nodeOutput(run, 'PinBridge').map((o) => o.title)).toEqual(items.map((i) => i.title));
		}
		// Both ran at the same time (else the in-flight number below says nothing about two executions).
		const [a, b] = runs.map((r) => [Date.parse(r.startedAt), Date.parse(r.stoppedAt ?? '')]);
		expect(a[0] < b[1] && b[0] < a[1]).toBe(true);

		const pins = await pinsTitled(suite.emu, suite.accountId, 'Twice #');
		const after = await control.counters();
		const maxInFlight = after.max_in_flight_by_route['POST /v1/pins'];
		console.log(
			`[queue] 2 × ${TWICE} items at once on one worker: ${pins.length} Pins, pins_created ${after.pins_created}, ` +
				`idempotent replays ${after.idempotent_replays}, POST /v1/pins ${after.requests_by_route['POST /v1/pins']}, ` +
				`at most ${maxInFlight} in flight at once (cap ${CAP} per n8n process and credential)`,
		);
		expect(pins).toHaveLength(TWICE);
		expect(after.pins_created).toBe(TWICE);
		expect(new Set(nodeOutput(runs[0], 'PinBridge').map((o) => o.id))).toEqual(new Set(pins.map((p) => p.id)));
		expect(nodeOutput(runs[1], 'PinBridge').map((o) => o.id)).toEqual(nodeOutput(runs[0], 'PinBridge').map((o) => o.id));
		// One process, one credential: the two executions share one cap of 10 (two caps would allow 20).
		expect(maxInFlight).toBe(CAP);
	}, 900_000);

	let batchExecutionId = '';
	let batchPinIds: string[] = [];

	it(`${BATCH} items on the worker under 10 % 503 and 5 % commit-then-drop → exactly ${BATCH} Pins`, async () => {
		const { control } = suite.emu;
		await control.clearFaults();
		const f503 = await control.addFault({ method: 'POST', path: '/v1/pins', status: 503, probability: 0.1 });
		const drop = await control.addFault({ method: 'POST', path: '/v1/pins', mode: 'commit-then-drop', probability: 0.05 });
		const batch = inputsOf('Queue batch', BATCH);
		const before = await control.counters();

		const started = Date.now();
		const run = await suite.client.runWorkflow(workflowId, { triggerItems: batch, timeoutMs: 900_000 });
		console.log(`[queue] ${BATCH}-item publish on the worker under faults: ${Math.round((Date.now() - started) / 1000)} s`);
		if (run.error) console.log(`[queue] the execution failed: ${JSON.stringify(run.execution.data?.resultData.error).slice(0, 3000)}`);
		expect(run.error).toBeUndefined();
		expect([run.status, ranOnWorker(suite, run.executionId)]).toEqual(['success', true]);

		const hits = Object.fromEntries((await control.faults()).map((f) => [f.id, f.hits]));
		for (const f of [f503, drop]) expect(hits[f.id]).toBeGreaterThan(10); // the faults really happened
		const pins = await pinsTitled(suite.emu, suite.accountId, 'Queue batch #');
		const after = await control.counters();
		console.log(
			`[queue] faults hit: 503 ${hits[f503.id]}, commit-then-drop ${hits[drop.id]}; ${pins.length} Pins, ` +
				`pins_created +${after.pins_created - before.pins_created}, idempotent replays +${after.idempotent_replays - before.idempotent_replays}`,
		);
		expect(pins).toHaveLength(BATCH);
		expect(after.pins_created - before.pins_created).toBe(BATCH);
		expect(new Set(pins.map((p) => p.title))).toEqual(new Set(batch.map((b) => b.title)));
		// Every dropped answer was for a Pin that was created: its retry must have been an idempotent replay.
		expect(after.idempotent_replays - before.idempotent_replays).toBeGreaterThanOrEqual(hits[drop.id]);
		const out = run.itemsOf('PinBridge');
		expect(out.map((o) => o.title)).toEqual(batch.map((b) => b.title));
		expect(new Set(out.map((o) => o.id))).toEqual(new Set(pins.map((p) => p.id)));
		batchExecutionId = run.executionId;
		batchPinIds = out.map((o) => o.id);
	}, 900_000);

	it('re-running that execution on the worker (faults still on) → 0 new Pins, the same Pins in order', async () => {
		expect(batchExecutionId).not.toBe('');
		const { control } = suite.emu;
		const before = await control.counters();
		const rerun = await suite.client.rerunExecution(batchExecutionId, { timeoutMs: 900_000 });
		await control.clearFaults();
		expect(rerun.error).toBeUndefined();
		expect([rerun.status, ranOnWorker(suite, rerun.executionId)]).toEqual(['success', true]);
		const after = await control.counters();
		console.log(`[queue] re-run: pins_created +${after.pins_created - before.pins_created}, idempotent replays +${after.idempotent_replays - before.idempotent_replays}`);
		expect(after.pins_created - before.pins_created).toBe(0);
		expect(await pinsTitled(suite.emu, suite.accountId, 'Queue batch #')).toHaveLength(BATCH);
		expect(rerun.itemsOf('PinBridge').map((o) => o.id)).toEqual(batchPinIds);
	}, 900_000);
}
