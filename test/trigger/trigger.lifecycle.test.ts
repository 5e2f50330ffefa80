// PinBridge Trigger: registering, checking and deleting its webhook, across restarts and webhook processes.
import type { IDataObject } from 'n8n-workflow';

import { useFakeRuntime } from '../harness/fakeRuntime';
import { nock, useNock } from '../harness/nock';
import { TEST_API_KEY, TEST_BASE_URL } from '../harness/runWorkflow';
import { WEBHOOK_ID, BOTH, eventBody, expectedSecret, signedDelivery, registered } from './fixtures';
import { PRODUCTION_URL, TEST_URL, TriggerHarness } from './harness';

useNock();
useFakeRuntime();

describe('PinBridge Trigger: registration', () => {
	it('create sends the production URL, the events and the derived secret, and keeps only the registration in static data', async () => {
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
		expect(sent.secret).toBe(expectedSecret(harness));
		expect(harness.staticData).toEqual({
			webhookId: WEBHOOK_ID,
			webhookUrl: PRODUCTION_URL,
			webhookEvents: ['pin.failed'],
			secretTag: expect.stringMatching(/^[0-9a-f]{16}$/),
		});
		expect(JSON.stringify(harness.workflow.staticData)).not.toContain(String(sent.secret));
		expect(String(sent.secret)).not.toContain(String(harness.staticData.secretTag));
		expect(harness.workflow.staticData.__dataChanged).toBe(true); // so n8n saves it with the workflow
	});

	it('the secret is derived: two workflows never share one; the same node gets the same one again', async () => {
		const a = await registered();
		const b = await registered();
		expect(a.secret).not.toEqual(b.secret);
		const again = await registered({}, { workflowId: a.harness.workflowId });
		expect(again.secret).toBe(a.secret);
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

	it('create adopts a registration already at this exact URL (its id never reached static data): updated in place, no second one', async () => {
		const harness = new TriggerHarness();
		let patched: IDataObject = {};
		const scope = nock(TEST_BASE_URL)
			.get('/v1/webhooks')
			.reply(200, [
				{ id: 'leftover', url: PRODUCTION_URL, events: ['pin.failed'], is_enabled: false },
				{ id: 'other-workflow', url: 'http://127.0.0.1:5678/webhook/another/webhook', events: BOTH },
			])
			.patch('/v1/webhooks/leftover', (body: IDataObject) => Boolean((patched = body)))
			.reply(200, { id: 'leftover' });
		await harness.create(); // a POST or a DELETE would fail: nock has none
		scope.done();
		expect(patched).toEqual({ url: PRODUCTION_URL, events: BOTH, secret: expectedSecret(harness), is_enabled: true });
		expect(harness.staticData.webhookId).toBe('leftover');
	});

	it('create keeps one registration at this URL, the stored one, and removes the others', async () => {
		const { harness } = await registered();
		const scope = nock(TEST_BASE_URL)
			.get('/v1/webhooks')
			.reply(200, [
				{ id: 'late-1', url: PRODUCTION_URL, events: BOTH },
				{ id: WEBHOOK_ID, url: PRODUCTION_URL, events: BOTH },
				{ id: 'late-2', url: PRODUCTION_URL, events: BOTH },
			])
			.patch(`/v1/webhooks/${WEBHOOK_ID}`)
			.reply(200, { id: WEBHOOK_ID })
			.delete('/v1/webhooks/late-1')
			.reply(204)
			.delete('/v1/webhooks/late-2')
			.reply(404, { detail: 'Webhook not found' }); // gone already: that is what was wanted
		await harness.create();
		scope.done();
		expect(harness.staticData.webhookId).toBe(WEBHOOK_ID);
	});

	it('create: a registration deleted at PinBridge while being updated (404) is replaced by a new one', async () => {
		const harness = new TriggerHarness();
		const scope = nock(TEST_BASE_URL)
			.get('/v1/webhooks')
			.reply(200, [{ id: 'vanishing', url: PRODUCTION_URL, events: BOTH }])
			.patch('/v1/webhooks/vanishing')
			.reply(404, { detail: 'Webhook not found' })
			.post('/v1/webhooks')
			.reply(201, { id: WEBHOOK_ID, url: PRODUCTION_URL, events: BOTH, is_enabled: true })
			.delete('/v1/webhooks/vanishing')
			.reply(404, { detail: 'Webhook not found' });
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
		expect(harness.staticData).toMatchObject({ webhookId: WEBHOOK_ID, webhookUrl: PRODUCTION_URL, webhookEvents: BOTH });
	});

	it('refuses to register without an event, before any request', async () => {
		const harness = new TriggerHarness({ parameters: { events: [] } });
		await expect(harness.create()).rejects.toThrow('Choose at least one event');
		await expect(harness.checkExists()).rejects.toThrow('Choose at least one event');
	});

	it('checkExists is true when the stored webhook is the one registration at this URL, current; it writes nothing', async () => {
		const { harness } = await registered();
		const before = JSON.stringify(harness.staticData);
		const scope = nock(TEST_BASE_URL)
			.get('/v1/webhooks')
			.reply(200, [
				{ id: WEBHOOK_ID, url: PRODUCTION_URL, events: ['pin.failed', 'pin.published'], is_enabled: true },
				{ id: 'someone-else', url: 'https://elsewhere.example/hook', events: BOTH },
			]);
		expect(await harness.checkExists()).toBe(true); // a PATCH, POST or DELETE would fail: nock has none
		scope.done();
		expect(JSON.stringify(harness.staticData)).toBe(before);
		expect(harness.workflow.staticData.__dataChanged).not.toBe(true);
	});

	it('a changed credential: checkExists says false without writing; create sets the new secret on the same webhook', async () => {
		const { harness } = await registered();
		const changed = new TriggerHarness({
			workflowId: harness.workflowId,
			staticData: harness.persist(),
			credentials: { pinBridgeSuiteApi: { baseUrl: TEST_BASE_URL, apiKey: 'pb_live_rotated_key' } },
		});
		const newSecret = expectedSecret(changed, 'pb_live_rotated_key');
		const current = [{ id: WEBHOOK_ID, url: PRODUCTION_URL, events: BOTH, is_enabled: true }];
		const scope = nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': 'pb_live_rotated_key' } })
			.get('/v1/webhooks')
			.reply(200, current)
			.get('/v1/webhooks')
			.reply(200, current)
			.patch(`/v1/webhooks/${WEBHOOK_ID}`, { url: PRODUCTION_URL, events: BOTH, secret: newSecret, is_enabled: true })
			.reply(200, { id: WEBHOOK_ID });
		expect(await changed.checkExists()).toBe(false);
		expect(changed.workflow.staticData.__dataChanged).not.toBe(true);
		await changed.create();
		scope.done();
		expect(changed.staticData.webhookId).toBe(WEBHOOK_ID);
		const result = await changed.deliver(signedDelivery(newSecret, eventBody()));
		expect(result.executedItems).toHaveLength(1);
	});

	it('what an earlier version kept (a plain-text secret, delivery ids) makes checkExists false; create removes it, same webhook', async () => {
		const { harness, secret } = await registered();
		Object.assign(harness.staticData, { webhookSecret: 'f'.repeat(64), deliveryIds: ['d-old'] });
		delete harness.staticData.secretTag; // earlier versions kept no tag
		const upgraded = new TriggerHarness({ workflowId: harness.workflowId, staticData: harness.persist() });
		const scope = nock(TEST_BASE_URL)
			.get('/v1/webhooks')
			.reply(200, [{ id: WEBHOOK_ID, url: PRODUCTION_URL, events: BOTH, is_enabled: true }])
			.patch(`/v1/webhooks/${WEBHOOK_ID}`, { url: PRODUCTION_URL, events: BOTH, secret, is_enabled: true })
			.reply(200, { id: WEBHOOK_ID });
		await upgraded.activate(false, 'init'); // checkExists sends nothing here: it knows the answer already
		scope.done();
		expect(upgraded.staticData).toEqual({
			webhookId: WEBHOOK_ID,
			webhookUrl: PRODUCTION_URL,
			webhookEvents: BOTH,
			secretTag: expect.stringMatching(/^[0-9a-f]{16}$/),
		});
		expect(upgraded.workflow.staticData.__dataChanged).toBe(true); // so n8n saves the cleaned static data
	});

	it('checkExists is false when the stored webhook is gone, and leaves static data alone; create replaces it', async () => {
		const { harness } = await registered();
		nock(TEST_BASE_URL).get('/v1/webhooks').reply(200, []);
		expect(await harness.checkExists()).toBe(false);
		expect(harness.staticData.webhookId).toBe(WEBHOOK_ID);
		const scope = nock(TEST_BASE_URL)
			.get('/v1/webhooks')
			.reply(200, [])
			.delete(`/v1/webhooks/${WEBHOOK_ID}`)
			.reply(404, { detail: 'Webhook not found' })
			.post('/v1/webhooks')
			.reply(201, { id: 'replacement', url: PRODUCTION_URL, events: BOTH, is_enabled: true });
		await harness.create();
		scope.done();
		expect(harness.staticData.webhookId).toBe('replacement');
	});

	it.each([
		['another URL', [{ id: WEBHOOK_ID, url: 'http://old-host:5678/webhook/x/webhook', events: BOTH }]],
		['other events', [{ id: WEBHOOK_ID, url: PRODUCTION_URL, events: ['pin.published'] }]],
		['a disabled webhook', [{ id: WEBHOOK_ID, url: PRODUCTION_URL, events: BOTH, is_enabled: false }]],
		[
			'a second registration at this URL beside it',
			[
				{ id: WEBHOOK_ID, url: PRODUCTION_URL, events: BOTH },
				{ id: 'late', url: PRODUCTION_URL, events: BOTH },
			],
		],
		['another id at this URL', [{ id: 'not-the-stored-one', url: PRODUCTION_URL, events: BOTH }]],
	])('checkExists is false for %s', async (_label, remote) => {
		const { harness } = await registered();
		nock(TEST_BASE_URL).get('/v1/webhooks').reply(200, remote);
		expect(await harness.checkExists()).toBe(false);
	});

	it('checkExists reads a list that arrives as an object holding it (contract §9.1.5)', async () => {
		const { harness } = await registered();
		nock(TEST_BASE_URL)
			.get('/v1/webhooks')
			.reply(200, { items: [{ id: WEBHOOK_ID, url: PRODUCTION_URL, events: BOTH, is_enabled: true }] });
		expect(await harness.checkExists()).toBe(true);
	});

	it('checkExists reports a 500 that outlasts the retries, and keeps the registration', async () => {
		const { harness } = await registered();
		const scope = nock(TEST_BASE_URL).get('/v1/webhooks').times(4).reply(500, { detail: 'boom', request_id: 'r-1' });
		await expect(harness.checkExists()).rejects.toMatchObject({ httpCode: '500' });
		scope.done(); // 4 attempts, then the error
		expect(harness.staticData.webhookId).toBe(WEBHOOK_ID);
	});

	it('checkExists reports a 403 at once (final), not as "gone"', async () => {
		const { harness } = await registered();
		const scope = nock(TEST_BASE_URL)
			.get('/v1/webhooks')
			.reply(403, { error: { code: 'insufficient_scope', message: 'This key lacks the read scope' } });
		await expect(harness.checkExists()).rejects.toMatchObject({ httpCode: '403', message: 'This key lacks the read scope' });
		scope.done();
		expect(harness.staticData.webhookId).toBe(WEBHOOK_ID);
	});

	it('delete removes the webhook and clears static data', async () => {
		const { harness } = await registered();
		const scope = nock(TEST_BASE_URL)
			.delete(`/v1/webhooks/${WEBHOOK_ID}`)
			.reply(204)
			.get('/v1/webhooks')
			.reply(200, [{ id: 'someone-else', url: 'https://elsewhere.example/hook', events: BOTH }]);
		expect(await harness.delete()).toBe(true);
		scope.done(); // the webhook at another URL was not touched
		expect(harness.staticData).toEqual({});
		expect(harness.workflow.staticData.__dataChanged).toBe(true);
	});

	it('delete also removes a registration at this URL that static data does not name (an id n8n never saved)', async () => {
		const { harness } = await registered();
		const scope = nock(TEST_BASE_URL)
			.delete(`/v1/webhooks/${WEBHOOK_ID}`)
			.reply(204)
			.get('/v1/webhooks')
			.reply(200, [{ id: 'unsaved', url: PRODUCTION_URL, events: BOTH }])
			.delete('/v1/webhooks/unsaved')
			.reply(204);
		await harness.delete();
		scope.done();
		expect(harness.staticData).toEqual({});
	});

	it('delete for a node that never registered leaves the registration at its URL alone (another workflow holds the path)', async () => {
		// n8n 1.x calls delete when an activation fails because another active workflow has the same webhook path:
		// the registration at that URL is the other workflow's.
		const harness = new TriggerHarness();
		expect(await harness.delete()).toBe(true); // a GET or DELETE would fail: nock has none
	});

	it('delete counts a 404 as deleted', async () => {
		const { harness } = await registered();
		nock(TEST_BASE_URL)
			.delete(`/v1/webhooks/${WEBHOOK_ID}`)
			.reply(404, { detail: 'Webhook not found' })
			.get('/v1/webhooks')
			.reply(200, []);
		expect(await harness.delete()).toBe(true);
		expect(harness.staticData).toEqual({});
	});

	it('delete reports other failures and keeps what it would need to try again', async () => {
		const { harness } = await registered();
		nock(TEST_BASE_URL).delete(`/v1/webhooks/${WEBHOOK_ID}`).reply(401, { detail: 'Invalid API key' });
		await expect(harness.delete()).rejects.toMatchObject({ httpCode: '401', message: 'Invalid API key' });
		expect(harness.staticData.webhookId).toBe(WEBHOOK_ID);
	});

	const oauth2 = (clientSecret: string, accessToken = 'oauth-access-token') => ({
		parameters: { authentication: 'oAuth2' },
		credentials: {
			pinBridgeSuiteOAuth2Api: {
				baseUrl: TEST_BASE_URL,
				clientId: 'n8n-client',
				clientSecret,
				oauthTokenData: accessToken
					? { access_token: accessToken, refresh_token: 'oauth-refresh', token_type: 'Bearer' }
					: undefined,
			},
		},
	});

	it('uses the OAuth2 credential when chosen; the secret comes from its client secret, not its (rotating) tokens', async () => {
		const harness = new TriggerHarness(oauth2('oauth-client-secret'));
		let sent: IDataObject = {};
		const scope = nock(TEST_BASE_URL, { reqheaders: { authorization: 'Bearer oauth-access-token' } })
			.get('/v1/webhooks')
			.reply(200, [])
			.post('/v1/webhooks', (body: IDataObject) => Boolean((sent = body)))
			.reply(201, { id: WEBHOOK_ID, url: PRODUCTION_URL, events: BOTH, is_enabled: true });
		await harness.create();
		scope.done();
		expect(sent.secret).toBe(expectedSecret(harness, 'oauth-client-secret', 'pinBridgeSuiteOAuth2Api'));
	});

	// A public PKCE client has no client secret; PinBridge's tokens are API keys (contract §9.4).
	it('an OAuth2 credential without a client secret: the secret comes from its access token', async () => {
		const harness = new TriggerHarness(oauth2(''));
		let sent: IDataObject = {};
		const scope = nock(TEST_BASE_URL)
			.get('/v1/webhooks')
			.reply(200, [])
			.post('/v1/webhooks', (body: IDataObject) => Boolean((sent = body)))
			.reply(201, { id: WEBHOOK_ID, url: PRODUCTION_URL, events: BOTH, is_enabled: true });
		await harness.create();
		scope.done();
		expect(sent.secret).toBe(expectedSecret(harness, 'oauth-access-token', 'pinBridgeSuiteOAuth2Api'));
	});

	it('an OAuth2 credential with neither client secret nor token: activation is refused, naming them, before any request', async () => {
		const harness = new TriggerHarness(oauth2('', ''));
		await expect(harness.create()).rejects.toThrow('The OAuth2 credential has no Client Secret and no token');
	});
});

describe('PinBridge Trigger: restarts and webhook processes', () => {
	it('a re-activation finds the saved registration with one read, writes nothing and derives the same secret', async () => {
		const { harness, secret } = await registered();
		const saved = harness.persist();

		// The workflow built again from the saved static data and activated with 'init'.
		const restarted = new TriggerHarness({ staticData: saved, workflowId: harness.workflowId });
		const scope = nock(TEST_BASE_URL)
			.get('/v1/webhooks')
			.reply(200, [{ id: WEBHOOK_ID, url: PRODUCTION_URL, events: BOTH, is_enabled: true }]);
		await restarted.activate(false, 'init'); // a POST, PATCH or DELETE here would fail: nock has none
		scope.done();
		expect(restarted.workflow.staticData.__dataChanged).not.toBe(true); // nothing to save
		expect(expectedSecret(restarted)).toBe(secret);
	});

	it('another process (static data from the database) verifies with the secret it derives itself', async () => {
		const { harness, secret } = await registered();
		const webhookProcess = new TriggerHarness({ staticData: harness.persist(), workflowId: harness.workflowId });
		const result = await webhookProcess.deliver(signedDelivery(secret, eventBody({ delivery_id: 'd-other-process' })));
		expect(result.status).toBe(200);
		expect(result.executedItems).toHaveLength(1);
		expect(result.staticDataChanged).toBe(false);
	});

	it('a delivery refused after the credential changed while active sets the new secret once; PinBridge’s retry runs', async () => {
		const { harness, secret: oldSecret } = await registered();
		const changed = new TriggerHarness({
			workflowId: harness.workflowId,
			staticData: harness.persist(),
			credentials: { pinBridgeSuiteApi: { baseUrl: TEST_BASE_URL, apiKey: 'pb_live_rotated_key' } },
		});
		const newSecret = expectedSecret(changed, 'pb_live_rotated_key');
		const patches: IDataObject[] = [];
		nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': 'pb_live_rotated_key' } })
			.persist()
			.patch(`/v1/webhooks/${WEBHOOK_ID}`, (body: IDataObject) => Boolean(patches.push(body)))
			.reply(200, { id: WEBHOOK_ID });

		// For up to a minute this process still uses the secret it derived before (SECRET_REUSE_MS).
		expect((await changed.deliver(signedDelivery(oldSecret, eventBody({ delivery_id: 'd-early' })))).status).toBe(200);
		const now = Date.now();
		jest.spyOn(Date, 'now').mockImplementation(() => now + 61_000);

		// Then: PinBridge still signs with the old secret: refused, and the new one is set at PinBridge.
		const first = await changed.deliver(signedDelivery(oldSecret, eventBody({ delivery_id: 'd-rotated' })));
		expect(first.status).toBe(401);
		expect(patches).toEqual([{ secret: newSecret }]);
		// Its retry, signed with the new secret, runs; the old secret stays refused, without another PATCH.
		const retry = await changed.deliver(signedDelivery(newSecret, eventBody({ delivery_id: 'd-rotated' })));
		expect(retry.executedItems).toHaveLength(1);
		expect((await changed.deliver(signedDelivery(oldSecret, eventBody({ delivery_id: 'd-x' })))).status).toBe(401);
		expect(patches).toHaveLength(1);
		jest.restoreAllMocks();
	});

	it('a changed webhook base URL (WEBHOOK_URL set later) replaces the old registration instead of adding one', async () => {
		const { harness } = await registered();
		const moved = new TriggerHarness({
			staticData: harness.persist(),
			additionalData: { webhookBaseUrl: 'https://n8n.example.com/webhook' },
		});
		const newUrl = `https://n8n.example.com/webhook/${moved.node.webhookId}/webhook`;
		const current = [{ id: WEBHOOK_ID, url: PRODUCTION_URL, events: BOTH, is_enabled: true }];
		const scope = nock(TEST_BASE_URL)
			.get('/v1/webhooks')
			.reply(200, current)
			.get('/v1/webhooks')
			.reply(200, current)
			.delete(`/v1/webhooks/${WEBHOOK_ID}`)
			.reply(204)
			.post('/v1/webhooks', (body: IDataObject) => body.url === newUrl)
			.reply(201, { id: 'new-webhook', url: newUrl, events: BOTH, is_enabled: true });
		await moved.activate(false, 'init');
		scope.done();
		expect(moved.staticData.webhookId).toBe('new-webhook');
	});
});
