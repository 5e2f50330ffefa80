/**
 * One attempt of a PinBridge request through n8n's HTTP helper (the request helper, request.ts, decides how many).
 */
import {
	NodeApiError,
	type ICredentialsDecrypted,
	type IDataObject,
	type IHttpRequestOptions,
	type JsonObject,
} from 'n8n-workflow';

import { credentialTypeFor } from '../authentication';
import { trimPastedKey } from '../values';
import { redact } from './errors';
import { headerText } from './headers';
import { outcomeFromError } from './n8nErrors';
import type { PinBridgeContext, PinBridgeRequest } from './request';
import type { AttemptOutcome } from './retryPolicy';

/** The credential's secrets, to be kept out of every error and output. */
export function secretsOf(credentials: IDataObject): string[] {
	const token = (credentials.oauthTokenData ?? {}) as IDataObject;
	// The key as stored and as sent (the credential trims invisible characters a paste left at its ends).
	const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
	return [apiKey, trimPastedKey(apiKey), credentials.clientSecret, token.access_token, token.refresh_token].filter(
		(value): value is string => typeof value === 'string' && value !== '',
	);
}

/** Raw (multipart) requests go out with `json: false`, so their JSON answers arrive as text: parse them here. */
function parseJsonBody(body: unknown, headers: IDataObject): unknown {
	const contentType = headerText(headers, 'content-type');
	if (!contentType.includes('json') || !(typeof body === 'string' || Buffer.isBuffer(body))) return body;
	const text = body.toString();
	try {
		return text === '' ? undefined : (JSON.parse(text) as unknown);
	} catch {
		return text;
	}
}

/** The OAuth2 credential type: n8n refreshes its token only when a request throws a 401. */
const OAUTH2_CREDENTIAL_TYPE = credentialTypeFor('oAuth2');

/**
 * One request through n8n. n8n is asked not to throw on HTTP statuses (`ignoreHttpStatusErrors`), so every answer
 * arrives whole — status, headers, body — whatever n8n version wraps its errors how. n8n's OAuth2 path refreshes an
 * expired token only when the request throws a 401 (n8n-core 1.x to 2.41): an OAuth2 401 is therefore sent once
 * more with throwing allowed, so that n8n refreshes and repeats it. A 401 did nothing at PinBridge: the resend is safe.
 */
export async function sendOnce(
	ctx: PinBridgeContext,
	credential: ICredentialsDecrypted,
	url: string,
	request: PinBridgeRequest,
): Promise<AttemptOutcome> {
	const outcome = await sendThroughN8n(ctx, credential, url, request, { throwOnHttpError: false });
	if (credential.type === OAUTH2_CREDENTIAL_TYPE && outcome.kind === 'response' && outcome.status === 401) {
		return await sendThroughN8n(ctx, credential, url, request, { throwOnHttpError: true });
	}
	return outcome;
}

async function sendThroughN8n(
	ctx: PinBridgeContext,
	credential: ICredentialsDecrypted,
	url: string,
	request: PinBridgeRequest,
	{ throwOnHttpError }: { throwOnHttpError: boolean },
): Promise<AttemptOutcome> {
	const isRaw = Buffer.isBuffer(request.body);
	// Built afresh per send: n8n signs (mutates) the options it is given.
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		qs: request.qs,
		headers: { Accept: request.binaryResponse ? '*/*' : 'application/json', ...request.headers },
		body: request.body,
		json: !isRaw && !request.binaryResponse,
		...(request.binaryResponse ? { encoding: 'arraybuffer' as const } : {}),
		arrayFormat: 'repeat',
		returnFullResponse: true,
		ignoreHttpStatusErrors: !throwOnHttpError,
		timeout: request.timeoutMs ?? 60_000,
	};
	try {
		// The credential already read for the base URL goes along, so n8n does not load and decrypt it a second time.
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, credential.type, options, {
			credentialsDecrypted: credential,
		})) as {
			statusCode: number;
			headers: IDataObject;
			body: unknown;
		};
		const headers = response.headers ?? {};
		return { kind: 'response', status: response.statusCode, headers, body: parseJsonBody(response.body, headers) };
	} catch (error) {
		const outcome = outcomeFromError(error);
		if (outcome) return outcome;
		// Not an HTTP failure (missing credential, bad options): nothing to retry. Only the message is kept,
		// never the request the error may carry.
		const raw = error instanceof Error ? error.message : String(error);
		const message = redact(raw, secretsOf((credential.data ?? {}) as IDataObject));
		throw new NodeApiError(ctx.getNode(), { message } as JsonObject, { message, itemIndex: request.itemIndex });
	}
}

