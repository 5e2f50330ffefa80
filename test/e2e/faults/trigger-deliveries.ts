/* eslint-disable no-console */
/**
 * 1,000 deliveries to an active PinBridge Trigger workflow (on its own n8n) mixing valid, forged, tampered, unsigned
 * and redelivered → exactly one execution per valid first delivery (counted through n8n's API for that workflow),
 * every bad one answered 401, every redelivery 200 with no execution.
 *
 * HOW VALID DELIVERIES ARE SIGNED (and why this is honest): PinBridge signs with the secret the trigger generated
 * and registered; the emulator never returns it. Two sources of valid deliveries are mixed:
 *  - REAL ones: Pins created in the trigger's workspace are published by the emulator, which delivers the events
 *    itself (as fast as they happen, unbounded), signed with the secret it was given at registration;
 *  - SYNTHETIC ones, which the test signs as PinBridge would. The test plays PinBridge here, so it needs PinBridge's
 *    copy of the secret: n8n keeps none, the trigger derives it from the credential's API key and the workflow
 *    (test/harness/triggerSecret.ts); the test derives it the same way (never printed). Redeliveries are the exact body bytes of a first delivery (real
 *    ones: the emulator's bytes) under the same delivery id, sent only after that first one was answered.
 * CONCURRENT DUPLICATES: some valid deliveries go out three times at the same moment (PinBridge retrying one n8n
 * answered late): each trio must start exactly one execution and answer the other two as duplicates.
 * Bad deliveries never carry the right signature of the bytes sent: forged = signed with another secret, tampered =
 * the right signature of the original body with the body changed afterwards, unsigned = no signature header.
 */
import { createHmac, randomBytes } from 'node:crypto';

import { waitFor } from '../n8n/client';
import type { FaultSuite } from './fixture';
import { createPinIn, mapLimit, sleep, triggerSecretOf } from './fixture';

const REAL = 40;
const SINGLE = 200;
const TRIOS = 50;
const REDELIVERED = 110;
const BAD = { forged: 170, tampered: 165, unsigned: 165 };
const TOTAL = REAL + SINGLE + 3 * TRIOS + REDELIVERED + BAD.forged + BAD.tampered + BAD.unsigned;
const CONCURRENCY = 8;

type Kind = 'single' | 'trio' | 'redelivery' | 'forged' | 'tampered' | 'unsigned';
interface Send {
	kind: Kind;
	deliveryId: string;
	body: string;
	signature?: string;
	/** How many identical copies go out at the same moment (3 for a trio). */
	copies: number;
}
interface Answer {
	kind: Kind;
	deliveryId: string;
	status: number;
	started: boolean;
	duplicate: boolean;
}

const sign = (secret: string, body: string) => createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(body, 'utf8')).digest('hex');

/** Deterministic shuffle (so a failure can be reproduced). */
function shuffle<T>(list: T[], seed = 42): T[] {
	let s = seed;
	const rnd = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
	for (let i = list.length - 1; i > 0; i--) {
		const j = Math.floor(rnd() * (i + 1));
		[list[i], list[j]] = [list[j], list[i]];
	}
	return list;
}

const countBy = (values: Array<string | number>) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});

