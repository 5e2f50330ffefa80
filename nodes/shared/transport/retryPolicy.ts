/**
 * When to try a PinBridge request again, and how long to wait first. Pure: no I/O, no clock, no randomness of its
 * own, so every branch is unit-tested. The request helper (request.ts) applies it.
 */
import { headerValue } from './headers';

export interface RetrySettings {
	/** Attempts in all, the first included. */
	maxAttempts: number;
	/** The most this request may spend waiting between attempts, in all. */
	maxTotalWaitMs: number;
	/** First backoff ceiling; it doubles per attempt (full jitter: the wait is random below the ceiling). */
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_SETTINGS: RetrySettings = {
	maxAttempts: 8,
	maxTotalWaitMs: 120_000,
	baseDelayMs: 500,
	maxDelayMs: 20_000,
};

/** What one attempt came back with. */
export type AttemptOutcome =
	| { kind: 'response'; status: number; headers: Record<string, unknown>; body: unknown }
	| { kind: 'network'; code: string };

export type RetryDecision =
	/** `limitReached`: the failure was retryable, but the attempt limit or the wait budget says stop. */
	| { retry: false; reason: string; limitReached?: boolean }
	/** `waitMs: 'rateMeter'`: PinBridge asked us to slow down without saying for how long; ask its rate meter. */
	| { retry: true; waitMs: number | 'rateMeter'; reason: string };

export interface RetryState {
	/** The attempt that just failed, counting from 1. */
	attempt: number;
	/** Whether sending the request again cannot create anything twice (safe method, idempotency key, or reconciled). */
	replaySafe: boolean;
	/** Time already spent waiting between attempts. */
	waitedMs: number;
	settings: RetrySettings;
	/** A number in [0, 1); Math.random in production, fixed in tests. */
	random: () => number;
	/** Epoch ms, for Retry-After dates. */
	now: number;
}

/** Errors that mean the request may or may not have reached PinBridge. */
const AMBIGUOUS_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'ERR_STREAM_PREMATURE_CLOSE',
	'UND_ERR_SOCKET',
	'ECONNHANGUP',
]);

/** Errors that mean the request never left: resending cannot duplicate anything. */
const NOT_SENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);

export function isAmbiguousFailure(outcome: AttemptOutcome): boolean {
	if (outcome.kind === 'network') return !NOT_SENT_NETWORK_CODES.has(outcome.code);
	return outcome.status >= 500;
}

export function backoffMs(attempt: number, settings: RetrySettings, random: () => number): number {
	const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
	return Math.floor(random() * ceiling);
}

/** `retry_after_seconds` from any of PinBridge's error shapes. */
export function retryAfterFromBody(body: unknown): number | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const root = body as { error?: { retry_after_seconds?: unknown }; detail?: unknown };
	const detail = root.detail as { error?: { retry_after_seconds?: unknown }; retry_after_seconds?: unknown };
	const candidates = [
		root.error?.retry_after_seconds,
		detail && typeof detail === 'object' ? detail.error?.retry_after_seconds : undefined,
		detail && typeof detail === 'object' ? detail.retry_after_seconds : undefined,
	];
	for (const value of candidates) {
		const seconds = typeof value === 'string' ? Number(value) : value;
		if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) return seconds;
	}
	return undefined;
}

/** A `Retry-After` header in seconds or as an HTTP date, in ms from `now`. */
export function retryAfterFromHeader(headers: Record<string, unknown>, now: number): number | undefined {
	const value = headerValue(headers, 'retry-after');
	if (value === undefined) return undefined;
	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function decideRetry(outcome: AttemptOutcome, state: RetryState): RetryDecision {
	const { attempt, settings } = state;
	const decision = classify(outcome, state);
	if (!decision.retry) return decision;
	if (attempt >= settings.maxAttempts) {
		return { retry: false, reason: `gave up after ${attempt} attempts`, limitReached: true };
	}
	if (typeof decision.waitMs === 'number' && state.waitedMs + decision.waitMs > settings.maxTotalWaitMs) {
		return {
			retry: false,
			reason: `waiting ${Math.ceil(decision.waitMs / 1000)} s more would pass the ${Math.round(settings.maxTotalWaitMs / 1000)} s wait budget`,
			limitReached: true,
		};
	}
	return decision;
}

function classify(outcome: AttemptOutcome, state: RetryState): RetryDecision {
	const backoff = () => backoffMs(state.attempt, state.settings, state.random);
	if (outcome.kind === 'network') {
		if (NOT_SENT_NETWORK_CODES.has(outcome.code)) {
			return { retry: true, waitMs: backoff(), reason: `${outcome.code} (request not sent)` };
		}
		if (!AMBIGUOUS_NETWORK_CODES.has(outcome.code)) {
			return { retry: false, reason: `network error ${outcome.code}` };
		}
		return state.replaySafe
			? { retry: true, waitMs: backoff(), reason: outcome.code }
			: { retry: false, reason: `${outcome.code}, and this request is not safe to send twice` };
	}
	const { status } = outcome;
	if (status === 429) {
		// PinBridge refused the request without doing it, so resending is always safe.
		const seconds = retryAfterFromBody(outcome.body);
		if (seconds !== undefined) return { retry: true, waitMs: seconds * 1000, reason: 'rate limited' };
		const headerMs = retryAfterFromHeader(outcome.headers, state.now);
		if (headerMs !== undefined) return { retry: true, waitMs: headerMs, reason: 'rate limited' };
		return { retry: true, waitMs: 'rateMeter', reason: 'rate limited' };
	}
	if (status >= 500) {
		return state.replaySafe
			? { retry: true, waitMs: backoff(), reason: `HTTP ${status}` }
			: { retry: false, reason: `HTTP ${status}, and this request is not safe to send twice` };
	}
	// 402 and 403 (quota, plan, scope) and every other 4xx: the same request would fail the same way.
	return { retry: false, reason: `HTTP ${status} is final` };
}
