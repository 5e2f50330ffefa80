/* eslint-disable no-console */
/**
 * The PinBridge Trigger in real n8n under hostile traffic, and its registration under activate/deactivate churn.
 *
 * HOW VALID DELIVERIES ARE SIGNED (and why this is honest): PinBridge signs with the secret the trigger generated
 * and registered; the emulator never returns it. Two sources of valid deliveries are mixed:
 *  - REAL ones: Pins created in the trigger's workspace are published by the emulator, which delivers the events
 *    itself, signed with the secret it was given at registration (this proves the whole path end to end);
 *  - SYNTHETIC ones, which the test signs as PinBridge would. The test plays PinBridge here, so it needs PinBridge's
 *    copy of the secret: it reads n8n's copy from the workflow's static data (public API `GET /workflows/:id`),
 *    where the trigger keeps it. Redeliveries of the real events are the emulator's exact body bytes under the same
 *    delivery id, signed the same way — byte-identical to what the emulator's own retry would send.
 * Bad deliveries never use the right secret over the bytes sent: forged = signed with another secret, tampered =
 * the right signature of the original body with the body changed afterwards, unsigned = no signature header.
 */
import { createHmac, randomBytes } from 'node:crypto';

import type { N8nExecution } from '../n8n/client';
import { waitFor } from '../n8n/client';
import type { FaultSuite } from './fixture';
import { mapLimit, sleep, triggerWorkflow } from './fixture';

const TOTAL = 1_000;
const REAL = 40;
const VALID_SYNTHETIC = 260;
const REDELIVERED = 200;
const BAD = { forged: 170, tampered: 165, unsigned: 165 };
const CYCLES = 50;
const WEBHOOK_PATH_ID = '5b1f0c9e-7d2a-4f3b-8e6c-faa17e0c0001';

type Kind = 'valid' | 'redelivery' | 'forged' | 'tampered' | 'unsigned';
interface Send {
	kind: Kind;
	deliveryId: string;
	event: string;
	body: string;
	signature?: string;
	/** For a redelivery: the first delivery it repeats (sent only after that one was answered). */
	first?: Promise<unknown>;
}

const sign = (secret: string, body: string) => createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(body, 'utf8')).digest('hex');

/** Deterministic shuffle (so a failure can be reproduced). */
function shuffle<T>(list: T[], seed = 42): T[] {
	let s = seed;
	const rnd = () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
	for (let i = list.length - 1; i > 0; i--) {
		const j = Math.floor(rnd() * (i + 1));
		[list[i], list[j]] = [list[j], list[i]];
	}
	return list;
}

export function webhookSecretIn(staticData: unknown): string | undefined {
	const text = JSON.stringify(staticData ?? {});
	return /"webhookSecret":"([^"]+)"/.exec(text)?.[1];
}

