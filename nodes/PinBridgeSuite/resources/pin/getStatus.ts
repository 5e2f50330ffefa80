import type { OperationDefinition } from '../operation';
import { pinIdField, requirePinId } from './pinId';

export const getPinStatus: OperationDefinition = {
	option: {
		name: 'Get Status',
		value: 'getStatus',
		action: 'Get the publishing status of a Pin',
		description:
			'Get the publishing job of a Pin: queued, deferred (waiting for Pinterest rate limits), publishing, published or failed, with the error when it failed',
		routing: {
			request: { method: 'GET', url: '=/v1/jobs/{{ String($parameter.pinId).trim() }}' },
		},
	},
	prepare: [requirePinId],
	fields: [pinIdField],
};
