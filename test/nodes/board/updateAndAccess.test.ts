// Board → Update, Check Access, Create's PROTECTED privacy and scope_missing (API 1.30+): requests and items (nock).
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { recordRequests } from '../pin/fixtures';

useNock();

const ACCOUNT_ID = '3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b';
const BOARD_ID = '549755885175';
const picked = { account: { __rl: true, mode: 'list', value: ACCOUNT_ID }, board: { __rl: true, mode: 'id', value: BOARD_ID } };
const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
const run = (parameters: Record<string, unknown>) => runPinBridgeNode({ parameters: { resource: 'board', ...picked, ...parameters } });

describe('Board → Update', () => {
	it('sends account_id and only the fields set', async () => {
		let sent: unknown;
		const board = { id: BOARD_ID, name: 'Soups', description: '', privacy: 'PROTECTED' };
		const scope = api()
			.patch(`/v1/pinterest/boards/${BOARD_ID}`, (body) => ((sent = body), true))
			.reply(200, board);
		const { items, error } = await run({ operation: 'update', updateFields: { name: ' Soups ', description: '', privacy: 'PROTECTED' } });
		expect(error).toBeUndefined();
		expect(sent).toEqual({ account_id: ACCOUNT_ID, name: 'Soups', description: '', privacy: 'PROTECTED' });
		expect(items).toEqual([{ json: board, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it.each([
		[{}, 'Update Fields: choose at least one of Name, Description, Privacy'],
		[{ name: 'x'.repeat(181) }, 'Name: must be at most 180 characters'],
		[{ privacy: '={{ "HIDDEN" }}' }, 'Privacy: must be one of PUBLIC, PROTECTED, SECRET'],
	])('refuses %j without sending', async (updateFields, message) => {
		const requests = recordRequests(api().persist().patch(/.*/).reply(200, {}));
		const { error } = await run({ operation: 'update', updateFields });
		expect(error?.message).toContain(message);
		expect(requests).toEqual([]);
	});

	it('explains 409 scope_missing as a Pinterest connection permission, with the reconnect link', async () => {
		api()
			.patch(`/v1/pinterest/boards/${BOARD_ID}`)
			.reply(409, {
				error: { code: 'scope_missing', message: 'Missing boards:write_secret', connect_url: 'https://pinbridge.io/connect', request_id: 'r-1' },
			});
		const { error } = await run({ operation: 'update', updateFields: { privacy: 'SECRET' } });
		expect(error?.message).toBe('The Pinterest account is missing a permission for this board (scope_missing)');
		expect(error?.description).toContain('not your PinBridge API key');
		expect(error?.description).toContain('Reconnect the Pinterest account: https://pinbridge.io/connect');
		expect(error?.description).toContain('Request ID: r-1');
	});
});

describe('Board → Create', () => {
	it('offers PROTECTED and explains scope_missing for SECRET', async () => {
		let sent: unknown;
		api()
			.post('/v1/pinterest/boards', (body) => ((sent = body), true))
			.reply(201, { id: BOARD_ID, name: 'Club', privacy: 'PROTECTED' });
		await run({ operation: 'create', name: 'Club', privacy: 'PROTECTED' });
		expect(sent).toEqual({ account_id: ACCOUNT_ID, name: 'Club', privacy: 'PROTECTED' });
		api().post('/v1/pinterest/boards').reply(409, { error: { code: 'scope_missing', message: 'Missing scope' } });
		const { error } = await run({ operation: 'create', name: 'Hidden', privacy: 'SECRET' });
		expect(error?.message).toBe('The Pinterest account is missing a permission for this board (scope_missing)');
	});
});

describe('Board → Check Access', () => {
	it('GET …/access?account_id= (fresh only when asked), the verdict plus an explanation', async () => {
		const verdict = { account_id: ACCOUNT_ID, board_id: BOARD_ID, publishable: false, status: 'failed', code: 'scope_missing', message: 'No', remediation: 'Reconnect' };
		const scope = api()
			.get(`/v1/pinterest/boards/${BOARD_ID}/access`)
			.query({ account_id: ACCOUNT_ID })
			.reply(200, verdict)
			.get(`/v1/pinterest/boards/${BOARD_ID}/access`)
			.query({ account_id: ACCOUNT_ID, fresh: 'true' })
			.reply(200, { ...verdict, publishable: true, status: 'ok', code: null });
		const cached = await run({ operation: 'checkAccess' });
		expect(cached.items[0].json).toMatchObject({ ...verdict, explanation: expect.stringContaining('boards:write_secret') });
		const fresh = await run({ operation: 'checkAccess', fresh: true });
		expect(fresh.items[0].json).toMatchObject({ publishable: true, explanation: 'The account can publish Pins to this board.' });
		scope.done();
	});
});
