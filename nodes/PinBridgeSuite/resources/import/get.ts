import { requireId } from '../../shared/validation';
import type { OperationDefinition } from '../operation';

export const getImport: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an import job',
		description: 'Get an import job with its progress and the outcome of each row',
		routing: {
			request: { method: 'GET', url: '=/v1/pins/imports/{{ String($parameter.importId).trim() }}' },
		},
	},
	prepare: [requireId('importId', 'Import ID')],
	fields: [
		{
			displayName: 'Import ID',
			name: 'importId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 7c9e6679-7425-40de-944b-e07fc1f90ae7',
			description: 'The ID of the import job, as returned by Import From JSON or From CSV',
		},
	],
};
