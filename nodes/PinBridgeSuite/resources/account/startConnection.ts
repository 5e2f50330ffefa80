import type { OperationDefinition } from '../operation';

export const startAccountConnection: OperationDefinition = {
	option: {
		name: 'Start Connection',
		value: 'startConnection',
		action: 'Start connecting a Pinterest account',
		description: 'Get the Pinterest consent URL; whoever opens it and approves connects their account to PinBridge',
		routing: { request: { method: 'GET', url: '/v1/pinterest/oauth/start' } },
	},
	fields: [
		{
			displayName: 'Redirect URL',
			name: 'redirectUri',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/pinterest/connected',
			description:
				'Where the browser goes after consent, if not PinBridge’s own page. Sent as redirect_uri; leave empty for the PinBridge default.',
			routing: { send: { type: 'query', property: 'redirect_uri', value: '={{ $value || undefined }}' } },
		},
	],
};
