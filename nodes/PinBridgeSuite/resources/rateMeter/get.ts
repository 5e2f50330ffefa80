import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { accountLocator } from '../../../shared/locators';
import { idParameter } from '../../shared/validation';
import type { OperationDefinition } from '../operation';

/** `account_id` only when an account is chosen: without one PinBridge answers the workspace's reading (§9.1.4). */
async function accountFilter(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const accountId = idParameter(this, 'account', 'Pinterest Account');
	return accountId ? { ...requestOptions, qs: { ...requestOptions.qs, account_id: accountId } } : requestOptions;
}

export const getRateMeter: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get the rate meter',
		description:
			'See how many publish tokens the workspace, and optionally one account, have left: PinBridge publishes a Pin when both have one (refill_rate is tokens per second)',
		routing: {
			request: { method: 'GET', url: '/v1/rate-meter' },
		},
	},
	prepare: [accountFilter],
	fields: [
		accountLocator(
			{},
			{
				required: false,
				description: 'The Pinterest account whose allowance to read too. Empty: only the workspace’s (global) reading.',
			},
		),
	],
};
