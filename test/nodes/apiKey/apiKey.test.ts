import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';

useNock();

const RECORD_ID = '9b2d4f6a-1c3e-4a5b-8d7f-0e1a2b3c4d5e';
const ACCOUNT_ID = '3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b';
const OTHER_ACCOUNT_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const ISSUED_VALUE = 'pb_live_new_key_fedcba9876543210';
const keyView = {
	id: RECORD_ID,
	name: 'Dashboard',
	prefix: 'pb_live_new',
	scopes: ['read'],
	pinterest_account_ids: [ACCOUNT_ID, OTHER_ACCOUNT_ID],
	created_at: '2026-11-22T10:00:00Z',
	last_used_at: null,
};
const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });

describe('API Key → Create', () => {
	it('sends name, scopes and account IDs, and outputs the new key once', async () => {
		const scope = api()
			.post('/v1/api-keys', {
				name: 'Dashboard',
				scopes: ['read'],
				pinterest_account_ids: [ACCOUNT_ID, OTHER_ACCOUNT_ID],
			})
			.reply(201, { ...keyView, api_key: ISSUED_VALUE });
		const { items, error } = await runPinBridgeNode({
			parameters: {
				resource: 'apiKey',
				operation: 'create',
				name: ' Dashboard ',
				additionalFields: {
					scopes: ['read'],
					// One per value or comma-separated: both are accepted, duplicates dropped.
					pinterestAccountIds: [ACCOUNT_ID, ` ${OTHER_ACCOUNT_ID}, ${ACCOUNT_ID}`],
				},
			},
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { ...keyView, api_key: ISSUED_VALUE }, pairedItem: { item: 0 } }]);
		// The credential's own key never shows; only the new key, in this operation's output.
		expect(JSON.stringify(items)).not.toContain(TEST_API_KEY);
		scope.done();
	});

	it('sends only the name when nothing else is set, leaving scopes to PinBridge', async () => {
		const scope = api()
			.post('/v1/api-keys', (body) => {
				expect(body).toEqual({ name: 'Minimal' });
				return true;
			})
			.reply(201, { ...keyView, name: 'Minimal', scopes: ['read', 'write'], pinterest_account_ids: null, api_key: ISSUED_VALUE });
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'apiKey', operation: 'create', name: 'Minimal', additionalFields: { scopes: [] } },
		});
		expect(error).toBeUndefined();
		expect(items[0].json.api_key).toBe(ISSUED_VALUE);
		scope.done();
	});

	it('takes account IDs from an expression giving a list', async () => {
		const scope = api()
			.post('/v1/api-keys', { name: 'From list', pinterest_account_ids: [ACCOUNT_ID, OTHER_ACCOUNT_ID] })
			.reply(201, { ...keyView, api_key: ISSUED_VALUE });
		const { error } = await runPinBridgeNode({
			parameters: {
				resource: 'apiKey',
				operation: 'create',
				name: 'From list',
				additionalFields: { pinterestAccountIds: ['={{ $json.accounts }}'] },
			},
			items: [{ json: { accounts: [ACCOUNT_ID, OTHER_ACCOUNT_ID] } }],
		});
		expect(error).toBeUndefined();
		scope.done();
	});

	it.each([
		['an empty name', { name: '={{ $json.nothing }}', additionalFields: {} }, 'Name: is required'],
		[
			'an account ID that cannot be one (a name with a space)',
			{ name: 'x', additionalFields: { pinterestAccountIds: [ACCOUNT_ID, 'Acme Shop'] } },
			'Pinterest Account IDs: must not contain spaces',
		],
	])('refuses %s without sending anything', async (_label, parameters, message) => {
		const scope = api().post('/v1/api-keys').reply(201, {});
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'apiKey', operation: 'create', ...parameters },
		});
		expect(error?.message).toBe(message);
		expect(scope.isDone()).toBe(false);
	});

	it('sends account IDs that are not UUIDs as they are (ids are opaque, contract §9.1.1)', async () => {
		const scope = api()
			.post('/v1/api-keys', { name: 'Quick start', pinterest_account_ids: ['acc_9d1e', 'acme'] })
			.reply(201, { ...keyView, api_key: ISSUED_VALUE });
		const { error } = await runPinBridgeNode({
			parameters: {
				resource: 'apiKey',
				operation: 'create',
				name: 'Quick start',
				additionalFields: { pinterestAccountIds: ['acc_9d1e, acme'] },
			},
		});
		expect(error).toBeUndefined();
		scope.done();
	});

	it('maps 403 insufficient_scope to an error that names the code and never the key', async () => {
		const scope = api()
			.post('/v1/api-keys')
			.reply(403, {
				error: {
					code: 'insufficient_scope',
					message: 'A key cannot grant the destructive scope it lacks',
					remediation: `Use a key with the destructive scope instead of ${TEST_API_KEY}.`,
				},
			});
		const { error, items } = await runPinBridgeNode({
			parameters: { resource: 'apiKey', operation: 'create', name: 'Admin', additionalFields: { scopes: ['destructive'] } },
		});
		expect(items).toEqual([]);
		expect(error?.message).toBe('A key cannot grant the destructive scope it lacks');
		expect(error?.httpCode).toBe('403');
		expect(error?.description).toContain('PinBridge code: insufficient_scope');
		expect(error?.description).toContain('What to do: Use a key with the destructive scope instead of [redacted].');
		expect(JSON.stringify(error)).not.toContain(TEST_API_KEY);
		scope.done();
	});
});

