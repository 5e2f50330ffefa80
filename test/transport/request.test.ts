import { NodeApiError } from 'n8n-workflow';

import { pinBridgeRequest } from '../../nodes/shared/transport/request';
import { useFakeRuntime } from '../harness/fakeRuntime';
import { nock, useNock } from '../harness/nock';
import { TEST_API_KEY, TEST_BASE_URL } from '../harness/runWorkflow';
import { createTransportContext } from '../harness/transportContext';

useNock();
const runtime = useFakeRuntime();

const api = () => nock(TEST_BASE_URL);
const ctx = (parameters = {}) => createTransportContext({ parameters });
const PIN_BODY = { account_id: 'acc', board_id: '1', title: 'T', image_url: 'https://x/y.png', idempotency_key: 'k1' };

async function failure(promise: Promise<unknown>): Promise<NodeApiError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected the request to fail');
}

describe('request helper: retries', () => {
	it('waits retry_after_seconds from a 429 body, then succeeds', async () => {
		const scope = api()
			.get('/v1/pins/p1')
			.reply(429, { error: { code: 'rate_limited', message: 'Slow down', retry_after_seconds: 4 } })
			.get('/v1/pins/p1')
			.reply(200, { id: 'p1' });
		const { body } = await pinBridgeRequest(ctx(), { method: 'GET', path: '/v1/pins/p1' });
		expect(body).toEqual({ id: 'p1' });
		expect(runtime.sleeps).toEqual([4000]);
		scope.done();
	});

	it('waits a Retry-After header when the body names no wait', async () => {
		const scope = api()
			.get('/v1/pins/p1')
			.reply(429, { detail: 'Too many requests' }, { 'Retry-After': '2' })
			.get('/v1/pins/p1')
			.reply(200, { id: 'p1' });
		await pinBridgeRequest(ctx(), { method: 'GET', path: '/v1/pins/p1' });
		expect(runtime.sleeps).toEqual([2000]);
		scope.done();
	});

	it('retries a 5xx on GET with backoff, then succeeds', async () => {
		const scope = api().get('/v1/schedules/s1').reply(502, 'bad gateway').get('/v1/schedules/s1').reply(200, { id: 's1' });
		const { body } = await pinBridgeRequest(ctx(), { method: 'GET', path: '/v1/schedules/s1' });
		expect(body).toEqual({ id: 's1' });
		expect(runtime.sleeps).toEqual([250]); // full jitter: 0.5 × 500 ms ceiling
		scope.done();
	});

	it('does not resend a POST without an idempotency key after a 503', async () => {
		api().post('/v1/schedules').reply(503, { detail: 'unavailable' }).post('/v1/schedules').reply(201, {});
		const error = await failure(
			pinBridgeRequest(ctx(), { method: 'POST', path: '/v1/schedules', body: { title: 'x' } }),
		);
		expect(error.httpCode).toBe('503');
		expect(nock.pendingMocks()).toHaveLength(1); // the second interceptor was never used
		expect(runtime.sleeps).toEqual([]);
	});

	it.each([
		[402, { detail: { error: { code: 'quota_exceeded', message: 'Monthly quota reached', upgrade_url: 'https://pinbridge.io/upgrade' } } }],
		[403, { error: { code: 'insufficient_scope', message: 'Key lacks write scope', remediation: 'Create a key with write' } }],
		[422, { detail: [{ loc: ['body', 'title'], msg: 'too long', type: 'value_error' }] }],
	])('never retries HTTP %i', async (status, body) => {
		const scope = api().post('/v1/pins').reply(status, body);
		const error = await failure(pinBridgeRequest(ctx(), { method: 'POST', path: '/v1/pins', body: PIN_BODY }));
		expect(error.httpCode).toBe(String(status));
		expect(runtime.sleeps).toEqual([]);
		scope.done();
	});

	it('gives up with a clear error when attempts run out', async () => {
		api().get('/v1/pins/p1').times(3).reply(500, { detail: 'boom', request_id: 'req-9' });
		const error = await failure(
			pinBridgeRequest(ctx({ requestSettings: { maxAttempts: 3 } }), { method: 'GET', path: '/v1/pins/p1' }),
		);
		expect(error.message).toBe('boom');
		expect(error.description).toContain('Request ID: req-9');
		expect(error.description).toContain('3 attempts; gave up after 3 attempts');
		expect(runtime.sleeps).toHaveLength(2);
	});

	it('gives up when the wait PinBridge asks for passes the wait budget', async () => {
		api().get('/v1/pins/p1').reply(429, { error: { code: 'rate_limited', message: 'Later', retry_after_seconds: 600 } });
		const error = await failure(
			pinBridgeRequest(ctx({ requestSettings: { maxWaitSeconds: 60 } }), { method: 'GET', path: '/v1/pins/p1' }),
		);
		expect(error.httpCode).toBe('429');
		expect(error.message).toBe('Later');
		expect(error.description).toMatch(/wait budget/);
		expect(runtime.sleeps).toEqual([]);
	});

});

