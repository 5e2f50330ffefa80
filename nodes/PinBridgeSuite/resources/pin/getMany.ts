import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { accountLocator, boardLocator } from '../../../shared/locators';
import { formatWithOffset, isKnownTimeZone, wallClockToInstant } from '../../shared/runAt';
import { invalidField, NUMERIC_ID_PATTERN, textParameter, UUID_PATTERN } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { returnAllAndLimit } from '../operation';

const WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A since/until filter as ISO 8601 with an offset; a value without one is read in the workflow's time zone. */
function filterTime(ctx: IExecuteSingleFunctions, field: string, raw: unknown): string {
	const candidate = raw as { toISO?: () => string } | Date | string;
	let text = '';
	if (candidate instanceof Date) text = candidate.toISOString();
	else if (candidate && typeof candidate === 'object' && typeof candidate.toISO === 'function') text = candidate.toISO();
	else text = String(raw ?? '').trim();
	if (WITH_OFFSET.test(text) && !Number.isNaN(Date.parse(text))) return text;
	const wall = WALL_CLOCK.exec(text);
	const timeZone = ctx.getTimezone();
	if (!wall || !isKnownTimeZone(timeZone)) {
		throw invalidField(ctx, field, `must be a date and time such as 2026-12-01T09:00:00, got "${text}"`);
	}
	const [, y, mo, d, h = '0', mi = '0', s = '0'] = wall;
	return formatWithOffset(wallClockToInstant(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s), timeZone), timeZone);
}

/** Filters → query string, checked first so a bad filter sends nothing. */
async function pinFilters(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const qs: IDataObject = { ...requestOptions.qs };
	const accountId = textParameter(this, 'account');
	if (accountId) {
		if (!UUID_PATTERN.test(accountId)) throw invalidField(this, 'Pinterest Account', `must be a UUID, got "${accountId}"`);
		qs.account_id = accountId;
	}
	const boardId = textParameter(this, 'board');
	if (boardId) {
		if (!NUMERIC_ID_PATTERN.test(boardId)) throw invalidField(this, 'Board', `must be digits only, got "${boardId}"`);
		qs.board_id = boardId;
	}
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	if (filters.status) qs.status = filters.status;
	if (filters.since) qs.since = filterTime(this, 'Created After', filters.since);
	if (filters.until) qs.until = filterTime(this, 'Created Before', filters.until);
	const search = String(filters.search ?? '').trim();
	if (search) qs.q = search;
	if (filters.sort) qs.sort = filters.sort;
	return { ...requestOptions, qs };
}

export const getManyPins: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many pins',
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
