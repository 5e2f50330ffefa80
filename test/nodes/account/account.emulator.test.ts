// Pinterest Account operations against the local PinBridge emulator (a real HTTP server), through n8n's execution
// engine. No nock here: every request really goes out.
import { useEmulator } from '../../harness/emulator';

const emulator = useEmulator();
const run = emulator.run;

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

	it('Pinterest Account → Get Many shows each account’s health', async () => {
		const seeded = await emulator.emu.control.seed({
			workspace_id: emulator.emu.workspaceId,
			accounts: [{ missing_scopes: ['boards:write_secret'] }, { health_status: 'reconnect_required' }],
		});
		const { items } = await run({ resource: 'account', operation: 'getAll', returnAll: true });
		const byId = Object.fromEntries(items.map((item) => [item.json.id, item.json]));
		expect(byId[emulator.emu.accountId]).toMatchObject({ health_status: 'healthy', health: 'healthy', missing_scopes: [] });
		expect(byId[seeded.accounts[0].id]).toMatchObject({ health_status: 'scope_missing', health: 'missing boards:write_secret' });
		expect(byId[seeded.accounts[1].id]).toMatchObject({ reconnect_required: true, health: 'reconnect required' });
	});
});
