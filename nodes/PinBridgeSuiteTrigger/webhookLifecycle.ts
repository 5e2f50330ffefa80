/**
 * The trigger's registration at PinBridge (contract §6 Webhooks), in the style of n8n's own webhook triggers: the
 * node's `webhookMethods.default` call these. Every request goes through the package's request helper.
 *
 * What is kept in the workflow's static data (node scope), and why — nothing secret: n8n's public API, workflow
 * exports and backups show static data in plain text.
 * - `webhookId`: the registration, to check, update and delete it.
 * - `webhookUrl`, `webhookEvents`: what was registered, to tell a stale registration from a current one.
 * The signing secret is derived from the credential whenever it is needed (signingSecret.ts). Versions before that
 * kept it (`webhookSecret`) and delivery ids (`deliveryIds`) here: both are removed at the next activation.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INode,
} from 'n8n-workflow';
import { redact } from '../shared/transport/errors';
import { pinBridgeRequest, type PinBridgeContext } from '../shared/transport/request';
import { sameUrl } from '../shared/values';
import { readFilters } from './filters';
import { freshSigningSecret, registrationOf } from './signingSecret';

export const PIN_EVENTS = ['pin.published', 'pin.failed'] as const;
export type PinEvent = (typeof PIN_EVENTS)[number];

/** Registration calls happen while a user waits for activation: retry transient failures briefly, not for minutes. */
export const LIFECYCLE_REQUEST_SETTINGS = { maxAttempts: 4, maxTotalWaitMs: 15_000 };

export interface TriggerStaticData extends IDataObject {
	webhookId?: string;
	webhookUrl?: string;
	webhookEvents?: string[];
}

interface PinBridgeWebhook {
	id?: string;
	url?: string;
	events?: unknown;
	is_enabled?: boolean;
}

const REGISTRATION_KEYS = ['webhookId', 'webhookUrl', 'webhookEvents'] as const;
/** What earlier versions kept in static data: a plain-text secret and delivery ids n8n never saved. */
const LEGACY_KEYS = ['webhookSecret', 'deliveryIds'] as const;

function context(ctx: IHookFunctions): PinBridgeContext {
	return ctx as unknown as PinBridgeContext;
}

/** The signing secret for this node's registration, derived from the credential as it is now. */
async function currentSecret(ctx: IHookFunctions): Promise<string> {
	return await freshSigningSecret(ctx, registrationOf(ctx, ctx.getNodeParameter('authentication', 'apiKey')));
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

export function staticDataOf(ctx: { getWorkflowStaticData(type: string): IDataObject }): TriggerStaticData {
	return ctx.getWorkflowStaticData('node') as TriggerStaticData;
}

export function clearRegistration(staticData: TriggerStaticData): void {
	for (const key of [...REGISTRATION_KEYS, ...LEGACY_KEYS]) delete staticData[key];
}

/** The known events among `raw`, in a stable order, each once. */
export function chosenEvents(raw: unknown): PinEvent[] {
	const chosen = (Array.isArray(raw) ? raw : []).map(String);
	return PIN_EVENTS.filter((event) => chosen.includes(event));
}

/** The chosen events, each known, at least one (an empty choice would register a webhook that hears nothing). */
export function readEvents(node: INode, raw: unknown): PinEvent[] {
	const unique = chosenEvents(raw);
	if (unique.length === 0) {
		throw new NodeOperationError(node, 'Choose at least one event to listen for', {
			description: 'Pick "Pin Published", "Pin Failed" or both in the Events parameter.',
		});
	}
	return unique;
}

function sameEvents(a: unknown, b: readonly string[]): boolean {
	const left = Array.isArray(a) ? [...new Set(a.map(String))].sort() : [];
	const right = [...new Set(b)].sort();
	return left.length === right.length && left.every((event, index) => event === right[index]);
}

/** Errors leave the trigger as n8n errors: the helper's NodeApiError as it is, anything else wrapped. */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error));
}

export function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '404';
}

function webhookUrlOf(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n gave this trigger no webhook URL');
	return url;
}

/**
 * True only if the stored webhook still exists at PinBridge with this node's current URL and events, and is enabled;
 * then its secret is set to the one derived from the credential as it is now (the credential may have changed since
 * the registration), and what earlier versions kept in static data is removed. A 404 means it is gone: the stale
 * static data is cleared. Any other failure is thrown.
 */
