import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { PASTED_KEY_PADDING } from '../nodes/shared/values';

export class PinBridgeSuiteApi implements ICredentialType {
	name = 'pinBridgeSuiteApi';

	displayName = 'PinBridge API';

	icon: Icon = {
		light: 'file:../nodes/shared/pinbridge.svg',
		dark: 'file:../nodes/shared/pinbridge.dark.svg',
	};

	documentationUrl = 'https://pinbridge.io/docs/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.pinbridge.io',
			description:
				'Where PinBridge answers. Leave the default unless PinBridge gave you another address; a URL ending in /v1 works too.',
			// n8n's Test reports an unreachable address by the socket error's code alone ("ECONNREFUSED"): say here
			// what such a code means, next to the field to fix.
			hint: 'If Test answers ECONNREFUSED, ENOTFOUND or ETIMEDOUT, nothing answered at this address: check it, and that n8n can reach it',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'An API key from the PinBridge dashboard (Settings → API keys)',
			// The description is only a tooltip; the hint is shown under the field, where a newcomer looks.
			hint: 'Where to get one: PinBridge dashboard → API keys → create a key, then paste it here',
		},
	];

	// A key copied from a web page or a password manager can carry invisible characters at its ends: a no-break space
	// (U+00A0), a soft hyphen, a tab, another Unicode space, a BOM or a zero-width space (PASTED_KEY_PADDING). None can
	// be part of a key. n8n's HTTP client (axios) strips only spaces/tabs and characters a header cannot carry, so a
	// no-break space or soft hyphen (valid header bytes) would reach PinBridge and fail as a wrong key. n8n applies this
	// header to the credential test request too.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-API-Key':
					`={{ String($credentials.apiKey || "").replace(/^${PASTED_KEY_PADDING}+|${PASTED_KEY_PADDING}+$/g, "") }}`,
			},
		},
	};

	// n8n runs this request itself when the user clicks "Test"; it cannot go through the node's request helper,
	// so the base URL is normalised here the same way (trailing slashes and a trailing /v1 removed).
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "").replace(/\\/v1$/, "")}}',
			url: '/v1/pinterest/accounts',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'PinBridge rejected this API key. Copy a current key from the PinBridge dashboard.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No PinBridge API at this Base URL. Check the address (for example https://api.pinbridge.io).',
				},
			},
		],
	};
}
