import type { IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { withHealth } from '../../../shared/accountHealth';
import type { OperationDefinition } from '../operation';
import { returnAllAndLimit } from '../operation';

export const getManyAccounts: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many connected Pinterest accounts',
		description:
			'List the Pinterest accounts connected to PinBridge with their health: health_status, reconnect_required, missing_scopes, token_expires_at, and `health` in words',
		routing: {
			request: { method: 'GET', url: '/v1/pinterest/accounts' },
			output: {
				postReceive: [
					async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
						return items.map((item) => ({ ...item, json: withHealth(item.json) }));
					},
				],
			},
		},
	},
	fields: returnAllAndLimit(),
};
