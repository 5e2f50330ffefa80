import { noContentAnswer } from '../../shared/noContentAnswer';
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
			output: { postReceive: [noContentAnswer('deleted', { id: ['pinId', 'Pin ID'] })] },
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
