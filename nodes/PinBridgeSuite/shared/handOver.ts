import type { IDataObject } from 'n8n-workflow';

import type { BuiltPinContent } from './pinContent';

/**
 * What an item's preSend hands to that item's postReceive (the uploaded assets, the options already read), so the
 * postReceive neither reads parameters again nor loses what the preSend did. The postReceive runs in a context
 * whose prototype chain holds the preSend's context, which is the key here.
 */
const handedOver = new WeakMap<object, IDataObject>();

export function handOver(ctx: object, data: IDataObject): void {
	handedOver.set(ctx, data);
}

/** What the preSend that ran in (a prototype of) `ctx` handed over; `{}` when nothing. */
export function takeOver(ctx: object): IDataObject {
	for (let owner: object | null = ctx; owner; owner = Object.getPrototypeOf(owner) as object | null) {
		const data = handedOver.get(owner);
		if (data) {
			handedOver.delete(owner);
			return data;
		}
	}
	return {};
}

/** The uploaded assets of a built Pin, as they are added to the output: `{ asset?, cover_asset? }`. */
export function uploadsOf(built: Pick<BuiltPinContent, 'asset' | 'coverAsset'>): IDataObject {
	return {
		...(built.asset ? { asset: built.asset } : {}),
		...(built.coverAsset ? { cover_asset: built.coverAsset } : {}),
	};
}
