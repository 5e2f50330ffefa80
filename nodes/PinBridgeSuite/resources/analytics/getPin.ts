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
			output: { postReceive: [shapeAnalyticsOutput] },
		},
	},
	prepare: [requirePinId, sendRangeQuery({ metricsAndSource: true })],
	fields: [pinIdField, startDateField, endDateField, metricsField, sourceField, outputField],
};
