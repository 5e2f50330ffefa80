/**
 * Schedule → Add to Queue: each input item becomes one schedule at the next free slot of a posting plan (times of day
 * per weekday, at most N Pins per slot per account or board), the slots PinBridge already has Pins in skipped; an item
 * already in the queue gets its schedule back instead of a second one. How: queueRun.ts (plan, one listing, create as
 * Schedule → Create does); the plan's arithmetic: queuePlan.ts; its parameters: queueFields.ts.
 *
 * One implementation, run two ways: in workflows as the node's custom operation (`addToQueue`, the whole input planned
 * with one listing, then each item through the item runner), and as an AI agent's tool through the routed send (n8n
 * runs a tool only that way; a tool call is one item, planned on its own).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { transportRuntime } from '../../../shared/transport/request';
import { itemContexts } from '../../shared/itemContext';
import { ROUTED_DEFAULT_TIMEOUT_MS, runItems, runOptionsOf } from '../../shared/itemRunner';
import type { SendItem } from '../../shared/routedItem';
import type { OperationDefinition } from '../operation';
import { queueFields } from './queueFields';
import { planQueue, queueItem, readQueueSettings, sameAsOutput } from './queueRun';

/** A promise settled from outside: each item's outcome, for a later item with the same content. */
export function outcome() {
	let settle!: { resolve: (json: IDataObject) => void; reject: (error: unknown) => void };
	const promise = new Promise<IDataObject>((resolve, reject) => (settle = { resolve, reject }));
	// Read only by a repeat of the item, if there is one; its failure is reported on the item itself.
	promise.catch(() => undefined);
	return { promise, ...settle };
}

/** The node's `customOperations.schedule.addToQueue`. */
export async function addToQueue(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const count = this.getInputData().length;
	if (count === 0) return [[]];
	const options = runOptionsOf(this);
	const contextOf = itemContexts(this);
	const contexts = Array.from({ length: count }, (_, itemIndex) => contextOf(itemIndex));
	const now = transportRuntime.now();
	const settings = readQueueSettings(contexts[0], now);
	const planned = await planQueue(contexts, settings, now);
	const outcomes = planned.map(() => outcome());
	const start = async (itemIndex: number): Promise<IDataObject | number> => {
		const item = planned[itemIndex];
		// A repeat waits for the item it repeats in `finish`, outside the runner's concurrency limit.
		if (item.ok && item.placement.kind === 'sameAs') return item.placement.itemIndex;
		const queued = queueItem(contexts[itemIndex], item, settings, options.timeoutMs);
		queued.then(outcomes[itemIndex].resolve, outcomes[itemIndex].reject);
		return await queued;
	};
	const finish = async (itemIndex: number, started: IDataObject | number): Promise<IDataObject> => {
		if (typeof started !== 'number') return started;
		return await sameAsOutput(contexts[itemIndex], started, outcomes[started].promise, settings.preview);
	};
	return [await runItems(this, options, start, finish)];
}

/** As an AI agent's tool: the one item planned on its own (one listing), then queued. */
const queueOneItem: SendItem = async (ctx, request) => {
	const now = transportRuntime.now();
	const settings = readQueueSettings(ctx, now);
	const [planned] = await planQueue([ctx], settings, now);
	return [{ json: await queueItem(ctx, planned, settings, request.timeoutMs ?? ROUTED_DEFAULT_TIMEOUT_MS) }];
};

export const addToQueueOperation: OperationDefinition = {
	option: {
		name: 'Add to Queue',
		value: 'addToQueue',
		action: 'Add a Pin to the posting queue',
		description:
			'Schedule each item at the next free time of a posting plan (e.g. weekdays 09:00, 13:00, 19:00), skipping times PinBridge already has Pins at. An item already queued gets its schedule back; none is scheduled twice.',
		routing: { request: { method: 'POST', url: '/v1/schedules' } },
	},
	send: queueOneItem,
	fields: queueFields(),
};