export async function webhookExists(ctx: IHookFunctions): Promise<boolean> {
	const staticData = staticDataOf(ctx);
	const events = readEvents(ctx.getNode(), ctx.getNodeParameter('events', []));
	readFilters(ctx); // a filter that cannot match what the user meant refuses activation
	const url = webhookUrlOf(ctx);
	if (typeof staticData.webhookId !== 'string' || staticData.webhookId === '') return false;
	const secret = await currentSecret(ctx); // before any request: a credential without secret material fails here

	let remote: PinBridgeWebhook;
	try {
		remote = (
			await pinBridgeRequest<PinBridgeWebhook>(context(ctx), {
				method: 'GET',
				path: `/v1/webhooks/${encodeURIComponent(staticData.webhookId)}`,
				settings: LIFECYCLE_REQUEST_SETTINGS,
			})
		).body;
	} catch (error) {
		if (!isNotFound(error)) throw asNodeError(ctx.getNode(), error);
		// Deleted at PinBridge (by hand, or by another tool): forget it so that create starts clean.
		clearRegistration(staticData);
		return false;
	}
	// A registration for another URL or other events is not ours to use: create replaces it (and removes the old
	// one if it points at this node's URL). URLs are compared as URLs: PinBridge may hand back the URL normalised
	// (host lower-cased, default port dropped), as URL-typed services do.
	const current = sameUrl(remote?.url, url) && sameEvents(remote?.events, events) && remote?.is_enabled !== false;
	if (!current) return false;
	await setSecretAtPinBridge(context(ctx), staticData.webhookId, secret, LIFECYCLE_REQUEST_SETTINGS);
	for (const key of LEGACY_KEYS) if (key in staticData) delete staticData[key];
	return true;
}

async function deleteAtPinBridge(ctx: IHookFunctions, webhookId: string): Promise<void> {
	try {
		await pinBridgeRequest(context(ctx), {
			method: 'DELETE',
			path: `/v1/webhooks/${encodeURIComponent(webhookId)}`,
			settings: LIFECYCLE_REQUEST_SETTINGS,
		});
	} catch (error) {
		if (!isNotFound(error)) throw asNodeError(ctx.getNode(), error); // a 404 means it is already gone: that is what we wanted
	}
}

async function webhooksAt(ctx: IHookFunctions, url: string): Promise<PinBridgeWebhook[]> {
	const { body } = await pinBridgeRequest<PinBridgeWebhook[]>(context(ctx), {
		method: 'GET',
		path: '/v1/webhooks',
		settings: LIFECYCLE_REQUEST_SETTINGS,
	});
	return (Array.isArray(body) ? body : []).filter(
		(webhook) => sameUrl(webhook?.url, url) && typeof webhook.id === 'string',
	);
}

/** An n8n error with `secret` taken out of every text it shows (PinBridge may echo what it was sent). */
export function withoutSecret(node: INode, error: unknown, secret: string | undefined): NodeApiError | NodeOperationError {
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

/**
 * Registers this node's URL for the chosen events with the secret derived from the credential. First removes the
 * registration the static data still names (checkExists refused it: the webhook URL changed, e.g. WEBHOOK_URL was
 * set after activation, or the events changed) and any other registration at this exact URL (left by a crash between
 * create and n8n saving the static data), so one node never has two webhooks at PinBridge. Other webhooks of the
 * workspace are never touched.
 */
export async function createWebhook(ctx: IHookFunctions): Promise<boolean> {
	const staticData = staticDataOf(ctx);
	const events = readEvents(ctx.getNode(), ctx.getNodeParameter('events', []));
	readFilters(ctx);
	const url = webhookUrlOf(ctx);
	const secret = await currentSecret(ctx);

	// The registration this node made before (checkExists refused it: other URL or other events)
	// and any other one at this exact URL go first.
	const previous = typeof staticData.webhookId === 'string' && staticData.webhookId !== '' ? staticData.webhookId : '';
	if (previous) await deleteAtPinBridge(ctx, previous);
	for (const stale of await webhooksAt(ctx, url)) {
		if (stale.id !== previous) await deleteAtPinBridge(ctx, stale.id as string);
	}
	clearRegistration(staticData);

	let created: PinBridgeWebhook;
	try {
		created = (
			await pinBridgeRequest<PinBridgeWebhook>(context(ctx), {
				method: 'POST',
				path: '/v1/webhooks',
				body: { url, events: [...events], secret, is_enabled: true },
				settings: LIFECYCLE_REQUEST_SETTINGS,
				// POST /v1/webhooks takes no idempotency key. After an unanswered attempt, a webhook at this URL can only
				// be ours (the URL was cleared above) and carries this secret: adopt it instead of creating a second.
				reconcile: async () => (await webhooksAt(ctx, url))[0] as IDataObject | undefined,
			})
		).body;
	} catch (error) {
		throw withoutSecret(ctx.getNode(), error, secret);
	}
	if (!created || typeof created.id !== 'string' || created.id === '') {
		throw new NodeOperationError(ctx.getNode(), 'PinBridge created the webhook but returned no ID', {
			description: 'Check the webhooks of your PinBridge workspace and remove any that point at this workflow.',
		});
	}
	staticData.webhookId = created.id;
	staticData.webhookUrl = url;
	staticData.webhookEvents = [...events];
	return true;
}

/** Removes the registration; one PinBridge no longer has (404) counts as removed. Static data is cleared after. */
export async function deleteWebhook(ctx: IHookFunctions): Promise<boolean> {
	const staticData = staticDataOf(ctx);
	if (typeof staticData.webhookId === 'string' && staticData.webhookId !== '') {
		await deleteAtPinBridge(ctx, staticData.webhookId);
	}
	clearRegistration(staticData);
	return true;
}
