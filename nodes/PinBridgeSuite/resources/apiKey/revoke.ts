import { noContentAnswer } from '../../shared/noContentAnswer';
import { requireId } from '../../shared/validation';
import type { OperationDefinition } from '../operation';

export const revokeApiKey: OperationDefinition = {
	option: {
		name: 'Revoke',
		value: 'revoke',
		action: 'Revoke an API key',
		description: 'Delete an API key; anything still using it is refused from then on',
		routing: {
			request: { method: 'DELETE', url: '=/v1/api-keys/{{ String($parameter.keyId).trim() }}' },
			output: { postReceive: [noContentAnswer('revoked', { id: ['keyId', 'API Key ID'] })] },
		},
	},
	prepare: [requireId('keyId', 'API Key ID')],
	fields: [
		{
			displayName: 'API Key ID',
			name: 'keyId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 9b2d4f6a-1c3e-4a5b-8d7f-0e1a2b3c4d5e',
			description:
				'The ID of the key to revoke (its ID field in the output of API Key → Get Many or Create), not the key itself',
		},
	],
};
