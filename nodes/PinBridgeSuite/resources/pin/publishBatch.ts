/**
 * Pin → Publish Batch: every input item becomes one Pin, sent to PinBridge in requests of up to 100
 * (POST /v1/pins/batch, API 1.30+), with the same checks, uploads and content-derived idempotency keys as Publish —
 * so a re-run returns the existing Pins instead of creating new ones. One output item per input item, in order:
 * the Pin plus `batch_status` (`created`, or `existing` for a replay, with `replayed: true`); a Pin PinBridge refused
 * is that item's error (code, message, remediation). The batch itself needs a plan with batch publishing: a 402 says
 * so, and Pin → Publish does the same one request per Pin on any plan.
 *
 * It runs as a custom operation (publishBatchItems.ts) in workflows; routed (below) — one item per request — when
 * the node is an AI agent's tool.
 */
import {
	NodeApiError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INode,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import { idempotencyKeyField } from '../../shared/idempotency';
import { pinContentFields } from '../../shared/pinContentFields';
import { handOver, takeOver } from '../../shared/handOver';
import type { OperationDefinition } from '../operation';
import { preparePublish } from './publish';

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
		return { json: { ...(result.pin as IDataObject), ...uploads, batch_status: status, ...replay } };
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

async function prepareRoutedBatch(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const prepared = await preparePublish(this);
	handOver(this, { uploads: prepared.uploads });
	return { ...requestOptions, body: { pins: [prepared.body] } };
}

async function routedBatchOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const { uploads } = takeOver(this) as { uploads?: IDataObject };
	const results = ((response.body as IDataObject)?.results ?? []) as IDataObject[];
	const outcome = batchResultItem(this.getNode(), results[0] ?? {}, uploads ?? {}, this.getItemIndex());
	if ('error' in outcome) throw outcome.error;
	return [{ json: outcome.json }];
}

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
		routing: {
			request: { method: 'POST', url: '/v1/pins/batch' },
			send: { preSend: [prepareRoutedBatch] },
			output: { postReceive: [routedBatchOutput] },
		},
	},
	fields: [...pinContentFields(), batchOptions],
};
