// Test-only: the PinBridge Trigger's signing secret as the README specifies it, computed independently of the node's
// code, so tests can sign deliveries the way PinBridge does (it holds the secret the trigger registered) and check
// that the trigger registered exactly this one.
import { createHmac } from 'node:crypto';

export interface TriggerSecretInputs {
	/** The credential's secret material: the API key, or an OAuth2 credential's client secret. */
	material: string;
	credentialType?: 'pinBridgeSuiteApi' | 'pinBridgeSuiteOAuth2Api';
	workflowId: string;
	/** The trigger node's `id`. */
	nodeId: string;
	/** The trigger node's `webhookId` (the UUID in its webhook URL). */
	nodeWebhookId: string;
}

export function triggerSigningSecret(inputs: TriggerSecretInputs): string {
	const message = [
		'n8n-nodes-pinbridge-suite/trigger-signing-secret/v1',
		inputs.credentialType ?? 'pinBridgeSuiteApi',
		inputs.workflowId,
		inputs.nodeId,
		inputs.nodeWebhookId,
	].join('\n');
	return createHmac('sha256', inputs.material).update(message).digest('hex');
}

/** PinBridge's signature of a delivery body: lowercase hex HMAC-SHA256 of the exact bytes (contract §7). */
export function signDelivery(secret: string, body: string | Buffer): string {
	return createHmac('sha256', secret).update(body).digest('hex');
}
