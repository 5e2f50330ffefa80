import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { NOT_FROM_PINBRIDGE } from '../pin/fixtures';

useNock();

const ACCOUNT_ID = '3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b';
const account = {
	id: ACCOUNT_ID,
	workspace_id: 'a6d1f1c4-0d7e-4a37-9a53-0c2a1f0e9b11',
	pinterest_user_id: '1234567890',
	display_name: 'Acme',
	username: 'acme',
	scopes: 'boards:read,boards:write,pins:read,pins:write,user_accounts:read',
	created_at: '2026-11-01T10:00:00Z',
	updated_at: '2026-11-01T10:00:00Z',
	revoked_at: null,
	reconnect_required: false,
};
const stale = { ...account, id: 'c0ffee00-0000-4000-8000-000000000001', reconnect_required: true };
/** API 1.41 health fields (contract §8.11). */
const oldConnection = {
	...account,
	id: 'beef0000-0000-4000-8000-000000000003',
	health_status: 'scope_missing',
	missing_scopes: ['boards:write_secret'],
	token_expires_at: '2026-12-30T00:00:00Z',
};
const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });

describe('Pinterest Account → Get Many', () => {
	it('lists accounts with their health, one item each', async () => {
		const scope = api().get('/v1/pinterest/accounts').reply(200, [account, stale]);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { ...account, missing_scopes: [], health: 'healthy' }, pairedItem: { item: 0 } },
			{ json: { ...stale, missing_scopes: [], health: 'reconnect required' }, pairedItem: { item: 0 } },
		]);
		scope.done();
	});

	it('keeps the 1.41 health fields and says what is wrong in `health`; fills the defaults older APIs leave out', async () => {
		const { reconnect_required: _dropped, ...older } = account;
		void _dropped;
		const scope = api().get('/v1/pinterest/accounts').reply(200, [oldConnection, older]);
		const { items } = await runPinBridgeNode({ parameters: { resource: 'account', operation: 'getAll', returnAll: true } });
		expect(items.map((item) => item.json)).toEqual([
			{ ...oldConnection, health: 'missing boards:write_secret' },
			{ ...older, reconnect_required: false, missing_scopes: [], health: 'healthy' },
		]);
		scope.done();
	});

	it('applies Limit', async () => {
		const scope = api().get('/v1/pinterest/accounts').reply(200, [account, stale]);
		const { items } = await runPinBridgeNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: false, limit: 1 },
		});
		expect(items).toEqual([{ json: { ...account, missing_scopes: [], health: 'healthy' }, pairedItem: { item: 0 } }]);
		scope.done();
	});
});

describe('Pinterest Account → Start Connection', () => {
	it('returns the consent URL, without redirect_uri when none is set', async () => {
		const answer = { authorization_url: 'https://www.pinterest.com/oauth/?state=abc' };
		const scope = api()
			.get((uri) => uri === '/v1/pinterest/oauth/start')
			.reply(200, answer);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'account', operation: 'startConnection' },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: answer, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('sends the redirect URL as redirect_uri', async () => {
		const answer = { authorization_url: 'https://www.pinterest.com/oauth/?state=def' };
		const scope = api()
			.get('/v1/pinterest/oauth/start')
			.query({ redirect_uri: 'https://example.com/connected' })
			.reply(200, answer);
		const { items, error } = await runPinBridgeNode({
			parameters: {
				resource: 'account',
				operation: 'startConnection',
				redirectUri: ' https://example.com/connected ',
			},
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual(answer);
		scope.done();
	});

	it('refuses a redirect URL that is not http(s) without sending anything', async () => {
		const scope = api().get(/.*/).reply(200, {});
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'account', operation: 'startConnection', redirectUri: 'javascript:alert(1)' },
		});
		expect(error?.message).toBe('Redirect URL: must be an http:// or https:// URL, got "javascript:alert(1)"');
		expect(scope.isDone()).toBe(false);
	});

	it('maps 403 plan_limit with its upgrade link', async () => {
		const scope = api()
			.get('/v1/pinterest/oauth/start')
			.reply(403, {
				error: {
					code: 'plan_limit',
					message: 'The Starter plan allows 1 connected Pinterest account(s)',
					remediation: 'Upgrade the plan or disconnect an account first.',
					upgrade_url: 'https://pinbridge.io/pricing',
				},
			});
		const { error } = await runPinBridgeNode({ parameters: { resource: 'account', operation: 'startConnection' } });
		expect(error?.message).toBe('The Starter plan allows 1 connected Pinterest account(s)');
		expect(error?.httpCode).toBe('403');
		expect(error?.description).toContain('PinBridge code: plan_limit');
		expect(error?.description).toContain('Upgrade: https://pinbridge.io/pricing');
		scope.done();
	});
});

