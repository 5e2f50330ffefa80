// The OAuth2 credential through n8n's own OAuth2 request path: Bearer token, and refresh after a 401.
import { nock, useNock } from '../harness/nock';
import { runPinBridgeNode, TEST_BASE_URL } from '../harness/runWorkflow';

useNock();

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
		expect(items.map((item) => item.json)).toEqual([{ id: 'a1' }]);
		scope.done();
	});

	it('refreshes an expired token at the token URL and repeats the call', async () => {
		const scope = nock(TEST_BASE_URL)
			.get('/v1/pinterest/accounts')
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
});
