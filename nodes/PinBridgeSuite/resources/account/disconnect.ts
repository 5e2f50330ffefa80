import { noContentAnswer } from '../../shared/noContentAnswer';
import { requireId } from '../../shared/validation';
import { accountLocator } from '../../../shared/locators';
import type { OperationDefinition } from '../operation';

export const disconnectAccount: OperationDefinition = {
	option: {
		name: 'Disconnect',
		value: 'disconnect',
		action: 'Disconnect a Pinterest account',
		description: 'Revoke PinBridge’s access to a Pinterest account',
		routing: {
			request: { method: 'DELETE', url: '=/v1/pinterest/accounts/{{ $parameter.account }}' },
			output: { postReceive: [noContentAnswer('disconnected', { id: ['account', 'Pinterest Account'] })] },
		},
	},
	prepare: [requireId('account', 'Pinterest Account')],
	fields: [accountLocator({})],
};
