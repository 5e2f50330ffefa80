import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { accountLocator, boardLocator } from '../../../shared/locators';
import { accountAndBoardQuery, filterTime } from '../../shared/listFilters';
import { checkOneOf, checkText } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { returnAllAndLimit } from '../operation';

/** Filters → query string, checked first so a bad filter sends nothing. */
async function scheduleFilters(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const qs: IDataObject = { ...requestOptions.qs, ...accountAndBoardQuery(this) };
	const filters = (this.getNodeParameter('filters', {}) ?? {}) as IDataObject;
	if (filters.status) qs.status = filters.status;
	if (filters.since) qs.since = filterTime(this, 'Runs After', filters.since);
	if (filters.until) qs.until = filterTime(this, 'Runs Before', filters.until);
	const search = checkText(this, 'Search', filters.search);
	if (search) qs.q = search;
	if (filters.sort) qs.sort = checkOneOf(this, 'Sort', filters.sort, SCHEDULE_SORTS.map((option) => option.value));
	return { ...requestOptions, qs };
}

/** GET /v1/schedules `sort` values (API 1.34+); without Sort PinBridge lists the latest run time first. */
const SCHEDULE_SORTS = [
	{ name: 'Next Run First', value: 'run_at_asc' },
	{ name: 'Latest Run First', value: 'run_at_desc' },
	{ name: 'Newest First', value: 'created_at_desc' },
	{ name: 'Oldest First', value: 'created_at_asc' },
	{ name: 'Title A→Z', value: 'title_asc' },
	{ name: 'Title Z→A', value: 'title_desc' },
	{ name: 'Status A→Z', value: 'status_asc' },
	{ name: 'Status Z→A', value: 'status_desc' },
];

export const getManySchedules: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many schedules',
		description: 'List scheduled Pins, optionally filtered by account, board, status or run time',
		routing: {
			// qs.offset marks the endpoint as paginated: the helper pages with limit/offset up to Limit.
			request: { method: 'GET', url: '/v1/schedules', qs: { offset: 0 } },
		},
	},
	prepare: [scheduleFilters],
	fields: [
		...returnAllAndLimit(),
		accountLocator({}, { required: false, description: 'Only schedules of this Pinterest account (optional)' }),
		boardLocator({}, { required: false, description: 'Only schedules for this board (optional)' }),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Runs After',
					name: 'since',
					type: 'dateTime',
					default: '',
					description:
						'Only schedules set to run at or after this time (without an offset: the workflow’s time zone)',
				},
				{
					displayName: 'Runs Before',
					name: 'until',
					type: 'dateTime',
					default: '',
					description:
						'Only schedules set to run at or before this time (without an offset: the workflow’s time zone)',
				},
				{
					displayName: 'Search',
					name: 'search',
					type: 'string',
					default: '',
					description: 'Only schedules whose Pin title, description or link contains this text (not case-sensitive)',
				},
				{
					displayName: 'Sort',
					name: 'sort',
					type: 'options',
					default: 'run_at_asc',
					options: SCHEDULE_SORTS,
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					default: 'scheduled',
					options: [
						{ name: 'Canceled', value: 'canceled' },
						{ name: 'Deferred', value: 'deferred', description: 'Due, waiting for Pinterest rate limits' },
						{ name: 'Done', value: 'done', description: 'Ran and created its Pin (see pin_id)' },
						{ name: 'Failed', value: 'failed' },
						{ name: 'Queued', value: 'queued', description: 'Due, about to run' },
						{ name: 'Running', value: 'running' },
						{ name: 'Scheduled', value: 'scheduled', description: 'Waiting for its run time' },
					],
				},
			],
		},
	],
};
