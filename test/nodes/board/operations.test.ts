import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';

useNock();

const ACCOUNT_ID = '3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b';
const OTHER_ACCOUNT_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const account = (value = ACCOUNT_ID) => ({ __rl: true, mode: 'list', value });
const boards = [
	{ id: '549755885175', name: 'Recipes', description: 'Food', privacy: 'PUBLIC' },
	{ id: '549755885176', name: 'Drafts', description: '', privacy: 'SECRET' },
];
const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });

describe('Board → Get Many', () => {
	it('lists the boards of the chosen account, one item each', async () => {
		const scope = api().get('/v1/pinterest/boards').query({ account_id: ACCOUNT_ID }).reply(200, boards);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'board', operation: 'getAll', account: account(), returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual(boards.map((json) => ({ json, pairedItem: { item: 0 } })));
		scope.done();
	});

	it('applies Limit, and takes the account of each item from an expression', async () => {
		const scope = api()
			.get('/v1/pinterest/boards')
			.query({ account_id: ACCOUNT_ID })
			.reply(200, boards)
			.get('/v1/pinterest/boards')
			.query({ account_id: OTHER_ACCOUNT_ID })
			.reply(200, [{ id: '7', name: 'Other', description: null, privacy: 'PUBLIC' }, ...boards]);
		const { items, error } = await runPinBridgeNode({
			parameters: {
				resource: 'board',
				operation: 'getAll',
				account: { __rl: true, mode: 'id', value: '={{ $json.accountId }}' },
				returnAll: false,
				limit: 1,
			},
			items: [{ json: { accountId: ACCOUNT_ID } }, { json: { accountId: OTHER_ACCOUNT_ID } }],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: boards[0], pairedItem: { item: 0 } },
			{ json: { id: '7', name: 'Other', description: null, privacy: 'PUBLIC' }, pairedItem: { item: 1 } },
		]);
		scope.done();
	});

	it('refuses an account that cannot be an id (a name with a space) without sending anything', async () => {
		const scope = api().get('/v1/pinterest/boards').query(true).reply(200, boards);
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'board', operation: 'getAll', account: account('Acme Shop'), returnAll: true },
		});
		expect(error?.message).toBe('Pinterest Account: must not contain spaces');
		expect(scope.isDone()).toBe(false);
	});

	it('sends an account id in the quick-start page’s style as it is (contract §9.1.1)', async () => {
		const scope = api().get('/v1/pinterest/boards').query({ account_id: 'acc_9d1e' }).reply(200, boards);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'board', operation: 'getAll', account: account('acc_9d1e'), returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		scope.done();
	});
});

describe('Board → Create', () => {
	it('sends account, name, privacy and description and outputs the new board', async () => {
		const created = { id: '549755885177', name: 'Summer', description: 'Salads', privacy: 'SECRET' };
		const scope = api()
			.post('/v1/pinterest/boards', {
				account_id: ACCOUNT_ID,
				name: 'Summer',
				privacy: 'SECRET',
				description: 'Salads',
			})
			.reply(201, created);
		const { items, error } = await runPinBridgeNode({
			parameters: {
				resource: 'board',
				operation: 'create',
				account: account(),
				name: '  Summer ',
				privacy: 'SECRET',
				additionalFields: { description: 'Salads' },
			},
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: created, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('defaults to a public board and sends no empty description', async () => {
		const created = { id: '1', name: 'Plain', description: null, privacy: 'PUBLIC' };
		const scope = api()
			.post('/v1/pinterest/boards', (body) => {
				expect(body).toEqual({ account_id: ACCOUNT_ID, name: 'Plain', privacy: 'PUBLIC' });
				return true;
			})
			.reply(201, created);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'board', operation: 'create', account: account(), name: 'Plain' },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual(created);
		scope.done();
	});

	it.each([
		['empty', '', 'Name: is required'],
		['181 characters long', 'x'.repeat(181), 'Name: must be at most 180 characters (it has 181)'],
	])('refuses a name that is %s (from an expression) before sending', async (_label, name, message) => {
		const scope = api().post('/v1/pinterest/boards').reply(201, {});
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'board', operation: 'create', account: account(), name: '={{ $json.name }}' },
			items: [{ json: { name } }],
		});
		expect(error?.message).toBe(message);
		expect(error?.description).toBe('Nothing was sent to PinBridge for this item.');
		expect(scope.isDone()).toBe(false);
	});

	it('accepts a 180-character name', async () => {
		const name = 'n'.repeat(180);
		const scope = api()
			.post('/v1/pinterest/boards', { account_id: ACCOUNT_ID, name, privacy: 'PUBLIC' })
			.reply(201, { id: '2', name, description: null, privacy: 'PUBLIC' });
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'board', operation: 'create', account: account(), name },
		});
		expect(error).toBeUndefined();
		scope.done();
	});

	it('with Continue On Fail, an invalid item carries its error and the others are created', async () => {
		const created = { id: '3', name: 'Good', description: null, privacy: 'PUBLIC' };
		const scope = api()
			.post('/v1/pinterest/boards', { account_id: ACCOUNT_ID, name: 'Good', privacy: 'PUBLIC' })
			.reply(201, created);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'board', operation: 'create', account: account(), name: '={{ $json.name }}' },
			items: [{ json: { name: 'x'.repeat(200) } }, { json: { name: 'Good' } }],
			nodeSettings: { continueOnFail: true },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toBe('Name: must be at most 180 characters (it has 200)');
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1]).toEqual({ json: created, pairedItem: { item: 1 } });
		scope.done();
	});
});

