import type { OperationDefinition } from '../operation';
import { returnAllAndLimit } from '../operation';

export const getManyWebhooks: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many webhooks',
		description: 'List the webhooks of the workspace, without their secrets',
		// Not paginated: PinBridge returns every webhook at once (contract §3).
		routing: { request: { method: 'GET', url: '/v1/webhooks' } },
	},
	fields: returnAllAndLimit(),
};
