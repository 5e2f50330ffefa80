// The OAuth2 credential through n8n's own OAuth2 request path: Bearer token, and refresh after a 401.
import { PinBridgeSuiteOAuth2Api } from '../../credentials/PinBridgeSuiteOAuth2Api.credentials';
import { useFakeRuntime } from '../harness/fakeRuntime';
import { nock, useNock } from '../harness/nock';
import { runPinBridgeNode, TEST_BASE_URL } from '../harness/runWorkflow';

useNock();
const runtime = useFakeRuntime();

const oauthCredential = (accessToken: string) => ({
	pinBridgeSuiteOAuth2Api: {
		baseUrl: `${TEST_BASE_URL}/v1`,
		grantType: 'pkce',
		clientId: 'client-1',
		clientSecret: '',
		authUrl: `${TEST_BASE_URL}/oauth/authorize`,
		accessTokenUrl: `${TEST_BASE_URL}/oauth/token`,
		scope: 'read write',
		authentication: 'header',
		oauthTokenData: { access_token: accessToken, refresh_token: 'refresh-1', token_type: 'Bearer' },
	},
});

describe('OAuth2 credential', () => {
	it('sends the access token as Bearer (and no API key header)', async () => {
		const scope = nock(TEST_BASE_URL, { badheaders: ['x-api-key'] })
			.matchHeader('authorization', 'Bearer token-1')
			.get('/v1/pinterest/accounts')
			.reply(200, [{ id: 'a1' }]);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true },
			credentialType: 'pinBridgeSuiteOAuth2Api',
			credentials: oauthCredential('token-1'),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ id: 'a1', reconnect_required: false, missing_scopes: [], health: 'healthy' }]);
		scope.done();
	});

	it('refreshes an expired token at the token URL and repeats the call', async () => {
		// The helper asks n8n not to throw on statuses; n8n refreshes only on a thrown 401, so the helper sends an
		// OAuth2 401 once more with throwing allowed: two 401s, then n8n's refresh and its repeat.
		const scope = nock(TEST_BASE_URL)
			.get('/v1/pinterest/accounts')
			.times(2)
			.matchHeader('authorization', 'Bearer expired')
			.reply(401, { detail: 'Token expired' })
			.post('/oauth/token', (body) => body.grant_type === 'refresh_token' && body.refresh_token === 'refresh-1')
			.reply(200, { access_token: 'fresh', refresh_token: 'refresh-2', token_type: 'Bearer', expires_in: 3600 })
			.get('/v1/pinterest/accounts')
			.matchHeader('authorization', 'Bearer fresh')
			.reply(200, []);
		const { error, credentialsHelper } = await runPinBridgeNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true },
			credentialType: 'pinBridgeSuiteOAuth2Api',
			credentials: oauthCredential('expired'),
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(credentialsHelper.tokenUpdates).toHaveLength(1);
		expect(JSON.stringify(credentialsHelper.tokenUpdates[0])).toContain('fresh');
	});

	it('maps a 401 that survives the refresh to PinBridge\'s own message', async () => {
		const scope = nock(TEST_BASE_URL)
			.get('/v1/pinterest/accounts')
			.times(2)
			.reply(401, { error: { code: 'invalid_token', message: 'Token revoked' } })
			.post('/oauth/token')
			.reply(200, { access_token: 'fresh', refresh_token: 'refresh-2', token_type: 'Bearer' })
			.get('/v1/pinterest/accounts')
			.reply(401, { error: { code: 'invalid_token', message: 'Token revoked' } });
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true },
			credentialType: 'pinBridgeSuiteOAuth2Api',
			credentials: oauthCredential('token-old'),
		});
		expect(error).toMatchObject({ httpCode: '401', message: 'Token revoked' });
		scope.done();
	});

	it('retries a 503 and reads a 429\'s Retry-After like the API-key credential', async () => {
		const scope = nock(TEST_BASE_URL)
			.get('/v1/pinterest/accounts')
			.reply(503, { detail: 'unavailable' })
			.get('/v1/pinterest/accounts')
			.reply(429, { detail: 'slow down' }, { 'Retry-After': '1' })
			.get('/v1/pinterest/accounts')
			.reply(200, [{ id: 'a1' }]);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true },
			credentialType: 'pinBridgeSuiteOAuth2Api',
			credentials: oauthCredential('token-1'),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ id: 'a1', reconnect_required: false, missing_scopes: [], health: 'healthy' }]);
		expect(runtime.sleeps).toEqual([250, 1000]); // backoff (0.5 × 500 ms), then the Retry-After header
		scope.done();
	});
});

describe('OAuth2 credential: PinBridge has not published its OAuth set-up, so the user sets it (contract §9.4)', () => {
	const properties = new PinBridgeSuiteOAuth2Api().properties;
	const field = (name: string) => properties.find((property) => property.name === name);

	it.each([
		['grantType', 'pkce', ['pkce', 'authorizationCode', 'clientCredentials']],
		['authentication', 'header', ['header', 'body']],
	])('%s is a visible choice, defaulting to the contract’s guess', (name, fallback, values) => {
		expect(field(name)).toMatchObject({ type: 'options', default: fallback });
		expect((field(name)?.options as Array<{ value: string }>).map((option) => option.value)).toEqual(values);
	});

	it.each([
		['scope', 'read write'],
		['authQueryParameters', ''],
		['authUrl', expect.stringContaining('/oauth/authorize')],
		['accessTokenUrl', expect.stringContaining('/oauth/token')],
	])('%s is an editable text field', (name, fallback) => {
		expect(field(name)).toMatchObject({ type: 'string', default: fallback });
	});

	it('client credentials sent in the body: n8n fetches a new token that way after a 401 and repeats the call', async () => {
		const scope = nock(TEST_BASE_URL)
			.get('/v1/pinterest/accounts')
			.times(2)
			.reply(401, { detail: 'Token expired' })
			.post(
				'/oauth/token',
				(body) => body.grant_type === 'client_credentials' && body.client_id === 'client-1' && body.client_secret === 'shh-secret',
			)
			.reply(200, { access_token: 'fresh', token_type: 'Bearer', expires_in: 3600 })
			.get('/v1/pinterest/accounts')
			.matchHeader('authorization', 'Bearer fresh')
			.reply(200, []);
		const base = oauthCredential('expired').pinBridgeSuiteOAuth2Api;
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true },
			credentialType: 'pinBridgeSuiteOAuth2Api',
			credentials: {
				pinBridgeSuiteOAuth2Api: { ...base, grantType: 'clientCredentials', clientSecret: 'shh-secret', authentication: 'body', scope: 'read' },
			},
		});
		expect(error).toBeUndefined();
		scope.done();
	});
});
