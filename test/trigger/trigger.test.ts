import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { MAX_REMEMBERED_DELIVERIES, rememberDelivery } from '../../nodes/PinBridgeSuiteTrigger/deliveries';
import { useFakeRuntime } from '../harness/fakeRuntime';
import { nock, useNock } from '../harness/nock';
import { TEST_API_KEY, TEST_BASE_URL } from '../harness/runWorkflow';
import { PRODUCTION_URL, TEST_URL, TriggerHarness, type Delivery } from './harness';

useNock();
useFakeRuntime();

const WEBHOOK_ID = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
const ACCOUNT_ID = '3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b';
const PIN_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const BOTH = ['pin.published', 'pin.failed'];

/** Computed here, independently of the node's code. */
function hmac(secret: string, raw: Buffer | string): string {
	return createHmac('sha256', secret).update(raw).digest('hex');
}

function eventBody(overrides: IDataObject = {}): IDataObject {
	return {
		event: 'pin.published',
		delivery_id: 'd-1',
		occurred_at: '2026-11-22T10:00:00Z',
		pin_id: PIN_ID,
		account_id: ACCOUNT_ID,
		board_id: '549755885175',
		status: 'published',
		pinterest_pin_id: '1234567890',
		error_code: null,
		error_message: null,
		...overrides,
	};
}

/** A delivery as PinBridge sends it: Python-style JSON (spaces after separators), so re-serializing would not match. */
function signedDelivery(secret: string, body: IDataObject, headers: Record<string, string | undefined> = {}): Delivery {
	const raw = Buffer.from(JSON.stringify(body, null, 1).replace(/\n\s*/g, ' '), 'utf8');
	return {
		rawBody: raw,
		headers: {
			'X-PinBridge-Event': String(body.event),
			'X-PinBridge-Delivery-ID': String(body.delivery_id),
			'X-PinBridge-Signature': hmac(secret, raw),
			...headers,
		},
	};
}

/** Registers the production webhook through nock and returns the harness and the secret the node sent. */
async function registered(
	parameters: IDataObject = {},
	setup: ConstructorParameters<typeof TriggerHarness>[0] = {},
): Promise<{ harness: TriggerHarness; secret: string }> {
	const harness = new TriggerHarness({ ...setup, parameters: { ...setup.parameters, ...parameters } });
	let secret = '';
	const scope = nock(TEST_BASE_URL)
		.get('/v1/webhooks')
		.reply(200, [])
		.post('/v1/webhooks', (body: IDataObject) => {
			secret = String(body.secret);
			return true;
		})
		.reply(201, (_uri, body) => ({ id: WEBHOOK_ID, url: (body as IDataObject).url, events: (body as IDataObject).events, is_enabled: true }));
	await harness.activate();
	scope.done();
	harness.persist();
	return { harness, secret };
}

