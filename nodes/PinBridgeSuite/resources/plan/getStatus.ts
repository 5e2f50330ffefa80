import type { OperationDefinition } from '../operation';

export const getPlanStatus: OperationDefinition = {
	option: {
		name: 'Get Status',
		value: 'getStatus',
		action: 'Get the plan status',
		description:
			'The workspace’s plan, billing status and what is left this period (quota used, quota_exhausted, storage, plan features), e.g. to branch on before publishing',
		routing: { request: { method: 'GET', url: '/v1/billing/status' } },
	},
	fields: [],
};
