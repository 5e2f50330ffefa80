/**
 * The secret PinBridge signs this trigger's deliveries with (contract §7), derived wherever it is needed and never
 * stored: not in the workflow's static data (n8n's public API, workflow exports and backups show static data in
 * plain text), not in an output, not in a log.
 *
 *   secret = lowercase hex of HMAC-SHA256(key = the credential's secret material (UTF-8),
 *                                         message = DERIVATION_LABEL \n credential type \n workflow id \n node id \n
 *                                                   the node's webhook id (the UUID in its n8n webhook URL))
 *
 * Every n8n process (main, webhook processors, after a restart) derives the same 64-character secret from the same
 * credential and workflow, so nothing has to travel between them. Secret material, by credential type:
 * - API key credential: the API key.
 * - OAuth2 credential: the client secret, whatever the grant type. Without one (a public PKCE client), the access
 *   token: PinBridge's tokens are API keys (contract §9.4), but a refresh may replace it; the first delivery after
 *   that fails to verify, the trigger sets the new secret at PinBridge (receive.ts) and PinBridge's retry verifies.
 *   An OAuth2 credential with neither (not yet connected) fails activation and says so.
 * A changed credential gives another secret: activation (webhookLifecycle.ts) and a delivery that no longer verifies
 * (receive.ts) set it at PinBridge with `PATCH /v1/webhooks/{id}`.
 */
import { NodeOperationError, type ICredentialDataDecryptedObject, type INode } from 'n8n-workflow';
import { createHmac } from 'crypto';

import { credentialTypeFor } from '../shared/authentication';

/** Names this derivation: a secret derived for another purpose from the same credential never equals it. */
export const DERIVATION_LABEL = 'n8n-nodes-pinbridge-suite/trigger-signing-secret/v1';

/**
 * How long a process reuses a secret it derived before reading the credential again (ms). Deliveries then cost no
 * credential read; a delivery that does not verify reads it at once (receive.ts), so a changed credential is seen on
 * the next delivery signed with the new secret, and a secret from a replaced credential verifies for at most this long.
 */
export const SECRET_REUSE_MS = 60_000;

export interface Registration {
	credentialType: string;
	workflowId: string;
	nodeId: string;
	/** The node's `webhookId`: the UUID in its production and test URLs. */
	nodeWebhookId: string;
}

export interface SigningContext {
	getNode(): INode;
	getWorkflow(): { id?: string };
	getCredentials<T extends object = ICredentialDataDecryptedObject>(type: string): Promise<T>;
}

/** The derivation itself (pure): 64 lowercase hex characters, within PinBridge's 16–255. */
export function deriveSigningSecret(material: string, registration: Registration): string {
	const message = [
		DERIVATION_LABEL,
		registration.credentialType,
		registration.workflowId,
		registration.nodeId,
		registration.nodeWebhookId,
	].join('\n');
	return createHmac('sha256', Buffer.from(material, 'utf8')).update(message, 'utf8').digest('hex');
}

function nonEmpty(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The credential's stable secret material; throws, naming the field, when it has none. */
export function secretMaterial(node: INode, credentialType: string, data: ICredentialDataDecryptedObject): string {
	if (credentialType === 'pinBridgeSuiteOAuth2Api') {
		const material = nonEmpty(data.clientSecret) ?? nonEmpty((data.oauthTokenData as { access_token?: unknown } | undefined)?.access_token);
		if (material) return material;
		throw new NodeOperationError(node, 'The OAuth2 credential has no Client Secret and no token to derive the webhook secret from', {
			description:
				'The trigger derives the key PinBridge signs deliveries with from the credential’s Client Secret, or, without one, from its access token. Connect the credential (or fill in Client Secret), or use a PinBridge API credential for the trigger.',
		});
	}
	const apiKey = nonEmpty(data.apiKey);
	if (apiKey) return apiKey;
	throw new NodeOperationError(node, 'The PinBridge API credential has no API Key', {
		description: 'Fill in API Key in the credential.',
	});
}

export function registrationOf(ctx: SigningContext, authentication: unknown): Registration {
	const node = ctx.getNode();
	return {
		credentialType: credentialTypeFor(authentication),
		workflowId: String(ctx.getWorkflow().id ?? ''),
		nodeId: node.id,
		nodeWebhookId: node.webhookId ?? '',
	};
}

interface Remembered {
	secret: string;
	derivedAt: number;
}

/** Derived secrets this process reuses for SECRET_REUSE_MS, per registration. */
const derivedInProcess = new Map<string, Remembered>();

function keyOf(registration: Registration): string {
	return [registration.credentialType, registration.workflowId, registration.nodeId, registration.nodeWebhookId].join(
		'\n',
	);
}

/** Reads the credential now and derives the secret (and remembers it for the next deliveries of this process). */
export async function freshSigningSecret(ctx: SigningContext, registration: Registration): Promise<string> {
	const data = await ctx.getCredentials<ICredentialDataDecryptedObject>(registration.credentialType);
	const secret = deriveSigningSecret(secretMaterial(ctx.getNode(), registration.credentialType, data), registration);
	derivedInProcess.set(keyOf(registration), { secret, derivedAt: Date.now() });
	return secret;
}

/** The secret, as this process derived it less than SECRET_REUSE_MS ago, else fresh. `reused` says which. */
export async function signingSecret(
	ctx: SigningContext,
	registration: Registration,
): Promise<{ secret: string; reused: boolean }> {
	const remembered = derivedInProcess.get(keyOf(registration));
	if (remembered && Date.now() - remembered.derivedAt < SECRET_REUSE_MS) {
		return { secret: remembered.secret, reused: true };
	}
	return { secret: await freshSigningSecret(ctx, registration), reused: false };
}
