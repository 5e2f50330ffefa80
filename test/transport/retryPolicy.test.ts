import {
	backoffMs,
	decideRetry,
	DEFAULT_RETRY_SETTINGS,
	isAmbiguousFailure,
	retryAfterFromHeader,
	type AttemptOutcome,
	type RetryState,
} from '../../nodes/shared/transport/retryPolicy';

const NOW = Date.parse('2026-11-22T10:00:00Z');
const state = (overrides: Partial<RetryState> = {}): RetryState => ({
	attempt: 1,
	replaySafe: true,
	waitedMs: 0,
	settings: DEFAULT_RETRY_SETTINGS,
	random: () => 0.5,
	now: NOW,
	...overrides,
});
const response = (status: number, body: unknown = {}, headers: Record<string, unknown> = {}): AttemptOutcome => ({
	kind: 'response',
	status,
	body,
	headers,
});

describe('retry policy', () => {
	it('waits what a 429 body says, in every shape PinBridge uses', () => {
		expect(decideRetry(response(429, { error: { code: 'rate_limited', retry_after_seconds: 7 } }), state())).toEqual({
			retry: true,
			waitMs: 7000,
			reason: 'rate limited',
		});
		const nested = response(429, { detail: { error: { code: 'rate_limited', retry_after_seconds: 2.5 } } });
		expect(decideRetry(nested, state())).toMatchObject({ retry: true, waitMs: 2500 });
	});

	it('falls back to Retry-After in seconds or as an HTTP date', () => {
		expect(decideRetry(response(429, {}, { 'retry-after': '3' }), state())).toMatchObject({ waitMs: 3000 });
		const date = new Date(NOW + 12_000).toUTCString();
		expect(decideRetry(response(429, {}, { 'Retry-After': date }), state())).toMatchObject({ waitMs: 12_000 });
		expect(retryAfterFromHeader({ 'retry-after': 'soon' }, NOW)).toBeUndefined();
	});

	it('asks the rate meter when a 429 names no wait', () => {
		expect(decideRetry(response(429, { detail: 'slow down' }), state())).toMatchObject({
			retry: true,
			waitMs: 'rateMeter',
		});
	});

	it('retries a 429 even when the request is not safe to replay: PinBridge did not do it', () => {
		expect(decideRetry(response(429, { error: { retry_after_seconds: 1 } }), state({ replaySafe: false }))).toMatchObject({
			retry: true,
		});
	});

	it('backs off with full jitter on 5xx and ambiguous network errors, only when replay is safe', () => {
		expect(decideRetry(response(503), state({ attempt: 3 }))).toEqual({ retry: true, waitMs: 1000, reason: 'HTTP 503' });
		expect(decideRetry({ kind: 'network', code: 'ECONNRESET' }, state())).toMatchObject({ retry: true, waitMs: 250 });
		expect(decideRetry(response(503), state({ replaySafe: false }))).toMatchObject({ retry: false });
		expect(decideRetry({ kind: 'network', code: 'ETIMEDOUT' }, state({ replaySafe: false }))).toMatchObject({
			retry: false,
		});
	});

	it('resends after a refused connection whatever the method: nothing reached PinBridge', () => {
		expect(decideRetry({ kind: 'network', code: 'ECONNREFUSED' }, state({ replaySafe: false }))).toMatchObject({
			retry: true,
		});
		expect(isAmbiguousFailure({ kind: 'network', code: 'ECONNREFUSED' })).toBe(false);
		expect(isAmbiguousFailure({ kind: 'network', code: 'ECONNRESET' })).toBe(true);
		expect(isAmbiguousFailure(response(502))).toBe(true);
	});

	it.each([400, 401, 402, 403, 404, 409, 422])('treats HTTP %i as final', (status) => {
		expect(decideRetry(response(status), state())).toEqual({ retry: false, reason: `HTTP ${status} is final` });
	});

	it('stops at the attempt limit and at the wait budget', () => {
		expect(decideRetry(response(503), state({ attempt: DEFAULT_RETRY_SETTINGS.maxAttempts }))).toMatchObject({
			retry: false,
			reason: `gave up after ${DEFAULT_RETRY_SETTINGS.maxAttempts} attempts`,
		});
		const late = state({ waitedMs: DEFAULT_RETRY_SETTINGS.maxTotalWaitMs - 1000 });
		expect(decideRetry(response(429, { error: { retry_after_seconds: 5 } }), late)).toMatchObject({ retry: false });
	});

	it('caps the backoff ceiling and draws below it', () => {
		const settings = { ...DEFAULT_RETRY_SETTINGS, baseDelayMs: 100, maxDelayMs: 1000 };
		expect(backoffMs(1, settings, () => 0.999)).toBe(99);
		expect(backoffMs(10, settings, () => 0.999)).toBe(999);
		expect(backoffMs(10, settings, () => 0)).toBe(0);
	});
});
