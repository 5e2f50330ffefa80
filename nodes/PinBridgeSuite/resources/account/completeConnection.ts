import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { invalidField, textParameter } from '../../shared/validation';
import type { OperationDefinition } from '../operation';

/** Both values usually come from expressions over the redirect's query: catch an empty one before PinBridge does. */
async function requireCodeAndState(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const code = textParameter(this, 'code', 'Code');
	const state = textParameter(this, 'state', 'State');
	if (code === '') throw invalidField(this, 'Code', 'is required');
	if (state === '') throw invalidField(this, 'State', 'is required');
	requestOptions.qs = { ...requestOptions.qs, code, state };
	return requestOptions;
}

export const completeAccountConnection: OperationDefinition = {
	option: {
		name: 'Complete Connection',
		value: 'completeConnection',
		action: 'Complete connecting a Pinterest account',
		description: 'Finish a connection with the code and state Pinterest sent back to your redirect URL',
		routing: {
			request: { method: 'GET', url: '/v1/pinterest/oauth/callback' },
		},
	},
	prepare: [requireCodeAndState],
	fields: [
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The code query parameter Pinterest added to your redirect URL (after a Webhook node: an expression on its query.code)',
		},
		{
			displayName: 'State',
			name: 'state',
			type: 'string',
			required: true,
			default: '',
			description: 'The state query parameter Pinterest added to your redirect URL (after a Webhook node: query.state)',
		},
	],
};
