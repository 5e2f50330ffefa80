import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { checkBoolean, checkText } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import {
	checkEvents,
	checkSecret,
	checkWebhookUrl,
	eventsOptions,
	generateWebhookSecret,
	revealGeneratedSecret,
	SECRET_MAX_LENGTH,
	SECRET_MIN_LENGTH,
	SECRET_SHOWN_ONCE,
	WEBHOOK_EVENTS,
} from './fields';

function ownSecret(ctx: IExecuteSingleFunctions): string {
	const value = ctx.getNodeParameter('secret', '') as unknown;
	return checkText(ctx, 'Secret', value) === '' ? '' : String(value);
}

async function buildWebhookBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const own = ownSecret(this);
	const body: IDataObject = {
		url: checkWebhookUrl(this, 'URL', this.getNodeParameter('url', '')),
		events: checkEvents(this, 'Events', this.getNodeParameter('events', [])),
		is_enabled: checkBoolean(this, 'Enabled', this.getNodeParameter('isEnabled', true)),
		secret: own ? checkSecret(this, 'Secret', own) : generateWebhookSecret(),
	};
	requestOptions.body = body;
	return requestOptions;
}

export const createWebhook: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a webhook',
		description: 'Have PinBridge call a URL of yours whenever a Pin is published or fails',
		routing: {
			request: { method: 'POST', url: '/v1/webhooks' },
		},
	},
	prepare: [buildWebhookBody],
	send: revealGeneratedSecret((ctx) => ownSecret(ctx) === ''),
	fields: [
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://example.com/webhooks/pinbridge',
			description: 'The http:// or https:// address PinBridge sends a POST request to for each event',
		},
		{
			displayName: 'Events',
			name: 'events',
			type: 'multiOptions',
			options: eventsOptions,
			default: [...WEBHOOK_EVENTS],
			description: 'Which Pin outcomes to be told about; at least one',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: `Key PinBridge signs every delivery with (HMAC-SHA256 of the body, header X-PinBridge-Signature), ${SECRET_MIN_LENGTH} to ${SECRET_MAX_LENGTH} characters. Leave empty to have the node generate a random one: it then appears once, as "secret", in this node's output — store it, as PinBridge never shows it again. A secret you enter here is not repeated in the output.`,
		},
		{
			displayName: 'Enabled',
			name: 'isEnabled',
			type: 'boolean',
			default: true,
			description: 'Whether PinBridge should start sending events to the URL right away',
		},
		{
			displayName: SECRET_SHOWN_ONCE,
			name: 'secretShownOnceNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { secret: [''] } },
		},
	],
};
