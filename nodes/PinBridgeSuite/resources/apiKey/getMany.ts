import type { OperationDefinition } from '../operation';
import { returnAllAndLimit } from '../operation';

export const getManyApiKeys: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many API keys',
		description: 'List the workspace’s API keys: names, scopes and account limits, never the keys themselves',
		// Not paginated: PinBridge returns every key at once (contract §3).
		routing: { request: { method: 'GET', url: '/v1/api-keys' } },
	},
	fields: returnAllAndLimit(),
};
