import { accountLocator } from '../../../shared/locators';
import { requireId } from '../../shared/validation';
import type { OperationDefinition } from '../operation';

export const collectAccountAnalytics: OperationDefinition = {
	option: {
		name: 'Collect Account Analytics',
		value: 'collect',
		action: 'Collect analytics of a Pinterest account now',
		description:
			'Ask PinBridge to fetch the account’s analytics from Pinterest now instead of waiting for the nightly run; at most once per account every 15 minutes',
		routing: {
			request: {
				method: 'POST',
				url: '=/v1/analytics/accounts/{{ String($parameter.account).trim() }}/collect',
			},
		},
	},
	prepare: [requireId('account', 'Pinterest Account')],
	fields: [accountLocator({}, { description: 'The Pinterest account whose analytics to collect' })],
};
