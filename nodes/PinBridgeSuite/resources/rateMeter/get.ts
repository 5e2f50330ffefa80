import { requireUuid } from '../../shared/validation';
import { accountLocator } from '../../../shared/locators';
import type { OperationDefinition } from '../operation';

export const getRateMeter: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get the rate meter of an account',
		description:
			'See how many publish tokens an account and the whole workspace have left: PinBridge publishes a Pin when both have one (refill_rate is tokens per second)',
		routing: {
			request: { method: 'GET', url: '/v1/rate-meter', qs: { account_id: '={{ $parameter.account }}' } },
			send: { preSend: [requireUuid('account', 'Pinterest Account')] },
		},
	},
	fields: [accountLocator({}, { description: 'The Pinterest account whose publishing allowance to read' })],
};
