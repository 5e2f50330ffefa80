import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { accountLocator, boardLocator } from '../../../shared/locators';
import { accountAndBoardQuery, filterTime } from '../../shared/listFilters';
import { checkText } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { returnAllAndLimit } from '../operation';

/** Filters → query string, checked first so a bad filter sends nothing. */
async function pinFilters(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const qs: IDataObject = { ...requestOptions.qs, ...accountAndBoardQuery(this) };
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	if (filters.status) qs.status = filters.status;
	if (filters.since) qs.since = filterTime(this, 'Created After', filters.since);
	if (filters.until) qs.until = filterTime(this, 'Created Before', filters.until);
	const search = checkText(this, 'Search', filters.search);
	if (search) qs.q = search;
	if (filters.sort) qs.sort = filters.sort;
	return { ...requestOptions, qs };
}

export const getManyPins: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many Pins',
		description: 'List Pins, newest first, optionally filtered by account, board, status, date or text',
		routing: {
			// qs.offset marks the endpoint as paginated: the helper pages with limit/offset up to Limit.
			request: { method: 'GET', url: '/v1/pins', qs: { offset: 0 } },
			send: { preSend: [pinFilters] },
		},
	},
	fields: [
		...returnAllAndLimit(),
		accountLocator({}, { required: false, description: 'Only Pins of this Pinterest account (optional)' }),
		boardLocator({}, { required: false, description: 'Only Pins on this board (optional)' }),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Created After',
					name: 'since',
					type: 'dateTime',
					default: '',
					description: 'Only Pins created at or after this time (without an offset: the workflow’s time zone)',
				},
				{
					displayName: 'Created Before',
					name: 'until',
					type: 'dateTime',
					default: '',
					description: 'Only Pins created at or before this time (without an offset: the workflow’s time zone)',
				},
				{
					displayName: 'Search',
					name: 'search',
					type: 'string',
					default: '',
					description: 'Only Pins whose title or description contains this text',
				},
				{
					displayName: 'Sort',
					name: 'sort',
					type: 'options',
					default: '-created_at',
					options: [
						{ name: 'Newest First', value: '-created_at' },
						{ name: 'Oldest First', value: 'created_at' },
					],
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					default: 'failed',
					options: [
						{ name: 'Deferred', value: 'deferred', description: 'Waiting for Pinterest rate limits' },
						{ name: 'Failed', value: 'failed' },
						{ name: 'Published', value: 'published' },
						{ name: 'Publishing', value: 'publishing' },
						{ name: 'Queued', value: 'queued' },
					],
				},
			],
		},
	],
};
