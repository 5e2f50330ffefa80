import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

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
	{ name: 'pinBridgeSuiteApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
	{ name: 'pinBridgeSuiteOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

/** The credential type an Authentication value selects: the same rule n8n's RoutingNode applies. */
export function credentialTypeFor(authentication: unknown): string {
	const chosen = pinBridgeCredentials.find((credential) =>
		credential.displayOptions?.show?.authentication?.includes(authentication as string),
	);
	return (chosen ?? pinBridgeCredentials[0]).name;
}