describe('Board → Delete', () => {
	it('sends DELETE with the account and says which board went', async () => {
		const scope = api()
			.delete('/v1/pinterest/boards/549755885175')
			.query({ account_id: ACCOUNT_ID })
			.reply(204);
		const { items, error } = await runPinBridgeNode({
			parameters: {
				resource: 'board',
				operation: 'delete',
				account: account(),
				board: { __rl: true, mode: 'list', value: '549755885175' },
			},
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { id: '549755885175', account_id: ACCOUNT_ID, deleted: true }, pairedItem: { item: 0 } },
		]);
		scope.done();
	});

	it('refuses a pasted board address before sending, with a hint at the id', async () => {
		const scope = api().delete(/.*/).query(true).reply(204);
		const { error } = await runPinBridgeNode({
			parameters: {
				resource: 'board',
				operation: 'delete',
				account: account(),
				board: { __rl: true, mode: 'id', value: '={{ $json.board }}' },
			},
			items: [{ json: { board: 'https://www.pinterest.com/acme/recipes/' } }],
		});
		expect(error?.message).toBe(
			'Board: must be the ID only, not an address (it contains "/"). This looks like a pasted URL: the ID is probably "recipes"',
		);
		expect(scope.isDone()).toBe(false);
	});

	it('sends a board id that is not digits as it is (contract §9.1.1)', async () => {
		const scope = api().delete('/v1/pinterest/boards/b_78f2a9').query({ account_id: ACCOUNT_ID }).reply(204);
		const { items, error } = await runPinBridgeNode({
			parameters: {
				resource: 'board',
				operation: 'delete',
				account: account(),
				board: { __rl: true, mode: 'id', value: '={{ $json.board }}' },
			},
			items: [{ json: { board: 'b_78f2a9' } }],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { id: 'b_78f2a9', account_id: ACCOUNT_ID, deleted: true }, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('maps 422 board_not_found to an error with PinBridge’s message, status and code', async () => {
		const scope = api()
			.delete('/v1/pinterest/boards/42')
			.query({ account_id: ACCOUNT_ID })
			.reply(
				422,
				{
					error: {
						code: 'board_not_found',
						message: 'Board 42 was not found on this Pinterest account',
						remediation: 'List the boards of this account and use one of their ids.',
					},
					detail: 'Board 42 was not found on this Pinterest account',
				},
				{ 'X-Request-ID': 'req-123' },
			);
		const { error, items } = await runPinBridgeNode({
			parameters: {
				resource: 'board',
				operation: 'delete',
				account: account(),
				board: { __rl: true, mode: 'id', value: '42' },
			},
		});
		expect(items).toEqual([]);
		expect(error?.message).toBe('Board 42 was not found on this Pinterest account');
		expect(error?.httpCode).toBe('422');
		expect(error?.description).toContain('PinBridge code: board_not_found');
		expect(error?.description).toContain('What to do: List the boards of this account');
		expect(error?.description).toContain('Request ID: req-123');
		expect(JSON.stringify(error)).not.toContain(TEST_API_KEY);
		scope.done();
	});
});
