import type { IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { requireId, textParameter } from '../../shared/validation';
import { accountLocator, boardLocator } from '../../../shared/locators';
import type { OperationDefinition } from '../operation';

export const deleteBoard: OperationDefinition = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a board',
		description: 'Delete a Pinterest board, and the Pins on it, from a connected account',
		routing: {
			request: {
				method: 'DELETE',
				url: '=/v1/pinterest/boards/{{ String($parameter.board).trim() }}',
				qs: { account_id: '={{ $parameter.account }}' },
			},
			output: {
				postReceive: [
					// PinBridge answers 204 with no body: say what was deleted so the item is useful downstream.
					async function (this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
						return [
							{
								json: {
									id: textParameter(this, 'board', 'Board'),
									account_id: textParameter(this, 'account', 'Pinterest Account'),
									deleted: true,
								},
							},
						];
					},
				],
			},
		},
	},
	prepare: [requireId('account', 'Pinterest Account'), requireId('board', 'Board')],
	fields: [
		accountLocator({}, { description: 'The Pinterest account that owns the board' }),
		boardLocator({}, { description: 'The board to delete; the list shows the boards of the account chosen above' }),
	],
};
