import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

// PinBridge has not published its OAuth URLs: the defaults follow {base}/oauth/authorize and {base}/oauth/token,
// and both stay editable.
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
			type: 'hidden',
			default: 'pkce',
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
			type: 'hidden',
			default: 'read write',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
	];
}
