// PinBridge Trigger: registering, checking and deleting its webhook, across restarts and webhook processes.
import type { IDataObject } from 'n8n-workflow';

import { useFakeRuntime } from '../harness/fakeRuntime';
import { nock, useNock } from '../harness/nock';
import { TEST_API_KEY, TEST_BASE_URL } from '../harness/runWorkflow';
import { WEBHOOK_ID, BOTH, eventBody, signedDelivery, registered } from './fixtures';
import { PRODUCTION_URL, TEST_URL, TriggerHarness } from './harness';

useNock();
useFakeRuntime();

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
		nock(TEST_BASE_URL).delete(`/v1/webhooks/${WEBHOOK_ID}`).reply(401, { detail: 'Invalid API key' });
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
