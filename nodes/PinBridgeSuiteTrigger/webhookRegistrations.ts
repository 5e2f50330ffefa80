/**
 * The trigger's calls to PinBridge's webhook endpoints (contract §6 Webhooks), each through the package's request
 * helper, and the errors they give back (never showing the secret). webhookLifecycle.ts decides which to make.
 */
import { NodeApiError, NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import { listItemsOf } from '../shared/transport/lists';
import { redact } from '../shared/transport/errors';
import { pinBridgeRequest, type PinBridgeContext } from '../shared/transport/request';
import { sameUrl } from '../shared/values';

/** Registration calls happen while a user waits for activation: retry transient failures briefly, not for minutes. */
export const LIFECYCLE_REQUEST_SETTINGS = {
	maxAttempts: 4,
	maxTotalWaitMs: 15_000,
};

export interface PinBridgeWebhook {
	id?: string;
	url?: string;
	events?: unknown;
	is_enabled?: boolean;
}

/** What a registration should be: this node's URL, its events, the derived secret, enabled. */
export interface WantedRegistration {
	url: string;
	events: string[];
	secret: string;
}

/** Errors leave the trigger as n8n errors: the helper's NodeApiError as it is, anything else wrapped. */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error));
}

export function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '404';
}

/** An n8n error with `secret` taken out of every text it shows (PinBridge may echo what it was sent). */
export function withoutSecret(
	node: INode,
	error: unknown,
	secret: string | undefined,
): NodeApiError | NodeOperationError {
	const nodeError = asNodeError(node, error);
	if (typeof secret !== 'string' || secret === '') return nodeError;
	const clean = (value: string) => redact(value, [secret]);
	nodeError.message = clean(nodeError.message);
	if (typeof nodeError.description === 'string') nodeError.description = clean(nodeError.description);
	if (Array.isArray(nodeError.messages)) nodeError.messages = nodeError.messages.map(clean);
	const response = (nodeError as { errorResponse?: unknown }).errorResponse;
	if (response !== null && typeof response === 'object') {
		for (const [key, value] of Object.entries(response)) {
			if (typeof value === 'string') (response as IDataObject)[key] = clean(value);
		}
	}
	return nodeError;
}

/** Every registration of the workspace at `url` (compared as a URL: PinBridge may hand it back normalised). */
export async function webhooksAt(ctx: PinBridgeContext, url: string): Promise<PinBridgeWebhook[]> {
	const { body } = await pinBridgeRequest(ctx, {
		method: 'GET',
		path: '/v1/webhooks',
		settings: LIFECYCLE_REQUEST_SETTINGS,
	});
	return listItemsOf<PinBridgeWebhook>(ctx.getNode(), body, '/v1/webhooks').filter(
		(webhook) => sameUrl(webhook?.url, url) && typeof webhook.id === 'string' && webhook.id !== '',
	);
}

/** Deletes a registration; one PinBridge no longer has (404) is what was wanted. */
export async function deleteAtPinBridge(ctx: PinBridgeContext, webhookId: string): Promise<void> {
	try {
		await pinBridgeRequest(ctx, {
			method: 'DELETE',
			path: `/v1/webhooks/${encodeURIComponent(webhookId)}`,
			settings: LIFECYCLE_REQUEST_SETTINGS,
		});
	} catch (error) {
		if (!isNotFound(error)) throw asNodeError(ctx.getNode(), error);
	}
}

/**
 * Sets `secret` on the registration at PinBridge (`PATCH /v1/webhooks/{id}`; PinBridge never returns a secret, so
 * whether it already had it cannot be asked). Sending the same secret twice changes nothing: safe to retry.
 */
export async function setSecretAtPinBridge(
	ctx: PinBridgeContext,
	webhookId: string,
	secret: string,
	settings: { maxAttempts: number; maxTotalWaitMs: number },
): Promise<void> {
	try {
		await pinBridgeRequest(ctx, {
			method: 'PATCH',
			path: `/v1/webhooks/${encodeURIComponent(webhookId)}`,
			body: { secret },
			settings,
			replaySafe: true,
		});
	} catch (error) {
		throw withoutSecret(ctx.getNode(), error, secret);
	}
}

/**
 * Makes an existing registration exactly `wanted` (`PATCH`, same id: PinBridge keeps delivering to it throughout).
 * False when PinBridge no longer has it (404). Sending the same body twice changes nothing: safe to retry.
 */
export async function updateAtPinBridge(
	ctx: PinBridgeContext,
	webhookId: string,
	wanted: WantedRegistration,
): Promise<boolean> {
	try {
		await pinBridgeRequest(ctx, {
			method: 'PATCH',
			path: `/v1/webhooks/${encodeURIComponent(webhookId)}`,
			body: {
				url: wanted.url,
				events: [...wanted.events],
				secret: wanted.secret,
				is_enabled: true,
			},
			settings: LIFECYCLE_REQUEST_SETTINGS,
			replaySafe: true,
		});
		return true;
	} catch (error) {
		if (isNotFound(error)) return false;
		throw withoutSecret(ctx.getNode(), error, wanted.secret);
	}
}

/**
 * Creates a registration (`POST /v1/webhooks`) and returns its id. POST takes no idempotency key: after an
 * unanswered attempt, a registration at this URL (the caller found none before) is the one that attempt made, and is
 * adopted instead of creating a second.
 */
export async function createAtPinBridge(ctx: PinBridgeContext, wanted: WantedRegistration): Promise<string> {
	let created: PinBridgeWebhook;
	try {
		created = (
			await pinBridgeRequest<PinBridgeWebhook>(ctx, {
				method: 'POST',
				path: '/v1/webhooks',
				body: {
					url: wanted.url,
					events: [...wanted.events],
					secret: wanted.secret,
					is_enabled: true,
				},
				settings: LIFECYCLE_REQUEST_SETTINGS,
				reconcile: async () => (await webhooksAt(ctx, wanted.url))[0] as IDataObject | undefined,
			})
		).body;
	} catch (error) {
		throw withoutSecret(ctx.getNode(), error, wanted.secret);
	}
	if (!created || typeof created.id !== 'string' || created.id === '') {
		throw new NodeOperationError(ctx.getNode(), 'PinBridge created the webhook but returned no ID', {
			description: 'Check the webhooks of your PinBridge workspace and remove any that point at this workflow.',
		});
	}
	return created.id;
}
