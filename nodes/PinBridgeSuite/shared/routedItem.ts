/**
 * How n8n's declarative engine (its RoutingNode) runs an operation of this node for one item: every operation as an
 * AI agent's tool (n8n runs a tool only through the routing, never through custom operations), and in workflows
 * every operation that has no custom operation.
 *
 * Why the routing names a pagination function: RoutingNode builds each item's request from the descriptions (method,
 * url, qs, body) and hands it to a function of the node only when the operation's routing sets `send.paginate` and
 * names `operations.pagination`; otherwise it sends the request itself, past the request helper (retries, pacing,
 * in-flight cap, error mapping). So `routedOption()` declares both in each operation's own routing, and the function
 * it names, `sendItem`, does for the item, in order and inside one try/catch:
 *   1. the operation's `prepare` steps (checks, body, query) on the built request;
 *   2. the send: through the request helper (a list when the operation has Return All), or the operation's own `send`;
 *   3. the routing's `postReceive` functions on the answer; every output item paired with its input item.
 * A refused item is never sent: a failed step throws before step 2, by plain control flow. With Continue On Fail the
 * failure becomes the item's paired error item (errorItem.ts; n8n's own error items carry no pairedItem); without,
 * it is thrown, after the operation's `explain` has put PinBridge's well-known refusals in the user's words.
 * Nothing here depends on how n8n builds its contexts: each item's work stays in this one call.
 * Only a failure inside n8n's own parameter walk (an expression n8n cannot evaluate) still comes out unpaired: it
 * happens before this code runs.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeExecutionData,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';

import { CURSOR_PARAMETER, pinBridgeRequestCursorList } from '../../shared/transport/cursorPaging';
import { pinBridgeRequestList } from '../../shared/transport/lists';
import {
	pinBridgeRequest,
	type PinBridgeContext,
	type PinBridgeRequest,
	type PinBridgeResponse,
} from '../../shared/transport/request';
import { failedItem } from './errorItem';
import { withExplanation, type ExplainFailure } from './explain';

/** An operation's own way to send an item's request (downloads, chunked imports, the bulk operations' item work). */
export type SendItem = (ctx: IExecuteSingleFunctions, request: PinBridgeRequest) => Promise<INodeExecutionData[]>;

/** What the routed send needs of an operation (resources/operation.ts documents each). */
export interface RoutedSteps {
	prepare?: PreSendAction[];
	send?: SendItem;
	reconcile?: (ctx: PinBridgeContext, request: PinBridgeRequest) => Promise<IDataObject | undefined>;
	explain?: ExplainFailure;
}

/** The request as built by RoutingNode and the prepare steps, for the request helper. */
function asRequest(itemIndex: number, options: DeclarativeRestApiSettings.HttpRequestOptions): PinBridgeRequest {
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
		itemIndex,
	};
	const accountId =
		(body && !Buffer.isBuffer(body) && !Array.isArray(body) ? body.account_id : undefined) ??
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

/**
 * The request through the helper: one call, or — for an operation with Return All / Limit — the whole list (paged by
 * offset when the routing declares `qs.offset`, by cursor when it declares an empty `qs.cursor`, else one call).
 */
export async function sendThroughHelper(ctx: IExecuteSingleFunctions, request: PinBridgeRequest): Promise<PinBridgeResponse> {
	const returnAll = ctx.getNodeParameter('returnAll', 'notAList') as boolean | string;
	if (typeof returnAll !== 'boolean') return await pinBridgeRequest(ctx, request);
	const limit = returnAll ? 0 : Number(ctx.getNodeParameter('limit', 50));
	const body =
		request.qs !== undefined && CURSOR_PARAMETER in request.qs
			? await pinBridgeRequestCursorList(ctx, request, { returnAll, limit })
			: await pinBridgeRequestList(ctx, request, {
					returnAll,
					limit,
					paginated: request.qs !== undefined && 'offset' in request.qs,
				});
	return { body, headers: {}, statusCode: 200 };
}

async function shapeOutput(
	ctx: IExecuteSingleFunctions,
	response: PinBridgeResponse,
	postReceive: DeclarativeRestApiSettings.ResultOptions['postReceive'],
): Promise<INodeExecutionData[]> {
	let items = responseToItems(response.body);
	for (const { actions } of postReceive) {
		for (const action of actions) {
			if (typeof action !== 'function') {
				throw new Error('PinBridge operations shape their output with postReceive functions only');
			}
			const answer = { body: response.body as IDataObject, headers: response.headers, statusCode: response.statusCode };
			items = await action.call(ctx, items, answer);
		}
	}
	return items;
}

/** The one function that runs an operation for one item on the routed path (see the top of this file). */
export function sendItem(steps: RoutedSteps) {
	return async function sendRoutedItem(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const pairedItem = { item: this.getItemIndex() };
		let sending = false;
		try {
			let options = requestData.options as IHttpRequestOptions;
			for (const step of steps.prepare ?? []) options = await step.call(this, options);
			const request = asRequest(pairedItem.item, options);
			if (steps.reconcile) {
				const reconcile = steps.reconcile;
				request.reconcile = async () => await reconcile(this, request);
			}
			sending = true;
			const items = steps.send
				? await steps.send(this, request)
				: await shapeOutput(this, await sendThroughHelper(this, request), requestData.postReceive);
			return items.map((item) => ({ ...item, pairedItem }));
		} catch (error) {
			const failure = sending ? withExplanation(this, error, steps.explain) : error;
			if (this.continueOnFail()) return [failedItem(this.getNode(), failure, pairedItem)];
			throw failure;
		}
	};
}

/**
 * An operation's entry in the Operation list, its routing completed so that RoutingNode hands the built request to
 * `sendItem` (see the top of this file). An operation with its own `send` shapes its own output: a postReceive in its
 * routing would never run, so it is refused here rather than silently skipped.
 */
export function routedOption(option: INodePropertyOptions & { value: string }, steps: RoutedSteps): INodePropertyOptions {
	const routing = option.routing ?? {};
	if (routing.send?.preSend?.length) {
		throw new Error(`Operation "${option.value}": put its preSend functions in the definition's prepare steps`);
	}
	if (steps.send && routing.output?.postReceive?.length) {
		throw new Error(`Operation "${option.value}" has its own send: it shapes its output there, not in postReceive`);
	}
	if (routing.operations?.pagination) {
		throw new Error(`Operation "${option.value}": its pagination function is the routed send (shared/routedItem.ts)`);
	}
	return {
		...option,
		routing: {
			...routing,
			send: { ...routing.send, paginate: true },
			operations: { ...routing.operations, pagination: sendItem(steps) },
		},
	};
}
