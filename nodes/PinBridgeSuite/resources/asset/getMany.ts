import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { filterTime } from '../../shared/listFilters';
import { checkOneOf, checkText } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { returnAllAndLimit } from '../operation';

/** GET /v1/assets `sort` values (API 1.34+). */
const ASSET_SORTS = [
	{ name: 'Newest First', value: 'created_at_desc' },
	{ name: 'Oldest First', value: 'created_at_asc' },
	{ name: 'Name A→Z', value: 'name_asc' },
	{ name: 'Name Z→A', value: 'name_desc' },
	{ name: 'Largest First', value: 'size_desc' },
	{ name: 'Smallest First', value: 'size_asc' },
];
const IN_USE = { inUse: 'true', notInUse: 'false' } as const;

/** Filters → query string, checked first so a bad filter sends nothing. */
async function assetFilters(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const filters = (this.getNodeParameter('filters', {}) ?? {}) as IDataObject;
	const qs: IDataObject = { ...requestOptions.qs };
	if (filters.assetType) qs.asset_type = checkOneOf(this, 'Type', filters.assetType, ['image', 'video']);
	if (filters.inUse && filters.inUse !== 'any') qs.in_use = IN_USE[checkOneOf(this, 'Use', filters.inUse, ['inUse', 'notInUse'] as const)];
	const search = checkText(this, 'File Name Contains', filters.search);
	if (search) qs.q = search;
	if (filters.since) qs.since = filterTime(this, 'Uploaded After', filters.since);
	if (filters.until) qs.until = filterTime(this, 'Uploaded Before', filters.until);
	if (filters.sort) qs.sort = checkOneOf(this, 'Sort', filters.sort, ASSET_SORTS.map((option) => option.value));
	return { ...requestOptions, qs };
}

export const getManyAssets: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many assets',
		description: 'List uploaded images and videos, newest first, filtered by type, use, file name or upload time',
		routing: {
			// qs.offset marks the endpoint as paginated. GET /v1/assets answers an object `{assets, total, storage_*}`,
			// not a bare array (contract §8.14 item 1): the list reader takes either shape. One output item per asset.
			request: { method: 'GET', url: '/v1/assets', qs: { offset: 0 } },
		},
	},
	prepare: [assetFilters],
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
					displayName: 'File Name Contains',
					name: 'search',
					type: 'string',
					default: '',
					description: 'Only assets whose original file name contains this text',
				},
				{ displayName: 'Sort', name: 'sort', type: 'options', default: 'created_at_desc', options: ASSET_SORTS },
				{
					displayName: 'Type',
					name: 'assetType',
					type: 'options',
					default: 'image',
					options: [
						{ name: 'Image', value: 'image' },
						{ name: 'Video', value: 'video' },
					],
				},
				{
					displayName: 'Uploaded After',
					name: 'since',
					type: 'dateTime',
					default: '',
					description: 'Without an offset: the workflow’s time zone',
				},
				{
					displayName: 'Uploaded Before',
					name: 'until',
					type: 'dateTime',
					default: '',
					description: 'Without an offset: the workflow’s time zone',
				},
				{
					displayName: 'Use',
					name: 'inUse',
					type: 'options',
					default: 'notInUse',
					description: 'In use: a Pin or a schedule that has not run uses the asset',
					options: [
						{ name: 'Any', value: 'any' },
						{ name: 'In Use', value: 'inUse' },
						{ name: 'Not in Use', value: 'notInUse' },
					],
				},
			],
		},
	],
};
