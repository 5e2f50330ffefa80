/* eslint-disable no-console */
/**
 * Schedule → Create in real n8n with 10 % ambiguous failures on POST /v1/schedules: 5 % "commit then drop" (the
 * schedule is made, the answer is lost) and 5 % 503. PinBridge has no idempotency key for schedules, so only the
 * node's reconcile-before-resend keeps this at exactly one schedule per item.
 */
import type { FaultSuite } from './fixture';
import { actionWorkflow } from './fixture';

const ITEMS = 100;

export function scheduleFaults(suite: FaultSuite): void {
	it(`creates exactly ${ITEMS} schedules under 10 % ambiguous failures, each output item its own schedule`, async () => {
		const { control } = suite.emu;
		const workflowId = await suite.client.importWorkflow(
			actionWorkflow('Fault suite: schedules', suite, { resource: 'schedule', operation: 'create' }),
		);
		// A week ahead (never fires during the suite), one minute apart, each with its own title.
		const base = Math.ceil((await control.now()) / 60_000) * 60_000 + 7 * 24 * 3600_000;
		const inputs = Array.from({ length: ITEMS }, (_, i) => ({
			title: `Scheduled under faults #${String(i).padStart(3, '0')}`,
			imageUrl: `https://images.example.com/faults/schedule/${i}.jpg`,
			runAt: new Date(base + i * 60_000).toISOString(),
		}));
		await control.clearFaults();
		const drop = await control.addFault({ method: 'POST', path: '/v1/schedules', mode: 'commit-then-drop', probability: 0.05 });
		const f503 = await control.addFault({ method: 'POST', path: '/v1/schedules', status: 503, probability: 0.05 });
		const before = await control.schedules();

		const run = await suite.client.runWorkflow(workflowId, { triggerItems: inputs, timeoutMs: 300_000 });
		const hits = Object.fromEntries((await control.faults()).map((f) => [f.id, f.hits]));
		await control.clearFaults();
		expect(run.error).toBeUndefined();
		expect(run.status).toBe('success');
		// Both kinds of failure really happened.
		expect(hits[drop.id]).toBeGreaterThan(0);
		expect(hits[f503.id]).toBeGreaterThan(0);

		const made = (await control.schedules()).filter((s) => !before.some((b) => b.id === s.id));
		console.log(`[faults] schedules: ${made.length} made for ${ITEMS} items (commit-then-drop ${hits[drop.id]}, 503 ${hits[f503.id]})`);
		expect(made).toHaveLength(ITEMS);
		expect(new Set(made.map((s) => s.payload.title))).toEqual(new Set(inputs.map((i) => i.title)));

		const out = run.itemsOf('PinBridge');
		expect(out).toHaveLength(ITEMS);
		const byId = new Map(made.map((s) => [s.id, s]));
		out.forEach((item, i) => {
			const schedule = byId.get(item.id);
			expect(schedule?.payload.title).toBe(inputs[i].title);
			expect(Date.parse(schedule?.run_at ?? '')).toBe(Date.parse(inputs[i].runAt));
		});
		expect(new Set(out.map((o) => o.id)).size).toBe(ITEMS);
	}, 300_000);
}
