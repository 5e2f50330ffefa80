import type { OperationDefinition } from '../operation';
import { pinIdField, requirePinId } from './pinId';

export const getPin: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a Pin',
		description: 'Get a Pin with its current status and, once published, its Pinterest Pin ID',
		routing: {
			request: { method: 'GET', url: '=/v1/pins/{{ String($parameter.pinId).trim() }}' },
		},
	},
	prepare: [requirePinId],
	fields: [pinIdField],
};