describe('request helper: rate meter', () => {
	const meter = { account: { tokens_available: 0.25, capacity: 50, refill_rate: 1 }, global: { tokens_available: 9, capacity: 200, refill_rate: 3 } };

	it('waits for the tokens the meter says are missing when a 429 names no wait', async () => {
		const scope = api()
			.post('/v1/pins')
			.reply(429, { error: { code: 'rate_limited', message: 'Paced' } })
			.get('/v1/rate-meter')
			.query({ account_id: 'acc' })
			.reply(200, meter)
			.post('/v1/pins')
			.reply(201, { id: 'p1' });
		await pinBridgeRequest(ctx(), { method: 'POST', path: '/v1/pins', body: PIN_BODY, accountId: 'acc' });
		expect(runtime.sleeps).toEqual([750]); // (1 - 0.25) tokens ÷ 1 token/s
		scope.done();
	});

	it('shares one reading across the items of a run', async () => {
		const meterScope = api().get('/v1/rate-meter').query({ account_id: 'acc' }).once().reply(200, meter);
		api().post('/v1/pins').times(5).reply(429, { error: { code: 'rate_limited' } });
		api().post('/v1/pins').times(5).reply(201, { id: 'p' });
		const context = ctx();
		await Promise.all(
			[1, 2, 3, 4, 5].map(
				async (n) =>
					await pinBridgeRequest(context, {
						method: 'POST',
						path: '/v1/pins',
						body: { ...PIN_BODY, idempotency_key: `k${n}` },
						accountId: 'acc',
					}),
			),
		);
		meterScope.done();
		expect(runtime.sleeps).toEqual([750, 750, 750, 750, 750]);
	});
});

