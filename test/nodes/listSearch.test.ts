// The list searches run in n8n-core's own LoadOptionsContext (what the editor uses), with HTTP intercepted by nock.
import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type INode, type INodeParameters } from 'n8n-workflow';

import { searchAccounts, searchBoards } from '../../nodes/shared/listSearch';
import { nock, useNock } from '../harness/nock';
import { ACTION_NODE_TYPE, createNodeTypes } from '../harness/nodeTypes';
import { createAdditionalData, defaultCredentials, TEST_API_KEY, TEST_BASE_URL } from '../harness/runWorkflow';

useNock();

const ACCOUNT_ID = '3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b';
const accounts = [
	{ id: ACCOUNT_ID, display_name: 'Acme Kitchen', username: 'acmekitchen', revoked_at: null, reconnect_required: false },
	{ id: 'c0ffee00-0000-4000-8000-000000000001', display_name: 'Garden', username: 'greenthumb', revoked_at: null, reconnect_required: true },
	{ id: 'dead0000-0000-4000-8000-000000000002', display_name: 'Old', username: 'old', revoked_at: '2026-10-01T00:00:00Z', reconnect_required: false },
	{ id: 'beef0000-0000-4000-8000-000000000003', display_name: null, username: 'nameless', revoked_at: null, reconnect_required: false },
	{
		id: 'feed0000-0000-4000-8000-000000000004',
		display_name: 'Before 1.37',
		username: 'early',
		revoked_at: null,
		health_status: 'scope_missing',
		missing_scopes: ['boards:write_secret'],
	},
];
const boards = [
	{ id: '549755885175', name: 'Summer Recipes', description: '', privacy: 'PUBLIC' },
	{ id: '549755885176', name: 'Garden Ideas', description: '', privacy: 'SECRET' },
];
const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });

/** The context the editor builds for a list search on the node with these (unsaved) parameters. */
function loadOptionsContext(own: INodeParameters): LoadOptionsContext {
	// The editor sends every parameter, defaults included: the credential shown depends on `authentication`.
	const parameters: INodeParameters = { authentication: 'apiKey', ...own };
	const node: INode = {
		id: 'pinbridge',
		name: 'PinBridge',
		type: ACTION_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { pinBridgeSuiteApi: { id: 'cred-1', name: 'PinBridge test credential' } },
	};
	const shape = { id: 'wf-test', name: 'Test workflow', nodes: [node], connections: {} };
	const workflow = new Workflow({ ...shape, active: false, nodeTypes: createNodeTypes() });
	const { additionalData } = createAdditionalData(shape, defaultCredentials());
	additionalData.currentNodeParameters = parameters;
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters.account');
}

describe('searchAccounts', () => {
	it('lists the connected accounts (not revoked ones), marking those that need reconnecting or lack a permission', async () => {
		const scope = api().get('/v1/pinterest/accounts').reply(200, accounts);
		const result = await searchAccounts.call(loadOptionsContext({ resource: 'pin', operation: 'publish' }));
		expect(result).toEqual({
			results: [
				{ name: 'Acme Kitchen (@acmekitchen)', value: ACCOUNT_ID },
				{ name: 'Garden (@greenthumb) — reconnect required', value: 'c0ffee00-0000-4000-8000-000000000001' },
				{ name: 'nameless (@nameless)', value: 'beef0000-0000-4000-8000-000000000003' },
				{ name: 'Before 1.37 (@early) — missing boards:write_secret', value: 'feed0000-0000-4000-8000-000000000004' },
			],
		});
		scope.done();
	});

	it.each([
		['a display name', 'kitchen', [ACCOUNT_ID]],
		['a username', 'GREENTHUMB', ['c0ffee00-0000-4000-8000-000000000001']],
		['nothing', 'no such account', []],
	])('filters by %s, case-insensitively', async (_label, filter, ids) => {
		const scope = api().get('/v1/pinterest/accounts').reply(200, accounts);
		const result = await searchAccounts.call(loadOptionsContext({}), filter);
		expect(result.results.map((entry) => entry.value)).toEqual(ids);
		scope.done();
	});

	it('surfaces PinBridge’s error naming the credential to fix, with the key redacted', async () => {
		// Once: the helper asks n8n not to throw on statuses, so n8n does not resend a 401 with an API key.
		const scope = api().get('/v1/pinterest/accounts').once().reply(401, { detail: 'Invalid API key' });
		const failure = await searchAccounts.call(loadOptionsContext({})).catch((error: Error) => error);
		expect(failure).toBeInstanceOf(Error);
		// n8n shows only the message under the picker: it names the credential (issue 23).
		expect((failure as Error).message).toBe(
			'PinBridge refused the credential "PinBridge test credential": Invalid API key. Open it and paste a current API key (PinBridge dashboard → API keys).',
		);
		expect(JSON.stringify(failure)).not.toContain(TEST_API_KEY);
		scope.done();
	});
});

