/**
 * Pin → Publish Batch: every input item becomes one Pin, sent to PinBridge in requests of up to 100
 * (POST /v1/pins/batch, API 1.30+), with the same checks, uploads and content-derived idempotency keys as Publish —
 * so a re-run returns the existing Pins instead of creating new ones. One output item per input item, in order:
 * the Pin plus `batch_status` (`created`, or `existing` for a replay, with `replayed: true`); a Pin PinBridge refused
 * is that item's error (code, message, remediation). The batch itself needs a plan with batch publishing: a 402 says
 * so, and Pin → Publish does the same one request per Pin on any plan.
 *
 * One implementation, run two ways: each item is read and checked by `preparePublish` (publish.ts), and Pins are sent
 * by `sendPinBatch`. In a workflow (the custom operation `publishPinBatches`) the items run as shared/itemRunner.ts
 * describes and are gathered, in input order, into requests of up to 100; as an AI agent's tool (the routed send)
 * the one item is a batch of one.
 */
import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import { withPinterestLink } from '../../../shared/pinterestLink';
import { pinBridgeRequest, type PinBridgeContext } from '../../../shared/transport/request';
import { idempotencyKeyField } from '../../shared/idempotency';
import { itemContexts } from '../../shared/itemContext';
import { runItems, runOptionsOf } from '../../shared/itemRunner';
import { pinContentFields } from '../../shared/pinContentFields';
import type { SendItem } from '../../shared/routedItem';
import type { OperationDefinition } from '../operation';
import { preparePublish, type PreparedPublish } from './publish';

/** The API's PIN_BATCH_MAX_ITEMS (contract §8.3). */
export const MAX_BATCH_PINS = 100;

export const BATCH_PLAN_HINT =
	'Batch publishing is not part of this PinBridge plan (PinBridge answered 402). Pin → Publish publishes the same items one request per Pin on every plan, with the same no-duplicate keys; or upgrade the plan.';

/** One entry of `results` (contract §8.3): the output json, or the error of that item. */
export function batchResultItem(
	node: INode,
	result: IDataObject,
	uploads: IDataObject,
	itemIndex: number,
): { json: IDataObject } | { error: NodeApiError } {
	const status = String(result.status ?? '');
	if ((status === 'created' || status === 'existing') && result.pin && typeof result.pin === 'object') {
		const replay = status === 'existing' ? { replayed: true } : {};
		return { json: { ...withPinterestLink(result.pin as IDataObject), ...uploads, batch_status: status, ...replay } };
	}
	const error = (result.error ?? {}) as IDataObject;
	const code = typeof error.code === 'string' ? error.code : 'unknown_error';
	const message = typeof error.message === 'string' && error.message ? error.message : 'PinBridge did not create this Pin';
	const remediation = typeof error.remediation === 'string' ? error.remediation : undefined;
	// error_code, not code: NodeApiError would take a `code` for the HTTP status, and this item had none of its own.
	const facts: JsonObject = { message, error_code: code, ...(remediation ? { remediation } : {}) };
	return {
		error: new NodeApiError(node, facts, {
			message,
			itemIndex,
			description: [`PinBridge code: ${code}`, remediation ? `What to do: ${remediation}` : undefined, 'The other Pins of the batch were sent.']
				.filter(Boolean)
				.join('\n'),
		}),
	};
}

type Outcome = { json: IDataObject } | { error: unknown };

interface BatchEntry {
	itemIndex: number;
	prepared: PreparedPublish;
}

/** A whole request refused (402 plan, 422 body, 5xx after retries): every item of it gets that error. */
function explainBatchFailure(error: unknown): unknown {
	if (error instanceof NodeApiError && error.httpCode === '402') {
		const code = (error.errorResponse as { code?: unknown } | undefined)?.code;
		if (code !== 'quota_exceeded' && code !== 'billing_inactive') {
			error.description = [BATCH_PLAN_HINT, error.description].filter(Boolean).join('\n');
		}
	}
	return error;
}

/**
 * One POST /v1/pins/batch for these Pins, through the request helper: one outcome per entry, in order (never throws).
 * Every Pin carries its idempotency key, so the request is safe to send again after a lost answer (`replaySafe`):
 * PinBridge answers the replayed Pins as `existing`.
 */
