// An API key pasted with invisible characters at its ends (issue 13, kind 5): the credential sends the key alone, in
// the node's requests and in the trigger's registration. n8n's HTTP client (axios) already drops spaces, tabs and
// characters a header cannot carry (U+2003, U+FEFF, U+200B, …); a no-break space or soft hyphen is a valid header byte
// and reached PinBridge before this fix (401): those rows failed on the old main, the others guard the rest. (The credential test request gets the same header from n8n;
// test/e2e/publish.e2e.ts checks it in real n8n against the emulator, which refuses such a key as PinBridge does.)
import { useFakeRuntime } from '../harness/fakeRuntime';
import { nock, useNock } from '../harness/nock';
import { defaultCredentials, runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../harness/runWorkflow';
import { trimPastedKey } from '../../nodes/shared/values';
import { TriggerHarness } from '../trigger/harness';

useNock();
useFakeRuntime();

const PASTED: Array<[string, string]> = [
	['a trailing no-break space (U+00A0)', `${TEST_API_KEY}\u00a0`],
	['a trailing soft hyphen (U+00AD)', `${TEST_API_KEY}\u00ad`],
	['a leading no-break space and a trailing tab', `\u00a0${TEST_API_KEY}\t`],
	['a trailing tab', `${TEST_API_KEY}\t`],
	['a leading and a trailing space', ` ${TEST_API_KEY} `],
	['a leading byte-order mark (U+FEFF)', `\ufeff${TEST_API_KEY}`],
	['a trailing zero-width space (U+200B)', `${TEST_API_KEY}\u200b`],
	['a trailing em space (U+2003)', `${TEST_API_KEY}\u2003`],
	['a trailing ideographic space (U+3000) and a newline', `${TEST_API_KEY}\u3000\n`],
];

/** PinBridge as it checks the header: only the exact key is accepted. */
const pinBridge = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': (value: string) => value === TEST_API_KEY } });

describe('PinBridge node: a pasted key with invisible characters at its ends is sent as the key alone', () => {
	it.each(PASTED)('%s', async (_label, pasted) => {
		const scope = pinBridge().get('/v1/pinterest/accounts').reply(200, []);
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true },
			credentials: defaultCredentials(TEST_BASE_URL, pasted),
		});
		expect(error?.message).toBeUndefined();
		scope.done();
	});

	it('keeps characters inside the key as they are (only the ends are trimmed)', async () => {
		const inner = `${TEST_API_KEY.slice(0, 10)} ${TEST_API_KEY.slice(10)}`;
		const scope = nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': inner } })
			.get('/v1/pinterest/accounts')
			.reply(401, { detail: 'Invalid API key' });
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true },
			credentials: defaultCredentials(TEST_BASE_URL, `${inner}\u00a0`),
		});
		expect(error).toBeDefined();
		scope.done();
	});
});

describe('PinBridge Trigger: registers with a pasted key as the key alone', () => {
	it.each(PASTED.slice(0, 3))('%s', async (_label, pasted) => {
		const harness = new TriggerHarness({ credentials: defaultCredentials(TEST_BASE_URL, pasted) });
		const scope = pinBridge()
			.get('/v1/webhooks')
			.reply(200, [])
			.post('/v1/webhooks')
			.reply(201, { id: 'wh-1', url: 'x', events: ['pin.published', 'pin.failed'], is_enabled: true });
		await harness.activate();
		scope.done();
		expect(harness.staticData.webhookId).toBe('wh-1');
	});
});

describe('the key as sent is redacted from errors too', () => {
	it('a 401 that echoes the trimmed key shows neither form of it', async () => {
		const scope = pinBridge()
			.get('/v1/pinterest/accounts')
			.reply(401, {
				detail: `Invalid API key ${TEST_API_KEY}`,
				error: { code: 'unauthorized', message: `Key ${TEST_API_KEY} is not valid` },
			});
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true },
			credentials: defaultCredentials(TEST_BASE_URL, `${TEST_API_KEY}\u00a0`),
		});
		scope.done();
		expect(error).toBeDefined();
		expect(JSON.stringify(error)).not.toContain(TEST_API_KEY);
		expect(String(error?.message)).toContain('[redacted]');
	});
});

describe('one rule: the credential expression and trimPastedKey trim the same characters', () => {
	it.each(PASTED)('%s', (_label, pasted) => {
		expect(trimPastedKey(pasted)).toBe(TEST_API_KEY);
	});
});
