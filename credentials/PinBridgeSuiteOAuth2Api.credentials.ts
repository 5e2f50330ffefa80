import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

// PinBridge has not published its OAuth set-up for apps (contract §1, §9.4: OAuth 2.1 with dynamic registration for
// MCP clients, tokens that are API keys): URLs, grant type, scope and client authentication are all editable; the
// defaults ({base}/oauth/authorize and /oauth/token, PKCE, "read write", Basic header) are the contract's guesses.
const BASE = '{{$self["baseUrl"].trim().replace(/\\/+$/, "").replace(/\\/v1$/, "")}}';

export class PinBridgeSuiteOAuth2Api implements ICredentialType {
	name = 'pinBridgeSuiteOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'PinBridge OAuth2 API';

	icon: Icon = {
		light: 'file:../nodes/shared/pinbridge.svg',
		dark: 'file:../nodes/shared/pinbridge.dark.svg',
	};

	documentationUrl = 'https://pinbridge.io/docs/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{ name: 'Authorization Code with PKCE', value: 'pkce' },
				{ name: 'Authorization Code', value: 'authorizationCode' },
				{ name: 'Client Credentials', value: 'clientCredentials' },
			],
			default: 'pkce',
			description: 'The OAuth2 flow PinBridge set up for your app',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.pinbridge.io',
			description: 'Where PinBridge answers; a URL ending in /v1 works too',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'string',
			default: `=${BASE}/oauth/authorize`,
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: `=${BASE}/oauth/token`,
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'read write',
			description: 'Space-separated PinBridge scopes: read, write, destructive (deleting needs destructive)',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'string',
			default: '',
			description: 'Extra query parameters for the authorization URL, e.g. audience=…',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'Send Client Credentials as Basic Auth Header', value: 'header' },
				{ name: 'Send Client Credentials in Body', value: 'body' },
			],
			default: 'header',
			description: 'How the client ID and secret reach the token URL',
		},
	];
}
