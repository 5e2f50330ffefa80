// The trigger with values as public bug reports show they arrive (issue 13): its own URL handed back normalised by
// PinBridge (kind 1), and account/board filters from expressions giving a number beyond 2^53, a boolean, or a UUID in
// upper case (kinds 3 and 4). The pasted API key (kind 5) is in test/credentials/pastedApiKey.test.ts.
import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type StartedEmulator } from '../emulator/server';
import { useFakeRuntime } from '../harness/fakeRuntime';
import { nock, useNock } from '../harness/nock';
import { TEST_BASE_URL } from '../harness/runWorkflow';
import { ACCOUNT_ID, BOTH, eventBody, signedDelivery, registered, WEBHOOK_ID } from './fixtures';
import { TriggerHarness } from './harness';

useNock();
useFakeRuntime();

/** n8n's webhook base URL as a user may set it (WEBHOOK_URL): host in mixed case, the default port written out. */
const MIXED_CASE_BASE = 'https://N8N.Example.com:443/webhook';
const mixedCaseSetup = { additionalData: { webhookBaseUrl: MIXED_CASE_BASE } };
/** The same URL as a URL-typed service stores and returns it. */
const normalised = (harness: TriggerHarness) => `https://n8n.example.com/webhook/${harness.node.webhookId}/webhook`;

describe('PinBridge Trigger: its URL handed back normalised is still its URL', () => {
	it('an n8n restart keeps the registration when PinBridge echoes the URL lower-cased without :443', async () => {
		const { harness } = await registered({}, mixedCaseSetup);
		const restarted = new TriggerHarness({ ...mixedCaseSetup, staticData: harness.persist(), workflowId: harness.workflowId });
		const scope = nock(TEST_BASE_URL)
			.get('/v1/webhooks')
			.reply(200, [{ id: WEBHOOK_ID, url: normalised(restarted), events: BOTH, is_enabled: true }]);
		await restarted.activate(false, 'init'); // a PATCH, DELETE or POST here would fail: nock has none
		scope.done();
		expect(restarted.staticData).toMatchObject({ webhookId: WEBHOOK_ID });
	});

	it('create finds a leftover registration listed under the normalised URL and keeps it, so there are never two', async () => {
		const harness = new TriggerHarness(mixedCaseSetup);
		const scope = nock(TEST_BASE_URL)
			.get('/v1/webhooks')
			.reply(200, [{ id: 'leftover', url: normalised(harness), events: BOTH, is_enabled: true }])
			.patch('/v1/webhooks/leftover')
			.reply(200, { id: 'leftover' });
		await harness.activate(); // a POST here would fail: nock has none
		scope.done();
		expect(harness.staticData.webhookId).toBe('leftover');
	});
});

describe('PinBridge Trigger against an emulator that stores webhook URLs normalised', () => {
	let emu: StartedEmulator;
	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		emu = await startEmulator({ port: 0, clock: 'manual', webhookUrls: 'normalized' });
	});
	afterAll(async () => {
		await emu.close();
		nock.disableNetConnect();
	});

	it('activate, restart, restart: one webhook with the same id (and derived secret) throughout', async () => {
		const setup = { ...mixedCaseSetup, credentials: { pinBridgeSuiteApi: { baseUrl: emu.url, apiKey: emu.apiKey } } };
		const first = new TriggerHarness(setup);
		await first.activate();
		const [stored] = await emu.control.webhooks();
		expect(stored.url).toBe(normalised(first)); // the emulator hands the URL back normalised
		const { webhookId } = first.staticData;

		let saved = first.persist();
		for (let restart = 0; restart < 2; restart++) {
			const restarted = new TriggerHarness({ ...setup, staticData: saved, workflowId: first.workflowId });
			await restarted.activate(false, 'init');
			expect(restarted.staticData).toMatchObject({ webhookId });
			saved = restarted.persist();
		}
		expect((await emu.control.webhooks()).map((webhook) => webhook.id)).toEqual([webhookId]);
		// Each re-activation only read: nothing was set, created or deleted.
		const writes = (await emu.control.requests()).filter((r) => r.path.startsWith('/v1/webhooks') && r.method !== 'GET');
		expect(writes.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 201']);
	});
});

describe('PinBridge Trigger: account and board filters read under the ID rules', () => {
	it.each([
		[
			'a board number beyond 2^53',
			{ board: { __rl: true, mode: 'id', value: '={{ 1125899906842624123 }}' } },
			'Only for Board: must be written as text: the number 1125899906842624100 is beyond 2^53',
		],
		[
			'a board filter giving true',
			{ board: { __rl: true, mode: 'id', value: '={{ true }}' } },
			'Only for Board: must be text, got a boolean',
		],
		[
			'an account filter giving an object',
			{ account: { __rl: true, mode: 'id', value: '={{ { id: 1 } }}' } },
			'Only for Pinterest Account: must be text, got an object',
		],
		[
			'an account filter with a space inside',
			{ account: { __rl: true, mode: 'id', value: '={{ "acc 1" }}' } },
			'Only for Pinterest Account: must not contain spaces',
		],
	])('%s refuses activation, naming the field, before any request', async (_label, parameters, message) => {
		const harness = new TriggerHarness({ parameters: parameters as IDataObject });
		await expect(harness.activate()).rejects.toThrow(message);
		expect(harness.staticData.webhookId).toBeUndefined();
	});

	it('a board filter from a safe number matches deliveries for that board', async () => {
		const { harness, secret } = await registered({ board: { __rl: true, mode: 'id', value: '={{ 549755885175 }}' } });
		const match = await harness.deliver(signedDelivery(secret, eventBody({ delivery_id: 'd-board' })));
		expect(match.executedItems).toHaveLength(1);
		const other = await harness.deliver(
			signedDelivery(secret, eventBody({ delivery_id: 'd-other', board_id: '549755885176' })),
		);
		expect(other.executedItems).toBeUndefined();
	});

	it('an account filter written in upper case matches the account PinBridge names in lower case', async () => {
		const upper = ACCOUNT_ID.toUpperCase();
		const { harness, secret } = await registered({ account: { __rl: true, mode: 'id', value: upper } });
		const result = await harness.deliver(signedDelivery(secret, eventBody({ delivery_id: 'd-upper' })));
		expect(result.executedItems).toHaveLength(1);
	});
});