export function triggerDeliveries(suite: FaultSuite, workflow: { id: string; url: string }): void {
	it(`${TOTAL} deliveries (valid, forged, tampered, unsigned, redelivered, concurrent duplicates) → one execution per valid first delivery`, async () => {
		const { control } = suite.emu;
		const { client } = suite.trigger;
		await control.clearFaults();
		await client.activate(workflow.id);
		const [webhook] = await waitFor(async () => {
			const hooks = await control.webhooks(suite.trigger.workspaceId);
			return hooks.length === 1 && hooks[0].url === workflow.url ? hooks : undefined;
		}, { timeoutMs: 60_000, what: 'the trigger webhook' });
		// The secret the trigger derived and registered (PinBridge's copy): the test signs with it as PinBridge does.
		const secret = triggerSecretOf(await client.getWorkflow(workflow.id), suite.trigger.apiKey);
		suite.secrets.add(secret);

		let notReadyResent = 0;
		const post = async (send: Send): Promise<Answer> => {
			const headers: Record<string, string> = {
				'content-type': 'application/json',
				'x-pinbridge-event': 'pin.published',
				'x-pinbridge-delivery-id': send.deliveryId,
			};
			if (send.signature) headers['x-pinbridge-signature'] = send.signature;
			let res: Response;
			let text: string;
			// On a loaded machine n8n flags its database "not ready" and refuses calls with 503 before handling them (the
			// trigger never runs): sent again, as PinBridge would retry, and counted.
			for (let attempt = 1; ; attempt++) {
				res = await fetch(workflow.url, { method: 'POST', headers, body: send.body });
				text = await res.text();
				if (res.status !== 503 || !/Database is not ready/.test(text) || attempt >= 30) break;
				notReadyResent++;
				await sleep(1_000);
			}
			const duplicate = text.includes('duplicate delivery');
			return { kind: send.kind, deliveryId: send.deliveryId, status: res.status, duplicate, started: res.status === 200 && !/"ignored"/.test(text) };
		};
		const sendAll = async (sends: Send[]) =>
			(await mapLimit(sends, CONCURRENCY, async (send) => await Promise.all(Array.from({ length: send.copies }, async () => await post(send))))).flat();

		// REAL deliveries: Pins created (8 at a time) through the API of the trigger's workspace while the synthetic
		// traffic below is under way; the emulator publishes each and delivers `pin.published` itself.
		const createRealPins = mapLimit(Array.from({ length: REAL }, (_, i) => i), CONCURRENCY, async (i) =>
			await createPinIn(suite.emu, suite.trigger, {
				title: `Trigger fault suite real #${i}`,
				imageUrl: `https://images.example.com/faults/trigger/${i}.jpg`,
				idempotencyKey: `trigger-faults-real-${i}`,
			}),
		);

		// SYNTHETIC first deliveries and bad ones (phase A).
		const wrongSecret = randomBytes(32).toString('hex');
		const bodyOf = (deliveryId: string, i: number) =>
			JSON.stringify({
				event: 'pin.published',
				delivery_id: deliveryId,
				occurred_at: new Date(Date.now() - (i % 60) * 1000).toISOString(), // inside the replay window
				pin_id: `pin_fault_${i}`,
				account_id: suite.trigger.accountId,
				board_id: suite.trigger.boardId,
				status: 'published',
				pinterest_pin_id: `9000${i}`,
				error_code: null,
				error_message: null,
			});
		const valid = (kind: 'single' | 'trio', i: number): Send => {
			const deliveryId = `dlv_fault_${kind}_${i}`;
			const body = bodyOf(deliveryId, i);
			return { kind, deliveryId, body, signature: sign(secret, body), copies: kind === 'trio' ? 3 : 1 };
		};
		const singles = Array.from({ length: SINGLE }, (_, i) => valid('single', i));
		const trios = Array.from({ length: TRIOS }, (_, i) => valid('trio', SINGLE + i));
		const bad: Send[] = [];
		for (let i = 0; i < BAD.forged; i++) {
			const body = bodyOf(`dlv_fault_forged_${i}`, 1000 + i);
			bad.push({ kind: 'forged', deliveryId: `dlv_fault_forged_${i}`, body, signature: sign(wrongSecret, body), copies: 1 });
		}
		for (let i = 0; i < BAD.tampered; i++) {
			const signed = bodyOf(`dlv_fault_tampered_${i}`, 2000 + i);
			const body = signed.replace('"status":"published"', '"status":"failed"');
			bad.push({ kind: 'tampered', deliveryId: `dlv_fault_tampered_${i}`, body, signature: sign(secret, signed), copies: 1 });
		}
		for (let i = 0; i < BAD.unsigned; i++) {
			bad.push({ kind: 'unsigned', deliveryId: `dlv_fault_unsigned_${i}`, body: bodyOf(`dlv_fault_unsigned_${i}`, 3000 + i), copies: 1 });
		}
		// Bad ones with the delivery id of a valid one must not "use up" that id: give 20 forged ones valid ids.
		for (let i = 0; i < 20; i++) bad[i].deliveryId = singles[i * 10].deliveryId;
		shuffle(bad);
		const half = Math.floor(bad.length / 2);
		const phaseA = await sendAll(shuffle([...singles, ...trios, ...bad.slice(0, half)]));

		expect(await createRealPins).toEqual(Array.from({ length: REAL }, () => 201));
		const real = await waitFor(async () => {
			const list = await control.deliveries({ webhook_id: webhook.id });
			return list.length === REAL && list.every((d) => d.status !== 'pending') ? list : undefined;
		}, { timeoutMs: 120_000, intervalMs: 250, what: `${REAL} real deliveries answered` });
		// The emulator waits 10 s for an answer, then retries the same bytes under the same id: a retry is fine (it is
		// answered as a duplicate), so only the outcome is asserted; the attempts are reported.
		const attempts = countBy(real.map((d) => d.attempts.map((a) => a.status_code ?? a.error).join(' → ')));
		console.log(`[faults] trigger: real deliveries by the emulator: ${JSON.stringify(attempts)}`);
		expect(real.map((d) => [d.status, d.attempts[d.attempts.length - 1]?.status_code])).toEqual(real.map(() => ['delivered', 200]));

		// Phase B: redeliveries (each after its first delivery was answered: all firsts are answered by now), some
		// repeated at the same moment, mixed with the other half of the bad ones.
		const originals = [...real.map((d) => ({ deliveryId: d.id, body: d.body })), ...singles, ...trios];
		const redeliveries: Send[] = [];
		for (let i = 0, n = 0; n < REDELIVERED; i++) {
			const original = originals[(i * 7) % originals.length];
			const copies = i % 5 === 0 && n + 2 <= REDELIVERED ? 2 : 1;
			redeliveries.push({ kind: 'redelivery', deliveryId: original.deliveryId, body: original.body, signature: sign(secret, original.body), copies });
			n += copies;
		}
		const phaseB = await sendAll(shuffle([...redeliveries, ...bad.slice(half)], 7));
		const answers = [...phaseA, ...phaseB];
		expect(answers.length + REAL).toBe(TOTAL);

		const byKind = (kind: Kind) => answers.filter((a) => a.kind === kind);
		console.log(
			`[faults] trigger answers (${answers.length} sent + ${REAL} by the emulator): ` +
				(['single', 'trio', 'redelivery', 'forged', 'tampered', 'unsigned'] as Kind[])
					.map((k) => `${k} ${JSON.stringify(countBy(byKind(k).map((a) => (a.started ? `${a.status} started` : a.duplicate ? `${a.status} duplicate` : String(a.status)))))}`)
					.join(', ') +
				`; 503 "Database is not ready!" answers re-sent: ${notReadyResent}`,
		);
		expect(byKind('single').map((a) => [a.status, a.started])).toEqual(singles.map(() => [200, true]));
		// Each trio: one started, the two others answered 200 as duplicates.
		for (const trio of trios) {
			const three = byKind('trio').filter((a) => a.deliveryId === trio.deliveryId);
			expect(three.map((a) => a.status)).toEqual([200, 200, 200]);
			expect([three.filter((a) => a.started).length, three.filter((a) => a.duplicate).length]).toEqual([1, 2]);
		}
		expect(byKind('redelivery').map((a) => [a.status, a.duplicate])).toEqual(byKind('redelivery').map(() => [200, true]));
		expect(byKind('redelivery')).toHaveLength(REDELIVERED);
		for (const kind of ['forged', 'tampered', 'unsigned'] as const) expect(countBy(byKind(kind).map((a) => a.status))).toEqual({ 401: BAD[kind] });

		// Executions (n8n's API, this workflow): exactly one per valid first delivery. Wait for them all to finish,
		// then look again a moment later: a late duplicate would show up as one too many.
		const validFirstIds = [...real.map((d) => d.id), ...singles.map((s) => s.deliveryId), ...trios.map((t) => t.deliveryId)];
		const expected = validFirstIds.length;
		const finished = async () => {
			const list = await client.listExecutions({ workflowId: workflow.id });
			return list.length >= expected && list.every((e) => ['success', 'error', 'crashed'].includes(e.status)) ? list : undefined;
		};
		await waitFor(finished, { timeoutMs: 180_000, intervalMs: 500, what: `${expected} finished executions` });
		await sleep(2_000);
		const executions = await client.listExecutions({ workflowId: workflow.id, includeData: true });
		const ids = executions.map((e) => e.data?.resultData.runData['PinBridge Trigger']?.[0]?.data?.main?.[0]?.[0]?.json?.delivery_id as string);
		console.log(`[faults] trigger: ${executions.length} executions for ${expected} valid first deliveries (${REAL} real, ${SINGLE} single, ${TRIOS} trios) of ${TOTAL}; statuses ${JSON.stringify(countBy(executions.map((e) => e.status)))}`);
		expect(executions).toHaveLength(expected);
		expect(executions.map((e) => e.status)).toEqual(executions.map(() => 'success'));
		expect(ids.slice().sort()).toEqual(validFirstIds.slice().sort());
	}, 600_000);
}
