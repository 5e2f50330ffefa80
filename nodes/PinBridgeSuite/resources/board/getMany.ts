import { requireId } from '../../shared/validation';
import { accountLocator } from '../../../shared/locators';
import type { OperationDefinition } from '../operation';
import { returnAllAndLimit } from '../operation';

export const getManyBoards: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many boards',
		description: 'List the Pinterest boards of a connected account',
		routing: {
			// Not paginated: PinBridge returns every board of the account at once (contract §3).
			request: {
				method: 'GET',
				url: '/v1/pinterest/boards',
				qs: { account_id: '={{ $parameter.account }}' },
			},
		},
	},
	prepare: [requireId('account', 'Pinterest Account')],
	fields: [accountLocator({}, { description: 'The Pinterest account whose boards to list' }), ...returnAllAndLimit()],
};
