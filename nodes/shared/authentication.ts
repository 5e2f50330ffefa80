import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { API_KEY_CREDENTIAL, OAUTH2_CREDENTIAL } from './transport/request';

/** Both PinBridge nodes let the user pick API key or OAuth2, as n8n's own dual-auth nodes do. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API Key', value: 'apiKey' },
		{ name: 'OAuth2', value: 'oAuth2' },
	],
	default: 'apiKey',
};

export const pinBridgeCredentials: INodeCredentialDescription[] = [
	{ name: API_KEY_CREDENTIAL, required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
	{ name: OAUTH2_CREDENTIAL, required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];