describe('API Key → Get Many and Revoke', () => {
	it('Get Many lists the keys, or up to Limit', async () => {
		const list = [keyView, { ...keyView, id: 'second' }];
		const scope = api().get('/v1/api-keys').reply(200, list).get('/v1/api-keys').reply(200, list);
		const all = await runPinBridgeNode({ parameters: { resource: 'apiKey', operation: 'getAll', returnAll: true } });
		expect(all.items).toEqual(list.map((json) => ({ json, pairedItem: { item: 0 } })));
		const one = await runPinBridgeNode({
			parameters: { resource: 'apiKey', operation: 'getAll', returnAll: false, limit: 1 },
		});
		expect(one.items).toEqual([{ json: keyView, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('Revoke sends DELETE and says which key was revoked', async () => {
		const scope = api().delete(`/v1/api-keys/${RECORD_ID}`).reply(204);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'apiKey', operation: 'revoke', keyId: RECORD_ID },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { id: RECORD_ID, revoked: true }, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('Revoke refuses a pasted address of the key in place of its ID, without sending anything, and hints at the ID', async () => {
		const scope = api().delete(/.*/).reply(204);
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'apiKey', operation: 'revoke', keyId: '={{ $json.key }}' },
			items: [{ json: { key: `https://app.pinbridge.io/settings/api-keys/${RECORD_ID}` } }],
		});
		expect(error?.message).toBe(
			`API Key ID: must be the ID only, not an address (it contains "/"). This looks like a pasted URL: the ID is probably "${RECORD_ID}"`,
		);
		expect(scope.isDone()).toBe(false);
	});

	it('Revoke refuses the key itself in place of its ID: nothing sent, and the key is in no output or error', async () => {
		const pastedKey = `pb_${'3c'.repeat(32)}`;
		const scope = api().delete(/.*/).reply(404, { detail: 'API key not found' });
		const { error, items } = await runPinBridgeNode({
			parameters: { resource: 'apiKey', operation: 'revoke', keyId: '={{ $json.key }}' },
			items: [{ json: { key: pastedKey } }],
		});
		expect(error?.message).toBe('API Key ID: is a PinBridge API key, not an ID: keys never go in ID fields (API Key → Get Many lists each key’s ID)');
		expect(scope.isDone()).toBe(false);
		expect(JSON.stringify({ message: error?.message, description: error?.description, items })).not.toContain(pastedKey);
	});

	it('an API key in a path PinBridge answers about is redacted from the error', async () => {
		const pastedKey = `pb_${'7a'.repeat(32)}`;
		const scope = api().get(`/v1/pins/x${pastedKey}`).reply(404, { detail: `No pin x${pastedKey}` });
		const { error } = await runPinBridgeNode({ parameters: { resource: 'pin', operation: 'get', pinId: `x${pastedKey}` } });
		scope.done();
		expect(JSON.stringify({ message: error?.message, description: error?.description })).not.toContain(pastedKey);
		expect(error?.message).toBe('No pin x[redacted]');
	});

	it('Revoke sends an ID that is not a UUID as it is (contract §9.1.1)', async () => {
		const scope = api().delete('/v1/api-keys/key_5e6f').reply(204);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'apiKey', operation: 'revoke', keyId: 'key_5e6f' },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { id: 'key_5e6f', revoked: true }, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('Revoke maps a 404 to PinBridge’s message', async () => {
		const scope = api().delete(`/v1/api-keys/${RECORD_ID}`).reply(404, { detail: 'API key not found' });
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'apiKey', operation: 'revoke', keyId: RECORD_ID },
		});
		expect(error?.message).toBe('API key not found');
		expect(error?.httpCode).toBe('404');
		scope.done();
	});
});
