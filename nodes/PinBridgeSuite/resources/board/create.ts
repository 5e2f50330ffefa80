import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { checkMaxLength, checkOneOf, checkText, invalidField, requireId } from '../../shared/validation';
import { accountLocator } from '../../../shared/locators';
import type { OperationDefinition } from '../operation';
import { explainScopeMissing, PRIVACY_VALUES, privacyOptions } from './privacy';

/** Pinterest's limit on board names (contract §6). */
export const BOARD_NAME_MAX = 180;

async function checkBoardName(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const body = requestOptions.body as IDataObject;
	const name = checkText(this, 'Name', body.name);
	if (name === '') throw invalidField(this, 'Name', 'is required');
	body.name = checkMaxLength(this, 'Name', name, BOARD_NAME_MAX);
	// Sent only when given (routing leaves it out when empty); an expression giving true or an object is refused.
	if (body.description !== undefined) body.description = checkText(this, 'Description', body.description) || undefined;
	body.privacy = checkOneOf(this, 'Privacy', body.privacy ?? 'PUBLIC', PRIVACY_VALUES);
	return requestOptions;
}

export const createBoard: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a board',
		description: 'Create a Pinterest board on a connected account',
		routing: {
			request: {
				method: 'POST',
				url: '/v1/pinterest/boards',
				body: { account_id: '={{ $parameter.account }}' },
			},
		},
	},
	prepare: [requireId('account', 'Pinterest Account'), checkBoardName],
	explain: explainScopeMissing,
	fields: [
		accountLocator({}, { description: 'The Pinterest account that will own the board' }),
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Summer Recipes',
			description: `The board's name as shown on Pinterest, 1 to ${BOARD_NAME_MAX} characters`,
			routing: { send: { type: 'body', property: 'name' } },
		},
		{
			displayName: 'Privacy',
			name: 'privacy',
			type: 'options',
			options: privacyOptions,
			default: 'PUBLIC',
			description: 'Who can see the board on Pinterest',
			routing: { send: { type: 'body', property: 'privacy' } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					typeOptions: { rows: 3 },
					default: '',
					description: 'What the board is about, shown under its name on Pinterest',
					routing: { send: { type: 'body', property: 'description', value: '={{ $value || undefined }}' } },
				},
			],
		},
	],
};
