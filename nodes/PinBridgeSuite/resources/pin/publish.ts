/**
 * Pin → Publish: POST /v1/pins (binaries uploaded first as assets), optionally waiting until the Pin is on Pinterest.
 *
 * One implementation, `publishWork` (read and check, upload, send, shape the output), run two ways:
 * - in a workflow, as the node's custom operation (`publishPins`, `customOperations.pin.publish`): n8n's declarative
 *   engine walks all of the node's properties for every item (twice on n8n 2.x) and evaluates each expression there
 *   before the Pin's fields are read again; for bulk publishing that walk was most of n8n's CPU per item
 *   (BENCHMARKS.md). The custom operation reads each parameter once per item — once per run when it holds no
 *   expression — and runs the items as shared/itemRunner.ts describes;
 * - as an AI agent's tool (n8n runs a tool only through the declarative engine): the routed send of the operation
 *   (shared/routedItem.ts) hands the item to the same work.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { withPinterestLink } from '../../../shared/pinterestLink';
import { pinBridgeRequest, transportRuntime } from '../../../shared/transport/request';
import { contentIdempotencyKey, idempotencyKeyField, MAX_IDEMPOTENCY_KEY_LENGTH } from '../../shared/idempotency';
import type { ItemContext } from '../../shared/itemContext';
import { runInWorkflow, sendEachItem, type ItemWork } from '../../shared/itemRunner';
import { buildPinContent, pinContentFingerprint, readPinContent, uploadsOf } from '../../shared/pinContent';
import { pinContentFields } from '../../shared/pinContentFields';
import { checkMaxLength, checkText, invalidField } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { createdByThisCall, CREATED_BY_THIS_CALL } from './replay';
import { isKeyConflict, pinHoldingKey, settleUploads } from './rerun';
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
		: withPinterestLink(created); // a re-run's answer may be a Pin published since
	return { ...pin, ...uploads, ...(createdNow === undefined ? {} : { [CREATED_BY_THIS_CALL]: createdNow }) };
}

/** The item's Pin as sent, and PinBridge's answer. */
interface SentPublish {
	prepared: PreparedPublish;
	answer: PublishAnswer;
}

/** After PinBridge refused the key for another body (rerun.ts): the Pin that holds it; else the failure stands. */
async function pinHoldingTheKey(ctx: ItemContext, prepared: PreparedPublish, failure: unknown): Promise<SentPublish> {
	const held = isKeyConflict(failure) ? await pinHoldingKey(ctx, prepared.body) : undefined;
	if (!held) throw failure;
	return { prepared, answer: { body: held, headers: {}, elapsedMs: 0, heldBy: true } };
}

const publishWork: ItemWork<SentPublish> = {
	async start(ctx, timeoutMs) {
		const prepared = await preparePublish(ctx);
		const startedAt = transportRuntime.now();
		try {
			const response = await pinBridgeRequest(ctx, {
				method: 'POST',
				path: '/v1/pins',
				body: prepared.body,
				accountId: typeof prepared.body.account_id === 'string' ? prepared.body.account_id : undefined,
				timeoutMs,
				itemIndex: ctx.getItemIndex(),
			});
			const answer = { body: response.body, headers: response.headers, elapsedMs: transportRuntime.now() - startedAt };
			return { prepared, answer };
		} catch (error) {
			return await pinHoldingTheKey(ctx, prepared, error);
		}
	},
	finish: async (ctx, sent) => await publishOutput(ctx, sent.prepared, sent.answer),
};

/** Statuses of a Pin PinBridge has taken but not yet published (or failed). */
const NOT_YET = ['queued', 'deferred', 'publishing'];

/** What a Publish without Wait for Publish outputs for `count` Pins not published yet: how to see the outcome. */
export function notPublishedYetHint(count: number): string {
	const pins = count === 1 ? '1 Pin is' : `${count} Pins are`;
	return (
		`${pins} queued at PinBridge, not on Pinterest yet: PinBridge publishes in the background. To see the outcome, ` +
		'turn on Options → Wait for Publish (the output then shows the published Pin and its pinterest_url), or check ' +
		'later with Pin → Get Status using the id, or start a workflow on it with the PinBridge Trigger (On Pin published / On Pin failed).'
	);
}

/** What a Publish outputs for `count` Pins PinBridge already had for the same key: nothing new was published. */
export function alreadyAtPinBridgeHint(count: number): string {
	const pins = count === 1 ? '1 Pin was' : `${count} Pins were`;
	return (
		`${pins} already at PinBridge (created_by_this_call: false): the same content as an earlier run gives the same ` +
		'idempotency key, so PinBridge returned the earlier Pin and published nothing new. To publish another Pin, ' +
		'change its content or set Options → Idempotency Key.'
	);
}

/** n8n's execution hints (shown above the node's output), as n8n's own nodes give them after a run. */
function hintsAfterPublish(exec: IExecuteFunctions, output: INodeExecutionData[]): void {
	// addExecutionHints is missing on older n8n versions: the output is the same without it.
	if (typeof exec.addExecutionHints !== 'function') return;
	const succeeded = output.filter((item) => !item.json.error);
	const notYet = succeeded.filter((item) => NOT_YET.includes(String(item.json.status))).length;
	const already = succeeded.filter((item) => item.json[CREATED_BY_THIS_CALL] === false).length;
	if (notYet > 0) exec.addExecutionHints({ message: notPublishedYetHint(notYet), type: 'info', location: 'outputPane' });
	if (already > 0) exec.addExecutionHints({ message: alreadyAtPinBridgeHint(already), type: 'info', location: 'outputPane' });
}

/** The node's `customOperations.pin.publish`. */
export const publishPins = runInWorkflow(publishWork, hintsAfterPublish);

export const publishPin: OperationDefinition = {
	option: {
		name: 'Publish',
		value: 'publish',
		action: 'Publish a Pin',
		description:
			'Create a Pin on a Pinterest board. PinBridge queues it and publishes it as Pinterest’s rate limits allow.',
		routing: { request: { method: 'POST', url: '/v1/pins' } },
	},
	send: sendEachItem(publishWork),
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
					default: true, // on when added: adding the option is how a user asks for it
					description:
						'Whether to wait until the Pin is on Pinterest (or has failed) before going on. Off or not added: the node returns as soon as PinBridge has queued the Pin.',
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
