// Shared fixtures of the PinBridge Trigger tests: events, signed deliveries, a registered trigger.
import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { nock } from '../harness/nock';
import { TEST_API_KEY, TEST_BASE_URL } from '../harness/runWorkflow';
import { triggerSigningSecret } from '../harness/triggerSecret';
import { TriggerHarness, type Delivery } from './harness';

export const WEBHOOK_ID = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
export const ACCOUNT_ID = '3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b';
export const PIN_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
export const BOTH = ['pin.published', 'pin.failed'];

/** Computed here, independently of the node's code. */
export function hmac(secret: string, raw: Buffer | string): string {
	return createHmac('sha256', secret).update(raw).digest('hex');
}

/** The secret the trigger of `harness` derives (test/harness/triggerSecret.ts). */
export function expectedSecret(
	harness: TriggerHarness,
	material = TEST_API_KEY,
	credentialType: 'pinBridgeSuiteApi' | 'pinBridgeSuiteOAuth2Api' = 'pinBridgeSuiteApi',
): string {
	return triggerSigningSecret({
		material,
		credentialType,
		workflowId: harness.workflowId,
		nodeId: harness.node.id,
		nodeWebhookId: harness.node.webhookId ?? '',
	});
}

/** A minute ago: well inside the replay window. */
export const RECENTLY = new Date(Date.now() - 60_000).toISOString();

export function hoursAgo(hours: number): string {
	return new Date(Date.now() - hours * 3600_000).toISOString();
}

export function eventBody(overrides: IDataObject = {}): IDataObject {
	return {
		event: 'pin.published',
		delivery_id: 'd-1',
		occurred_at: RECENTLY,
		pin_id: PIN_ID,
		account_id: ACCOUNT_ID,
		board_id: '549755885175',
		status: 'published',
		pinterest_pin_id: '1234567890',
		error_code: null,
		error_message: null,
		...overrides,
	};
}

/** A delivery as PinBridge sends it: Python-style JSON (spaces after separators), so re-serializing would not match. */
export function signedDelivery(secret: string, body: IDataObject, headers: Record<string, string | undefined> = {}): Delivery {
	const raw = Buffer.from(JSON.stringify(body, null, 1).replace(/\n\s*/g, ' '), 'utf8');
	return {
		rawBody: raw,
		headers: {
			'X-PinBridge-Event': String(body.event),
			'X-PinBridge-Delivery-ID': String(body.delivery_id),
			'X-PinBridge-Signature': hmac(secret, raw),
			...headers,
		},
	};
}

/** Registers the production webhook through nock and returns the harness and the secret the node sent. */
export async function registered(
	parameters: IDataObject = {},
	setup: ConstructorParameters<typeof TriggerHarness>[0] = {},
): Promise<{ harness: TriggerHarness; secret: string }> {
	const harness = new TriggerHarness({ ...setup, parameters: { ...setup.parameters, ...parameters } });
	let secret = '';
	const scope = nock(TEST_BASE_URL)
		.get('/v1/webhooks')
		.reply(200, [])
		.post('/v1/webhooks', (body: IDataObject) => {
			secret = String(body.secret);
			return true;
		})
		.reply(201, (_uri, body) => ({ id: WEBHOOK_ID, url: (body as IDataObject).url, events: (body as IDataObject).events, is_enabled: true }));
	await harness.activate();
	scope.done();
	harness.persist();
	return { harness, secret };
}
