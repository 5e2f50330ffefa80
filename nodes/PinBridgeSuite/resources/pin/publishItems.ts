/**
 * Pin → Publish as a custom operation (`INodeType.customOperations.pin.publish`): what n8n runs for Publish in a
 * workflow, instead of its declarative engine.
 *
 * Why: the engine walks all of the node's properties for every item (twice on n8n 2.x) and evaluates each
 * expression there before our preSend reads the Pin's fields again; for bulk publishing that walk was most of n8n's
 * CPU per item (BENCHMARKS.md). Here each item's parameters are read once, by the same code the routed Publish uses
 * (publish.ts: same checks and messages, same idempotency key, same uploads), and sent by the same request helper
 * (same in-flight cap, retries and pacing). Output: one item per input item, in input order, paired; failures as
 * itemRunner.ts describes.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { pinBridgeRequest, transportRuntime } from '../../../shared/transport/request';
import { readRequestSettings } from '../../../shared/transport/settings';
import { itemContext, type ItemContext } from '../../shared/itemContext';
import { runItems } from '../../shared/itemRunner';
import { preparePublish, publishOutput, type PreparedPublish, type PublishAnswer } from './publish';

/** n8n's declarative request options (Options → Batching / Timeout), which the routed Publish honours too. */
interface DeclarativeRequestOptions {
	batching?: { batch?: { batchSize?: number; batchInterval?: number } };
	timeout?: number;
}

/** The timeout n8n's declarative engine gives a request when the node sets none. */
const ROUTED_DEFAULT_TIMEOUT_MS = 300_000;

/**
 * Items being read, checked and sent at once, per in-flight slot: enough that a prepared item is always waiting
 * when a slot frees, few enough that a large batch is not all prepared before the first Pin is sent.
 */
const ITEMS_PER_SLOT = 2;

interface SentPublish {
	ctx: ItemContext;
	prepared: PreparedPublish;
	answer: PublishAnswer;
}

export async function publishPins(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const settings = readRequestSettings(this.getNodeParameter('requestSettings', 0, {}));
	const requestOptions = (this.getNodeParameter('requestOptions', 0, {}) ?? {}) as DeclarativeRequestOptions;
	const timeoutMs = Number(requestOptions.timeout) > 0 ? Number(requestOptions.timeout) : ROUTED_DEFAULT_TIMEOUT_MS;
	const batch = requestOptions.batching?.batch;

	const start = async (itemIndex: number): Promise<SentPublish> => {
		const ctx = itemContext(this, itemIndex);
		const prepared = await preparePublish(ctx);
		const startedAt = transportRuntime.now();
		const response = await pinBridgeRequest(ctx, {
			method: 'POST',
			path: '/v1/pins',
			body: prepared.body,
			accountId: String(prepared.body.account_id),
			timeoutMs,
			itemIndex,
		});
		const answer = { body: response.body, headers: response.headers, elapsedMs: transportRuntime.now() - startedAt };
		return { ctx, prepared, answer };
	};
	const finish = async (_itemIndex: number, sent: SentPublish) =>
		await publishOutput(sent.ctx, sent.prepared, sent.answer);

	const items = await runItems(
		this,
		{
			concurrency: settings.maxInFlight * ITEMS_PER_SLOT,
			batchSize: batch?.batchSize,
			batchIntervalMs: Number(batch?.batchInterval ?? 0),
		},
		start,
		finish,
	);
	return [items];
}
