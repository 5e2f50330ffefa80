import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { accountLocator, boardLocator } from '../../../shared/locators';
import { checkMaxLength, checkOneOf, checkText, invalidField, requireId } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { BOARD_NAME_MAX } from './create';
import { explainScopeMissing, PRIVACY_VALUES, privacyOptions } from './privacy';

/** account_id plus at least one of name, description, privacy (contract §8.6); only the fields set are sent. */
async function prepareBoardUpdate(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const fields = (this.getNodeParameter('updateFields', {}) ?? {}) as IDataObject;
	const body: IDataObject = { ...(requestOptions.body as IDataObject) };
	if ('name' in fields) {
		const name = checkText(this, 'Name', fields.name);
		if (name === '') throw invalidField(this, 'Name', 'is empty: a board needs a name');
		body.name = checkMaxLength(this, 'Name', name, BOARD_NAME_MAX);
	}
	if ('description' in fields) body.description = checkText(this, 'Description', fields.description);
	if ('privacy' in fields) body.privacy = checkOneOf(this, 'Privacy', fields.privacy, PRIVACY_VALUES);
	if (Object.keys(body).length === 1) throw invalidField(this, 'Update Fields', 'choose at least one of Name, Description, Privacy');
	return { ...requestOptions, body };
}

export const updateBoard: OperationDefinition = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a board',
		description: 'Rename a Pinterest board, change its description or privacy; the Pins on it are not touched',
		routing: {
			request: {
				method: 'PATCH',
				url: '=/v1/pinterest/boards/{{ String($parameter.board).trim() }}',
				body: { account_id: '={{ $parameter.account }}' },
			},
		},
	},
	prepare: [requireId('account', 'Pinterest Account'), requireId('board', 'Board'), prepareBoardUpdate],
	explain: explainScopeMissing,
	fields: [
		accountLocator({}, { description: 'The Pinterest account that owns the board' }),
		boardLocator({}, { description: 'The board to change; the list shows the boards of the account chosen above' }),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
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
					description: 'What the board is about (empty: no description)',
				},
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					description: `1 to ${BOARD_NAME_MAX} characters`,
				},
				{ displayName: 'Privacy', name: 'privacy', type: 'options', default: 'PUBLIC', options: privacyOptions },
			],
		},
	],
};
