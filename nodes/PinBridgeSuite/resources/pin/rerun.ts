/**
 * A re-run of a Publish whose media is a binary: the content-derived key is the same (it hashes the bytes), but the
 * file is uploaded again, so the body carries a new `asset_id`. PinBridge may answer that two ways, and neither may
 * fail the re-run or leave an asset behind:
 * - it returns the Pin it already has for the key (contract §5): the new upload is not used by it and is deleted;
 * - it refuses a key reused with another body (409/422 naming the idempotency key; the real service may): the Pin
 *   that holds the key is looked up and returned as not created by this call, and the new upload is deleted.
 */
import { NodeApiError, type IDataObject } from 'n8n-workflow';

import { pinBridgeRequestList } from '../../../shared/transport/lists';
import { pinBridgeRequest } from '../../../shared/transport/request';
import type { ItemContext } from '../../shared/itemContext';

/** Whether a failed POST /v1/pins says its idempotency key is already taken by another body. */
export function isKeyConflict(error: unknown): boolean {
	if (!(error instanceof NodeApiError) || !['409', '422'].includes(String(error.httpCode))) return false;
	const response = (error.errorResponse ?? {}) as IDataObject;
	return /idempoten/i.test(`${String(response.code ?? '')} ${error.message}`);
}

/** The Pin holding `key`: PinBridge has no look-up by key, so the board's Pins with this title are searched. */
export async function pinHoldingKey(ctx: ItemContext, body: IDataObject): Promise<IDataObject | undefined> {
	const candidates = await pinBridgeRequestList<IDataObject>(
		ctx,
		{
			method: 'GET',
			path: '/v1/pins',
			qs: { board_id: body.board_id, q: body.title, offset: 0 },
			itemIndex: ctx.getItemIndex(),
		},
		{ returnAll: true, limit: 0, paginated: true },
	);
	return candidates.find((pin) => pin.idempotency_key === body.idempotency_key);
}

/**
 * Deletes this call's uploads that the Pin does not use (it is an earlier Pin), and returns the uploads to show.
 * PinBridge keeps an asset that is in use (no `confirm`), so a wrong guess here can never break a Pin.
 */
export async function settleUploads(ctx: ItemContext, uploads: IDataObject, pin: IDataObject, replay: boolean): Promise<IDataObject> {
	const uploaded = [uploads.asset, uploads.cover_asset].filter(
		(asset): asset is IDataObject => typeof asset === 'object' && asset !== null && typeof (asset as IDataObject).id === 'string',
	);
	// Only a Pin that names another asset is an earlier one: an answer without asset_id decides nothing.
	const usedAsset = typeof pin.asset_id === 'string' && pin.asset_id !== '' ? pin.asset_id : undefined;
	const earlierPin = replay || (uploads.asset !== undefined && usedAsset !== undefined && usedAsset !== (uploads.asset as IDataObject).id);
	if (!earlierPin || uploaded.length === 0) return uploads;
	for (const asset of uploaded) {
		try {
			await pinBridgeRequest(ctx, { method: 'DELETE', path: `/v1/assets/${encodeURIComponent(String(asset.id))}`, itemIndex: ctx.getItemIndex() });
		} catch {
			// Left for Asset → Delete: the Pin is what the item is about.
		}
	}
	return {};
}
