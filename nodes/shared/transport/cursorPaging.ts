/**
 * Lists PinBridge pages by cursor rather than by offset (the activity log, contract §8.10): each answer is
 * `{ items: [...], next_cursor }` and the next page is asked for with `cursor=<next_cursor>`. Every page goes through
 * `pinBridgeRequest`, so retries, pacing and error mapping are the same as for any other call.
 */
import type { IDataObject } from 'n8n-workflow';

import { MAX_PAGE_SIZE, type ListOptions } from './lists';
import { pinBridgeRequest, type PinBridgeContext, type PinBridgeRequest } from './request';

/** The query parameter a routed operation declares (empty) to ask for cursor paging, as `offset: 0` asks for offsets. */
export const CURSOR_PARAMETER = 'cursor';

interface CursorPage<T> {
	items?: T[];
	next_cursor?: string | null;
}

/**
 * The items of a cursor-paged list, up to `limit` (or all). Stops on an empty page — PinBridge may still send a
 * cursor with one — on a missing cursor, and on a cursor that repeats the one just sent (never loops).
 */
export async function pinBridgeRequestCursorList<T = IDataObject>(
	ctx: PinBridgeContext,
	request: PinBridgeRequest,
	{ returnAll, limit }: Pick<ListOptions, 'returnAll' | 'limit'>,
): Promise<T[]> {
	const wanted = returnAll ? Number.POSITIVE_INFINITY : Math.max(0, limit);
	const { [CURSOR_PARAMETER]: first, ...qs } = request.qs ?? {};
	let cursor = typeof first === 'string' && first !== '' ? first : undefined;
	const results: T[] = [];
	while (results.length < wanted) {
		const pageSize = Math.min(MAX_PAGE_SIZE, wanted - results.length);
		const { body } = await pinBridgeRequest<CursorPage<T>>(ctx, {
			...request,
			qs: { ...qs, limit: pageSize, ...(cursor ? { [CURSOR_PARAMETER]: cursor } : {}) },
		});
		const page = Array.isArray(body?.items) ? body.items : [];
		if (page.length === 0) break;
		results.push(...page);
		const next = body?.next_cursor;
		if (typeof next !== 'string' || next === '' || next === cursor) break;
		cursor = next;
	}
	return results.slice(0, wanted);
}
