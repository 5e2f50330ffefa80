import type { IDataObject } from 'n8n-workflow';

import type { BuiltPinContent } from './pinContent';

/**
 * Assets an item's preSend uploaded, kept for that item's postReceive so the output can show them. The
 * postReceive runs in a context whose prototype chain holds the preSend's context, which is the key here.
 */
const uploadsByContext = new WeakMap<object, IDataObject>();

export function rememberUploads(ctx: object, built: Pick<BuiltPinContent, 'asset' | 'coverAsset'>): void {
	const uploads: IDataObject = {};
	if (built.asset) uploads.asset = built.asset;
	if (built.coverAsset) uploads.cover_asset = built.coverAsset;
	uploadsByContext.set(ctx, uploads);
}

/** `{ asset?, cover_asset? }` for the item whose preSend ran in (a prototype of) `ctx`; `{}` when none. */
export function takeUploads(ctx: object): IDataObject {
	for (let owner: object | null = ctx; owner; owner = Object.getPrototypeOf(owner) as object | null) {
		const uploads = uploadsByContext.get(owner);
		if (uploads) {
			uploadsByContext.delete(owner);
			return uploads;
		}
	}
	return {};
}
