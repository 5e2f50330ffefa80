import type { OperationDefinition } from '../operation';
import { requireWebhookId, WEBHOOK_URL_PATH, webhookIdField } from './fields';

export const getWebhook: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a webhook',
		description: 'Get one webhook: its URL, events and whether it is enabled (never its secret)',
		routing: {
			request: { method: 'GET', url: WEBHOOK_URL_PATH },
		},
	},
	prepare: [requireWebhookId],
	fields: [webhookIdField('The ID of the webhook to get, e.g. {{ $json.id }} from a previous node')],
};
