/**
 * What the trigger does with one request to its webhook URL, in this order: verify the signature (before reading
 * anything else), drop redeliveries, drop events outside the chosen events and filters, optionally fetch the Pin,
 * remember the delivery, and hand one item to n8n.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { pinBridgeRequest, type PinBridgeContext } from '../shared/transport/request';
import { claimDelivery, rememberDelivery, releaseDelivery } from './deliveries';
import { readFilters } from './filters';
import { isValidSignature } from './signature';
import { chosenEvents, isNotFound, staticDataOf, withoutSecret } from './webhookLifecycle';

export const SIGNATURE_HEADER = 'x-pinbridge-signature';
export const EVENT_HEADER = 'x-pinbridge-event';
export const DELIVERY_ID_HEADER = 'x-pinbridge-delivery-id';

/** PinBridge waits 10 s for an answer: a Pin look-up gets a short budget, and a failure makes PinBridge retry later. */
const PIN_LOOKUP_SETTINGS = { maxAttempts: 2, maxTotalWaitMs: 2_000 };
const PIN_LOOKUP_TIMEOUT_MS = 5_000;

type RequestLike = {
	rawBody?: unknown;
	body?: unknown;
	readable?: boolean;
	readRawBody?: () => Promise<void>;
};

/**
 * The exact bytes PinBridge signed. n8n's body parser keeps them as `req.rawBody` (it reads the raw body before it
 * parses JSON). If a request reaches us unread, `readRawBody()` (n8n's own lazy reader) fills it in. Only if neither
 * gives bytes (a host that parsed the body without keeping it) do we fall back to the body as n8n holds it: a string
 * or Buffer as-is, a parsed object re-serialized with JSON.stringify. A re-serialized body only verifies when it is
 * byte-identical to what PinBridge signed, so the fallback can make a valid delivery fail (401, PinBridge retries)
 * but never makes an unsigned one pass.
 */
async function rawBodyOf(request: RequestLike): Promise<Buffer | undefined> {
	if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
	if (typeof request.readRawBody === 'function' && request.readable === true) {
		await request.readRawBody();
		if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
	}
	const body = request.body;
	if (Buffer.isBuffer(body)) return body;
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	if (body !== undefined && body !== null && typeof body === 'object') {
		return Buffer.from(JSON.stringify(body), 'utf8');
	}
	return undefined;
}

function header(headers: IDataObject, name: string): string | undefined {
	const value = headers[name];
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string' && value !== '') return value;
	if (typeof value === 'number') return String(value);
	return undefined;
}

/** Acknowledged with 200 (so PinBridge stops retrying), and no execution starts. */
function acknowledge(reason: string): IWebhookResponseData {
	return { webhookResponse: { received: true, ignored: reason } };
}

function reject(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ error: message });
	return { noWebhookResponse: true };
}


export async function receiveDelivery(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const staticData = staticDataOf(ctx);
	const request = ctx.getRequestObject() as unknown as RequestLike;
	const headers = ctx.getHeaderData() as IDataObject;

	// 1. Nothing is read, parsed or remembered before the signature holds.
	const rawBody = await rawBodyOf(request);
	if (!isValidSignature(staticData.webhookSecret, rawBody, headers[SIGNATURE_HEADER])) {
		return reject(ctx, 401, 'Invalid or missing X-PinBridge-Signature');
	}

	let body: IDataObject;
	try {
		const parsed: unknown = JSON.parse((rawBody as Buffer).toString('utf8'));
		if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new SyntaxError('not an object');
		body = parsed as IDataObject;
	} catch {
		return reject(ctx, 400, 'The delivery body is not a JSON object');
	}

	// Read before the delivery is claimed below: a filter that fails (500, PinBridge retries) leaves nothing claimed.
	const filters = readFilters(ctx);

	// 2. A delivery that already started an execution: PinBridge retried it (or someone replays it).
	const deliveryId = header(headers, DELIVERY_ID_HEADER) ?? text(body.delivery_id);
	const scope = `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}:${String(staticData.webhookId ?? '')}`;
	if (deliveryId !== undefined && !claimDelivery(scope, staticData, deliveryId)) {
		return acknowledge('duplicate delivery');
	}

	// 3. Events and filters.
	const event = header(headers, EVENT_HEADER) ?? text(body.event);
	if (event === undefined || !(chosenEvents(ctx.getNodeParameter('events', [])) as string[]).includes(event)) {
		return acknowledge('event not selected');
	}
	if (filters.accountId !== '' && text(body.account_id)?.toLowerCase() !== filters.accountId) {
		return acknowledge('other Pinterest account');
	}
	if (filters.boardId !== '' && text(body.board_id) !== filters.boardId) {
		return acknowledge('other board');
	}

	const item: IDataObject = { ...body, event, deliveryId: deliveryId ?? null };

	// 4. The Pin as it is now. A Pin deleted since gives `pin: null`; any other failure fails this call (n8n answers
	// 500), the delivery is not remembered, and PinBridge's retry brings it again.
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	if (options.fetchFullPin === true) {
		const pinId = text(body.pin_id);
		item.pin = null;
		if (pinId !== undefined) {
			try {
				item.pin = (
					await pinBridgeRequest<IDataObject>(ctx as unknown as PinBridgeContext, {
						method: 'GET',
						path: `/v1/pins/${encodeURIComponent(pinId)}`,
						settings: PIN_LOOKUP_SETTINGS,
						timeoutMs: PIN_LOOKUP_TIMEOUT_MS,
					})
				).body;
			} catch (error) {
				if (!isNotFound(error)) {
					if (deliveryId !== undefined) releaseDelivery(scope, deliveryId);
					throw withoutSecret(ctx.getNode(), error, staticData.webhookSecret);
				}
			}
		}
	}

	// 5. Remembered only now, when the execution is certain to start.
	if (deliveryId !== undefined) rememberDelivery(staticData, deliveryId);
	return { workflowData: [[{ json: item }]] };
}
