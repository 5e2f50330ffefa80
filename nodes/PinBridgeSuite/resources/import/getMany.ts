import type { OperationDefinition } from '../operation';
import { returnAllAndLimit } from '../operation';

export const getManyImports: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many import jobs',
		description: 'List import jobs, newest first, with their progress',
		// `offset` marks the endpoint as paginated for the request helper (see shared/routedItem.ts).
		routing: { request: { method: 'GET', url: '/v1/pins/imports', qs: { offset: 0 } } },
	},
	fields: returnAllAndLimit(),
};
