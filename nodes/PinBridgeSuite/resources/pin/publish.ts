import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { contentIdempotencyKey, idempotencyKeyField, MAX_IDEMPOTENCY_KEY_LENGTH } from '../../shared/idempotency';
import { buildPinContent, pinContentFingerprint, readPinContent } from '../../shared/pinContent';
import { pinContentFields } from '../../shared/pinContentFields';
import { checkMaxLength, checkOptionalText, invalidField } from '../../shared/validation';
import { handOver, takeOver, uploadsOf } from '../../shared/handOver';
import type { OperationDefinition } from '../operation';
import { waitForPublish } from './waitForPublish';

interface PublishOptions {
	idempotencyKey?: string;
	waitForPublish?: boolean;
	waitTimeoutSeconds?: number;
}

function publishOptionsOf(ctx: IExecuteSingleFunctions): PublishOptions {
	return (ctx.getNodeParameter('publishOptions', {}) ?? {}) as PublishOptions;
}

/** Validates everything, derives the idempotency key, uploads binaries, then builds the POST /v1/pins body. */
async function preparePublish(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const input = await readPinContent(this);
	const options = publishOptionsOf(this);
	const customKey = checkOptionalText(this, 'Idempotency Key', options.idempotencyKey);
	checkMaxLength(this, 'Idempotency Key', customKey, MAX_IDEMPOTENCY_KEY_LENGTH);
	if (options.waitForPublish && !(Number(options.waitTimeoutSeconds ?? 300) > 0)) {
		throw invalidField(this, 'Wait Timeout (Seconds)', 'must be more than 0');
	}
	// Derived before uploading, from the binary's bytes: a re-run uploads a new asset but keeps the same key.
	const idempotencyKey = customKey || contentIdempotencyKey(pinContentFingerprint(input));
	const built = await buildPinContent(this, { uploadBinaries: true, input });
	handOver(this, { uploads: uploadsOf(built), options: options as IDataObject });
	return { ...requestOptions, body: { ...built.body, idempotency_key: idempotencyKey } };
}

async function publishOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const { uploads, options } = takeOver(this) as { uploads?: IDataObject; options?: PublishOptions };
	let pin = response.body as IDataObject;
	if (options?.waitForPublish) pin = await waitForPublish(this, pin, Number(options.waitTimeoutSeconds ?? 300));
	return [{ json: { ...pin, ...uploads } }];
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
			send: { preSend: [preparePublish] },
			output: { postReceive: [publishOutput] },
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
