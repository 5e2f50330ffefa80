import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { invalidField, textParameter } from '../../shared/validation';
import type { OperationDefinition } from '../operation';

async function checkRedirectUrl(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const redirect = textParameter(this, 'redirectUri', 'Redirect URL');
	if (redirect === '') return requestOptions;
	let protocol = '';
	try {
		protocol = new URL(redirect).protocol;
	} catch {
		protocol = '';
	}
	if (protocol !== 'http:' && protocol !== 'https:') {
		throw invalidField(this, 'Redirect URL', `must be an http:// or https:// URL, got "${redirect}"`);
	}
	requestOptions.qs = { ...requestOptions.qs, redirect_uri: redirect };
	return requestOptions;
}

export const startAccountConnection: OperationDefinition = {
	option: {
		name: 'Start Connection',
		value: 'startConnection',
		action: 'Start connecting a Pinterest account',
		description: 'Get the Pinterest consent URL; whoever opens it and approves connects their account to PinBridge',
		routing: {
			request: { method: 'GET', url: '/v1/pinterest/oauth/start' },
		},
	},
	prepare: [checkRedirectUrl],
	fields: [
		{
			displayName: 'Redirect URL',
			name: 'redirectUri',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/pinterest/connected',
			description:
				'Where the browser goes after consent, if not PinBridge’s own page. Sent as redirect_uri; leave empty for the PinBridge default.',
		},
	],
};
