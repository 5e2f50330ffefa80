/**
 * Pin → Publish: POST /v1/pins (binaries uploaded first as assets), optionally waiting until the Pin is on Pinterest.
 *
 * It runs two ways, sharing every step below:
 * - as a custom operation (`publishPins` in publishItems.ts, the node's `customOperations.pin.publish`), which n8n
 *   runs instead of its declarative engine whenever the node is a step of a workflow;
 * - routed (the `routing` here: `preSend` + `postReceive`), which n8n runs when the node is an AI agent's tool (n8n
 *   calls a tool's declarative engine, never its custom operations).
 */
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { transportRuntime } from '../../../shared/transport/request';
import { contentIdempotencyKey, idempotencyKeyField, MAX_IDEMPOTENCY_KEY_LENGTH } from '../../shared/idempotency';
import type { ItemContext } from '../../shared/itemContext';
import { buildPinContent, pinContentFingerprint, readPinContent } from '../../shared/pinContent';
import { pinContentFields } from '../../shared/pinContentFields';
import { checkMaxLength, checkText, invalidField } from '../../shared/validation';
import { handOver, takeOver, uploadsOf } from '../../shared/handOver';
import type { OperationDefinition } from '../operation';
import { createdByThisCall, CREATED_BY_THIS_CALL } from './replay';
import { settleUploads } from './rerun';
import { waitForPublish } from './waitForPublish';

export interface PublishOptions {
	idempotencyKey?: string;
	waitForPublish?: boolean;
	waitTimeoutSeconds?: number;
}

/** One item, read and checked, ready to send. */
export interface PreparedPublish {
	/** The POST /v1/pins body, idempotency_key included. */
	body: IDataObject;
	/** The assets uploaded from the item's binaries: `{ asset?, cover_asset? }`, added to the output. */
	uploads: IDataObject;
	options: PublishOptions;
}

/**
 * Reads and checks every parameter of the item (nothing is sent when one fails: the error names the field and the
 * rule), derives the idempotency key, uploads binaries, builds the body.
 */
export async function preparePublish(ctx: ItemContext): Promise<PreparedPublish> {
	const input = await readPinContent(ctx);
	const options = (ctx.getNodeParameter('publishOptions', {}) ?? {}) as PublishOptions;
	const customKey = checkText(ctx, 'Idempotency Key', options.idempotencyKey);
	checkMaxLength(ctx, 'Idempotency Key', customKey, MAX_IDEMPOTENCY_KEY_LENGTH);
	if (options.waitForPublish && !(Number(options.waitTimeoutSeconds ?? 300) > 0)) {
		throw invalidField(ctx, 'Wait Timeout (Seconds)', 'must be more than 0');
	}
	// Derived before uploading, from the binary's bytes: a re-run uploads a new asset but keeps the same key.
	const idempotencyKey = customKey || contentIdempotencyKey(pinContentFingerprint(input));
	const built = await buildPinContent(ctx, { uploadBinaries: true, input });
	return { body: { ...built.body, idempotency_key: idempotencyKey }, uploads: uploadsOf(built), options };
}

/** PinBridge's answer to the POST, and how long (ms, the helper's clock) the call took, retries included. */
export interface PublishAnswer {
	body: unknown;
	headers: IDataObject;
	elapsedMs: number;
	/** The Pin was found holding the key after PinBridge refused the key for another body (rerun.ts). */
	heldBy?: boolean;
}

/** The output item's json: the Pin (after Wait for Publish, its final state), the uploads, and who created it. */
export async function publishOutput(
	ctx: ItemContext,
	prepared: PreparedPublish,
	answer: PublishAnswer,
): Promise<IDataObject> {
	const created = (answer.body ?? {}) as IDataObject;
	const createdNow = answer.heldBy ? false : createdByThisCall(created, answer.headers, answer.elapsedMs);
	const uploads = await settleUploads(ctx, prepared.uploads, created, createdNow === false);
	const { options } = prepared;
	const pin = options.waitForPublish
		? await waitForPublish(ctx, created, Number(options.waitTimeoutSeconds ?? 300))
		: created;
	return { ...pin, ...uploads, ...(createdNow === undefined ? {} : { [CREATED_BY_THIS_CALL]: createdNow }) };
}

async function preparePublishRequest(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const prepared = await preparePublish(this);
	handOver(this, { prepared: prepared as unknown as IDataObject, startedAt: transportRuntime.now() });
	return { ...requestOptions, body: prepared.body };
}

async function routedPublishOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const { prepared, startedAt } = takeOver(this) as { prepared: PreparedPublish; startedAt: number };
	const answer = { body: response.body, headers: response.headers, elapsedMs: transportRuntime.now() - startedAt };
	return [{ json: await publishOutput(this, prepared, answer) }];
}

export const publishPin: OperationDefinition = {
	option: {
		name: 'Publish',
		value: 'publish',
		action: 'Publish a Pin',
		description:
			'Create a Pin on a Pinterest board. PinBridge queues it and publishes it as Pinterest’s rate limits allow.',
		routing: {
			request: { method: 'POST', url: '/v1/pins' },
			send: { preSend: [preparePublishRequest] },
			output: { postReceive: [routedPublishOutput] },
		},
	},
	fields: [
		...pinContentFields(),
		{
			displayName: 'Options',
			name: 'publishOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				idempotencyKeyField,
				{
					displayName: 'Wait for Publish',
					name: 'waitForPublish',
					type: 'boolean',
					default: false,
					description:
						'Whether to wait until the Pin is on Pinterest (or has failed) before going on. Off: the node returns as soon as PinBridge has queued the Pin.',
				},
				{
					displayName: 'Wait Timeout (Seconds)',
					name: 'waitTimeoutSeconds',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 300,
					description:
						'Used with Wait for Publish: how long to wait at most. A Pin still not published by then fails the item; PinBridge keeps publishing it.',
				},
			],
		},
	],
};
