import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { textParameter } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { pinIdField, requirePinId } from './pinId';

export const deletePin: OperationDefinition = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a Pin',
		description: 'Delete a Pin from PinBridge and, optionally, from Pinterest',
		routing: {
			request: { method: 'DELETE', url: '=/v1/pins/{{ String($parameter.pinId).trim() }}' },
			output: {
				postReceive: [
					// 204 has no body: say what happened. With delete_from_pinterest PinBridge reports it (200).
					async function (
						this: IExecuteSingleFunctions,
						items: INodeExecutionData[],
						response: IN8nHttpFullResponse,
					): Promise<INodeExecutionData[]> {
						const body = response.body as IDataObject | undefined;
						if (body && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length) return items;
						return [{ json: { id: textParameter(this, 'pinId', 'Pin ID'), deleted: true } }];
					},
				],
			},
		},
	},
	prepare: [requirePinId],
	fields: [
		pinIdField,
		{
			displayName: 'Also Delete From Pinterest',
			name: 'deleteFromPinterest',
			type: 'boolean',
			default: false,
			description:
				'Whether to also remove the published Pin from Pinterest. Off: only PinBridge’s record is deleted and the Pin stays on Pinterest.',
			routing: {
				send: { type: 'query', property: 'delete_from_pinterest', value: '={{ $value ? true : undefined }}' },
			},
		},
	],
};
