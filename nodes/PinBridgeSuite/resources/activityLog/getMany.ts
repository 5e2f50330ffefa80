import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { filterTime } from '../../shared/listFilters';
import { checkText } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { returnAllAndLimit } from '../operation';

/** Filters → query string, checked first so a bad filter sends nothing. */
async function activityFilters(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const qs: IDataObject = { ...requestOptions.qs };
	const filters = (this.getNodeParameter('filters', {}) ?? {}) as IDataObject;
	if (filters.category) qs.category = filters.category;
	if (filters.status) qs.status = filters.status;
	const action = checkText(this, 'Action', filters.action);
	if (action) qs.action = action;
	const resourceType = checkText(this, 'Resource Type', filters.resourceType);
	if (resourceType) qs.resource_type = resourceType;
	if (filters.since) qs.since = filterTime(this, 'Since', filters.since);
	return { ...requestOptions, qs };
}

export const getManyActivityLogEntries: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many activity log entries',
		description:
			'What happened in PinBridge, newest first — Pins published or failed, schedules, webhooks, keys — optionally filtered',
		routing: {
			// An empty qs.cursor marks the endpoint as paged by cursor: the helper follows next_cursor up to Limit.
			request: { method: 'GET', url: '/v1/activity-logs', qs: { cursor: '' } },
		},
	},
	prepare: [activityFilters],
	fields: [
		...returnAllAndLimit(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Action',
					name: 'action',
					type: 'string',
					default: '',
					placeholder: 'e.g. pin.publish_failed',
					description: 'Only entries of this action, e.g. pin.published, pin.publish_failed, schedule.created',
				},
				{
					displayName: 'Category',
					name: 'category',
					type: 'options',
					default: 'publishing',
					options: [
						{ name: 'Billing', value: 'billing' },
						{ name: 'Configuration', value: 'configuration' },
						{ name: 'Integration', value: 'integration' },
						{ name: 'Publishing', value: 'publishing' },
						{ name: 'Security', value: 'security' },
					],
				},
				{
					displayName: 'Resource Type',
					name: 'resourceType',
					type: 'string',
					default: '',
					placeholder: 'e.g. pin',
					description: 'Only entries about this kind of resource, e.g. pin, schedule, webhook',
				},
				{
					displayName: 'Since',
					name: 'since',
					type: 'dateTime',
					default: '',
					description: 'Only entries at or after this time (without an offset: the workflow’s time zone)',
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					default: 'failed',
					options: [
						{ name: 'Canceled', value: 'canceled' },
						{ name: 'Failed', value: 'failed' },
						{ name: 'Queued', value: 'queued' },
						{ name: 'Success', value: 'success' },
					],
				},
			],
		},
	],
};
