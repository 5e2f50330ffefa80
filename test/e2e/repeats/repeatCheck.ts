/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * The repeat check of issue 24, on an active trigger workflow in real n8n: `distinct` deliveries, each signed as
 * PinBridge signs it, sent `concurrency` at a time (as PinBridge's retries and a busy account overlap them); then n8n
 * restarts (its in-process memory of delivery ids is gone, as at another process) and the `resent` earliest
 * deliveries come again, byte for byte. Counted: what reached the workflow's last step per delivery id (a sink, see
 * sink.ts), failed executions, and the ids the example's data table holds.
 *
 * A delivery n8n does not answer 2xx is sent again after a pause, as PinBridge retries it (contract §7), so the
 * check measures the workflow, not a refused request.
 */
import { randomUUID } from 'node:crypto';

import { signDelivery, triggerSigningSecret } from '../../harness/triggerSecret';
import { mapLimit, sleep } from '../faults/fixture';
import type { N8nClient } from '../n8n/client';
import type { N8nInstance } from '../n8n/instance';
import type { Sink } from './sink';

/** Progress lines go out at once (jest holds console output until the test file ends). */
export function progress(line: string): void {
	process.stderr.write(`[repeats ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

export interface Delivery {
	id: string;
	body: string;
	signature: string;
}

export interface RepeatTarget {
	n8n: N8nInstance;
	client: N8nClient;
	workflowId: string;
	trigger: { id: string; webhookId: string };
	/** The credential's API key: the trigger derives its signing secret from it. */
	apiKey: string;
	sink: Sink;
}

export interface RepeatCounts {
	distinct: number;
	/** Distinct delivery ids that reached the last step at least once, after the first round. */
	recordedOnce: number;
	/** Deliveries that reached it more than once after the first round (should be 0). */
	recordedTwiceFirstRound: number;
	resent: number;
	/** Of the resent deliveries, how many reached the last step a second time (should be 0). */
	resentPassed: number;
	failedExecutions: number;
	/** Answers other than 2xx, each followed by a retry. */
	retriedAnswers: number;
	firstRoundSeconds: number;
}

/** PinBridge's delivery for a published Pin (contract §7 body), signed with the trigger's derived secret. */
export function signedDeliveries(target: RepeatTarget, count: number, prefix: string): Delivery[] {
	const secret = triggerSigningSecret({
		material: target.apiKey,
		workflowId: target.workflowId,
		nodeId: target.trigger.id,
		nodeWebhookId: target.trigger.webhookId,
	});
	return Array.from({ length: count }, (_, i) => {
		const id = `${prefix}_${String(i).padStart(6, '0')}`;
		const body = JSON.stringify({
			event: 'pin.published',
			delivery_id: id,
			occurred_at: new Date().toISOString(),
			pin_id: randomUUID(),
			status: 'published',
			pinterest_pin_id: String(900_000_000 + i),
		});
		return { id, body, signature: signDelivery(secret, body) };
	});
}

/** Sends one delivery until n8n answers 2xx (at most 20 tries); returns how many answers were not 2xx. */
async function deliver(target: RepeatTarget, delivery: Delivery): Promise<number> {
	const url = `${target.n8n.url}/webhook/${target.trigger.webhookId}/webhook`;
	for (let attempt = 0; attempt < 20; attempt++) {
		const status = await fetch(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-pinbridge-event': 'pin.published',
				'x-pinbridge-delivery-id': delivery.id,
				'x-pinbridge-signature': delivery.signature,
			},
			body: delivery.body,
		})
			.then((res) => res.status)
			.catch(() => 0);
		if (status >= 200 && status < 300) return attempt;
		await sleep(1000 * 2 ** Math.min(attempt, 4));
	}
	throw new Error(`delivery ${delivery.id} was not answered 2xx in 20 tries`);
}

export async function sendAll(target: RepeatTarget, deliveries: Delivery[], concurrency: number, label: string): Promise<number> {
	let done = 0;
	const retried = await mapLimit(deliveries, concurrency, async (delivery) => {
		const again = await deliver(target, delivery);
		if (++done % 1000 === 0) progress(`${label}: ${done}/${deliveries.length} answered`);
		return again;
	});
	return retried.reduce((sum, n) => sum + n, 0);
}

/**
 * Waits until n8n runs no execution of the workflow and the sink has seen `expected` calls in all — or has seen
 * nothing new for a minute (a workflow that fails or drops items never reaches `expected`: its counts tell).
 */
export async function settle(target: RepeatTarget, expected: number, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let quietSince = Date.now();
	let last = -1;
	for (;;) {
		const running = await target.client.listExecutions({ workflowId: target.workflowId, status: 'running', limit: 1 });
		const total = target.sink.total();
		if (total !== last) [last, quietSince] = [total, Date.now()];
		const quietFor = Date.now() - quietSince;
		if (running.length === 0 && ((total >= expected && quietFor > 3000) || quietFor > 60_000)) return;
		if (Date.now() > deadline) throw new Error(`not settled: ${total} of ${expected} reached the sink, ${running.length} running`);
		await sleep(1000);
	}
}

export async function failedExecutions(target: RepeatTarget): Promise<number> {
	return (await target.client.listExecutions({ workflowId: target.workflowId, status: 'error' })).length; // every page
}

/** The whole check (see the top). The workflow is active; the sink is empty. */
export async function repeatCheck(
	target: RepeatTarget,
	{ distinct, concurrency, resent, prefix = 'dlv' }: { distinct: number; concurrency: number; resent: number; prefix?: string },
): Promise<RepeatCounts> {
	const deliveries = signedDeliveries(target, distinct, prefix);
	const started = Date.now();
	let retriedAnswers = await sendAll(target, deliveries, concurrency, 'first round');
	await settle(target, distinct, 30 * 60_000);
	const firstRoundSeconds = Math.round((Date.now() - started) / 1000);
	const afterFirst = new Map(target.sink.seen);
	const recordedOnce = deliveries.filter((d) => (afterFirst.get(d.id) ?? 0) >= 1).length;
	const recordedTwiceFirstRound = deliveries.filter((d) => (afterFirst.get(d.id) ?? 0) > 1).length;
	progress(`first round: ${distinct} deliveries, ${concurrency} at a time, in ${firstRoundSeconds} s`);

	await target.n8n.restart();
	target.client.setCookie(target.n8n.cookie);
	const again = deliveries.slice(0, resent);
	const before = target.sink.total();
	retriedAnswers += await sendAll(target, again, concurrency, 'resent after restart');
	// Nothing of the resent should arrive; wait for their executions to finish, then for anything late.
	await sleep(3000);
	await settle(target, before, 10 * 60_000);
	const resentPassed = again.filter((d) => (target.sink.seen.get(d.id) ?? 0) > (afterFirst.get(d.id) ?? 0)).length;
	return {
		distinct,
		recordedOnce,
		recordedTwiceFirstRound,
		resent,
		resentPassed,
		failedExecutions: await failedExecutions(target),
		retriedAnswers,
		firstRoundSeconds,
	};
}