describe('Pinterest Account → Complete Connection', () => {
	it('sends code and state and outputs the connected account', async () => {
		const answer = { status: 'connected', message: 'Pinterest account @acme connected', account_id: ACCOUNT_ID };
		const scope = api()
			.get('/v1/pinterest/oauth/callback')
			.query({ code: 'c0de', state: 'st4te' })
			.reply(200, answer);
		const { items, error } = await runPinBridgeNode({
			parameters: {
				resource: 'account',
				operation: 'completeConnection',
				code: '={{ $json.query.code }}',
				state: '={{ $json.query.state }}',
			},
			items: [{ json: { query: { code: 'c0de', state: 'st4te' } } }],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: answer, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('refuses a missing code without sending anything', async () => {
		const scope = api().get(/.*/).reply(200, {});
		const { error } = await runPinBridgeNode({
			parameters: {
				resource: 'account',
				operation: 'completeConnection',
				code: '={{ $json.query.code }}',
				state: 'st4te',
			},
			items: [{ json: { query: {} } }],
		});
		expect(error?.message).toBe('Code: is required');
		expect(scope.isDone()).toBe(false);
	});

	it('maps 400 bad_request for an expired state', async () => {
		const scope = api()
			.get('/v1/pinterest/oauth/callback')
			.query(true)
			.reply(400, {
				error: { code: 'bad_request', message: 'Invalid or expired OAuth state or code', remediation: 'Start again.' },
				detail: 'Invalid or expired OAuth state or code',
			});
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'account', operation: 'completeConnection', code: 'old', state: 'old' },
		});
		expect(error?.message).toBe('Invalid or expired OAuth state or code');
		expect(error?.httpCode).toBe('400');
		expect(error?.description).toContain('PinBridge code: bad_request');
		scope.done();
	});
});

describe('Pinterest Account → Disconnect', () => {
	it('sends DELETE for the chosen account and says so', async () => {
		const scope = api().delete(`/v1/pinterest/accounts/${ACCOUNT_ID}`).reply(204);
		const { items, error } = await runPinBridgeNode({
			parameters: {
				resource: 'account',
				operation: 'disconnect',
				account: { __rl: true, mode: 'id', value: ACCOUNT_ID },
			},
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { id: ACCOUNT_ID, disconnected: true }, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('with Continue On Fail, a bad ID and a 403 account_not_permitted fail only their items', async () => {
		const other = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
		const scope = api()
			.delete(`/v1/pinterest/accounts/${other}`)
			.reply(403, {
				error: {
					code: 'account_not_permitted',
					message: 'This API key may not use this Pinterest account',
					remediation: 'Use a key allowed for this account.',
				},
			})
			.delete(`/v1/pinterest/accounts/${ACCOUNT_ID}`)
			.reply(204);
		const { items, error } = await runPinBridgeNode({
			parameters: {
				resource: 'account',
				operation: 'disconnect',
				account: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			items: [{ json: { id: 'Acme Shop' } }, { json: { id: other } }, { json: { id: ACCOUNT_ID } }],
			nodeSettings: { continueOnFail: true },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].json).toEqual({ error: 'Pinterest Account: must not contain spaces', ...NOT_FROM_PINBRIDGE });
		expect(items[1].json).toMatchObject({
			error: 'This API key may not use this Pinterest account',
			errorCode: 'account_not_permitted',
			httpCode: '403',
		});
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[2].json).toEqual({ id: ACCOUNT_ID, disconnected: true });
		expect(JSON.stringify(items)).not.toContain(TEST_API_KEY);
		scope.done();
	});
});
