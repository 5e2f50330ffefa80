import { requireUuid } from '../../shared/validation';
import type { OperationDefinition } from '../operation';

export const getAsset: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an asset',
		description: 'Get an uploaded image or video: its type, size and public URL',
		routing: {
			request: { method: 'GET', url: '=/v1/assets/{{ String($parameter.assetId).trim() }}' },
			send: { preSend: [requireUuid('assetId', 'Asset ID')] },
		},
	},
	fields: [
		{
			displayName: 'Asset ID',
			name: 'assetId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 7c9e6679-7425-40de-944b-e07fc1f90ae7',
			description: 'The ID of the asset (the ID in the output of Upload)',
		},
	],
};
