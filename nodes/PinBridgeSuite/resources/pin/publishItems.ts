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
import { itemContexts, type ItemContext } from '../../shared/itemContext';
import { runItems, runOptionsOf } from '../../shared/itemRunner';
import { preparePublish, publishOutput, type PreparedPublish, type PublishAnswer } from './publish';
import { isKeyConflict, pinHoldingKey } from './rerun';

interface SentPublish {
	ctx: ItemContext;
	prepared: PreparedPublish;
	answer: PublishAnswer;
}

export async function publishPins(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const options = runOptionsOf(this);
	const contextOf = itemContexts(this);
	const start = async (itemIndex: number): Promise<SentPublish> => {
		const ctx = contextOf(itemIndex);
		const prepared = await preparePublish(ctx);
		const startedAt = transportRuntime.now();
		try {
			const response = await pinBridgeRequest(ctx, {
				method: 'POST',
				path: '/v1/pins',
				body: prepared.body,
				accountId: typeof prepared.body.account_id === 'string' ? prepared.body.account_id : undefined,
				timeoutMs: options.timeoutMs,
				itemIndex,
			});
			const answer = { body: response.body, headers: response.headers, elapsedMs: transportRuntime.now() - startedAt };
			return { ctx, prepared, answer };
		} catch (error) {
			const held = isKeyConflict(error) ? await pinHoldingKey(ctx, prepared.body) : undefined;
			if (!held) throw error;
			return { ctx, prepared, answer: { body: held, headers: {}, elapsedMs: 0, heldBy: true } };
		}
	};
	const finish = async (_itemIndex: number, sent: SentPublish) =>
		await publishOutput(sent.ctx, sent.prepared, sent.answer);
	const output = await runItems(this, options, start, finish);
	hintWhenNotPublishedYet(this, output);
	return [output];
}

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

/** n8n's execution hint (shown above the node's output), as n8n's own nodes give one after a run. */
function hintWhenNotPublishedYet(exec: IExecuteFunctions, output: INodeExecutionData[]): void {
	const count = output.filter((item) => !item.json.error && NOT_YET.includes(String(item.json.status))).length;
	// addExecutionHints is missing on older n8n versions: the output is the same without it.
	if (count === 0 || typeof exec.addExecutionHints !== 'function') return;
	exec.addExecutionHints({ message: notPublishedYetHint(count), type: 'info', location: 'outputPane' });
}
