import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { accountLocator, boardLocator } from '../../../shared/locators';
import { accountAndBoardQuery, filterTime } from '../../shared/listFilters';
import { checkOneOf, checkText } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { returnAllAndLimit } from '../operation';

/** GET /v1/pins `sort` values (API 1.34+); the `published_at` sorts put unpublished Pins last. */
const PIN_SORTS = [
	{ name: 'Newest First', value: 'created_at_desc' },
	{ name: 'Oldest First', value: 'created_at_asc' },
	{ name: 'Recently Published First', value: 'published_at_desc', description: 'Unpublished Pins come last' },
	{ name: 'Earliest Published First', value: 'published_at_asc', description: 'Unpublished Pins come last' },
	{ name: 'Title A→Z', value: 'title_asc' },
	{ name: 'Title Z→A', value: 'title_desc' },
	{ name: 'Status A→Z', value: 'status_asc' },
	{ name: 'Status Z→A', value: 'status_desc' },
];
/** Values saved by earlier versions of this node, which PinBridge no longer accepts. */
const OLD_SORTS: Record<string, string> = { '-created_at': 'created_at_desc', created_at: 'created_at_asc' };
const REMOVED = { onlyRemoved: 'true', notRemoved: 'false' } as const;

/** Filters → query string, checked first so a bad filter sends nothing. */
async function pinFilters(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const qs: IDataObject = { ...requestOptions.qs, ...accountAndBoardQuery(this) };
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	if (filters.status) qs.status = filters.status;
	if (filters.since) qs.since = filterTime(this, 'Created After', filters.since);
	if (filters.until) qs.until = filterTime(this, 'Created Before', filters.until);
	const search = checkText(this, 'Search', filters.search);
	if (search) qs.q = search;
	const errorCode = checkText(this, 'Error Code', filters.errorCode);
	if (errorCode) qs.error_code = errorCode;
	if (filters.removed !== undefined && filters.removed !== 'any') {
		const removed = checkOneOf(this, 'Removed on Pinterest', filters.removed, ['onlyRemoved', 'notRemoved'] as const);
		qs.removed = REMOVED[removed];
	}
	if (filters.sort) {
		const sort = OLD_SORTS[String(filters.sort)] ?? filters.sort;
		qs.sort = checkOneOf(this, 'Sort', sort, PIN_SORTS.map((option) => option.value));
	}
	return { ...requestOptions, qs };
}

export const getManyPins: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many Pins',
		description:
			'List Pins, newest first, optionally filtered by account, board, status, error code, removal on Pinterest, date or text',
		routing: {
			// qs.offset marks the endpoint as paginated: the helper pages with limit/offset up to Limit.
			request: { method: 'GET', url: '/v1/pins', qs: { offset: 0 } },
		},
	},
	prepare: [pinFilters],
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
					description: 'Only Pins created before this time (without an offset: the workflow’s time zone)',
				},
				{
					displayName: 'Error Code',
					name: 'errorCode',
					type: 'string',
					default: '',
					placeholder: 'e.g. media_unreachable',
					description: 'Only failed Pins with this PinBridge error code',
				},
				{
					displayName: 'Removed on Pinterest',
					name: 'removed',
					type: 'options',
					default: 'onlyRemoved',
					description: 'Published Pins that were later deleted on Pinterest keep the status published',
					options: [
						{ name: 'Any', value: 'any' },
						{ name: 'Only Removed', value: 'onlyRemoved', description: 'Only Pins deleted on Pinterest' },
						{ name: 'Not Removed', value: 'notRemoved', description: 'Leave out Pins deleted on Pinterest' },
					],
				},
				{
					displayName: 'Search',
					name: 'search',
					type: 'string',
					default: '',
					description: 'Only Pins whose title, description or link contains this text (not case-sensitive)',
				},
				{
					displayName: 'Sort',
					name: 'sort',
					type: 'options',
					default: 'created_at_desc',
					options: PIN_SORTS,
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
