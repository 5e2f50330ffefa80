import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { remediationFor } from './errorCodes';
import { headerValue } from './headers';
import type { AttemptOutcome } from './retryPolicy';

/** What PinBridge said about a failure, read from any of its four error-body shapes (contract §2). */
export interface PinBridgeErrorDetails {
	message?: string;
	code?: string;
	remediation?: string;
	upgradeUrl?: string;
	/** API 1.41: the dashboard page where the Pinterest account is (re)connected. */
	connectUrl?: string;
	requestId?: string;
	/** 422 validation: one line per field (from `detail[]`, or the 1.41 envelope's `error.errors[]`). */
	fieldErrors: string[];
}

type Dict = Record<string, unknown>;
const isDict = (value: unknown): value is Dict =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

export function readPinBridgeError(body: unknown, headers: Dict = {}): PinBridgeErrorDetails {
	const root = isDict(body) ? body : {};
	const envelope = isDict(root.error) ? root.error : {};
	const detail = root.detail;
	const detailObject = isDict(detail) ? detail : {};
	const detailError = isDict(detailObject.error) ? detailObject.error : {};
	const listed = Array.isArray(detail) ? detail : Array.isArray(envelope.errors) ? envelope.errors : undefined;
	const fieldErrors = listed
		? listed.filter(isDict).map((entry) => {
				const loc = Array.isArray(entry.loc) ? entry.loc.filter((part) => part !== 'body').join('.') : '';
				return loc ? `${loc}: ${String(entry.msg)}` : String(entry.msg);
			})
		: [];
	const headerRequestId = headerValue(headers, 'x-request-id');
	return {
		// The contract's lookup order: error.message, detail.error.message, detail.message, detail, detail[0].msg.
		message:
			text(envelope.message) ??
			text(detailError.message) ??
			text(detailObject.message) ??
			text(detail) ??
			fieldErrors[0],
		code: text(envelope.code) ?? text(detailError.code) ?? text(detailObject.code),
		remediation: text(envelope.remediation) ?? text(detailError.remediation),
		upgradeUrl: text(envelope.upgrade_url) ?? text(detailError.upgrade_url),
		connectUrl: text(envelope.connect_url) ?? text(detailError.connect_url),
		requestId: text(envelope.request_id) ?? text(root.request_id) ?? text(headerRequestId),
		fieldErrors,
	};
}

export interface FailureContext {
	method: string;
	path: string;
	attempts: number;
	/** Why the helper stopped retrying, when it tried more than once or refused to. */
	retryNote?: string;
	itemIndex?: number;
	/** Values that must never appear in an error (API key, tokens). */
	secrets: string[];
	/** Where the request went (the credential's Base URL, normalised), named when PinBridge cannot be reached. */
	baseUrl?: string;
	/** How the user finds the credential in n8n, e.g. `"My key" (PinBridge API)`, named when it is refused. */
	credential?: string;
}

/** A PinBridge API key (`pb_` + 64 hex, contract §9.4), wherever it appears: a key pasted into an ID field too. */
const API_KEY_PATTERN = /pb_[0-9a-f]{64}/gi;

export function redact(value: string, secrets: string[]): string {
	return secrets
		.filter((secret) => secret.length >= 4)
		.reduce((result, secret) => result.split(secret).join('[redacted]'), value)
		.replace(API_KEY_PATTERN, '[redacted]');
}

/** The n8n error for a failed PinBridge call: PinBridge's own words first, then what to do about it. */
export function toPinBridgeError(node: INode, outcome: AttemptOutcome, context: FailureContext): NodeApiError {
	const where = `${context.method} ${context.path}`;
	const attemptsNote =
		context.attempts > 1 || context.retryNote
			? `${context.attempts} attempt${context.attempts > 1 ? 's' : ''}${context.retryNote ? `; ${context.retryNote}` : ''}.`
			: undefined;

	if (outcome.kind === 'network') {
		// The socket error's code stays out of the message: n8n would swap such a message for its own generic text.
		const message = 'PinBridge did not answer';
		const description = [
			`${where} failed with ${outcome.code} before any answer came back.`,
			context.baseUrl
				? `Check the Base URL ${context.baseUrl} in the credential${context.credential ? ` ${context.credential}` : ''}: that it is PinBridge's address, and that n8n can reach it (network, proxy, firewall).`
				: undefined,
			attemptsNote,
		]
			.filter(Boolean)
			.join(' ');
		return new NodeApiError(node, { message } as JsonObject, { message, description, itemIndex: context.itemIndex });
	}

	const details = readPinBridgeError(outcome.body, outcome.headers as Dict);
	details.remediation ??= remediationFor(details.code, context.path);
	const status = String(outcome.status);
	const message = redact(details.message ?? `PinBridge answered HTTP ${status}`, context.secrets);
	const lines = [
		details.code ? `PinBridge code: ${details.code}` : undefined,
		details.fieldErrors.length > 1 ? `Fields: ${details.fieldErrors.join('; ')}` : undefined,
		details.remediation ? `What to do: ${details.remediation}` : undefined,
		outcome.status === 401
			? `Check the credential${context.credential ? ` ${context.credential}` : ''}: PinBridge did not accept its API key or token (a revoked or mistyped key, or a key from another workspace).`
			: undefined,
		details.upgradeUrl ? `Upgrade: ${details.upgradeUrl}` : undefined,
		details.connectUrl ? `Reconnect the Pinterest account: ${details.connectUrl}` : undefined,
		details.requestId ? `Request ID: ${details.requestId}` : undefined,
		`Request: ${where} → HTTP ${status}`,
		attemptsNote,
	].filter((line): line is string => line !== undefined);
	const description = redact(lines.join('\n'), context.secrets);
	// Only these plain facts go into the error: never the request, its headers or the raw response.
	const errorResponse: JsonObject = {
		httpCode: status,
		message,
		...(details.code ? { code: details.code } : {}),
		...(details.remediation ? { remediation: redact(details.remediation, context.secrets) } : {}),
		...(details.upgradeUrl ? { upgradeUrl: details.upgradeUrl } : {}),
		...(details.connectUrl ? { connectUrl: details.connectUrl } : {}),
		...(details.requestId ? { requestId: details.requestId } : {}),
	};
	return new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: status,
		itemIndex: context.itemIndex,
	});
}