describe('PinBridge Trigger: registration', () => {
	it('create sends the production URL, the events and a fresh secret, and keeps id + secret in static data', async () => {
		const harness = new TriggerHarness({ parameters: { events: ['pin.failed'] } });
		let sent: IDataObject = {};
		const scope = nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } })
			.get('/v1/webhooks')
			.reply(200, [{ id: 'someone-else', url: 'https://elsewhere.example/hook', events: BOTH }])
			.post('/v1/webhooks', (body: IDataObject) => {
				sent = body;
				return true;
			})
			.reply(201, { id: WEBHOOK_ID, url: PRODUCTION_URL, events: ['pin.failed'], is_enabled: true });

		expect(await harness.checkExists()).toBe(false); // nothing stored yet: no request at all
		expect(await harness.create()).toBe(true);

		scope.done(); // the webhook at another URL was not touched
		expect(sent).toEqual({ url: PRODUCTION_URL, events: ['pin.failed'], secret: expect.any(String), is_enabled: true });
		expect(sent.secret).toMatch(/^[0-9a-f]{64,}$/);
		expect(harness.staticData).toMatchObject({
			webhookId: WEBHOOK_ID,
			webhookSecret: sent.secret,
			webhookUrl: PRODUCTION_URL,
			webhookEvents: ['pin.failed'],
		});
		expect(harness.workflow.staticData.__dataChanged).toBe(true); // so n8n saves it with the workflow
	});

	it('two creates never share a secret', async () => {
		const a = await registered();
		const b = await registered();
		expect(a.secret).not.toEqual(b.secret);
	});

	it('"Listen for test event" registers the test URL, in its own static data', async () => {
		const harness = new TriggerHarness();
		let url = '';
		nock(TEST_BASE_URL)
			.get('/v1/webhooks')
			.reply(200, [])
			.post('/v1/webhooks', (body: IDataObject) => {
				url = String(body.url);
				return true;
			})
			.reply(201, { id: WEBHOOK_ID, url: TEST_URL, events: BOTH, is_enabled: true });
		await harness.activate(true, 'manual');
		expect(url).toBe(TEST_URL);
		expect(harness.staticData.webhookUrl).toBe(TEST_URL);
	});

	it('create first removes a leftover registration at this exact URL (a crash before static data was saved)', async () => {
		const harness = new TriggerHarness();
		const scope = nock(TEST_BASE_URL)
			.get('/v1/webhooks')
			.reply(200, [
				{ id: 'leftover', url: PRODUCTION_URL, events: BOTH },
				{ id: 'other-workflow', url: 'http://127.0.0.1:5678/webhook/another/webhook', events: BOTH },
			])
			.delete('/v1/webhooks/leftover')
			.reply(204)
			.post('/v1/webhooks')
			.reply(201, { id: WEBHOOK_ID, url: PRODUCTION_URL, events: BOTH, is_enabled: true });
		await harness.create();
		scope.done();
		expect(harness.staticData.webhookId).toBe(WEBHOOK_ID);
	});

	it('create after an unanswered POST adopts the webhook that attempt made instead of making a second', async () => {
		const harness = new TriggerHarness();
		let posts = 0;
		const scope = nock(TEST_BASE_URL)
			.get('/v1/webhooks')
			.reply(200, [])
			.post('/v1/webhooks', () => ++posts > 0)
			.reply(502, { detail: 'Bad gateway' })
			.get('/v1/webhooks')
			.reply(200, [{ id: WEBHOOK_ID, url: PRODUCTION_URL, events: BOTH, is_enabled: true }]);
		await harness.create();
		scope.done();
		expect(posts).toBe(1);
		expect(harness.staticData.webhookId).toBe(WEBHOOK_ID);
		expect(harness.staticData.webhookSecret).toMatch(/^[0-9a-f]{64}$/);
	});

	it('refuses to register without an event, before any request', async () => {
		const harness = new TriggerHarness({ parameters: { events: [] } });
		await expect(harness.create()).rejects.toThrow('Choose at least one event');
		await expect(harness.checkExists()).rejects.toThrow('Choose at least one event');
	});

	it('checkExists is true when the stored webhook still exists with the same URL and events', async () => {
		const { harness } = await registered();
		const scope = nock(TEST_BASE_URL)
			.get(`/v1/webhooks/${WEBHOOK_ID}`)
			.reply(200, { id: WEBHOOK_ID, url: PRODUCTION_URL, events: ['pin.failed', 'pin.published'], is_enabled: true });
		expect(await harness.checkExists()).toBe(true);
		scope.done();
	});

	it('checkExists is false on 404 and forgets the stale registration', async () => {
		const { harness } = await registered();
		nock(TEST_BASE_URL).get(`/v1/webhooks/${WEBHOOK_ID}`).reply(404, { detail: 'Webhook not found' });
		expect(await harness.checkExists()).toBe(false);
		expect(harness.staticData.webhookId).toBeUndefined();
		expect(harness.staticData.webhookSecret).toBeUndefined();
	});

	it.each([
		['another URL', { url: 'http://old-host:5678/webhook/x/webhook', events: BOTH }],
		['other events', { url: PRODUCTION_URL, events: ['pin.published'] }],
		['a disabled webhook', { url: PRODUCTION_URL, events: BOTH, is_enabled: false }],
	])('checkExists is false for %s', async (_label, remote) => {
		const { harness } = await registered();
		nock(TEST_BASE_URL).get(`/v1/webhooks/${WEBHOOK_ID}`).reply(200, { id: WEBHOOK_ID, ...remote });
		expect(await harness.checkExists()).toBe(false);
	});

	it('checkExists is false when the secret is lost, even if PinBridge still has the webhook', async () => {
		const { harness } = await registered();
		delete harness.staticData.webhookSecret;
		nock(TEST_BASE_URL).get(`/v1/webhooks/${WEBHOOK_ID}`).reply(200, { id: WEBHOOK_ID, url: PRODUCTION_URL, events: BOTH });
		expect(await harness.checkExists()).toBe(false);
	});

	it('checkExists reports a 500 that outlasts the retries, and keeps the registration', async () => {
		const { harness } = await registered();
		const scope = nock(TEST_BASE_URL).get(`/v1/webhooks/${WEBHOOK_ID}`).times(4).reply(500, { detail: 'boom', request_id: 'r-1' });
		await expect(harness.checkExists()).rejects.toMatchObject({ httpCode: '500' });
		scope.done(); // 4 attempts, then the error
		expect(harness.staticData.webhookId).toBe(WEBHOOK_ID);
	});

	it('checkExists reports a 403 at once (final), not as "gone"', async () => {
		const { harness } = await registered();
		const scope = nock(TEST_BASE_URL)
			.get(`/v1/webhooks/${WEBHOOK_ID}`)
			.reply(403, { error: { code: 'insufficient_scope', message: 'This key lacks the read scope' } });
		await expect(harness.checkExists()).rejects.toMatchObject({ httpCode: '403', message: 'This key lacks the read scope' });
		scope.done();
		expect(harness.staticData.webhookId).toBe(WEBHOOK_ID);
	});

	it('delete removes the webhook and clears static data', async () => {
		const { harness } = await registered();
		const scope = nock(TEST_BASE_URL).delete(`/v1/webhooks/${WEBHOOK_ID}`).reply(204);
		expect(await harness.delete()).toBe(true);
		scope.done();
		expect(harness.staticData).toEqual({});
		expect(harness.workflow.staticData.__dataChanged).toBe(true);
	});

	it('delete counts a 404 as deleted', async () => {
		const { harness } = await registered();
		nock(TEST_BASE_URL).delete(`/v1/webhooks/${WEBHOOK_ID}`).reply(404, { detail: 'Webhook not found' });
		expect(await harness.delete()).toBe(true);
		expect(harness.staticData).toEqual({});
	});

	it('delete reports other failures and keeps what it would need to try again', async () => {
		const { harness } = await registered();
		// n8n-core itself sends a request once more after a 401 (to refresh credentials): answer every attempt.
		nock(TEST_BASE_URL).persist().delete(`/v1/webhooks/${WEBHOOK_ID}`).reply(401, { detail: 'Invalid API key' });
		await expect(harness.delete()).rejects.toMatchObject({ httpCode: '401', message: 'Invalid API key' });
		expect(harness.staticData.webhookId).toBe(WEBHOOK_ID);
	});

	it('delete without a registration sends nothing', async () => {
		const harness = new TriggerHarness();
		expect(await harness.delete()).toBe(true);
	});

	it('uses the OAuth2 credential when chosen', async () => {
		const harness = new TriggerHarness({
			parameters: { authentication: 'oAuth2' },
			credentials: {
				pinBridgeSuiteOAuth2Api: {
					baseUrl: TEST_BASE_URL,
					oauthTokenData: { access_token: 'oauth-access-token', token_type: 'Bearer' },
				},
			},
		});
		const scope = nock(TEST_BASE_URL, { reqheaders: { authorization: 'Bearer oauth-access-token' } })
			.get('/v1/webhooks')
			.reply(200, [])
			.post('/v1/webhooks')
			.reply(201, { id: WEBHOOK_ID, url: PRODUCTION_URL, events: BOTH, is_enabled: true });
		await harness.create();
		scope.done();
	});
});

