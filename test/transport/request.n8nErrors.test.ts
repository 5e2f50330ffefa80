// The helper must not depend on how a given n8n wraps HTTP errors. n8n-workflow 1.x and 2.0 build NodeApiError
// without the HTTP client's error (no `cause`, no response headers): only `httpCode` and `context.data` survive.
// Here n8n-core's real request path runs, but every error it throws is cut down to that 1.x shape before the helper
// sees it — the helper still has to retry, pace and map errors exactly as on the pinned n8n.
import type { IAdditionalCredentialOptions, IHttpRequestOptions } from 'n8n-workflow';

import { outcomeFromError } from '../../nodes/shared/transport/n8nErrors';
import { pinBridgeRequest } from '../../nodes/shared/transport/request';
import { useFakeRuntime } from '../harness/fakeRuntime';
import { nock, useNock } from '../harness/nock';
import { TEST_BASE_URL } from '../harness/runWorkflow';
import { createTransportContext } from '../harness/transportContext';

useNock();
const runtime = useFakeRuntime();

const PIN_BODY = { account_id: 'acc', board_id: '1', title: 'T', image_url: 'https://x/y.png', idempotency_key: 'k1' };

/** What n8n-workflow 1.120's NodeApiError keeps of an HTTP failure. */
function asN8n1Error(error: { message?: string; httpCode?: unknown; context?: { data?: unknown } }): Error {
	return Object.assign(new Error(error.message), {
		name: 'NodeApiError',
		httpCode: error.httpCode ?? null,
		context: error.context?.data === undefined ? {} : { data: error.context.data },
	});
}

/** A transport context whose n8n throws 1.x-shaped errors; it records the options the helper passed. */
function n8n1Context() {
	const ctx = createTransportContext();
	const realRequest = ctx.helpers.httpRequestWithAuthentication;
	const sent: IHttpRequestOptions[] = [];
	ctx.helpers.httpRequestWithAuthentication = async function (
		this: unknown,
		type: string,
		options: IHttpRequestOptions,
		extra?: IAdditionalCredentialOptions,
	) {
		sent.push({ ...options });
		try {
			return await realRequest.call(this, type, options, extra);
		} catch (error) {
			throw asN8n1Error(error as Parameters<typeof asN8n1Error>[0]);
		}
	};
	return { ctx, sent };
}

describe('request helper on n8n versions whose errors lose the HTTP response', () => {
	it('asks n8n for the whole answer instead of an error', async () => {
		const scope = nock(TEST_BASE_URL).get('/v1/pins/p1').reply(200, { id: 'p1' });
		const { ctx, sent } = n8n1Context();
		await pinBridgeRequest(ctx, { method: 'GET', path: '/v1/pins/p1' });
		expect(sent).toEqual([expect.objectContaining({ ignoreHttpStatusErrors: true, returnFullResponse: true })]);
		scope.done();
	});

	it('retries a 503 on POST /v1/pins (idempotency key), then succeeds', async () => {
		const scope = nock(TEST_BASE_URL)
			.post('/v1/pins')
			.reply(503, { detail: 'unavailable' })
			.post('/v1/pins')
			.reply(201, { id: 'p1' });
		const { body } = await pinBridgeRequest(n8n1Context().ctx, { method: 'POST', path: '/v1/pins', body: PIN_BODY });
		expect(body).toEqual({ id: 'p1' });
		expect(runtime.sleeps).toEqual([250]);
		scope.done();
	});

	it('waits the Retry-After header of a 429', async () => {
		const scope = nock(TEST_BASE_URL)
			.post('/v1/pins')
			.reply(429, { detail: 'Too many requests' }, { 'Retry-After': '3' })
			.post('/v1/pins')
			.reply(201, { id: 'p1' });
		await pinBridgeRequest(n8n1Context().ctx, { method: 'POST', path: '/v1/pins', body: PIN_BODY });
		expect(runtime.sleeps).toEqual([3000]);
		scope.done();
	});

	it("maps a 402 to PinBridge's message, code and upgrade link", async () => {
		nock(TEST_BASE_URL)
			.post('/v1/pins')
			.reply(402, { detail: { error: { code: 'quota_exceeded', message: 'Quota reached', upgrade_url: 'https://pinbridge.io/upgrade' } } });
		await expect(
			pinBridgeRequest(n8n1Context().ctx, { method: 'POST', path: '/v1/pins', body: PIN_BODY }),
		).rejects.toMatchObject({
			httpCode: '402',
			message: 'Quota reached',
			description: expect.stringMatching(/PinBridge code: quota_exceeded[\s\S]*Upgrade: https:\/\/pinbridge.io\/upgrade/),
		});
		expect(runtime.sleeps).toEqual([]);
	});

	it('treats a 404 on a DELETE as a 404 the trigger can recognise', async () => {
		nock(TEST_BASE_URL).delete('/v1/webhooks/w1').reply(404, { detail: 'Webhook not found' });
		await expect(
			pinBridgeRequest(n8n1Context().ctx, { method: 'DELETE', path: '/v1/webhooks/w1' }),
		).rejects.toMatchObject({ httpCode: '404', message: 'Webhook not found' });
	});
});

describe('outcomeFromError', () => {
	it('reads the status and body a 1.x NodeApiError keeps', () => {
		const error = asN8n1Error({ message: 'Service unavailable', httpCode: '503', context: { data: { detail: 'x' } } });
		expect(outcomeFromError(error)).toEqual({ kind: 'response', status: 503, headers: {}, body: { detail: 'x' } });
	});

	it("reads a socket error's code that 1.x keeps in httpCode", () => {
		expect(outcomeFromError(asN8n1Error({ message: 'closed', httpCode: 'ECONNRESET' }))).toEqual({
			kind: 'network',
			code: 'ECONNRESET',
		});
	});

	it('prefers the full response 2.x keeps as the cause', () => {
		const cause = Object.assign(new Error('503'), { response: { status: 503, headers: { 'retry-after': '1' }, data: 'x' } });
		const error = Object.assign(new Error('Service unavailable'), { httpCode: '503', context: {}, cause });
		expect(outcomeFromError(error)).toEqual({ kind: 'response', status: 503, headers: { 'retry-after': '1' }, body: 'x' });
	});

	it('finds nothing in an error that is not about HTTP', () => {
		expect(outcomeFromError(new Error('Credentials not found'))).toBeUndefined();
	});
});
