import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { accountLocator, boardLocator } from '../../../shared/locators';
import { resolveDateTime } from '../../shared/runAt';
import { invalidField, NUMERIC_ID_PATTERN, textParameter, UUID_PATTERN } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { returnAllAndLimit } from '../operation';

function filterTime(ctx: IExecuteSingleFunctions, field: string, raw: unknown): string {
	const result = resolveDateTime(raw, ctx.getTimezone());
	if (!result.ok) throw invalidField(ctx, field, result.rule);
	return result.value;
}

/** Filters → query string, checked first so a bad filter sends nothing. */
async function scheduleFilters(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const qs: IDataObject = { ...requestOptions.qs };
	const accountId = textParameter(this, 'account');
	if (accountId) {
		if (!UUID_PATTERN.test(accountId)) {
			throw invalidField(this, 'Pinterest Account', `must be a PinBridge ID (a UUID), got "${accountId}"`);
		}
		qs.account_id = accountId;
	}
	const boardId = textParameter(this, 'board');
	if (boardId) {
		if (!NUMERIC_ID_PATTERN.test(boardId)) {
			throw invalidField(this, 'Board', `must be a Pinterest board ID (digits only), got "${boardId}"`);
		}
		qs.board_id = boardId;
	}
	const filters = (this.getNodeParameter('filters', {}) ?? {}) as IDataObject;
	if (filters.status) qs.status = filters.status;
	if (filters.since) qs.since = filterTime(this, 'Runs After', filters.since);
	if (filters.until) qs.until = filterTime(this, 'Runs Before', filters.until);
	return { ...requestOptions, qs };
}

export const getManySchedules: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many schedules',
		description: 'List scheduled Pins, optionally filtered by account, board, status or run time',
		routing: {
			// qs.offset marks the endpoint as paginated: the helper pages with limit/offset up to Limit.
			request: { method: 'GET', url: '/v1/schedules', qs: { offset: 0 } },
			send: { preSend: [scheduleFilters] },
		},
	},
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
