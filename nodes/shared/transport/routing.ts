/**
 * How declarative operations reach the request helper.
 *
 * n8n's RoutingNode builds each item's request from the descriptions (method, url, qs, body, preSend) and, when
 * the routing sets `send.paginate`, hands it to `requestOperations.pagination` instead of sending it itself. The
 * node sets `send.paginate` once for every operation (`routeThroughHelperProperty`) and names `routeThroughHelper()`
 * as its pagination function, so every routed request is sent here — retries, pacing, error mapping and the
 * in-flight cap included. An operation that needs more (e.g. reconciling a create) sets its own
 * `routing.operations.pagination: routeThroughHelper({ … })`.
 * RoutingNode skips `postReceive` when this function throws and applies only function-type actions otherwise;
 * operations therefore shape output with `postReceive` functions, which run here after a success.
 *
 * Failed items, with Continue On Fail (either "Continue" setting): RoutingNode turns a failure into
 * `{ json: {}, error }` without `pairedItem`, and "Continue (using error output)" then loses the pairing
 * (`$('Node').item` fails downstream). So failures never reach it: a preSend wrapped with `keepFailureForItem`
 * keeps its error for this item instead of throwing, and the operation's pagination function, wrapped with
 * `pairItemFailures`, returns every failure of its item — kept, or thrown while sending — as
 * a paired error item carrying PinBridge's code, remediation and request id (errorItem.ts). Without Continue On Fail
 * errors are thrown as before. The node wraps every
 * operation this way (resources/operation.ts and the node's `requestOperations`). Only a failure inside n8n's own
 * parameter walk (an expression n8n cannot evaluate) still comes out unpaired: it happens before this code runs.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';

import { CURSOR_PARAMETER, pinBridgeRequestCursorList } from './cursorPaging';
import { pinBridgeRequestList } from './lists';
import {
	pinBridgeRequest,
	type PinBridgeContext,
	type PinBridgeRequest,
	type PinBridgeResponse,
} from './request';
import { failedItem } from './errorItem';

export interface RouteOptions {
	/** See PinBridgeRequest.reconcile; given the request as built from the descriptions. */
	reconcile?: (ctx: IExecutePaginationFunctions, request: PinBridgeRequest) => Promise<IDataObject | undefined>;
}

/** Hidden parameter whose routing turns on `send.paginate` for every operation: see the comment above. */
export const routeThroughHelperProperty: INodeProperties = {
	displayName: 'Route Through Request Helper',
	name: 'routeThroughHelper',
	type: 'hidden',
	default: true,
	routing: { send: { paginate: true } },
};

function asRequest(ctx: IExecutePaginationFunctions, options: DeclarativeRestApiSettings.HttpRequestOptions) {
	const body = options.body as IDataObject | IDataObject[] | Buffer | undefined;
	const hasBody =
		body !== undefined &&
		(Buffer.isBuffer(body) || Array.isArray(body) || Object.keys(body as IDataObject).length > 0);
	const request: PinBridgeRequest = {
		method: (options.method ?? 'GET') as IHttpRequestMethods,
		path: options.url ?? '/',
		qs: options.qs as IDataObject | undefined,
		body: hasBody ? body : undefined,
		headers: options.headers as IDataObject | undefined,
		timeoutMs: typeof options.timeout === 'number' ? options.timeout : undefined,
		itemIndex: ctx.getItemIndex(),
	};
	const accountId = (body && !Buffer.isBuffer(body) && !Array.isArray(body) ? body.account_id : undefined) ??
		(options.qs as IDataObject | undefined)?.account_id;
	if (typeof accountId === 'string') request.accountId = accountId;
	return request;
}

/** A PinBridge response as n8n items: one per array element, one for an object, `{ success: true }` for none. */
export function responseToItems(body: unknown): INodeExecutionData[] {
	if (Array.isArray(body)) return body.map((json) => ({ json: json as IDataObject }));
	if (body && typeof body === 'object') return [{ json: body as IDataObject }];
	return [{ json: { success: true } }];
}

export function routeThroughHelper(routeOptions: RouteOptions = {}) {
	return async function sendRoutedRequest(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const ctx = this as unknown as PinBridgeContext;
		const request = asRequest(this, requestData.options);
		if (routeOptions.reconcile) {
			const reconcile = routeOptions.reconcile;
			request.reconcile = async () => await reconcile(this, request);
		}

		// List operations carry Return All / Limit; endpoints that page declare `qs.offset` (or, paged by cursor,
		// an empty `qs.cursor`) in their routing.
		const returnAll = this.getNodeParameter('returnAll', 'notAList') as boolean | string;
		let response: PinBridgeResponse;
		if (typeof returnAll === 'boolean') {
			const limit = returnAll ? 0 : Number(this.getNodeParameter('limit', 50));
			const body =
				request.qs !== undefined && CURSOR_PARAMETER in request.qs
					? await pinBridgeRequestCursorList(ctx, request, { returnAll, limit })
					: await pinBridgeRequestList(ctx, request, {
							returnAll,
							limit,
							paginated: request.qs !== undefined && 'offset' in request.qs,
						});
			response = { body, headers: {}, statusCode: 200 };
		} else {
			response = await pinBridgeRequest(ctx, request);
		}

		let items = responseToItems(response.body);
		for (const { actions } of requestData.postReceive) {
			for (const action of actions) {
				if (typeof action !== 'function') {
					throw new Error('PinBridge operations shape their output with postReceive functions only');
				}
				items = await action.call(this, items, {
					body: response.body as IDataObject,
					headers: response.headers,
					statusCode: response.statusCode,
				});
			}
		}
		const itemIndex = this.getItemIndex();
		return items.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
	};
}

type RoutedPagination = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/** Failures kept by `keepFailureForItem`, by the item's context (the pagination context inherits from it). */
const keptFailures = new WeakMap<object, unknown>();

function keptFailureOf(ctx: object): { error: unknown } | undefined {
	for (let owner: object | null = ctx; owner; owner = Object.getPrototypeOf(owner) as object | null) {
		if (keptFailures.has(owner)) return { error: keptFailures.get(owner) };
	}
	return undefined;
}

/** A preSend whose failure, with Continue On Fail, becomes this item's paired error item (see the top comment). */
export function keepFailureForItem(preSend: PreSendAction): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		if (!this.continueOnFail()) return await preSend.call(this, requestOptions);
		if (keptFailureOf(this)) return requestOptions; // an earlier preSend of this item failed: nothing will be sent
		try {
			return await preSend.call(this, requestOptions);
		} catch (error) {
			keptFailures.set(this, error);
			return requestOptions;
		}
	};
}

/**
 * The outermost pagination function of an operation: with Continue On Fail, the item's failure — kept by a preSend
 * or thrown here — becomes its paired error item; every output item is paired (see the top comment).
 */
export function pairItemFailures(pagination: RoutedPagination): RoutedPagination {
	return async function sendItem(this: IExecutePaginationFunctions, requestData) {
		const pairedItem = { item: this.getItemIndex() };
		const failed = (error: unknown): INodeExecutionData[] => [failedItem(this.getNode(), error, pairedItem)];
		const kept = keptFailureOf(this);
		if (kept) return failed(kept.error);
		const send = async () =>
			(await pagination.call(this, requestData)).map((item) => ({ ...item, pairedItem: item.pairedItem ?? pairedItem }));
		if (!this.continueOnFail()) return await send();
		try {
			return await send();
		} catch (error) {
			return failed(error);
		}
	};
}
