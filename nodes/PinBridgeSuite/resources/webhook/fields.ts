import { randomBytes } from 'crypto';
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { responseToItems, sendThroughHelper, type SendItem } from '../../shared/routedItem';
import { characterCount } from '../../../shared/values';
import { checkText, invalidField, requireId } from '../../shared/validation';

export const WEBHOOK_EVENTS = ['pin.published', 'pin.failed'];
export const SECRET_MIN_LENGTH = 16;
export const SECRET_MAX_LENGTH = 255;

export const requireWebhookId = requireId('webhookId', 'Webhook ID');

/** The notice shown where a secret gets generated: the user has one chance to copy it. */
export const SECRET_SHOWN_ONCE =
	'With Secret empty, the node generates one. It appears once, as "secret" in this node\'s output: store it now, PinBridge never shows it again.';

/** The webhook an operation works on: an id typed in, or an expression such as {{ $json.id }}. */
export function webhookIdField(description: string): INodeProperties {
	return {
		displayName: 'Webhook ID',
		name: 'webhookId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 7c9e6679-7425-40de-944b-e07fc1f90ae7',
		description,
	};
}

export const WEBHOOK_URL_PATH = '=/v1/webhooks/{{ String($parameter.webhookId).trim() }}';

export const eventsOptions = [
	{ name: 'Pin Failed', value: 'pin.failed', description: 'A Pin could not be published' },
	{ name: 'Pin Published', value: 'pin.published', description: 'A Pin went live on Pinterest' },
];

export function checkWebhookUrl(ctx: IExecuteSingleFunctions, field: string, value: unknown): string {
	const text = checkText(ctx, field, value);
	if (text === '') throw invalidField(ctx, field, 'is required');
	let protocol = '';
	try {
		protocol = new URL(text).protocol;
	} catch {
		protocol = '';
	}
	if (protocol !== 'http:' && protocol !== 'https:') {
		throw invalidField(ctx, field, `must be an http:// or https:// URL, got "${text}"`);
	}
	return text;
}

export function checkEvents(ctx: IExecuteSingleFunctions, field: string, value: unknown): string[] {
	const list = (Array.isArray(value) ? value : [value]).filter((event) => event !== undefined && event !== '');
	const events = [...new Set(list.map((event) => String(event).trim()))];
	if (events.length === 0) throw invalidField(ctx, field, 'choose at least one event');
	const unknown = events.filter((event) => !WEBHOOK_EVENTS.includes(event));
	if (unknown.length) {
		throw invalidField(ctx, field, `must be ${WEBHOOK_EVENTS.join(' or ')}, got "${unknown.join('", "')}"`);
	}
	return events;
}

export function checkSecret(ctx: IExecuteSingleFunctions, field: string, secret: string): string {
	const length = characterCount(secret);
	if (length < SECRET_MIN_LENGTH || length > SECRET_MAX_LENGTH) {
		// The length only: a secret is never repeated in an error.
		throw invalidField(ctx, field, `must be ${SECRET_MIN_LENGTH} to ${SECRET_MAX_LENGTH} characters, got ${length}`);
	}
	return secret;
}

/** 64 hex characters from the OS's secure random source. */
export function generateWebhookSecret(): string {
	return randomBytes(32).toString('hex');
}

/**
 * Sends the request through the helper like every operation, then adds the secret the node generated to the
 * output. PinBridge never returns a webhook's secret, so this is the only moment anyone can read it; a secret the
 * user typed in is not repeated (they already have it, and execution data is stored).
 */
export function revealGeneratedSecret(wasGenerated: (ctx: IExecuteSingleFunctions) => boolean): SendItem {
	return async (ctx, request) => {
		const items = responseToItems((await sendThroughHelper(ctx, request)).body);
		const secret = (request.body as IDataObject | undefined)?.secret;
		if (typeof secret !== 'string' || !wasGenerated(ctx)) return items;
		return items.map((item) => ({ ...item, json: { ...item.json, secret } }));
	};
}
