/**
 * Reading the errors n8n throws from its HTTP helpers, across n8n versions (used by the request helper, request.ts).
 */
import type { IDataObject } from 'n8n-workflow';

import type { AttemptOutcome } from './retryPolicy';

type ErrorLike = {
	code?: unknown;
	httpCode?: unknown;
	context?: { data?: unknown };
	response?: { status?: number; headers?: IDataObject; data?: unknown };
	cause?: ErrorLike;
};

function errorChain(error: unknown): ErrorLike[] {
	const chain: ErrorLike[] = [];
	for (let current = error as ErrorLike | undefined; current && chain.length < 4; current = current.cause) {
		if (typeof current !== 'object') break;
		chain.push(current);
	}
	return chain;
}

/**
 * What a thrown n8n error says about the answer. The helper asks n8n not to throw on HTTP statuses, so this reads
 * the errors n8n throws anyway: socket errors, and the OAuth2 resend that lets n8n refresh its token. n8n wraps the
 * HTTP client's error in a NodeApiError; n8n-workflow 2.x keeps the client's error (with the full response) as its
 * `cause`, while 1.x and 2.0 keep only `httpCode` (the status, or a socket error's code) and `context.data` (an
 * object body): the full response is read where it exists, those two otherwise.
 */
export function outcomeFromError(error: unknown): AttemptOutcome | undefined {
	const chain = errorChain(error);
	for (const { response } of chain) {
		if (response && typeof response.status === 'number') {
			return { kind: 'response', status: response.status, headers: response.headers ?? {}, body: response.data };
		}
	}
	for (const { code, httpCode, context } of chain) {
		for (const value of [code, httpCode]) {
			const text = typeof value === 'number' ? String(value) : value;
			if (typeof text !== 'string') continue;
			if (/^[1-5]\d\d$/.test(text)) return { kind: 'response', status: Number(text), headers: {}, body: context?.data };
			if (/^[A-Z_]+$/.test(text)) return { kind: 'network', code: text };
		}
	}
	return undefined;
}
