/**
 * How a custom operation runs its input items: concurrently, with output in input order and every item paired.
 *
 * Each item goes through two steps:
 * - `start(itemIndex)` — read, check and send (the request helper's in-flight cap still limits what is open at
 *   PinBridge). At most `concurrency` items are in this step at once, taken in input order, so items are prepared
 *   while earlier ones wait for their answers and the cap stays busy without preparing all items up front.
 * - `finish(itemIndex, started)` — anything long that follows (Wait for Publish): it runs outside that limit, so a
 *   thousand waiting Pins do not hold back the rest.
 *
 * Output: one item per input item, `pairedItem: { item }`. A failed item, when the node continues on fail (either
 * "Continue" setting), becomes a paired error item carrying PinBridge's code, remediation and request id
 * (nodes/shared/transport/errorItem.ts), so "Continue (using error output)" keeps `$('Node').item` working
 * downstream. Otherwise every item still runs to its end (as n8n's declarative engine does), then the first failure
 * in input order fails the node.
 */
import {
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { failedItem } from '../../shared/transport/errorItem';

export interface ItemRunnerOptions {
	/** Items in the start step at once (≥ 1). */
	concurrency: number;
	/** n8n's declarative "Batching" option: start `batchSize` items, then wait `batchIntervalMs` before the next. */
	batchSize?: number;
	batchIntervalMs?: number;
}

type Outcome = { ok: true; json: IDataObject } | { ok: false; error: unknown };

const succeeded = (json: IDataObject): Outcome => ({ ok: true, json });
const failed = (error: unknown): Outcome => ({ ok: false, error });

export async function runItems<T>(
	exec: IExecuteFunctions,
	options: ItemRunnerOptions,
	start: (itemIndex: number) => Promise<T>,
	finish: (itemIndex: number, started: T) => Promise<IDataObject>,
): Promise<INodeExecutionData[]> {
	const count = exec.getInputData().length;
	const outcomes: Array<Promise<Outcome>> = [];
	const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1));
	const batchIntervalMs = options.batchIntervalMs ?? 0;
	let next = 0;
	let spacing: Promise<void> = Promise.resolve();

	/** The next item to start, after the batching pause when one is due (pauses are taken in order). */
	const takeNext = async (): Promise<number | undefined> => {
		if (next >= count) return undefined;
		const itemIndex = next++;
		if (batchIntervalMs > 0 && itemIndex > 0 && itemIndex % batchSize === 0) {
			spacing = spacing.then(async () => await sleep(batchIntervalMs));
		}
		await spacing;
		return itemIndex;
	};

	const worker = async () => {
		for (let itemIndex = await takeNext(); itemIndex !== undefined; itemIndex = await takeNext()) {
			const index = itemIndex;
			try {
				const started = await start(index);
				outcomes[index] = finish(index, started).then(succeeded, failed);
			} catch (error) {
				outcomes[index] = Promise.resolve(failed(error));
			}
		}
	};
	const workers = Math.max(1, Math.min(count, Math.floor(options.concurrency)));
	await Promise.all(Array.from({ length: workers }, worker));
	const settled = await Promise.all(outcomes);

	const continueOnFail = exec.continueOnFail();
	return settled.map((outcome, itemIndex): INodeExecutionData => {
		const pairedItem = { item: itemIndex };
		if (outcome.ok) return { json: outcome.json, pairedItem };
		const error = asNodeError(exec, outcome.error, itemIndex);
		if (continueOnFail) return failedItem(exec.getNode(), error, pairedItem);
		throw error;
	});
}

/** n8n's errors are kept as they are (they carry the item index); anything else becomes one. */
function asNodeError(exec: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (error instanceof Error && (error.name === 'NodeApiError' || error.name === 'NodeOperationError')) {
		return error as NodeOperationError;
	}
	return new NodeOperationError(exec.getNode(), error instanceof Error ? error : String(error), { itemIndex });
}
