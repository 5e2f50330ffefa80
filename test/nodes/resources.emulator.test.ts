// Board, Webhook, API Key, Rate Meter, Related Term and Pinterest Account operations against the local PinBridge
// emulator (a real HTTP server), through n8n's execution engine. No nock here: every request really goes out.
import { useEmulator } from '../harness/emulator';
import { defaultCredentials } from '../harness/runWorkflow';

const emulator = useEmulator();
const run = emulator.run;
const account = () => ({ __rl: true, mode: 'list', value: emulator.emu.accountId });

describe('Board against the emulator', () => {
	it('Create, Get Many and Delete', async () => {
		const created = await run({
			resource: 'board',
			operation: 'create',
			account: account(),
			name: 'Emulated Board',
			privacy: 'SECRET',
			additionalFields: { description: 'Made by a test' },
		});
		expect(created.error).toBeUndefined();
		const board = created.items[0].json;
		expect(board).toEqual({
			id: expect.stringMatching(/^\d+$/),
			name: 'Emulated Board',
			description: 'Made by a test',
			privacy: 'SECRET',
		});

		const listed = await run({ resource: 'board', operation: 'getAll', account: account(), returnAll: true });
		expect(listed.items.map((item) => item.json.id)).toEqual([...emulator.emu.boardIds, board.id]);
		expect(listed.items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);

		const deleted = await run({
			resource: 'board',
			operation: 'delete',
			account: account(),
			board: { __rl: true, mode: 'id', value: board.id },
		});
		expect(deleted.items).toEqual([
			{ json: { id: board.id, account_id: emulator.emu.accountId, deleted: true }, pairedItem: { item: 0 } },
		]);
		const after = await run({ resource: 'board', operation: 'getAll', account: account(), returnAll: false, limit: 50 });
		expect(after.items.map((item) => item.json.id)).toEqual(emulator.emu.boardIds);
	});

	it('Delete of a board the account does not have maps PinBridge’s 404', async () => {
		const { error } = await run({
			resource: 'board',
			operation: 'delete',
			account: account(),
			board: { __rl: true, mode: 'id', value: '123' },
		});
		expect(error?.message).toBe('Board 123 not found');
		expect(error?.description).toContain('board_not_found');
		expect(error?.httpCode).toBe('404');
		expect(JSON.stringify(error)).not.toContain(emulator.emu.apiKey);
	});
});

