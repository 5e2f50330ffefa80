/**
 * Wait for Publish: after POST /v1/pins, follow the Pin's job until it is `published` or `failed`; a published Pin
 * comes back with its link on Pinterest (`pinterest_url`).
 * `queued`, `publishing` and `deferred` mean "not yet". A deferred Pin waits for Pinterest rate-limit tokens, so
 * its polls are paced with the rate meter; otherwise polls start 2 s apart and grow. Sleeping and the clock come
 * from transportRuntime, so tests run without waiting.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type JsonObject,
} from 'n8n-workflow';

import { withPinterestLink } from '../../../shared/pinterestLink';
import { pacingWaitMs, pinBridgeRequest, transportRuntime } from '../../../shared/transport/request';
import type { ItemContext } from '../../shared/itemContext';

export const FIRST_POLL_INTERVAL_MS = 2_000;
export const MAX_POLL_INTERVAL_MS = 15_000;
const FINAL_STATUSES = ['published', 'failed'];

/** A Pin PinBridge gave up on, as an item error carrying PinBridge's error code and message. */
export function publishFailedError(ctx: ItemContext, pinId: string, job: IDataObject): NodeApiError {
	const code = typeof job.error_code === 'string' ? job.error_code : 'unknown_error';
	const reason = typeof job.error_message === 'string' ? job.error_message : 'PinBridge gave no reason';
	const message = `The Pin failed to publish: ${reason} (${code})`;
	return new NodeApiError(
		ctx.getNode(),
		{ message, error_code: code, error_message: reason, pin_id: pinId } as JsonObject,
		{
			message,
			itemIndex: ctx.getItemIndex(),
			// n8n shows the description as one line: sentences, not lines
			description: `PinBridge error code: ${code}. Fix the cause, then use Pin → Retry with Pin ID ${pinId}.`,
		},
	);
}

export async function waitForPublish(
	ctx: ItemContext,
	created: IDataObject,
	timeoutSeconds: number,
): Promise<IDataObject> {
	const pinId = String(created.id);
	const accountId = typeof created.pinterest_account_id === 'string' ? created.pinterest_account_id : undefined;
	const itemIndex = ctx.getItemIndex();
	const deadline = transportRuntime.now() + timeoutSeconds * 1000;
	let status = String(created.status ?? 'queued');
	let job: IDataObject = created;
	let interval = FIRST_POLL_INTERVAL_MS;

	while (!FINAL_STATUSES.includes(status)) {
		const remaining = deadline - transportRuntime.now();
		if (remaining <= 0) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Pin ${pinId} was created but is still ${status} after ${timeoutSeconds} seconds`,
				{
					itemIndex,
					description:
						'PinBridge keeps publishing it; nothing needs to be sent again. Check it later with Pin → Get Status, or raise Wait Timeout. Re-running this workflow will not create a duplicate: the idempotency key returns this same Pin.',
				},
			);
		}
		let waitMs = interval;
		if (status === 'deferred' && accountId) waitMs = Math.max(waitMs, await pacingWaitMs(ctx, accountId));
		await transportRuntime.sleep(Math.min(waitMs, remaining));
		interval = Math.min(Math.round(interval * 1.5), MAX_POLL_INTERVAL_MS);
		const response = await pinBridgeRequest<IDataObject>(ctx, {
			method: 'GET',
			path: `/v1/jobs/${pinId}`,
			itemIndex,
		});
		job = response.body ?? {};
		status = String(job.status ?? status);
	}

	if (status === 'failed') throw publishFailedError(ctx, pinId, job);
	// already final when created (an idempotent replay): nothing to re-read
	if (job === created) return withPinterestLink(created);
	const { body } = await pinBridgeRequest<IDataObject>(ctx, { method: 'GET', path: `/v1/pins/${pinId}`, itemIndex });
	return withPinterestLink(body);
}
