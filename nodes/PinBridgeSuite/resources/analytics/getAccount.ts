import { accountLocator } from '../../../shared/locators';
import { requireId } from '../../shared/validation';
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

export const getAccountAnalytics: OperationDefinition = {
	option: {
		name: 'Get Account Analytics',
		value: 'getAccount',
		action: 'Get analytics of a Pinterest account',
		description:
			'Impressions, saves, clicks and more of a whole Pinterest account (Pins made elsewhere included), as totals or per day',
		routing: {
			request: { method: 'GET', url: '=/v1/pinterest/accounts/{{ String($parameter.account).trim() }}/analytics' },
			output: { postReceive: [shapeAnalyticsOutput] },
		},
	},
	prepare: [requireId('account', 'Pinterest Account'), sendRangeQuery({ metricsAndSource: true })],
	fields: [
		accountLocator({}, { description: 'The Pinterest account to report on' }),
		startDateField,
		endDateField,
		metricsField,
		sourceField,
		outputField,
	],
};
