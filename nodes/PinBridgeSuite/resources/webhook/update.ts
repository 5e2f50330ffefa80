import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { checkBoolean, checkText, invalidField } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import {
	checkEvents,
	checkSecret,
	checkWebhookUrl,
	eventsOptions,
	generateWebhookSecret,
	requireWebhookId,
	revealGeneratedSecret,
	SECRET_MAX_LENGTH,
	SECRET_MIN_LENGTH,
	WEBHOOK_URL_PATH,
	webhookIdField,
} from './fields';

interface UpdateFields {
	url?: string;
	events?: string[];
	isEnabled?: boolean;
	secret?: string;
	rotateSecret?: boolean;
}

function updateFields(ctx: IExecuteSingleFunctions): UpdateFields {
	return (ctx.getNodeParameter('updateFields', {}) ?? {}) as UpdateFields;
}

/** PATCH sends only what the user chose to change. */
async function buildUpdateBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const fields = updateFields(this);
	const body: IDataObject = {};
	if (fields.url !== undefined) body.url = checkWebhookUrl(this, 'URL', fields.url);
	if (fields.events !== undefined) body.events = checkEvents(this, 'Events', fields.events);
	if (fields.isEnabled !== undefined) body.is_enabled = checkBoolean(this, 'Enabled', fields.isEnabled);
	const ownSecret = checkText(this, 'Secret', fields.secret) === '' ? '' : String(fields.secret);
	if (ownSecret && fields.rotateSecret) {
		throw invalidField(this, 'Rotate Secret', 'cannot be combined with Secret: set your own secret or let the node generate one');
	}
	if (ownSecret) body.secret = checkSecret(this, 'Secret', ownSecret);
	if (fields.rotateSecret) body.secret = generateWebhookSecret();
	if (Object.keys(body).length === 0) {
		throw invalidField(this, 'Update Fields', 'add at least one field to change');
	}
	requestOptions.body = body;
	return requestOptions;
}

export const updateWebhook: OperationDefinition = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a webhook',
		description: 'Change a webhook’s URL, events or enabled state, or replace its secret',
		routing: {
			request: { method: 'PATCH', url: WEBHOOK_URL_PATH },
		},
	},
	prepare: [requireWebhookId, buildUpdateBody],
	send: revealGeneratedSecret((ctx) => updateFields(ctx).rotateSecret === true),
	fields: [
		webhookIdField('The ID of the webhook to change, e.g. {{ $json.id }} from a previous node'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Enabled',
					name: 'isEnabled',
					type: 'boolean',
					default: true,
					description: 'Whether PinBridge sends events to the URL; turn off to pause deliveries without deleting the webhook',
				},
				{
					displayName: 'Events',
					name: 'events',
					type: 'multiOptions',
					options: eventsOptions,
					default: [],
					description: 'Which Pin outcomes to be told about; replaces the current list and needs at least one',
				},
				{
					displayName: 'Rotate Secret',
					name: 'rotateSecret',
					type: 'boolean',
					default: true,
					description:
						"Whether to replace the signing secret with a new random one. The new secret appears once, as \"secret\", in this node's output — store it and update whatever verifies the deliveries, as PinBridge never shows it again.",
				},
				{
					displayName: 'Secret',
					name: 'secret',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					description: `A new signing secret of your own, ${SECRET_MIN_LENGTH} to ${SECRET_MAX_LENGTH} characters. It is not repeated in the output.`,
				},
				{
					displayName: 'URL',
					name: 'url',
					type: 'string',
					default: '',
					placeholder: 'e.g. https://example.com/webhooks/pinbridge',
					description: 'The new http:// or https:// address for deliveries',
				},
			],
		},
	],
};
