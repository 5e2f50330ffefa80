import { noContentAnswer } from '../../shared/noContentAnswer';
import type { OperationDefinition } from '../operation';
import { requireWebhookId, WEBHOOK_URL_PATH, webhookIdField } from './fields';

export const deleteWebhook: OperationDefinition = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a webhook',
		description: 'Stop PinBridge sending events to a webhook and remove it',
		routing: {
			request: { method: 'DELETE', url: WEBHOOK_URL_PATH },
			output: { postReceive: [noContentAnswer('deleted', { id: ['webhookId', 'Webhook ID'] })] },
		},
	},
	prepare: [requireWebhookId],
	fields: [webhookIdField('The ID of the webhook to delete, e.g. {{ $json.id }} from a previous node')],
};