describe('PinBridge Trigger: restarts and webhook processes', () => {
	it('an n8n restart finds the saved registration and creates no second webhook', async () => {
		const { harness, secret } = await registered();
		const saved = harness.persist();

		// n8n starts again: the workflow is built from the saved static data and activated with 'init'.
		const restarted = new TriggerHarness({ staticData: saved });
		const scope = nock(TEST_BASE_URL)
			.get(`/v1/webhooks/${WEBHOOK_ID}`)
			.reply(200, { id: WEBHOOK_ID, url: PRODUCTION_URL, events: BOTH, is_enabled: true });
		await restarted.activate(false, 'init'); // a POST here would fail: nock has none
		scope.done();
		expect(restarted.staticData.webhookSecret).toBe(secret);
		expect(restarted.workflow.staticData.__dataChanged).not.toBe(true); // nothing to save
	});

	it('a queue-mode webhook process (static data from the database) verifies with the saved secret', async () => {
		const { harness, secret } = await registered();
		const webhookProcess = new TriggerHarness({ staticData: harness.persist() });
		const result = await webhookProcess.deliver(signedDelivery(secret, eventBody()));
		expect(result.status).toBe(200);
		expect(result.executedItems).toHaveLength(1);
		expect(result.staticDataChanged).toBe(true); // the delivery id is saved back for the other processes

		// A retry of the same delivery reaching another process after the first one saved.
		const other = new TriggerHarness({ staticData: webhookProcess.persist() });
		const again = await other.deliver(signedDelivery(secret, eventBody()));
		expect(again.status).toBe(200);
		expect(again.executedItems).toBeUndefined();
	});

	it('a changed webhook base URL (WEBHOOK_URL set later) replaces the old registration instead of adding one', async () => {
		const { harness } = await registered();
		const moved = new TriggerHarness({
			staticData: harness.persist(),
			additionalData: { webhookBaseUrl: 'https://n8n.example.com/webhook' },
		});
		const newUrl = `https://n8n.example.com/webhook/${moved.node.webhookId}/webhook`;
		const scope = nock(TEST_BASE_URL)
			.get(`/v1/webhooks/${WEBHOOK_ID}`)
			.reply(200, { id: WEBHOOK_ID, url: PRODUCTION_URL, events: BOTH, is_enabled: true })
			.delete(`/v1/webhooks/${WEBHOOK_ID}`)
			.reply(204)
			.get('/v1/webhooks')
			.reply(200, [])
			.post('/v1/webhooks', (body: IDataObject) => body.url === newUrl)
			.reply(201, { id: 'new-webhook', url: newUrl, events: BOTH, is_enabled: true });
		await moved.activate(false, 'init');
		scope.done();
		expect(moved.staticData.webhookId).toBe('new-webhook');
	});
});

