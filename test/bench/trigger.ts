/* eslint-disable @typescript-eslint/no-explicit-any */
// Signed deliveries to an active PinBridge Trigger workflow vs the same requests to a plain Webhook node workflow.
import { createHmac } from 'node:crypto';

import { waitFor, type N8nClient, type WorkflowJson } from '../e2e/n8n/client';
import type { StartedEmulator } from '../emulator/server';
import { triggerSigningSecret } from '../harness/triggerSecret';
import { cpuMs, sleep } from './sys';

export type TriggerContender = 'pinbridgeTrigger' | 'webhook';

export const TRIGGER_LABEL: Record<TriggerContender, string> = {
	pinbridgeTrigger: 'PinBridge Trigger',
	webhook: 'Webhook node',
};

const PLAIN_PATH = 'pinbridge-bench-plain';

function workflow(name: string, trigger: WorkflowJson['nodes'][number]): WorkflowJson {
	return {
		name,
		nodes: [
			trigger,
			{
				name: 'Done',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [260, 0],
				parameters: {},
			},
		],
		connections: {
			[trigger.name]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

const TRIGGER_NODE_ID = '6b7f4d0e-0c1a-4f43-9a77-5e0b3c2d1b11';
const TRIGGER_WEBHOOK_ID = '6b7f4d0e-0c1a-4f43-9a77-5e0b3c2d1b01';

export function pinbridgeTriggerWorkflow(credential: { id: string; name: string }): WorkflowJson {
	return workflow('bench: PinBridge Trigger', {
		id: TRIGGER_NODE_ID,
		name: 'PinBridge Trigger',
		type: 'n8n-nodes-pinbridge-suite.pinBridgeSuiteTrigger',
		typeVersion: 1.1,
		position: [0, 0],
		webhookId: TRIGGER_WEBHOOK_ID,
		parameters: {
			authentication: 'apiKey',
			events: ['pin.published'],
			options: {},
		},
		credentials: { pinBridgeSuiteApi: credential },
	});
}

export function plainWebhookWorkflow(): WorkflowJson {
	return workflow('bench: plain Webhook node', {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: '6b7f4d0e-0c1a-4f43-9a77-5e0b3c2d1b02',
		parameters: {
			httpMethod: 'POST',
			path: PLAIN_PATH,
			responseMode: 'onReceived',
			options: {},
		},
	});
}

export interface TriggerTarget {
	contender: TriggerContender;
	workflowId: string;
	url: string;
	/** HMAC key for X-PinBridge-Signature (the plain Webhook node ignores it, but gets the same bytes). */
	secret: string;
}

/**
 * Activate both workflows; the trigger's URL comes from its registration at the emulator, its secret is the one it
 * derives from the credential's API key (`emu.apiKey`), as PinBridge holds it.
 */
export async function prepareTriggerTargets(
	client: N8nClient,
	emu: StartedEmulator,
	n8nUrl: string,
	credential: { id: string; name: string },
): Promise<TriggerTarget[]> {
	const triggerId = await client.importWorkflow(pinbridgeTriggerWorkflow(credential));
	await client.activate(triggerId);
	const hook = await waitFor(async () => (await emu.control.webhooks()).find((w: any) => w.is_enabled !== false), {
		timeoutMs: 30_000,
		what: 'the trigger webhook at the emulator',
	});
	const secret = triggerSigningSecret({
		material: emu.apiKey,
		workflowId: triggerId,
		nodeId: TRIGGER_NODE_ID,
		nodeWebhookId: TRIGGER_WEBHOOK_ID,
	});
	const plainId = await client.importWorkflow(plainWebhookWorkflow());
	await client.activate(plainId);
	const plainUrl = `${n8nUrl}/webhook/${PLAIN_PATH}`;
	// The plain webhook is registered synchronously, but give both a moment to settle before measuring.
	await waitFor(async () => (await fetch(plainUrl, { method: 'OPTIONS' }).catch(() => undefined))?.status !== 404, {
		timeoutMs: 15_000,
		what: 'the plain webhook to answer',
	});
	return [
		{
			contender: 'pinbridgeTrigger',
			workflowId: triggerId,
			url: (hook as any).url,
			secret,
		},
		{ contender: 'webhook', workflowId: plainId, url: plainUrl, secret },
	];
}

export interface TriggerRun {
	contender: TriggerContender;
	deliveries: number;
	/** All deliveries answered, ms (concurrency `concurrency`). */
	sendMs: number;
	deliveriesPerSecond: number;
	/** Answers by HTTP status. */
	statuses: Record<string, number>;
	executionsStarted: number;
	/** From the first request until every execution was seen finished (or the count stopped growing), ms. */
	allExecutedMs: number;
	cpuMsPerDelivery?: number;
}

function delivery(tag: string, i: number, accountId: string, boardId: string) {
	const id = `bench-${tag}-${i}`;
	const body = JSON.stringify({
		event: 'pin.published',
		delivery_id: id,
		occurred_at: new Date().toISOString(),
		pin_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
		account_id: accountId,
		board_id: boardId,
		status: 'published',
		pinterest_pin_id: String(900000000000 + i),
		error_code: null,
		error_message: null,
	});
	return { id, body };
}

async function executionCount(client: N8nClient, workflowId: string): Promise<number> {
	return (await client.listExecutions({ workflowId })).length;
}

export async function runTriggerOnce(
	client: N8nClient,
	emu: StartedEmulator,
	n8nPid: () => number | undefined,
	target: TriggerTarget,
	count: number,
	concurrency: number,
	tag: string,
): Promise<TriggerRun> {
	const before = await executionCount(client, target.workflowId);
	const statuses: Record<string, number> = {};
	let next = 0;
	const cpuBefore = cpuMs(n8nPid());
	const started = Date.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < count) {
				const i = next++;
				const { id, body } = delivery(tag, i, emu.accountId, emu.boardIds[0]);
				let status = 'network error';
				try {
					const res = await fetch(target.url, {
						method: 'POST',
						headers: {
							'content-type': 'application/json',
							'user-agent': 'PinBridge-Webhooks/bench',
							'x-pinbridge-event': 'pin.published',
							'x-pinbridge-delivery-id': id,
							'x-pinbridge-signature': createHmac('sha256', Buffer.from(target.secret, 'utf8'))
								.update(body)
								.digest('hex'),
						},
						body,
						signal: AbortSignal.timeout(30_000),
					});
					await res.arrayBuffer();
					status = String(res.status);
				} catch {
					/* counted as a network error */
				}
				statuses[status] = (statuses[status] ?? 0) + 1;
			}
		}),
	);
	const sendMs = Date.now() - started;
	// Executions may still be running after the answers: wait until all `count` finished, or nothing changed for 5 s
	// (at most 2 minutes). Polls the running ones, cheap; counts all only when none runs.
	let last = '';
	let lastChangeAt = Date.now();
	let doneAt: number | undefined;
	while (Date.now() - lastChangeAt < 5_000 && Date.now() - started < sendMs + 120_000) {
		const running = (
			await client.listExecutions({
				workflowId: target.workflowId,
				status: 'running',
				limit: 250,
			})
		).length;
		const executed = running === 0 ? (await executionCount(client, target.workflowId)) - before : -1;
		if (executed >= count) {
			doneAt = Date.now();
			break;
		}
		const state = `${running}/${executed}`;
		if (state !== last) {
			last = state;
			lastChangeAt = Date.now();
		}
		await sleep(250);
	}
	const allExecutedMs = (doneAt ?? lastChangeAt) - started;
	const executed = (await executionCount(client, target.workflowId)) - before;
	const cpuAfter = cpuMs(n8nPid());
	return {
		contender: target.contender,
		deliveries: count,
		sendMs,
		deliveriesPerSecond: count / (sendMs / 1000),
		statuses,
		executionsStarted: executed,
		allExecutedMs,
		cpuMsPerDelivery: cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / count : undefined,
	};
}
