// Board operations against the PinBridge emulator (a real HTTP server), through n8n's engine: Create, Get Many and
// Delete; Update, Check Access, and Create refused for a missing scope.
import { useEmulator } from '../../harness/emulator';

const emulator = useEmulator();
const run = emulator.run;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const account = () => ({ __rl: true, mode: 'list', value: emulator.emu.accountId });

describe('Board → Update, Check Access and Create (scope_missing) against the emulator', () => {
	it('Update renames and makes a board PROTECTED; Check Access says publishable, or why not', async () => {
		const picked = { account: byId(emulator.emu.accountId), board: byId(emulator.emu.boardIds[0]) };
		const updated = await run({ resource: 'board', operation: 'update', ...picked, updateFields: { name: 'Soups', privacy: 'PROTECTED' } });
		expect(updated.items[0].json).toEqual({ id: emulator.emu.boardIds[0], name: 'Soups', description: null, privacy: 'PROTECTED' });
		const ok = await run({ resource: 'board', operation: 'checkAccess', ...picked });
		expect(ok.items[0].json).toMatchObject({ publishable: true, status: 'ok', source: 'pinterest', board: { name: 'Soups' } });
		const missing = await run({ resource: 'board', operation: 'checkAccess', account: picked.account, board: byId('999'), fresh: true });
		expect(missing.items[0].json).toMatchObject({ publishable: false, code: 'board_not_found', explanation: expect.stringContaining('Board 999 not found') });
	});

	it('an account connected before 1.37: SECRET refused with the reconnect explanation; access check names it', async () => {
		const seeded = await emulator.emu.control.seed({
			workspace_id: emulator.emu.workspaceId,
			accounts: [{ missing_scopes: ['boards:write_secret'], boards: [{ name: 'Hidden', privacy: 'SECRET' }] }],
		});
		const old = seeded.accounts[0];
		const created = await run({ resource: 'board', operation: 'create', account: byId(old.id), name: 'Private', privacy: 'SECRET' });
		expect(created.error?.message).toBe('The Pinterest account is missing a permission for this board (scope_missing)');
		expect(created.error?.description).toContain('Reconnect the Pinterest account: https://');
		const access = await run({ resource: 'board', operation: 'checkAccess', account: byId(old.id), board: byId(old.board_ids[0]) });
		expect(access.items[0].json).toMatchObject({ publishable: false, code: 'scope_missing', explanation: expect.stringContaining('not your PinBridge API key') });
	});
});

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
