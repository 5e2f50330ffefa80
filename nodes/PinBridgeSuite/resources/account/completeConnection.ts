import type { OperationDefinition } from '../operation';

export const completeAccountConnection: OperationDefinition = {
	option: {
		name: 'Complete Connection',
		value: 'completeConnection',
		action: 'Complete connecting a Pinterest account',
		description: 'Finish a connection with the code and state Pinterest sent back to your redirect URL',
		routing: { request: { method: 'GET', url: '/v1/pinterest/oauth/callback' } },
	},
	fields: [
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The code query parameter Pinterest added to your redirect URL',
			routing: { send: { type: 'query', property: 'code' } },
		},
		{
			displayName: 'State',
			name: 'state',
			type: 'string',
			required: true,
			default: '',
			description: 'The state query parameter Pinterest added to your redirect URL',
			routing: { send: { type: 'query', property: 'state' } },
		},
	],
};
