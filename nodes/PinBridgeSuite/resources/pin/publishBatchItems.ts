/**
 * Pin → Publish Batch as a custom operation (`customOperations.pin.publishBatch`): all input items, read and checked
 * once each (publish.ts `preparePublish`: same rules, uploads and keys), sent in requests of up to 100 Pins to
 * POST /v1/pins/batch through the request helper (its in-flight cap, retries and pacing). Every Pin carries its
 * idempotency key, so a request is safe to send again after a lost answer (`replaySafe`): PinBridge answers the
 * replayed Pins as `existing`. Output: one item per input item, in input order, paired; failures as itemRunner.ts
 * describes (with Continue On Fail an error item, otherwise the execution fails after every request was sent).
 */
import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { failedItem } from '../../../shared/transport/errorItem';
import { pinBridgeRequest } from '../../../shared/transport/request';
import { readRequestSettings } from '../../../shared/transport/settings';
import { itemContext } from '../../shared/itemContext';
import { preparePublish, type PreparedPublish } from './publish';
import { BATCH_PLAN_HINT, batchResultItem, MAX_BATCH_PINS } from './publishBatch';

type Outcome = { json: IDataObject } | { error: unknown };

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

export async function publishPinBatches(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const count = this.getInputData().length;
	const settings = readRequestSettings(this.getNodeParameter('requestSettings', 0, {}));
	const outcomes: Outcome[] = new Array(count);
	const prepared: Array<{ itemIndex: number; publish: PreparedPublish }> = [];

	// Read and check every item first (uploads included), a few at a time, keeping input order.
	const concurrency = Math.max(1, settings.maxInFlight);
	for (let from = 0; from < count; from += concurrency) {
		const indexes = Array.from({ length: Math.min(concurrency, count - from) }, (_, i) => from + i);
		await Promise.all(
			indexes.map(async (itemIndex) => {
				try {
					prepared.push({ itemIndex, publish: await preparePublish(itemContext(this, itemIndex)) });
				} catch (error) {
					outcomes[itemIndex] = { error };
				}
			}),
		);
	}
	prepared.sort((a, b) => a.itemIndex - b.itemIndex);

	const chunks: Array<typeof prepared> = [];
	for (let at = 0; at < prepared.length; at += MAX_BATCH_PINS) chunks.push(prepared.slice(at, at + MAX_BATCH_PINS));
	await Promise.all(
		chunks.map(async (chunk) => {
			const first = chunk[0].itemIndex;
			try {
				const { body } = await pinBridgeRequest<IDataObject>(itemContext(this, first), {
					method: 'POST',
					path: '/v1/pins/batch',
					body: { pins: chunk.map((entry) => entry.publish.body) },
					replaySafe: true,
					itemIndex: first,
				});
				const results = Array.isArray(body?.results) ? (body.results as IDataObject[]) : [];
				chunk.forEach((entry, position) => {
					const result = results.find((r) => Number(r.index) === position) ?? results[position] ?? {};
					outcomes[entry.itemIndex] = batchResultItem(this.getNode(), result, entry.publish.uploads, entry.itemIndex);
				});
			} catch (error) {
				const failure = explainBatchFailure(error);
				for (const entry of chunk) outcomes[entry.itemIndex] = { error: failure };
			}
		}),
	);

	const continueOnFail = this.continueOnFail();
	return [
		outcomes.map((outcome, itemIndex): INodeExecutionData => {
			const pairedItem = { item: itemIndex };
			if ('json' in outcome) return { json: outcome.json, pairedItem };
			if (continueOnFail) return failedItem(this.getNode(), outcome.error, pairedItem);
			const failure = outcome.error;
			throw failure instanceof NodeApiError || failure instanceof NodeOperationError
				? failure
				: new NodeOperationError(this.getNode(), failure as Error, { itemIndex });
		}),
	];
}
