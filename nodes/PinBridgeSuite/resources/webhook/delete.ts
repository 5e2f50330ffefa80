import type { IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { textParameter } from '../../shared/validation';
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
			output: {
				postReceive: [
					// 204 with no body: say what was deleted.
					async function (this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
						return [{ json: { id: textParameter(this, 'webhookId', 'Webhook ID'), deleted: true } }];
					},
				],
			},
		},
	},
	prepare: [requireWebhookId],
	fields: [webhookIdField('The ID of the webhook to delete, e.g. {{ $json.id }} from a previous node')],
};