describe('PinBridge Trigger: deliveries', () => {
	it('a valid signature starts one execution with the event body, event and delivery id', async () => {
		const { harness, secret } = await registered();
		const body = eventBody();
		const result = await harness.deliver(signedDelivery(secret, body));
		expect(result.status).toBe(200);
		expect(result.executedItems).toHaveLength(1);
		expect(result.executedItems![0].json).toEqual({ ...body, event: 'pin.published', deliveryId: 'd-1' });
		expect(harness.staticData.deliveryIds).toEqual(['d-1']);
	});

	it('also in test mode ("Listen for test event")', async () => {
		const harness = new TriggerHarness();
		let secret = '';
		nock(TEST_BASE_URL)
			.get('/v1/webhooks')
			.reply(200, [])
			.post('/v1/webhooks', (b: IDataObject) => Boolean((secret = String(b.secret))))
			.reply(201, { id: WEBHOOK_ID, url: TEST_URL, events: BOTH, is_enabled: true });
		await harness.activate(true, 'manual');
		const result = await harness.deliver(signedDelivery(secret, eventBody({ event: 'pin.failed', status: 'failed' })), true);
		expect(result.executedItems?.[0].json).toMatchObject({ event: 'pin.failed', status: 'failed', deliveryId: 'd-1' });
	});

	describe('is refused with 401 and starts nothing', () => {
		const cases: Array<[string, (secret: string) => Delivery]> = [
			[
				'a tampered body',
				(secret) => {
					const delivery = signedDelivery(secret, eventBody());
					delivery.rawBody = Buffer.from(delivery.rawBody!.toString('utf8').replace('published', 'failed'));
					return delivery;
				},
			],
			['a wrong secret', () => signedDelivery('0'.repeat(64), eventBody())],
			['a missing signature header', (secret) => signedDelivery(secret, eventBody(), { 'X-PinBridge-Signature': undefined })],
			['an empty signature header', (secret) => signedDelivery(secret, eventBody(), { 'X-PinBridge-Signature': '' })],
			[
				'a signature of the wrong length',
				(secret) => {
					const good = signedDelivery(secret, eventBody());
					return { ...good, headers: { ...good.headers, 'X-PinBridge-Signature': good.headers!['X-PinBridge-Signature']!.slice(0, 40) } };
				},
			],
			[
				'a signature that is too long',
				(secret) => {
					const good = signedDelivery(secret, eventBody());
					return { ...good, headers: { ...good.headers, 'X-PinBridge-Signature': `${good.headers!['X-PinBridge-Signature']!}00` } };
				},
			],
			['a non-hex signature', (secret) => signedDelivery(secret, eventBody(), { 'X-PinBridge-Signature': 'z'.repeat(64) })],
			[
				'a signature of another body',
				(secret) => signedDelivery(secret, eventBody(), { 'X-PinBridge-Signature': hmac(secret, '{}') }),
			],
		];

		it.each(cases)('%s', async (_label, make) => {
			const { harness, secret } = await registered();
			const result = await harness.deliver(make(secret));
			expect(result.status).toBe(401);
			expect(result.webhookResult).toEqual({ noWebhookResponse: true });
			expect(result.executedItems).toBeUndefined();
			expect(harness.executions).toHaveLength(0);
			expect(result.staticDataChanged).toBe(false); // nothing remembered, nothing written
			expect(harness.staticData.deliveryIds).toBeUndefined();
		});

		it('before the node was ever registered (no secret)', async () => {
			const harness = new TriggerHarness();
			const result = await harness.deliver(signedDelivery('any-secret-at-all', eventBody()));
			expect(result.status).toBe(401);
			expect(harness.executions).toHaveLength(0);
		});
	});

	it('accepts the signature in upper case or with a sha256= prefix (tolerance; the contract says plain lowercase)', async () => {
		const { harness, secret } = await registered();
		const a = signedDelivery(secret, eventBody({ delivery_id: 'd-upper' }));
		a.headers!['X-PinBridge-Signature'] = a.headers!['X-PinBridge-Signature']!.toUpperCase();
		expect((await harness.deliver(a)).executedItems).toHaveLength(1);
		const b = signedDelivery(secret, eventBody({ delivery_id: 'd-prefix' }));
		b.headers!['X-PinBridge-Signature'] = `sha256=${b.headers!['X-PinBridge-Signature']!}`;
		expect((await harness.deliver(b)).executedItems).toHaveLength(1);
	});

	it('a redelivery is answered 200 and starts no second execution', async () => {
		const { harness, secret } = await registered();
		const first = await harness.deliver(signedDelivery(secret, eventBody()));
		const second = await harness.deliver(signedDelivery(secret, eventBody()));
		expect(first.executedItems).toHaveLength(1);
		expect(second.status).toBe(200);
		expect(second.responseBody).toEqual({ received: true, ignored: 'duplicate delivery' });
		expect(second.executedItems).toBeUndefined();
		expect(harness.executions).toHaveLength(1);
		// A different delivery still runs.
		expect((await harness.deliver(signedDelivery(secret, eventBody({ delivery_id: 'd-2' })))).executedItems).toHaveLength(1);
	});

	it('the delivery memory is bounded and forgets the oldest first', () => {
		const staticData: IDataObject = {};
		for (let i = 0; i < MAX_REMEMBERED_DELIVERIES + 5; i++) rememberDelivery(staticData, `d-${i}`);
		const ids = staticData.deliveryIds as string[];
		expect(ids).toHaveLength(MAX_REMEMBERED_DELIVERIES);
		expect(ids[0]).toBe('d-5');
		expect(ids.at(-1)).toBe(`d-${MAX_REMEMBERED_DELIVERIES + 4}`);
	});

	it('an event that was not chosen is acknowledged with 200 and starts nothing', async () => {
		const { harness, secret } = await registered({ events: ['pin.published'] });
		const result = await harness.deliver(signedDelivery(secret, eventBody({ event: 'pin.failed', status: 'failed' })));
		expect(result.status).toBe(200);
		expect(result.responseBody).toEqual({ received: true, ignored: 'event not selected' });
		expect(harness.executions).toHaveLength(0);
	});

	it('the account and board filters let through only their Pins', async () => {
		const { harness, secret } = await registered({
			account: { __rl: true, mode: 'id', value: ACCOUNT_ID },
			board: { __rl: true, mode: 'list', value: '549755885175' },
		});
		const otherAccount = await harness.deliver(
			signedDelivery(secret, eventBody({ delivery_id: 'a', account_id: '00000000-0000-4000-8000-000000000000' })),
		);
		const otherBoard = await harness.deliver(signedDelivery(secret, eventBody({ delivery_id: 'b', board_id: '1' })));
		const match = await harness.deliver(signedDelivery(secret, eventBody({ delivery_id: 'c' })));
		expect(otherAccount).toMatchObject({ status: 200, responseBody: { ignored: 'other Pinterest account' } });
		expect(otherBoard).toMatchObject({ status: 200, responseBody: { ignored: 'other board' } });
		expect(match.executedItems?.[0].json).toMatchObject({ deliveryId: 'c', board_id: '549755885175' });
		expect(harness.executions).toHaveLength(1);
	});

	it('Fetch Full Pin adds the Pin as PinBridge has it now', async () => {
		const { harness, secret } = await registered({ options: { fetchFullPin: true } });
		const pin = { id: PIN_ID, status: 'published', title: 'Autumn soup', pinterest_pin_id: '1234567890' };
		const scope = nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } }).get(`/v1/pins/${PIN_ID}`).reply(200, pin);
		const result = await harness.deliver(signedDelivery(secret, eventBody()));
		scope.done();
		expect(result.executedItems?.[0].json).toEqual({ ...eventBody(), event: 'pin.published', deliveryId: 'd-1', pin });
	});

	it('Fetch Full Pin gives pin: null for a Pin deleted since', async () => {
		const { harness, secret } = await registered({ options: { fetchFullPin: true } });
		nock(TEST_BASE_URL).get(`/v1/pins/${PIN_ID}`).reply(404, { detail: 'Pin not found' });
		const result = await harness.deliver(signedDelivery(secret, eventBody()));
		expect(result.executedItems?.[0].json.pin).toBeNull();
	});

	it('Fetch Full Pin failing answers 500 and forgets nothing, so PinBridge’s retry runs the workflow', async () => {
		const { harness, secret } = await registered({ options: { fetchFullPin: true } });
		nock(TEST_BASE_URL).get(`/v1/pins/${PIN_ID}`).times(2).reply(503, { detail: 'down' });
		const failed = await harness.deliver(signedDelivery(secret, eventBody()));
		expect(failed.status).toBe(500);
		expect(failed.error).toMatchObject({ httpCode: '503' });
		expect(harness.staticData.deliveryIds).toBeUndefined();

		nock(TEST_BASE_URL).get(`/v1/pins/${PIN_ID}`).reply(200, { id: PIN_ID, status: 'published' });
		const retried = await harness.deliver(signedDelivery(secret, eventBody()));
		expect(retried.executedItems?.[0].json.pin).toEqual({ id: PIN_ID, status: 'published' });
	});

	it('without n8n’s raw body, a compact JSON body still verifies; a re-serialization that differs is refused', async () => {
		const { harness, secret } = await registered();
		const compact = Buffer.from(JSON.stringify(eventBody()));
		const ok = await harness.deliver({
			rawBody: compact,
			withoutRawBody: true,
			headers: { 'X-PinBridge-Event': 'pin.published', 'X-PinBridge-Delivery-ID': 'd-1', 'X-PinBridge-Signature': hmac(secret, compact) },
		});
		expect(ok.executedItems).toHaveLength(1);
		const spaced = signedDelivery(secret, eventBody({ delivery_id: 'd-2' }));
		const refused = await harness.deliver({ ...spaced, withoutRawBody: true });
		expect(refused.status).toBe(401);
	});

	it('a signed body that is not a JSON object is answered 400', async () => {
		const { harness, secret } = await registered();
		const raw = Buffer.from('not json');
		const result = await harness.deliver({
			rawBody: raw,
			headers: { 'X-PinBridge-Event': 'pin.published', 'X-PinBridge-Delivery-ID': 'd-x', 'X-PinBridge-Signature': hmac(secret, raw) },
		});
		expect(result.status).toBe(400);
		expect(harness.executions).toHaveLength(0);
	});
});

