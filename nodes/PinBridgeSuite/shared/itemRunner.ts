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
 * (errorItem.ts), so "Continue (using error output)" keeps `$('Node').item` working
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

import { readRequestSettings } from '../../shared/transport/settings';
import { failedItem } from './errorItem';
import { itemContexts, type ItemContext } from './itemContext';
import type { SendItem } from './routedItem';

export interface ItemRunnerOptions {
	/** Items in the start step at once (≥ 1). */
	concurrency: number;
	/** n8n's declarative "Batching" option: start `batchSize` items, then wait `batchIntervalMs` before the next. */
	batchSize?: number;
	batchIntervalMs?: number;
}

/** n8n's declarative request options (Options → Batching / Timeout), which routed operations honour too. */
interface DeclarativeRequestOptions {
	batching?: { batch?: { batchSize?: number; batchInterval?: number } };
	timeout?: number;
}

/** The timeout n8n's declarative engine gives a request when the node sets none, ms. */
export const ROUTED_DEFAULT_TIMEOUT_MS = 300_000;

/**
 * Items in the start step at once, per in-flight slot: enough that a prepared item is always waiting when a slot
 * frees, few enough that a large batch is not all prepared before the first request leaves.
 */
const ITEMS_PER_SLOT = 2;

/**
 * How a custom operation runs its items, from the node's settings as the routed operations read them: concurrency
 * from Retries and Pacing (2 items per in-flight slot), Batching and Timeout from n8n's request Options.
 */
export function runOptionsOf(exec: IExecuteFunctions): ItemRunnerOptions & { timeoutMs: number } {
	const settings = readRequestSettings(exec.getNodeParameter('requestSettings', 0, {}));
	const requestOptions = (exec.getNodeParameter('requestOptions', 0, {}) ?? {}) as DeclarativeRequestOptions;
	const batch = requestOptions.batching?.batch;
	return {
		concurrency: settings.maxInFlight * ITEMS_PER_SLOT,
		batchSize: batch?.batchSize,
		batchIntervalMs: Number(batch?.batchInterval ?? 0),
		timeoutMs: Number(requestOptions.timeout) > 0 ? Number(requestOptions.timeout) : ROUTED_DEFAULT_TIMEOUT_MS,
	};
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

/**
 * An operation's work on one item, written once and run both ways: in a workflow by `runInWorkflow` (the node's
 * custom operation: all input items through runItems, parameters read once where they are the same for all), and
 * as an AI agent's tool by `sendEachItem` (the operation's routed send, one item: shared/routedItem.ts).
 */
export interface ItemWork<T> {
	/** Read, check and send; at most `concurrency` items are here at once. */
	start(ctx: ItemContext, timeoutMs: number): Promise<T>;
	/** What follows the answer (e.g. Wait for Publish), outside that limit: the output item's json. */
	finish(ctx: ItemContext, started: T): Promise<IDataObject>;
}

/** The work as the node's custom operation; `afterRun` sees the output (e.g. to add an execution hint). */
export function runInWorkflow<T>(
	work: ItemWork<T>,
	afterRun?: (exec: IExecuteFunctions, output: INodeExecutionData[]) => void,
) {
	return async function runEachItem(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const options = runOptionsOf(this);
		const contextOf = itemContexts(this);
		const output = await runItems(
			this,
			options,
			async (itemIndex) => await work.start(contextOf(itemIndex), options.timeoutMs),
			async (itemIndex, started) => await work.finish(contextOf(itemIndex), started),
		);
		afterRun?.(this, output);
		return [output];
	};
}

/** The work as the operation's routed send: the item n8n's declarative engine hands over, start then finish. */
export function sendEachItem<T>(work: ItemWork<T>): SendItem {
	return async (ctx, request) => {
		const started = await work.start(ctx, request.timeoutMs ?? ROUTED_DEFAULT_TIMEOUT_MS);
		return [{ json: await work.finish(ctx, started) }];
	};
}
