/* eslint-disable no-console */
/**
 * Pin → Publish in real n8n while the emulator misbehaves on POST /v1/pins:
 *  - 1,000 items under ~10 % 5xx (503 and 500 answered without doing anything), 5 % "commit then drop" (the Pin is
 *    created, the answer never arrives) and two 429 bursts (`retry_after_seconds: 1`) → every item published exactly
 *    once, the execution succeeds, one output per input in input order;
 *  - re-running that execution (faults still on) → 0 new Pins, the same Pins back in the same order;
 *  - an execution failed on purpose (a 402 on the 11th POST, no Continue On Fail) and then n8n's own "Retry" →
 *    exactly the intended Pins, none twice.
 */
import type { FaultSuite } from './fixture';
import { actionWorkflow, sleep } from './fixture';

const BATCH = 1_000;
const RETRY_SET = 50;
const rateLimited = { error: { code: 'rate_limited', message: 'Too many requests', retry_after_seconds: 1 } };

const inputsOf = (tag: string, n: number) =>
	Array.from({ length: n }, (_, i) => ({
		title: `${tag} #${String(i).padStart(4, '0')}`,
		imageUrl: `https://images.example.com/faults/${tag.replace(/\W+/g, '-')}/${i}.jpg`,
	}));

export function publishFaults(suite: FaultSuite): void {
	let workflowId = '';
	let batchExecutionId = '';
	let batchPinIds: string[] = [];
	const batch = inputsOf('Fault batch', BATCH);

	const pinsOfWorkspace = async () => await suite.emu.control.pins(undefined).then((all) => all.filter((p) => p.pinterest_account_id === suite.accountId));

	beforeAll(async () => {
		workflowId = await suite.client.importWorkflow(actionWorkflow('Fault suite: publish', suite, { resource: 'pin', operation: 'publish' }));
	});

	it(`publishes ${BATCH} items exactly once under 5xx, commit-then-drop and 429 bursts, outputs in input order`, async () => {
		const { control } = suite.emu;
		await control.clearFaults();
		// First matching rule wins: the opening 429 burst takes the first 40 requests, then 5xx and dropped answers.
		const burst1 = await control.addFault({ method: 'POST', path: '/v1/pins', status: 429, body: rateLimited, count: 40 });
		const f503 = await control.addFault({ method: 'POST', path: '/v1/pins', status: 503, probability: 0.05 });
		const f500 = await control.addFault({ method: 'POST', path: '/v1/pins', status: 500, probability: 0.05 });
		const drop = await control.addFault({ method: 'POST', path: '/v1/pins', mode: 'commit-then-drop', probability: 0.05 });
		// A second burst in the middle of the batch, once 400 Pins exist.
		let burst2Id = '';
		let watching = true;
		const watcher = (async () => {
			while (watching) {
				if ((await control.counters()).pins_created >= 400) {
					burst2Id = (await control.addFault({ method: 'POST', path: '/v1/pins', status: 429, body: rateLimited, count: 40 })).id;
					return;
				}
				await sleep(50);
			}
		})();

		const started = Date.now();
		let run;
		try {
			run = await suite.client.runWorkflow(workflowId, { triggerItems: batch, timeoutMs: 600_000 });
		} finally {
			watching = false;
			await watcher;
		}
		console.log(`[faults] ${BATCH}-item publish under faults: ${Math.round((Date.now() - started) / 1000)} s`);
		expect(run.error).toBeUndefined();
		expect(run.status).toBe('success');

		// The faults really happened (else this proves nothing).
		const hits = Object.fromEntries((await control.faults()).map((f) => [f.id, f.hits]));
		expect(hits[burst1.id]).toBe(40);
		expect(burst2Id).not.toBe('');
		expect(hits[burst2Id]).toBe(40);
		for (const f of [f503, f500, drop]) expect(hits[f.id]).toBeGreaterThan(10);
		console.log(`[faults] fault hits: 429 ${hits[burst1.id]}+${hits[burst2Id]}, 503 ${hits[f503.id]}, 500 ${hits[f500.id]}, commit-then-drop ${hits[drop.id]}`);

		// Exactly once at the emulator.
		const pins = await pinsOfWorkspace();
		const counters = await control.counters();
		console.log(`[faults] emulator: ${pins.length} pins, pins_created ${counters.pins_created}, idempotent replays ${counters.idempotent_replays}, POST /v1/pins ${counters.requests_by_route['POST /v1/pins']}`);
		expect(pins).toHaveLength(BATCH);
		expect(counters.pins_created).toBe(BATCH);
		expect(new Set(pins.map((p) => p.idempotency_key)).size).toBe(BATCH);
		expect(new Set(pins.map((p) => p.title)).size).toBe(BATCH);
		expect(new Set(pins.map((p) => p.title))).toEqual(new Set(batch.map((b) => b.title)));
		// Every dropped answer was for a Pin that was created; its retry must have been an idempotent replay.
		expect(counters.idempotent_replays).toBeGreaterThanOrEqual(hits[drop.id]);

		// One output per input, in input order, each the Pin made for that input.
		const out = run.itemsOf('PinBridge');
		expect(out).toHaveLength(BATCH);
		const byId = new Map(pins.map((p) => [p.id, p]));
		out.forEach((item, i) => {
			expect(item.title).toBe(batch[i].title);
			expect(byId.get(item.id)?.title).toBe(batch[i].title);
			expect(item.idempotency_key).toBe(byId.get(item.id)?.idempotency_key);
		});
		expect(new Set(out.map((o) => o.id)).size).toBe(BATCH);
		batchExecutionId = run.executionId;
		batchPinIds = out.map((o) => o.id);
	}, 600_000);

	it('re-running that execution (faults still on) creates 0 new Pins and returns the same Pins in order', async () => {
		expect(batchExecutionId).not.toBe('');
		const { control } = suite.emu;
		const before = await control.counters();
		const rerun = await suite.client.rerunExecution(batchExecutionId, { timeoutMs: 600_000 });
		expect(rerun.error).toBeUndefined();
		expect(rerun.status).toBe('success');
		expect(rerun.executionId).not.toBe(batchExecutionId);
		const after = await control.counters();
		expect(after.pins_created - before.pins_created).toBe(0);
		expect(after.idempotent_replays - before.idempotent_replays).toBeGreaterThanOrEqual(BATCH);
		expect(await pinsOfWorkspace()).toHaveLength(BATCH);
		expect(rerun.itemsOf('PinBridge').map((o) => o.id)).toEqual(batchPinIds);
		console.log(`[faults] re-run: 0 new pins, ${after.idempotent_replays - before.idempotent_replays} idempotent replays`);
	}, 600_000);

	it("n8n's Retry of a failed execution creates exactly the intended Pins, none twice", async () => {
		const { control } = suite.emu;
		await control.clearFaults();
		const set = inputsOf('Retry set', RETRY_SET);
		// The first 10 POSTs go through untouched (a zero delay), the 11th is refused with 402: the node fails the
		// execution (no Continue On Fail) after some Pins of the set already exist.
		await control.addFault({ method: 'POST', path: '/v1/pins', mode: 'delay', latencyMs: 0, count: 10 });
		const refusal = await control.addFault({
			method: 'POST',
			path: '/v1/pins',
			status: 402,
			body: { detail: { error: { code: 'quota_exceeded', message: 'Monthly Pin quota reached', upgrade_url: 'https://pinbridge.io/billing' } } },
			count: 1,
		});
		const failed = await suite.client.runWorkflow(workflowId, { triggerItems: set, timeoutMs: 300_000 });
		expect(failed.status).toBe('error');
		expect((await control.faults()).find((f) => f.id === refusal.id)?.hits).toBe(1);
		const setTitles = new Set(set.map((s) => s.title));
		const createdBeforeRetry = (await pinsOfWorkspace()).filter((p) => setTitles.has(p.title)).length;
		expect(createdBeforeRetry).toBeGreaterThanOrEqual(10);
		expect(createdBeforeRetry).toBeLessThan(RETRY_SET);
		await control.clearFaults();

		const retried = await suite.client.retryExecution(failed.executionId, { timeoutMs: 300_000 });
		expect(retried.error).toBeUndefined();
		expect(retried.status).toBe('success');
		expect(String(retried.execution.retryOf)).toBe(String(failed.executionId));

		const pins = await pinsOfWorkspace();
		const ofSet = pins.filter((p) => setTitles.has(p.title));
		expect(ofSet).toHaveLength(RETRY_SET);
		expect(new Set(ofSet.map((p) => p.idempotency_key)).size).toBe(RETRY_SET);
		expect(pins).toHaveLength(BATCH + RETRY_SET); // nothing beyond the batch and this set
		const out = retried.itemsOf('PinBridge');
		expect(out.map((o) => o.title)).toEqual(set.map((s) => s.title));
		console.log(`[faults] failed execution left ${createdBeforeRetry}/${RETRY_SET} pins; after Retry ${ofSet.length}, workspace total ${pins.length}`);
	}, 600_000);
}