describe('Webhook against the emulator', () => {
	it('Create with a generated secret, Get, Get Many, Update (rotate) and Delete', async () => {
		const created = await run({ resource: 'webhook', operation: 'create', url: 'https://example.com/hook' });
		expect(created.error).toBeUndefined();
		const hook = created.items[0].json as { id: string; secret: string };
		expect(hook).toMatchObject({
			url: 'https://example.com/hook',
			events: ['pin.published', 'pin.failed'],
			is_enabled: true,
			secret: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
		// The secret output once is the one PinBridge signs with.
		expect(emulator.emu.emulator.store.webhooks.get(hook.id)?.secret).toBe(hook.secret);

		const got = await run({ resource: 'webhook', operation: 'get', webhookId: hook.id });
		expect(got.items[0].json).toEqual({ ...hook, secret: undefined });
		expect(got.items[0].json).not.toHaveProperty('secret');

		const many = await run({ resource: 'webhook', operation: 'getAll', returnAll: true });
		expect(many.items.map((item) => item.json.id)).toContain(hook.id);

		const updated = await run({
			resource: 'webhook',
			operation: 'update',
			webhookId: hook.id,
			updateFields: { events: ['pin.failed'], isEnabled: false, rotateSecret: true },
		});
		expect(updated.error).toBeUndefined();
		const rotated = updated.items[0].json as { secret: string };
		expect(rotated).toMatchObject({ id: hook.id, events: ['pin.failed'], is_enabled: false });
		expect(rotated.secret).toMatch(/^[0-9a-f]{64}$/);
		expect(rotated.secret).not.toBe(hook.secret);
		expect(emulator.emu.emulator.store.webhooks.get(hook.id)?.secret).toBe(rotated.secret);

		const deleted = await run({ resource: 'webhook', operation: 'delete', webhookId: hook.id });
		expect(deleted.items[0].json).toEqual({ id: hook.id, deleted: true });
		const gone = await run({ resource: 'webhook', operation: 'get', webhookId: hook.id });
		expect(gone.error?.message).toBe('Webhook not found');
		expect(gone.error?.httpCode).toBe('404');
	});
});

describe('API Key against the emulator', () => {
	it('Create (key shown once), use it, see 403 insufficient_scope, Get Many, Revoke', async () => {
		const created = await run({
			resource: 'apiKey',
			operation: 'create',
			name: 'Read only',
			additionalFields: { scopes: ['read'], pinterestAccountIds: [emulator.emu.accountId] },
		});
		expect(created.error).toBeUndefined();
		const key = created.items[0].json as { id: string; api_key: string };
		expect(key).toMatchObject({ name: 'Read only', scopes: ['read'], pinterest_account_ids: [emulator.emu.accountId] });
		expect(typeof key.api_key).toBe('string');

		// The new read-only key may read but not delete.
		const asNewKey = { credentials: defaultCredentials(emulator.emu.url, key.api_key) };
		const meter = await run({ resource: 'rateMeter', operation: 'get', account: account() }, asNewKey);
		expect(meter.error).toBeUndefined();
		const hook = await run({ resource: 'webhook', operation: 'create', url: 'https://example.com/h' });
		const refused = await run(
			{ resource: 'webhook', operation: 'delete', webhookId: hook.items[0].json.id },
			asNewKey,
		);
		expect(refused.error?.message).toBe("This credential lacks the 'destructive' scope");
		expect(refused.error?.httpCode).toBe('403');
		expect(refused.error?.description).toContain('PinBridge code: insufficient_scope');
		expect(JSON.stringify(refused.error)).not.toContain(key.api_key);

		const listed = await run({ resource: 'apiKey', operation: 'getAll', returnAll: true });
		expect(listed.items.map((item) => item.json.id)).toContain(key.id);
		expect(JSON.stringify(listed.items)).not.toContain(key.api_key);

		const revoked = await run({ resource: 'apiKey', operation: 'revoke', keyId: key.id });
		expect(revoked.items[0].json).toEqual({ id: key.id, revoked: true });
		const afterRevoke = await run({ resource: 'rateMeter', operation: 'get', account: account() }, asNewKey);
		expect(afterRevoke.error?.httpCode).toBe('401');
	});
});

describe('Rate Meter and Related Term against the emulator', () => {
	it('Rate Meter → Get reads the account and global buckets', async () => {
		const { items, error } = await run({ resource: 'rateMeter', operation: 'get', account: account() });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			account: { account_id: emulator.emu.accountId, tokens_available: expect.any(Number), capacity: 50, refill_rate: 1 },
			global: { tokens_available: expect.any(Number), capacity: 200, refill_rate: 3 },
		});
	});

	it('Related Term → Get Many gives one item per term, and rides out a 429 by waiting as told', async () => {
		// The helper's waits move the emulator's manual clock instead of real time (useEmulator).
		const sleeps = emulator.sleeps;
		const terms = Array.from({ length: 12 }, (_, index) => ({ json: { keywords: [`term ${index}`, 'picnic'] } }));
		const { items, error } = await run(
			{ resource: 'relatedTerm', operation: 'getAll', account: account(), terms: ['={{ $json.keywords }}'] },
			{ items: terms },
		);
		expect(error).toBeUndefined();
		// 12 look-ups against a read allowance of 10: the last ones were rate limited, waited for, and retried.
		expect(sleeps.length).toBeGreaterThan(0);
		expect(sleeps.every((ms) => ms >= 1000 && ms % 1000 === 0)).toBe(true);
		expect(items).toHaveLength(24);
		expect(items[0].json).toEqual({
			term: 'term 0',
			related_terms: expect.arrayContaining(['term 0 ideas']),
			exact_match: false,
		});
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
			terms.flatMap((_, index) => [index, index]),
		);
	});
});

describe('Pinterest Account against the emulator', () => {
	it('Start Connection, consent, Complete Connection, Get Many and Disconnect', async () => {
		const started = await run({ resource: 'account', operation: 'startConnection' });
		const consentUrl = started.items[0].json.authorization_url as string;
		expect(consentUrl).toMatch(/^http/);

		// What the user's browser does: open the consent page and follow it back to the callback.
		const consent = await fetch(consentUrl, { redirect: 'manual' });
		const callback = new URL(consent.headers.get('location') ?? '');
		const completed = await run({
			resource: 'account',
			operation: 'completeConnection',
			code: callback.searchParams.get('code'),
			state: callback.searchParams.get('state'),
		});
		expect(completed.error).toBeUndefined();
		const connected = completed.items[0].json as { status: string; account_id: string };
		expect(connected.status).toBe('connected');

		const listed = await run({ resource: 'account', operation: 'getAll', returnAll: true });
		expect(listed.items.map((item) => item.json.id)).toEqual(
			expect.arrayContaining([emulator.emu.accountId, connected.account_id]),
		);

		const disconnected = await run({
			resource: 'account',
			operation: 'disconnect',
			account: { __rl: true, mode: 'id', value: connected.account_id },
		});
		expect(disconnected.items[0].json).toEqual({ id: connected.account_id, disconnected: true });
		const after = await run({ resource: 'account', operation: 'getAll', returnAll: true });
		const gone = after.items.find((item) => item.json.id === connected.account_id);
		expect(gone?.json.revoked_at).toEqual(expect.any(String));
	});
});
