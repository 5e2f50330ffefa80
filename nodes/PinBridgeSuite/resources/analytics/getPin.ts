import { pinIdField, requirePinId } from '../pin/pinId';
import type { OperationDefinition } from '../operation';
import {
	endDateField,
	metricsField,
	outputField,
	sendRangeQuery,
	shapeAnalyticsOutput,
	sourceField,
	startDateField,
} from './fields';

export const getPinAnalytics: OperationDefinition = {
	option: {
		name: 'Get Pin Analytics',
		value: 'getPin',
		action: 'Get analytics of a Pin',
		description:
			'Impressions, saves, clicks and more of one published Pin, as totals or per day (a Pin not yet published fails with pin_not_published)',
		routing: {
			request: { method: 'GET', url: '=/v1/pins/{{ String($parameter.pinId).trim() }}/analytics' },
			send: { preSend: [requirePinId, sendRangeQuery({ metricsAndSource: true })] },
			output: { postReceive: [shapeAnalyticsOutput] },
		},
	},
	fields: [pinIdField, startDateField, endDateField, metricsField, sourceField, outputField],
};
