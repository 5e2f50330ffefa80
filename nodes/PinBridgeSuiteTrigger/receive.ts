/**
 * What the trigger does with one request to its webhook URL, in this order: verify the signature (before reading
 * anything else), skip deliveries older than the replay window (when one is set), skip repeats this process has seen
 * (deliveries.ts says what that does and does not cover), skip events outside the chosen events and filters, fetch
 * the Pin when a filter needs it or the user asked, and hand one item to n8n, with the delivery id as `delivery_id`.
 * A skipped delivery is answered 200 and shown on the Skipped output (skipped.ts).
 *
 * The body may be as small as PinBridge's documented one (contract §9.1.2): `{"event", "pin_id", "board_id",
 * "status"}`, or even `{"pin_id", "status"}`. The delivery id and the event are read from the signed body when it
 * has them, else from the X-PinBridge-Delivery-ID / X-PinBridge-Event headers; every other field is optional.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { withPinterestLink } from '../shared/pinterestLink';
import { claimDelivery, DEFAULT_REPLAY_WINDOW_HOURS, releaseDelivery, replayVerdict } from './deliveries';
import { readFilters } from './filters';
import { filterVerdict, lookUpPin, needsPin, type PinLookup } from './pinFilters';
import { isValidSignature } from './signature';
import {
	freshSigningSecret,
	registrationOf,
	SECRET_REUSE_MS,
	signingSecret,
	type Registration,
} from './signingSecret';
import { passOn, skip, type DeliveryFacts } from './skipped';
import { chosenEvents, setSecretAtPinBridge, staticDataOf, withoutSecret } from './webhookLifecycle';

export const SIGNATURE_HEADER = 'x-pinbridge-signature';
export const EVENT_HEADER = 'x-pinbridge-event';
export const DELIVERY_ID_HEADER = 'x-pinbridge-delivery-id';

/** Setting the secret at PinBridge from a delivery also has to fit in PinBridge's 10 s. */
const SECRET_UPDATE_SETTINGS = { maxAttempts: 2, maxTotalWaitMs: 2_000 };

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

/** A body field as text: a non-blank string, or a number; anything else counts as absent. */
export function text(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

function reject(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ error: message });
	return { noWebhookResponse: true };
}

/**
 * When this process last tried to set a derived secret at PinBridge, per registration and secret: a success is
 * never repeated, a failure only after SECRET_REUSE_MS, so requests that do not verify (forgeries included) cost at
 * most one PATCH per minute.
 */
const secretUpdates = new Map<string, number>();

/**
 * Whether `rawBody` is signed with this registration's secret. The secret this process derived in the last minute
 * is tried first; if that fails, the credential is read again. A request that still does not verify is refused
 * (401), and the secret derived now is set at PinBridge, once: n8n calls no webhook method when a credential changes
 * or n8n restarts, so a workflow left active across a credential change would otherwise be refused every delivery
 * until it is re-activated. PinBridge retries the refused delivery (1 s, 2 s, 4 s …), signed with the new secret.
 */
async function verify(
	ctx: IWebhookFunctions,
	registration: Registration,
	webhookId: unknown,
	rawBody: Buffer | undefined,
	signature: unknown,
): Promise<{ valid: boolean; secret: string }> {
	const known = await signingSecret(ctx, registration);
	if (isValidSignature(known.secret, rawBody, signature)) return { valid: true, secret: known.secret };
	const secret = known.reused ? await freshSigningSecret(ctx, registration) : known.secret;
	if (secret !== known.secret && isValidSignature(secret, rawBody, signature)) return { valid: true, secret };
	if (typeof webhookId !== 'string' || webhookId === '') return { valid: false, secret };

	const update = `${JSON.stringify(registration)}:${webhookId}:${secret}`;
	const lastTried = secretUpdates.get(update);
	if (lastTried === undefined || Date.now() - lastTried >= SECRET_REUSE_MS) {
		secretUpdates.set(update, Number.POSITIVE_INFINITY); // claimed before awaiting: concurrent calls skip
		try {
			await setSecretAtPinBridge(ctx, webhookId, secret, SECRET_UPDATE_SETTINGS);
		} catch (error) {
			secretUpdates.set(update, Date.now());
			ctx.logger.warn(`PinBridge Trigger: could not update the webhook secret at PinBridge: ${(error as Error).message}`);
		}
	}
	return { valid: false, secret };
}

