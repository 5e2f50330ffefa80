import type { OperationDefinition } from '../operation';
import { returnAllAndLimit } from '../operation';

export const getManyAccounts: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many connected Pinterest accounts',
		description:
			'List the Pinterest accounts connected to PinBridge, with their health (reconnect_required when Pinterest access must be renewed)',
		routing: { request: { method: 'GET', url: '/v1/pinterest/accounts' } },
	},
	fields: returnAllAndLimit(),
};