describe('request helper: errors and secrets', () => {
	it.each([
		['plain detail', { detail: 'Pin not found' }, 404, 'Pin not found', undefined],
		['validation list', { detail: [{ loc: ['body', 'link_url'], msg: 'invalid URL', type: 'value_error' }] }, 422, 'link_url: invalid URL', undefined],
		['business', { detail: { error: { code: 'payment_required', message: 'Assets need a paid plan', upgrade_url: 'https://pinbridge.io/pricing' } } }, 402, 'Assets need a paid plan', 'payment_required'],
		['envelope', { error: { code: 'account_not_permitted', message: 'Key cannot use this account', remediation: 'Add the account to the key' } }, 403, 'Key cannot use this account', 'account_not_permitted'],
		['envelope beside detail', { detail: 'legacy text', error: { code: 'pin_publishing', message: 'Pin is publishing' } }, 409, 'Pin is publishing', 'pin_publishing'],
	])('maps the %s shape', async (_shape, body, status, message, code) => {
		api().get('/v1/pins/p1').reply(status, body, { 'X-Request-ID': 'req-1' });
		const error = await failure(pinBridgeRequest(ctx(), { method: 'GET', path: '/v1/pins/p1' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(message);
		expect(error.httpCode).toBe(String(status));
		if (code) expect(error.description).toContain(`PinBridge code: ${code}`);
		expect(error.description).toContain('Request ID: req-1');
	});

	it('carries remediation and the upgrade link', async () => {
		api().post('/v1/pins').reply(402, { detail: { error: { code: 'quota_exceeded', message: 'Quota reached', upgrade_url: 'https://pinbridge.io/upgrade' } } });
		const quota = await failure(pinBridgeRequest(ctx(), { method: 'POST', path: '/v1/pins', body: PIN_BODY }));
		expect(quota.description).toContain('Upgrade: https://pinbridge.io/upgrade');
		api().get('/v1/pins').reply(403, { error: { code: 'insufficient_scope', message: 'No read', remediation: 'Use a key with read' } });
		const scope = await failure(pinBridgeRequest(ctx(), { method: 'GET', path: '/v1/pins' }));
		expect(scope.description).toContain('What to do: Use a key with read');
	});

	it('reads the 1.41 envelope: error.request_id before the header, errors[] as field lines, connect_url', async () => {
		api()
			.post('/v1/pins')
			.reply(
				422,
				{
					error: {
						code: 'validation_error',
						message: 'title: too long',
						request_id: 'req-body',
						errors: [
							{ loc: ['body', 'title'], msg: 'too long' },
							{ loc: ['body', 'link_url'], msg: 'not a URL' },
						],
					},
				},
				{ 'X-Request-ID': 'req-header' },
			);
		const invalid = await failure(pinBridgeRequest(ctx(), { method: 'POST', path: '/v1/pins', body: PIN_BODY }));
		expect(invalid.message).toBe('title: too long');
		expect(invalid.description).toContain('Fields: title: too long; link_url: not a URL');
		expect(invalid.description).toContain('Request ID: req-body');
		api()
			.post('/v1/pinterest/boards')
			.reply(409, { error: { code: 'scope_missing', message: 'Missing boards:write_secret', connect_url: 'https://pinbridge.io/connect' } });
		const scope = await failure(pinBridgeRequest(ctx(), { method: 'POST', path: '/v1/pinterest/boards', body: {} }));
		expect(scope.description).toContain('Reconnect the Pinterest account: https://pinbridge.io/connect');
		expect((scope as unknown as { errorResponse: Record<string, unknown> }).errorResponse).toMatchObject({
			code: 'scope_missing',
			connectUrl: 'https://pinbridge.io/connect',
		});
	});

	it('never lets the API key into an error, even when PinBridge echoes it', async () => {
		// Sent once: n8n is asked not to throw on statuses, so it does not resend a 401 to refresh credentials.
		const scope = api().get('/v1/pins/p1').once().reply(401, { detail: `Invalid API key ${TEST_API_KEY}` });
		const error = await failure(pinBridgeRequest(ctx(), { method: 'GET', path: '/v1/pins/p1' }));
		scope.done();
		expect(error.message).toBe('Invalid API key [redacted]');
		const everything = JSON.stringify({ ...error, message: error.message, description: error.description, stack: error.stack });
		expect(everything).not.toContain(TEST_API_KEY);
	});
});

describe('request helper: base URL', () => {
	it.each(['https://api.pinbridge.test/v1', 'https://api.pinbridge.test/v1/', 'https://api.pinbridge.test//', ' https://api.pinbridge.test '])(
		'accepts %j as the base URL',
		async (baseUrl) => {
			const scope = api().get('/v1/pinterest/accounts').reply(200, []);
			const context = createTransportContext({ credentials: { pinBridgeSuiteApi: { baseUrl, apiKey: TEST_API_KEY } } });
			await pinBridgeRequest(context, { method: 'GET', path: '/v1/pinterest/accounts' });
			scope.done();
		},
	);
});