export async function receiveDelivery(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const staticData = staticDataOf(ctx);
	const request: RequestLike = ctx.getRequestObject();
	const headers = ctx.getHeaderData() as IDataObject;
	const registration = registrationOf(ctx, ctx.getNodeParameter('authentication', 'apiKey'));

	// 1. Nothing is read, parsed or remembered before the signature holds.
	const rawBody = await rawBodyOf(request);
	const { valid, secret } = await verify(ctx, registration, staticData.webhookId, rawBody, headers[SIGNATURE_HEADER]);
	if (!valid) return reject(ctx, 401, 'Invalid or missing X-PinBridge-Signature');

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
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const facts: DeliveryFacts = {
		scope: `${registration.workflowId}:${registration.nodeId}:${String(staticData.webhookId ?? '')}`,
		body,
		event: text(body.event) ?? header(headers, EVENT_HEADER),
		deliveryId: text(body.delivery_id) ?? header(headers, DELIVERY_ID_HEADER),
	};
	const { deliveryId, scope } = facts;

	// 2. Older than the window the user set: a replay (or a very late retry). Answered 200 — the only answer that makes
	// PinBridge stop retrying. A delivery without a readable occurred_at cannot be judged and passes.
	const windowHours =
		typeof options.replayWindowHours === 'number' ? options.replayWindowHours : DEFAULT_REPLAY_WINDOW_HOURS;
	if (replayVerdict(body.occurred_at, windowHours, Date.now()) === 'too old') {
		return skip(ctx, facts, {
			reason: 'older than the replay window',
			detail: `Its occurred_at (${String(body.occurred_at)}) is more than ${windowHours} h ago (option Replay Window).`,
		});
	}

	// 3. A delivery this process already took: PinBridge retried it (or someone replays it).
	if (deliveryId !== undefined && !claimDelivery(scope, deliveryId)) {
		return skip(ctx, facts, {
			reason: 'duplicate delivery',
			detail: 'This n8n process already received this delivery ID; the workflow ran (or skipped it) then.',
		});
	}

	// 4. Events and filters. A filter the body cannot answer is decided from the Pin as PinBridge has it; a look-up
	// failure fails this call (n8n answers 500 and records the error), the claim is given back, PinBridge retries.
	const chosen = chosenEvents(ctx.getNodeParameter('events', [])) as string[];
	if (facts.event === undefined || !chosen.includes(facts.event)) {
		return skip(ctx, facts, {
			reason: 'event not selected',
			detail: `The event ${facts.event === undefined ? '(none named)' : `"${facts.event}"`} is not one of: ${chosen.join(', ')}.`,
		});
	}
	let lookup: PinLookup | undefined;
	if (needsPin(body, filters, options.fetchFullPin === true)) {
		lookup = await lookUpPin(ctx, text(body.pin_id));
		if (lookup.failure !== undefined) {
			if (deliveryId !== undefined) releaseDelivery(scope, deliveryId);
			throw withoutSecret(ctx.getNode(), lookup.failure, secret);
		}
	}
	const filtered = filterVerdict(body, filters, lookup);
	if (filtered) return skip(ctx, facts, filtered);

	const item: IDataObject = { ...body, event: facts.event, delivery_id: deliveryId ?? null };
	// 5. The Pin as it is now, when asked for, with its link on Pinterest once published. A Pin deleted since: null.
	if (options.fetchFullPin === true) item.pin = withPinterestLink(lookup?.pin ?? null);
	return passOn(ctx, item);
}
