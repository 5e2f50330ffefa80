import { noContentAnswer } from '../../shared/noContentAnswer';
import { requireId } from '../../shared/validation';
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
			output: { postReceive: [noContentAnswer('deleted', { id: ['board', 'Board'], account_id: ['account', 'Pinterest Account'] })] },
		},
	},
	prepare: [requireId('account', 'Pinterest Account'), requireId('board', 'Board')],
	fields: [
		accountLocator({}, { description: 'The Pinterest account that owns the board' }),
		boardLocator({}, { description: 'The board to delete; the list shows the boards of the account chosen above' }),
	],
};
