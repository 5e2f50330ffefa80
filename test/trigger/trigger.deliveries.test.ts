// PinBridge Trigger: every delivery verified, redeliveries and filtered events dropped, the secret kept secret.
import type { IDataObject } from 'n8n-workflow';

import {
	claimDelivery,
	DEFAULT_REPLAY_WINDOW_HOURS,
	MAX_REMEMBERED_DELIVERIES,
} from '../../nodes/PinBridgeSuiteTrigger/deliveries';
import { PinBridgeSuiteTrigger } from '../../nodes/PinBridgeSuiteTrigger/PinBridgeSuiteTrigger.node';
import { useFakeRuntime } from '../harness/fakeRuntime';
import { nock, useNock } from '../harness/nock';
import { TEST_API_KEY, TEST_BASE_URL } from '../harness/runWorkflow';
import { WEBHOOK_ID, ACCOUNT_ID, PIN_ID, BOTH, hmac, eventBody, hoursAgo, signedDelivery, registered } from './fixtures';
import { TEST_URL, TriggerHarness } from './harness';

useNock();
useFakeRuntime();

describe('PinBridge Trigger: deliveries', () => {
	it('a valid signature starts one execution with the event body; the delivery id is one field, delivery_id', async () => {
		const { harness, secret } = await registered();
		const body = eventBody();
		const result = await harness.deliver(signedDelivery(secret, body));
		expect(result.status).toBe(200);
		expect(result.executedItems).toHaveLength(1);
		expect(result.executedItems![0].json).toEqual({ ...body, event: 'pin.published', delivery_id: 'd-1' });
		expect(result.executedItems![0].json).not.toHaveProperty('deliveryId');
		// webhook() writes nothing to static data (n8n would not save it anyway when an execution starts).
		expect(result.staticDataChanged).toBe(false);
	});

	it('the delivery id and event come from the signed body: a replay with other headers is still a repeat', async () => {
		const { harness, secret } = await registered();
		const body = eventBody({ delivery_id: 'd-signed' });
		await harness.deliver(signedDelivery(secret, body));
		const replay = await harness.deliver(
			signedDelivery(secret, body, { 'X-PinBridge-Delivery-ID': 'd-other', 'X-PinBridge-Event': 'pin.failed' }),
		);
		expect(replay.responseBody).toEqual({ received: true, ignored: 'duplicate delivery' });
		expect(harness.executions).toHaveLength(1);
		expect(harness.executions[0][0].json).toMatchObject({ delivery_id: 'd-signed', event: 'pin.published' });
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
		expect(result.executedItems?.[0].json).toMatchObject({ event: 'pin.failed', status: 'failed', delivery_id: 'd-1' });
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
			// A request that does not verify makes the process set the derived secret at PinBridge, once (in case the
			// credential changed while the workflow stayed active): the same secret, so nothing changes there.
			const patches: IDataObject[] = [];
			nock(TEST_BASE_URL)
				.persist()
				.patch(`/v1/webhooks/${WEBHOOK_ID}`, (b: IDataObject) => Boolean(patches.push(b)))
				.reply(200, { id: WEBHOOK_ID });
			const result = await harness.deliver(make(secret));
			await harness.deliver(make(secret));
			expect(patches).toEqual([{ secret }]);
			expect(result.status).toBe(401);
			expect(result.webhookResult).toEqual({ noWebhookResponse: true });
			expect(result.responseBody).toEqual({ error: 'Invalid or missing X-PinBridge-Signature' });
			expect(result.executedItems).toBeUndefined();
			expect(harness.executions).toHaveLength(0);
			expect(result.staticDataChanged).toBe(false); // nothing written
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

	it('two calls with the same delivery at once, each with static data as loaded before either saved, start one execution', async () => {
		const { harness, secret } = await registered();
		const saved = harness.persist();
		// n8n loads the workflow (and its static data) from the database for every webhook call.
		const same = { staticData: saved, workflowId: harness.workflowId };
		const [first, second] = [new TriggerHarness(same), new TriggerHarness(same)];
		const delivery = signedDelivery(secret, eventBody({ delivery_id: 'd-concurrent' }));
		const results = await Promise.all([first.deliver(delivery), second.deliver(delivery)]);
		expect(results.map((result) => result.status)).toEqual([200, 200]);
		expect(first.executions.length + second.executions.length).toBe(1);
		expect(results.filter((result) => result.executedItems === undefined)[0].responseBody).toEqual({
			received: true,
			ignored: 'duplicate delivery',
		});
	});

	it('the in-process memory is bounded and forgets the oldest first', () => {
		const scope = `bounded-${Date.now()}`;
		for (let i = 0; i < MAX_REMEMBERED_DELIVERIES + 5; i++) expect(claimDelivery(scope, `d-${i}`)).toBe(true);
		expect(claimDelivery(scope, `d-${MAX_REMEMBERED_DELIVERIES + 4}`)).toBe(false); // remembered
		expect(claimDelivery(scope, 'd-4')).toBe(true); // forgotten: one of the 5 oldest
	});

	it('a repeat reaching another process (or the same after a restart) starts a second execution: memory is per process', async () => {
		const { harness, secret } = await registered();
		await harness.deliver(signedDelivery(secret, eventBody()));
		// Another process: the same workflow from the database, and this module's memory as a fresh process has it.
		jest.isolateModules(() => {
			const fresh = jest.requireActual<typeof import('../../nodes/PinBridgeSuiteTrigger/deliveries')>(
				'../../nodes/PinBridgeSuiteTrigger/deliveries',
			);
			expect(fresh.claimDelivery(`${harness.workflowId}:trigger:${WEBHOOK_ID}`, 'd-1')).toBe(true);
		});
		expect(claimDelivery(`${harness.workflowId}:trigger:${WEBHOOK_ID}`, 'd-1')).toBe(false);
	});

	describe('replay window (signed occurred_at)', () => {
		it('is off by default (0), in the editor and in the code: PinBridge retries "until you 200", with no known end', () => {
			const options = new PinBridgeSuiteTrigger().description.properties.find((p) => p.name === 'options')!;
			const window = (options.options as Array<{ name: string; default?: unknown }>).find((o) => o.name === 'replayWindowHours');
			expect(window?.default).toBe(DEFAULT_REPLAY_WINDOW_HOURS);
			expect(DEFAULT_REPLAY_WINDOW_HOURS).toBe(0);
		});

		it('by default a genuine retry arriving long after (an n8n outage of days) still starts the workflow', async () => {
			const { harness, secret } = await registered();
			const late = await harness.deliver(signedDelivery(secret, eventBody({ delivery_id: 'd-late', occurred_at: hoursAgo(26) })));
			const later = await harness.deliver(signedDelivery(secret, eventBody({ delivery_id: 'd-later', occurred_at: hoursAgo(24 * 30) })));
			expect([late.executedItems, later.executedItems].map((items) => items?.length)).toEqual([1, 1]);
		});

		it('with a window of 25 h a delivery older than that is acknowledged with 200 and skipped; 24 h old still runs', async () => {
			const { harness, secret } = await registered({ options: { replayWindowHours: 25 } });
			const old = await harness.deliver(signedDelivery(secret, eventBody({ delivery_id: 'd-old', occurred_at: hoursAgo(25.1) })));
			expect(old.status).toBe(200);
			expect(old.responseBody).toEqual({ received: true, ignored: 'older than the replay window' });
			expect(old.executedItems).toBeUndefined();
			expect(old.skippedItems?.[0].json).toMatchObject({ reason: 'older than the replay window', delivery_id: 'd-old' });
			const lastRetry = await harness.deliver(signedDelivery(secret, eventBody({ delivery_id: 'd-24h', occurred_at: hoursAgo(24) })));
			expect(lastRetry.executedItems).toHaveLength(1);
			expect(harness.executions).toHaveLength(1);
		});

		it('the window is an option; 0 turns the check off; a time in the future is inside', async () => {
			const { harness, secret } = await registered({ options: { replayWindowHours: 1 } });
			const refused = await harness.deliver(signedDelivery(secret, eventBody({ delivery_id: 'a', occurred_at: hoursAgo(2) })));
			expect(refused.responseBody).toEqual({ received: true, ignored: 'older than the replay window' });
			const future = await harness.deliver(signedDelivery(secret, eventBody({ delivery_id: 'b', occurred_at: hoursAgo(-2) })));
			expect(future.executedItems).toHaveLength(1);

			const off = await registered({ options: { replayWindowHours: 0 } });
			const ancient = await off.harness.deliver(signedDelivery(off.secret, eventBody({ occurred_at: hoursAgo(24 * 365) })));
			expect(ancient.executedItems).toHaveLength(1);
		});

		it('a delivery without a readable occurred_at cannot be judged by the window and starts the workflow', async () => {
			const { harness, secret } = await registered({ options: { replayWindowHours: 1 } });
			const missing = await harness.deliver(signedDelivery(secret, eventBody({ occurred_at: undefined })));
			const junk = await harness.deliver(signedDelivery(secret, eventBody({ delivery_id: 'd-2', occurred_at: 'yesterday' })));
			expect([missing.status, junk.status]).toEqual([200, 200]);
			expect([missing.executedItems?.length, junk.executedItems?.length]).toEqual([1, 1]);
		});

		it('a skipped old delivery is not claimed and an unsigned one never reaches the check', async () => {
			const { harness, secret } = await registered({ options: { replayWindowHours: 25 } });
			const forged = signedDelivery('wrong', eventBody({ occurred_at: hoursAgo(100) }));
			expect((await harness.deliver(forged)).status).toBe(401);
			await harness.deliver(signedDelivery(secret, eventBody({ occurred_at: hoursAgo(100) })));
			expect((await harness.deliver(signedDelivery(secret, eventBody()))).executedItems).toHaveLength(1);
		});
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
		expect(match.executedItems?.[0].json).toMatchObject({ delivery_id: 'c', board_id: '549755885175' });
		expect(harness.executions).toHaveLength(1);
	});

	it('Fetch Full Pin adds the Pin as PinBridge has it now, with its link on Pinterest', async () => {
		const { harness, secret } = await registered({ options: { fetchFullPin: true } });
		const pin = { id: PIN_ID, status: 'published', title: 'Autumn soup', pinterest_pin_id: '1234567890' };
		const scope = nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } }).get(`/v1/pins/${PIN_ID}`).reply(200, pin);
		const result = await harness.deliver(signedDelivery(secret, eventBody()));
		scope.done();
		expect(result.executedItems?.[0].json).toEqual({
			...eventBody(),
			event: 'pin.published',
			delivery_id: 'd-1',
			pin: { ...pin, pinterest_url: 'https://www.pinterest.com/pin/1234567890/' },
		});
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
	it('appears in no output, response, error or static data', async () => {
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

		expect(JSON.stringify(harness.workflow.staticData)).not.toContain(secret);
		expect(harness.staticData).toEqual({
			webhookId: WEBHOOK_ID,
			webhookUrl: expect.any(String),
			webhookEvents: BOTH,
			secretTag: expect.stringMatching(/^[0-9a-f]{16}$/), // derived from the secret, not it
		});
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
