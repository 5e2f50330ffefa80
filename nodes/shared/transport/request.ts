/**
 * The one door to PinBridge. Every HTTP call of this package comes through here — routed operations, list
 * searches, the trigger's webhook lifecycle — so auth, base URL, error mapping, retries, pacing and the in-flight
 * cap are done once, in one place.
 */
import {
	sleep,
	type ICredentialDataDecryptedObject,
	type ICredentialsDecrypted,
	type IDataObject,
	type IAdditionalCredentialOptions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type INode,
} from 'n8n-workflow';

import { credentialTypeFor } from '../authentication';
import { secretsOf, sendOnce } from './attempt';
import { toPinBridgeError } from './errors';
import { inFlightLimitFor } from './inFlight';
import { waitForAccountTokenMs, type RateMeterReading } from './rateMeter';
import { decideRetry, isAmbiguousFailure, type AttemptOutcome } from './retryPolicy';
import { readRequestSettings, type RequestSettings } from './settings';

export const DEFAULT_BASE_URL = 'https://api.pinbridge.io';

/** What the helper needs of an n8n context; the execute-single, load-options, hook and webhook contexts all fit. */
export interface PinBridgeContext {
	getNode(): INode;
	getCredentials<T extends object = ICredentialDataDecryptedObject>(type: string): Promise<T>;
	getNodeParameter(name: string, fallback?: unknown): unknown;
	helpers: {
		httpRequestWithAuthentication(
			this: unknown,
			credentialType: string,
			options: IHttpRequestOptions,
			additionalCredentialOptions?: IAdditionalCredentialOptions,
		): Promise<unknown>;
	};
}

export interface PinBridgeRequest {
	method: IHttpRequestMethods;
	/** Path under the base URL, starting with /v1/. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | Buffer;
	headers?: IDataObject;
	timeoutMs?: number;
	/**
	 * For creates PinBridge cannot deduplicate (schedules): after an attempt that may have reached PinBridge, this
	 * looks for what it created before anything is sent again. Returning a match ends the request with it.
	 */
	reconcile?: () => Promise<IDataObject | undefined>;
	/** The caller vouches that sending this again cannot create anything twice (e.g. every row keyed). */
	replaySafe?: boolean;
	/** The Pinterest account the call spends tokens of: lets a bare 429 be paced with the rate meter. */
	accountId?: string;
	itemIndex?: number;
	/** Overrides of the node's Retries and Pacing settings for this call. */
	settings?: Partial<RequestSettings>;
	/** The answer is a file (e.g. GET /v1/assets/{id}/content): its body comes back as a Buffer, not parsed. */
	binaryResponse?: boolean;
}

export interface PinBridgeResponse<T = unknown> {
	body: T;
	headers: IDataObject;
	statusCode: number;
	/** True when `reconcile` found the result of an earlier, unanswered attempt. */
	reconciled?: boolean;
}

/** Clock, sleep and randomness, replaceable by tests so that no test waits real seconds. */
export const transportRuntime = {
	sleep: async (ms: number): Promise<void> => await sleep(ms),
	now: (): number => Date.now(),
	random: (): number => Math.random(),
};

/** `https://api.pinbridge.io`, `…/`, `…/v1` and `…/v1/` all mean the same service. */
export function normalizeBaseUrl(raw: unknown): string {
	const text = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : DEFAULT_BASE_URL;
	return text.replace(/\/+$/, '').replace(/\/v1$/i, '').replace(/\/+$/, '');
}

export function credentialTypeOf(ctx: PinBridgeContext): string {
	return credentialTypeFor(ctx.getNodeParameter('authentication', 'apiKey'));
}

/** The credential as the user finds it in n8n: its name and its type's display name. */
function credentialLabel(credential: ICredentialsDecrypted): string {
	const typeName = credential.type === 'pinBridgeSuiteOAuth2Api' ? 'PinBridge OAuth2 API' : 'PinBridge API';
	return credential.name ? `"${credential.name}" (${typeName})` : `(${typeName})`;
}

function settingsOf(ctx: PinBridgeContext, request: PinBridgeRequest): RequestSettings {
	let fromNode: unknown = {};
	try {
		fromNode = ctx.getNodeParameter('requestSettings', {});
	} catch {
		fromNode = {}; // contexts without the parameter (list searches, trigger) use the defaults
	}
	return { ...readRequestSettings(fromNode), ...request.settings };
}

function isReplaySafe(request: PinBridgeRequest): boolean {
	if (request.replaySafe !== undefined) return request.replaySafe;
	if (['GET', 'HEAD', 'DELETE'].includes(request.method)) return true;
	const body = request.body as IDataObject | undefined;
	const hasIdempotencyKey =
		!!body && !Buffer.isBuffer(body) && !Array.isArray(body) && typeof body.idempotency_key === 'string';
	return hasIdempotencyKey || request.reconcile !== undefined;
}

