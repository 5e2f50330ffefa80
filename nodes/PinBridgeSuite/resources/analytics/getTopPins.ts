import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { accountLocator } from '../../../shared/locators';
import { checkOneOf, invalidField } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { endDateField, sendRangeQuery, startDateField } from './fields';
import { sendAccountFilter } from './getOverview';

const SORT_BY = ['impression', 'save', 'pin_click', 'outbound_click', 'total_comments', 'total_reactions'] as const;
/** The largest page PinBridge's own node asks for (contract §8.8; the API's own limit is not published). */
const MAX_TOP = 100;

async function sendRanking(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const sortBy = checkOneOf(this, 'Rank By', this.getNodeParameter('sortBy', 'impression'), SORT_BY);
	const limit = this.getNodeParameter('top', 10) as unknown;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_TOP) {
		throw invalidField(this, 'Number of Pins', `must be a whole number from 1 to ${MAX_TOP}, got ${String(limit)}`);
	}
	return { ...requestOptions, qs: { ...requestOptions.qs, sort_by: sortBy, limit } };
}

/** One item per ranked Pin, best first; PinBridge's `{items, total}` wrapper is dropped. */
async function onePerPin(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = (response.body ?? {}) as IDataObject;
	const pins = Array.isArray(body.items) ? (body.items as IDataObject[]) : [];
	return pins.map((pin, index) => ({ json: { rank: index + 1, ...pin } }));
}

export const getTopPins: OperationDefinition = {
	option: {
		name: 'Get Top Pins',
		value: 'getTopPins',
		action: 'Get the top Pins',
		description: 'The published Pins that did best over a range, ranked by a metric, one item per Pin',
		routing: {
			request: { method: 'GET', url: '/v1/analytics/pins' },
			output: { postReceive: [onePerPin] },
		},
	},
	prepare: [sendAccountFilter, sendRangeQuery({ metricsAndSource: false }), sendRanking],
	fields: [
		accountLocator({}, { required: false, description: 'Only Pins of this Pinterest account (optional; empty: all of them)' }),
		startDateField,
		endDateField,
		{
			displayName: 'Rank By',
			name: 'sortBy',
			type: 'options',
			default: 'impression',
			options: [
				{ name: 'Impressions', value: 'impression' },
				{ name: 'Outbound Clicks', value: 'outbound_click' },
				{ name: 'Pin Clicks', value: 'pin_click' },
				{ name: 'Saves', value: 'save' },
				{ name: 'Total Comments', value: 'total_comments' },
				{ name: 'Total Reactions', value: 'total_reactions' },
			],
		},
		{
			displayName: 'Number of Pins',
			name: 'top',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_TOP },
			default: 10,
			description: `How many Pins to return, best first (1–${MAX_TOP})`,
		},
	],
};
