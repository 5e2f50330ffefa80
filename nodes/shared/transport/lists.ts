/**
 * Reading PinBridge's lists, tolerantly (contract §9.1.5): a list may come as a bare array (§3), or as an object
 * holding it (`{items: [...]}`, `{data: [...]}`, `{assets: [...], total}`); `X-Total-Count` may be missing, and the
 * server may cap `limit` below what was asked. Every page goes through `pinBridgeRequest`.
 */
import { NodeApiError, type IDataObject, type INode, type JsonObject } from 'n8n-workflow';

import { headerValue } from './headers';
import { pinBridgeRequest, type PinBridgeContext, type PinBridgeRequest } from './request';

/** PinBridge's largest page (contract §3). */
export const MAX_PAGE_SIZE = 200;

export interface ListOptions {
	returnAll: boolean;
	/** Ignored when `returnAll`. */
	limit: number;
	/** Whether the endpoint takes limit/offset (pins, schedules, imports, assets); other lists come whole. */
	paginated: boolean;
}

/** Where an envelope keeps its list: the common names, then the resource's own (`/v1/assets` → `assets`). */
function envelopeKeys(path: string): string[] {
	const resource = path.split('?')[0].split('/').filter(Boolean).pop() ?? '';
	return ['items', 'data', 'results', resource];
}

/**
 * The entries of a list answer. An empty answer (204) is an empty list; an object holding one list is read as that
 * list; anything else fails naming the call, rather than passing for an empty list.
 */
export function listItemsOf<T = IDataObject>(node: INode, body: unknown, path: string): T[] {
	if (Array.isArray(body)) return body as T[];
	if (body === undefined || body === null || body === '') return [];
	if (typeof body === 'object' && !Buffer.isBuffer(body)) {
		const envelope = body as IDataObject;
		const named = envelopeKeys(path).find((key) => Array.isArray(envelope[key]));
		if (named !== undefined) return envelope[named] as T[];
		const lists = Object.values(envelope).filter((value) => Array.isArray(value));
		if (lists.length === 1) return lists[0] as T[];
	}
	const message = `PinBridge answered ${path} with something that is not a list`;
	throw new NodeApiError(node, { message } as JsonObject, {
		message,
		description: 'The answer was neither an array nor an object holding one list. Nothing was changed at PinBridge.',
	});
}

/** The list's full length, when PinBridge says it: `X-Total-Count`, or an envelope's `total`. */
function totalOf(headers: IDataObject, body: unknown): number | undefined {
	const header = headerValue(headers, 'x-total-count');
	const fromBody = body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject).total : undefined;
	for (const value of [header, fromBody]) {
		const total = Number(value);
		if (value !== undefined && value !== null && value !== '' && Number.isFinite(total)) return total;
	}
	return undefined;
}

/**
 * A list endpoint's items. Paged by limit/offset until the total is reached; without a total, until an empty page
 * or a page shorter than one the server already gave (its own cap may be below the `limit` asked for, so a first
 * short page alone does not end the list: it may cost one request more).
 */
export async function pinBridgeRequestList<T = IDataObject>(
	ctx: PinBridgeContext,
	request: PinBridgeRequest,
	{ returnAll, limit, paginated }: ListOptions,
): Promise<T[]> {
	const wanted = returnAll ? Number.POSITIVE_INFINITY : Math.max(0, limit);
	if (!paginated) {
		const { body } = await pinBridgeRequest(ctx, request);
		const all = listItemsOf<T>(ctx.getNode(), body, request.path);
		return returnAll ? all : all.slice(0, wanted);
	}
	const results: T[] = [];
	let offset = Number((request.qs ?? {}).offset ?? 0);
	let largestPage = 0;
	while (results.length < wanted) {
		const pageSize = Math.min(MAX_PAGE_SIZE, wanted - results.length);
		const { body, headers } = await pinBridgeRequest(ctx, { ...request, qs: { ...request.qs, limit: pageSize, offset } });
		const page = listItemsOf<T>(ctx.getNode(), body, request.path);
		results.push(...page);
		offset += page.length;
		const total = totalOf(headers, body);
		if (page.length === 0) break;
		if (total !== undefined ? offset >= total : page.length < pageSize && page.length < largestPage) break;
		largestPage = Math.max(largestPage, page.length);
	}
	return results.slice(0, wanted);
}