describe('PinBridge Trigger: the secret stays secret', () => {
	it('appears in no output, response or error, and in static data only as webhookSecret', async () => {
		const { harness, secret } = await registered({ options: { fetchFullPin: true } });
		nock(TEST_BASE_URL).get(`/v1/pins/${PIN_ID}`).reply(200, { id: PIN_ID });
		await harness.deliver(signedDelivery(secret, eventBody()));
		await harness.deliver(signedDelivery(secret, eventBody())); // duplicate
		await harness.deliver(signedDelivery('wrong', eventBody({ delivery_id: 'd-3' }))); // 401
		nock(TEST_BASE_URL).get(`/v1/pins/${PIN_ID}`).times(2).reply(500, { detail: `echo ${secret}` });
		await harness.deliver(signedDelivery(secret, eventBody({ delivery_id: 'd-4' }))); // error

		expect(harness.executions).toHaveLength(1);
		const everythingShown = JSON.stringify({
			executions: harness.executions,
			responses: harness.responses,
			errors: harness.errors.map((error) => ({ ...error, message: error.message })),
		});
		expect(everythingShown).not.toContain(secret);

		const { webhookSecret, ...rest } = harness.staticData;
		expect(webhookSecret).toBe(secret);
		expect(JSON.stringify(rest)).not.toContain(secret);
	});

	it('is taken out of a PinBridge error that echoes it back on create', async () => {
		const harness = new TriggerHarness();
		nock(TEST_BASE_URL)
			.get('/v1/webhooks')
			.reply(200, [])
			.post('/v1/webhooks')
			.reply(422, (_uri, body) => ({
				detail: [{ loc: ['body', 'secret'], msg: `bad secret ${(body as IDataObject).secret as string}`, type: 'value_error' }],
			}));
		const error = (await harness.create().catch((e: unknown) => e)) as Error & { description?: string };
		expect(error).toMatchObject({ httpCode: '422' });
		expect(error.message).toContain('[redacted]');
		expect(JSON.stringify({ ...error, message: error.message, description: error.description })).not.toMatch(/[0-9a-f]{64}/);
	});
});