describe('searchBoards', () => {
	it('lists the boards of the account chosen in the node', async () => {
		const scope = api().get('/v1/pinterest/boards').query({ account_id: ACCOUNT_ID }).reply(200, boards);
		const context = loadOptionsContext({
			resource: 'board',
			operation: 'delete',
			account: { __rl: true, mode: 'list', value: ACCOUNT_ID, cachedResultName: 'Acme Kitchen' },
		});
		const result = await searchBoards.call(context);
		expect(result).toEqual({
			results: [
				{ name: 'Summer Recipes', value: '549755885175' },
				{ name: 'Garden Ideas', value: '549755885176' },
			],
		});
		scope.done();
	});

	it('filters by name, and follows an account given by ID', async () => {
		const scope = api().get('/v1/pinterest/boards').query({ account_id: ACCOUNT_ID }).reply(200, boards);
		const context = loadOptionsContext({
			resource: 'board',
			operation: 'delete',
			account: { __rl: true, mode: 'id', value: ACCOUNT_ID },
		});
		const result = await searchBoards.call(context, 'garden');
		expect(result.results).toEqual([{ name: 'Garden Ideas', value: '549755885176' }]);
		scope.done();
	});

	it('without an account chosen, lists the boards of every connected account (not revoked ones), each named with its account', async () => {
		const scope = api()
			.get('/v1/pinterest/accounts')
			.reply(200, accounts)
			.get('/v1/pinterest/boards')
			.query({ account_id: ACCOUNT_ID })
			.reply(200, boards)
			.get('/v1/pinterest/boards')
			.query({ account_id: 'c0ffee00-0000-4000-8000-000000000001' })
			.reply(200, [{ id: 'b_78f2a9', name: 'Summer styles', privacy: 'PUBLIC' }])
			.get('/v1/pinterest/boards')
			.query({ account_id: 'beef0000-0000-4000-8000-000000000003' })
			.reply(200, [])
			.get('/v1/pinterest/boards')
			.query({ account_id: 'feed0000-0000-4000-8000-000000000004' })
			// A list inside an object is read like the bare array (contract §9.1.5).
			.reply(200, { items: [{ id: '549755885199', name: 'Early board', privacy: 'PUBLIC' }] });
		const context = loadOptionsContext({
			resource: 'pin',
			operation: 'publish',
			account: { __rl: true, mode: 'list', value: '' },
		});
		expect(await searchBoards.call(context)).toEqual({
			results: [
				{ name: 'Summer Recipes (@acmekitchen)', value: '549755885175' },
				{ name: 'Garden Ideas (@acmekitchen)', value: '549755885176' },
				{ name: 'Summer styles (@greenthumb)', value: 'b_78f2a9' },
				{ name: 'Early board (@early)', value: '549755885199' },
			],
		});
		scope.done();
	});

	it('without an account chosen, filters the boards of every account by name', async () => {
		const scope = api()
			.get('/v1/pinterest/accounts')
			.reply(200, [accounts[0], { ...accounts[1], username: null }])
			.get('/v1/pinterest/boards')
			.query({ account_id: ACCOUNT_ID })
			.reply(200, boards)
			.get('/v1/pinterest/boards')
			.query({ account_id: 'c0ffee00-0000-4000-8000-000000000001' })
			.reply(200, [{ id: 'b_78f2a9', name: 'Summer styles', privacy: 'PUBLIC' }]);
		const context = loadOptionsContext({ resource: 'pin', operation: 'publish', account: { __rl: true, mode: 'list', value: '' } });
		expect((await searchBoards.call(context, 'summer')).results).toEqual([
			{ name: 'Summer Recipes (@acmekitchen)', value: '549755885175' },
			{ name: 'Summer styles (Garden)', value: 'b_78f2a9' },
		]);
		scope.done();
	});
});
