// API Key operations against the local PinBridge emulator (a real HTTP server), through n8n's execution engine. No nock
// here: every request really goes out.
import { useEmulator } from '../../harness/emulator';
import { defaultCredentials } from '../../harness/runWorkflow';

const emulator = useEmulator();
const run = emulator.run;
const account = () => ({ __rl: true, mode: 'list', value: emulator.emu.accountId });

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
