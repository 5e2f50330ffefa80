import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { checkId, checkOneOf, invalidField, stringListParameter, textParameter } from '../../shared/validation';
import type { OperationDefinition } from '../operation';

const API_KEY_SCOPES = ['read', 'write', 'destructive'] as const;

async function buildApiKeyBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const name = textParameter(this, 'name', 'Name');
	if (name === '') throw invalidField(this, 'Name', 'is required');
	const body: IDataObject = { name };

	const scopes = stringListParameter(this, 'additionalFields.scopes', 'Scopes');
	for (const scope of scopes) checkOneOf(this, 'Scopes', scope, API_KEY_SCOPES);
	if (scopes.length) body.scopes = [...new Set(scopes)];

	// One ID per value, or several separated by commas: both are common when pasting.
	const accountIds = stringListParameter(this, 'additionalFields.pinterestAccountIds', 'Pinterest Account IDs')
		.flatMap((value) => value.split(','))
		.map((value) => value.trim())
		.filter((value) => value !== '');
	for (const id of accountIds) checkId(this, 'Pinterest Account IDs', id);
	if (accountIds.length) body.pinterest_account_ids = [...new Set(accountIds)];

	requestOptions.body = body;
	return requestOptions;
}

export const createApiKey: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an API key',
		description:
			'Create a PinBridge API key. The key itself is in the output (api_key) this once only: PinBridge never shows it again, so store it right away.',
		routing: {
			request: { method: 'POST', url: '/v1/api-keys' },
		},
	},
	prepare: [buildApiKeyBody],
	fields: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Reporting dashboard',
			description: 'A label to recognise the key by in lists; it is not secret',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Pinterest Account IDs',
					name: 'pinterestAccountIds',
					type: 'string',
					typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Account ID' },
					default: [],
					placeholder: 'e.g. 3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b',
					description:
						'Limit the key to these connected Pinterest accounts (PinBridge account IDs, from Pinterest Account → Get Many). Leave out to allow every account.',
				},
				{
					displayName: 'Scopes',
					name: 'scopes',
					type: 'multiOptions',
					options: [
						{ name: 'Destructive', value: 'destructive', description: 'Delete Pins, boards, webhooks and keys; disconnect accounts' },
						{ name: 'Read', value: 'read', description: 'Read Pins, schedules, boards, accounts and more' },
						{ name: 'Write', value: 'write', description: 'Publish and schedule Pins, create boards, webhooks and keys' },
					],
					default: [],
					description:
						'What the key may do. Leave empty for PinBridge’s default. A key cannot get scopes the credential used here lacks.',
				},
			],
		},
	],
};