async function sendPinBatch(ctx: PinBridgeContext, entries: BatchEntry[], timeoutMs?: number): Promise<Outcome[]> {
	try {
		const { body } = await pinBridgeRequest<IDataObject>(ctx, {
			method: 'POST',
			path: '/v1/pins/batch',
			body: { pins: entries.map((entry) => entry.prepared.body) },
			replaySafe: true,
			timeoutMs,
			itemIndex: entries[0].itemIndex,
		});
		const results = Array.isArray(body?.results) ? (body.results as IDataObject[]) : [];
		return entries.map((entry, position) => {
			const result = results.find((r) => Number(r.index) === position) ?? results[position] ?? {};
			return batchResultItem(ctx.getNode(), result, entry.prepared.uploads, entry.itemIndex);
		});
	} catch (error) {
		const failure = explainBatchFailure(error);
		return entries.map(() => ({ error: failure }));
	}
}

/**
 * Gathers prepared items into batches of `size` in input order (an item whose preparation failed is left out), and
 * sends each batch as soon as it is full or the input has no more items: `add` resolves with the item's outcome.
 */
function batchesInInputOrder(count: number, size: number, send: (entries: BatchEntry[]) => Promise<Outcome[]>) {
	type Waiting = BatchEntry & { settle: (outcome: Outcome) => void };
	const ready: Array<Waiting | null | undefined> = new Array(count); // null: left out
	let next = 0;
	let batch: Waiting[] = [];
	const flush = () => {
		const entries = batch;
		batch = [];
		void send(entries).then((outcomes) => entries.forEach((entry, position) => entry.settle(outcomes[position])));
	};
	const advance = () => {
		for (; next < count && ready[next] !== undefined; next++) {
			const entry = ready[next];
			if (entry) batch.push(entry);
			if (batch.length === size || (next === count - 1 && batch.length > 0)) flush();
		}
	};
	return {
		add: async (itemIndex: number, prepared: PreparedPublish) =>
			await new Promise<Outcome>((settle) => {
				ready[itemIndex] = { itemIndex, prepared, settle };
				advance();
			}),
		leaveOut: (itemIndex: number) => {
			ready[itemIndex] = null;
			advance();
		},
	};
}

const outputOf = (outcome: Outcome): IDataObject => {
	if ('error' in outcome) throw outcome.error;
	return outcome.json;
};

/** The node's `customOperations.pin.publishBatch`. */
export async function publishPinBatches(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const options = runOptionsOf(this);
	const contextOf = itemContexts(this);
	const batches = batchesInInputOrder(this.getInputData().length, MAX_BATCH_PINS, async (entries) =>
		await sendPinBatch(contextOf(entries[0].itemIndex), entries, options.timeoutMs),
	);
	const start = async (itemIndex: number) => {
		let prepared: PreparedPublish | undefined;
		try {
			prepared = await preparePublish(contextOf(itemIndex));
			return prepared;
		} finally {
			if (!prepared) batches.leaveOut(itemIndex);
		}
	};
	const finish = async (itemIndex: number, prepared: PreparedPublish) => outputOf(await batches.add(itemIndex, prepared));
	return [await runItems(this, options, start, finish)];
}

/** As an AI agent's tool: the item is a batch of one. */
const sendAsBatchOfOne: SendItem = async (ctx, request) => {
	const entry = { itemIndex: ctx.getItemIndex(), prepared: await preparePublish(ctx) };
	const [outcome] = await sendPinBatch(ctx, [entry], request.timeoutMs);
	return [{ json: outputOf(outcome) }];
};

const batchOptions: INodeProperties = {
	displayName: 'Options',
	name: 'publishOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [idempotencyKeyField],
};

export const publishBatchOperation: OperationDefinition = {
	option: {
		name: 'Publish Batch',
		value: 'publishBatch',
		action: 'Publish many Pins in batches',
		description:
			'Publish every input item as a Pin, up to 100 per request to PinBridge (plans with batch publishing). Same checks and no-duplicate keys as Publish; one output item per input item.',
		routing: { request: { method: 'POST', url: '/v1/pins/batch' } },
	},
	send: sendAsBatchOfOne,
	fields: [...pinContentFields(), batchOptions],
};