export async function pinBridgeRequest<T = unknown>(
	ctx: PinBridgeContext,
	request: PinBridgeRequest,
): Promise<PinBridgeResponse<T>> {
	const credentialType = credentialTypeOf(ctx);
	const settings = settingsOf(ctx, request);
	const nodeCredential = ctx.getNode().credentials?.[credentialType];
	const identity: ICredentialsDecrypted = {
		id: nodeCredential?.id ?? 'unsaved',
		name: nodeCredential?.name ?? '',
		type: credentialType,
	};
	const inFlight = inFlightLimitFor(`${credentialType}:${identity.id}`, settings.maxInFlight);
	// n8n reads a credential from its database on every getCredentials call. It is read once per request, inside the
	// first attempt's in-flight permit: a 1,000-item execution then has at most the cap's worth of reads waiting on
	// n8n's database pool (Postgres: 2 connections by default; a read that waits 20 s for one fails its item with
	// "timeout exceeded when trying to connect" — found by the queue-mode suite), and the cap still counts requests.
	let read: { credential: ICredentialsDecrypted; url: string } | undefined;
	const attemptOnce = async (): Promise<AttemptOutcome> => {
		if (!read) {
			const data = (await ctx.getCredentials(credentialType)) as ICredentialDataDecryptedObject;
			read = { credential: { ...identity, data }, url: normalizeBaseUrl(data.baseUrl) + request.path };
		}
		return await sendOnce(ctx, read.credential, read.url, request);
	};
	const replaySafe = isReplaySafe(request);
	// Only called after an attempt, so the credential has been read.
	const failWith = (outcome: AttemptOutcome, attempts: number, retryNote?: string) => {
		const credentials = (read?.credential.data ?? {}) as IDataObject;
		return toPinBridgeError(ctx.getNode(), outcome, {
			method: request.method,
			path: request.path,
			attempts,
			retryNote,
			itemIndex: request.itemIndex,
			secrets: secretsOf(credentials),
			baseUrl: normalizeBaseUrl(credentials.baseUrl),
			credential: credentialLabel(identity),
		});
	};

	let waitedMs = 0;
	let mayHaveLanded = false;
	for (let attempt = 1; ; attempt++) {
		if (mayHaveLanded && request.reconcile) {
			const existing = await request.reconcile();
			if (existing) return { body: existing as T, headers: {}, statusCode: 200, reconciled: true };
		}
		const outcome = await inFlight.run(attemptOnce);
		if (outcome.kind === 'response' && outcome.status < 400) {
			const body = outcome.body === '' ? undefined : outcome.body;
			return { body: body as T, headers: outcome.headers as IDataObject, statusCode: outcome.status };
		}
		if (outcome.kind === 'response' && outcome.status === 404 && request.method === 'DELETE' && mayHaveLanded) {
			// An earlier attempt that got no answer did the delete.
			return { body: undefined as T, headers: {}, statusCode: 204 };
		}
		const decision = decideRetry(outcome, {
			attempt,
			replaySafe,
			waitedMs,
			settings,
			random: transportRuntime.random,
			now: transportRuntime.now(),
		});
		if (!decision.retry) {
			throw failWith(outcome, attempt, attempt > 1 || decision.limitReached ? decision.reason : undefined);
		}

		const waitMs =
			decision.waitMs === 'rateMeter' ? await rateMeterWaitMs(ctx, request, attempt, settings) : decision.waitMs;
		if (waitedMs + waitMs > settings.maxTotalWaitMs) {
			throw failWith(outcome, attempt, 'the wait PinBridge asked for passes the wait budget');
		}
		mayHaveLanded = mayHaveLanded || isAmbiguousFailure(outcome);
		waitedMs += waitMs;
		await transportRuntime.sleep(waitMs);
	}
}

/** A 429 that named no wait: wait for the tokens the rate meter says are missing (or back off without an account). */
async function rateMeterWaitMs(
	ctx: PinBridgeContext,
	request: PinBridgeRequest,
	attempt: number,
	settings: RequestSettings,
): Promise<number> {
	if (!request.accountId) return Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
	const wait = await pacingWaitMs(ctx, request.accountId);
	// The meter may already show a token that a concurrent request then took: never spin without waiting.
	return Math.max(wait, settings.baseDelayMs);
}

/** Time until `accountId` can publish again, from a shared, briefly cached rate-meter reading. */
export async function pacingWaitMs(ctx: PinBridgeContext, accountId: string): Promise<number> {
	const credentialType = credentialTypeOf(ctx);
	const credentialId = ctx.getNode().credentials?.[credentialType]?.id ?? 'unsaved';
	return await waitForAccountTokenMs(
		`${credentialType}:${credentialId}:${accountId}`,
		async () =>
			(
				await pinBridgeRequest<RateMeterReading>(ctx, {
					method: 'GET',
					path: '/v1/rate-meter',
					qs: { account_id: accountId },
					settings: { maxAttempts: 3 },
				})
			).body,
		transportRuntime.now,
	);
}