export function triggerFaults(suite: FaultSuite): void {
	let workflowId = '';
	const webhooksOfWorkspace = async () => await suite.emu.control.webhooks(suite.trigger.workspaceId);
	const executionsOf = async (includeData = false) => await suite.client.listExecutions({ workflowId, includeData });

	beforeAll(async () => {
		workflowId = await suite.client.importWorkflow(triggerWorkflow('Fault suite: trigger', suite, WEBHOOK_PATH_ID));
	});

	it(`${TOTAL} deliveries (valid, forged, tampered, unsigned, redelivered) → one execution per valid first delivery`, async () => {
		const { control } = suite.emu;
		await control.clearFaults();
		await suite.client.activate(workflowId);
		const [webhook] = await waitFor(async () => ((await webhooksOfWorkspace()).length === 1 ? await webhooksOfWorkspace() : undefined), { what: 'the trigger webhook' });
		const secret = await waitFor(async () => webhookSecretIn((await suite.client.getWorkflow(workflowId)).staticData), { what: 'the webhook secret in static data' });
		suite.secrets.add(secret);
		const url = webhook.url;
		expect(url).toBe(`${suite.n8n.url}/webhook/${WEBHOOK_PATH_ID}/webhook`);

		// REAL deliveries: Pins created through the API of the trigger's workspace; the emulator publishes each and
		// delivers `pin.published` itself. One at a time: the emulator fires as fast as Pins publish, with no bound
		// on concurrency, and (see the report of this suite) a burst of ~40 makes a loaded n8n answer late enough
		// for PinBridge to time out and redeliver.
		for (let i = 0; i < REAL; i++) {
			const res = await fetch(`${suite.emu.url}/v1/pins`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'X-API-Key': suite.trigger.apiKey },
				body: JSON.stringify({
					account_id: suite.trigger.accountId,
					board_id: suite.trigger.boardId,
					title: `Trigger fault suite real #${i}`,
					image_url: `https://images.example.com/faults/trigger/${i}.jpg`,
					idempotency_key: `trigger-faults-real-${i}`,
				}),
			});
			expect(res.status).toBe(201);
			const pinId = ((await res.json()) as { id: string }).id;
			await waitFor(async () => (await control.deliveries({ pin_id: pinId })).some((d) => d.status !== 'pending'), {
				timeoutMs: 60_000,
				what: `the delivery for real Pin ${i}`,
			});
		}
		const real = await control.deliveries({ webhook_id: webhook.id });
		expect(real).toHaveLength(REAL);
		// Each real delivery was accepted at its first attempt.
		expect(real.map((d) => [d.status, d.attempts.length, d.attempts[0].status_code])).toEqual(real.map(() => ['delivered', 1, 200]));

		// SYNTHETIC traffic.
		const wrongSecret = randomBytes(32).toString('hex');
		const bodyOf = (deliveryId: string, i: number) =>
			JSON.stringify({
				event: 'pin.published',
				delivery_id: deliveryId,
				occurred_at: new Date(Date.UTC(2025, 2, 1, 12, 0, i % 60)).toISOString(),
				pin_id: `pin_fault_${i}`,
				account_id: suite.trigger.accountId,
				board_id: suite.trigger.boardId,
				status: 'published',
				pinterest_pin_id: `9000${i}`,
				error_code: null,
				error_message: null,
			});
		const sends: Send[] = [];
		const firsts: Send[] = [];
		for (let i = 0; i < VALID_SYNTHETIC; i++) {
			const id = `dlv_fault_valid_${i}`;
			const body = bodyOf(id, i);
			firsts.push({ kind: 'valid', deliveryId: id, event: 'pin.published', body, signature: sign(secret, body) });
		}
		sends.push(...firsts);
		const validFirstIds = [...real.map((d) => d.id), ...firsts.map((f) => f.deliveryId)];
		const originals: Array<{ deliveryId: string; event: string; body: string }> = [
			...real.map((d) => ({ deliveryId: d.id, event: d.event, body: d.body })),
			...firsts,
		];
		for (let i = 0; i < REDELIVERED; i++) {
			const original = originals[(i * 7) % originals.length];
			sends.push({ kind: 'redelivery', deliveryId: original.deliveryId, event: original.event, body: original.body, signature: sign(secret, original.body) });
		}
		for (let i = 0; i < BAD.forged; i++) {
			const forgedId = `dlv_fault_forged_${i}`;
			const forgedBody = bodyOf(forgedId, 1000 + i);
			sends.push({ kind: 'forged', deliveryId: forgedId, event: 'pin.published', body: forgedBody, signature: sign(wrongSecret, forgedBody) });
		}
		for (let i = 0; i < BAD.tampered; i++) {
			const tamperedId = `dlv_fault_tampered_${i}`;
			const signedBody = bodyOf(tamperedId, 2000 + i);
			sends.push({
				kind: 'tampered',
				deliveryId: tamperedId,
				event: 'pin.published',
				body: signedBody.replace('"status":"published"', '"status":"failed"'),
				signature: sign(secret, signedBody),
			});
		}
		for (let i = 0; i < BAD.unsigned; i++) {
			const unsignedId = `dlv_fault_unsigned_${i}`;
			sends.push({ kind: 'unsigned', deliveryId: unsignedId, event: 'pin.published', body: bodyOf(unsignedId, 3000 + i) });
		}
		expect(REAL + sends.length).toBe(TOTAL);
		shuffle(sends);

		// A redelivery goes out only after its first delivery was answered (PinBridge retries after an answer or a
		// timeout); first deliveries of synthetic events are tracked here as they are sent.
		const answered = new Map<string, Promise<unknown>>();
		for (const d of real) answered.set(d.id, Promise.resolve());
		const resolvers = new Map<string, () => void>();
		for (const f of firsts) answered.set(f.deliveryId, new Promise<void>((resolve) => resolvers.set(f.deliveryId, resolve)));

		const results = await mapLimit(sends, 8, async (send) => {
			if (send.kind === 'redelivery') await answered.get(send.deliveryId);
			const headers: Record<string, string> = {
				'content-type': 'application/json',
				'x-pinbridge-event': send.event,
				'x-pinbridge-delivery-id': send.deliveryId,
			};
			if (send.signature) headers['x-pinbridge-signature'] = send.signature;
			const res = await fetch(url, { method: 'POST', headers, body: send.body });
			const text = await res.text();
			if (send.kind === 'valid') resolvers.get(send.deliveryId)?.();
			return { kind: send.kind, status: res.status, text };
		});
		const tally = (kind: Kind) => results.filter((r) => r.kind === kind).map((r) => r.status);
		const statusCounts = (kind: Kind) => tally(kind).reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
		console.log(`[faults] trigger answers: ${(['valid', 'redelivery', 'forged', 'tampered', 'unsigned'] as Kind[]).map((k) => `${k} ${JSON.stringify(statusCounts(k))}`).join(', ')}`);
		expect(statusCounts('valid')).toEqual({ 200: VALID_SYNTHETIC });
		expect(statusCounts('redelivery')).toEqual({ 200: REDELIVERED });
		expect(results.filter((r) => r.kind === 'redelivery').every((r) => r.text.includes('duplicate delivery'))).toBe(true);
		for (const kind of ['forged', 'tampered', 'unsigned'] as const) expect(statusCounts(kind)).toEqual({ 401: BAD[kind] });

		// Executions: exactly one per valid first delivery. Wait for them to finish, then make sure no more come.
		const expected = REAL + VALID_SYNTHETIC;
		await waitFor(async () => {
			const list = await executionsOf();
			return list.length >= expected && list.every((e) => ['success', 'error', 'crashed'].includes(e.status));
		}, { timeoutMs: 180_000, intervalMs: 500, what: `${expected} finished executions` });
		await sleep(3_000);
		const executions: N8nExecution[] = await executionsOf(true);
		const ids = executions.map((e) => e.data?.resultData.runData['PinBridge Trigger']?.[0]?.data?.main?.[0]?.[0]?.json?.deliveryId as string);
		console.log(`[faults] trigger: ${executions.length} executions for ${expected} valid first deliveries (of ${TOTAL})`);
		expect(executions).toHaveLength(expected);
		expect(executions.every((e) => e.status === 'success')).toBe(true);
		expect(ids.slice().sort()).toEqual(validFirstIds.slice().sort());
	}, 600_000);

	it(`${CYCLES} activate/deactivate cycles leave 0 webhooks at the emulator`, async () => {
		const { control } = suite.emu;
		await suite.client.deactivate(workflowId);
		await waitFor(async () => (await webhooksOfWorkspace()).length === 0, { what: 'the webhook removed' });
		await control.clearRequests();
		for (let i = 0; i < CYCLES; i++) {
			await suite.client.activate(workflowId);
			if (i % 2 === 0) {
				// Half the cycles let the registration finish (and keep its secret for the scan) ...
				await waitFor(async () => (await webhooksOfWorkspace()).length === 1, { what: `webhook of cycle ${i}` });
				suite.secrets.add(await waitFor(async () => webhookSecretIn((await suite.client.getWorkflow(workflowId)).staticData), { what: 'secret' }));
			}
			// ... the other half deactivate right away, as a user toggling quickly would.
			await suite.client.deactivate(workflowId);
		}
		await waitFor(async () => (await webhooksOfWorkspace()).length === 0, { timeoutMs: 30_000, what: 'no webhooks left' });
		await sleep(3_000); // late creates would show up here
		const left = await control.webhooks();
		const created = (await control.requests({ method: 'POST', path: '/v1/webhooks' })).filter((r) => r.status === 201).length;
		const deleted = (await control.requests({ method: 'DELETE' })).filter((r) => r.path.startsWith('/v1/webhooks/') && r.status === 204).length;
		console.log(`[faults] cycles: ${left.length} webhooks left after ${CYCLES} cycles (${created} created, ${deleted} deleted at the emulator)`);
		expect(left).toHaveLength(0);
		expect((await suite.client.getWorkflow(workflowId)).active).toBe(false);
		expect(created).toBeGreaterThan(0);
		expect(deleted).toBe(created);
	}, 600_000);
}
