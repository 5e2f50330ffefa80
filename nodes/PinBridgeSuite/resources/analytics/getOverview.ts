import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { accountLocator } from '../../../shared/locators';
import { accountQuery } from '../../shared/listFilters';
import type { OperationDefinition } from '../operation';
import { endDateField, outputField, sendRangeQuery, shapeAnalyticsOutput, startDateField } from './fields';

/** The optional account filter, checked first. */
export async function sendAccountFilter(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const qs: IDataObject = { ...requestOptions.qs, ...accountQuery(this) };
	return { ...requestOptions, qs };
}

export const getAnalyticsOverview: OperationDefinition = {
	option: {
		name: 'Get Overview',
		value: 'getOverview',
		action: 'Get an analytics overview',
		description:
			'Totals of all connected Pinterest accounts (or one) over a range, beside the same figures for the period just before',
		routing: {
			request: { method: 'GET', url: '/v1/analytics/overview' },
			output: { postReceive: [shapeAnalyticsOutput] },
		},
	},
	prepare: [sendAccountFilter, sendRangeQuery({ metricsAndSource: false })],
	fields: [
		accountLocator({}, { required: false, description: 'Only this Pinterest account (optional; empty: all of them)' }),
		startDateField,
		endDateField,
		outputField,
	],
};
