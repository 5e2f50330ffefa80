/**
 * The trigger's registration at PinBridge, as n8n's webhook triggers do it: n8n calls `checkExists`, then `create` if
 * that said false, on activation (and on every start of an active workflow), and `delete` on deactivation.
 *
 * n8n gives no guarantee about those calls that this code relies on. Seen or possible in real n8n: the calls of a
 * quick activate/deactivate run later than the clicks (n8n 2.x applies them from a queue); a registration's id never
 * reaches the database (n8n logs and ignores a failed static-data save; an activation that outlives n8n's deadline is
 * abandoned before it saves); a crash between PinBridge's answer and the save. So a registration is recognised by
 * what makes it this node's — its URL (n8n's production or test URL carries the node's own webhook id) — and not only
 * by the id the static data holds:
 * - checkExists only reads: true when PinBridge has exactly one registration at this node's URL, the one static data
 *   names, with this node's events, enabled, and set with the secret derived from the credential as it is now.
 * - create makes that true: it updates a registration already at this URL in place (PATCH: the same id keeps
 *   receiving), or creates one, then removes every other registration at this URL.
 * - delete removes the stored registration, the ones this process made, and then every other registration at this
 *   URL (see deleteWebhook for when it does not).
 * What follows: while the workflow is active there is exactly one registration once an activation has run; after a
 * deactivation there is none, except one created by an activation that n8n ran after that deactivation's delete, or
 * one whose id neither static data nor this process knows (its save failed, then n8n restarted): the next activation
 * removes it. n8n allows one active workflow per webhook path, so a registration at this URL is this node's.
 *
 * What is kept in the workflow's static data (node scope) — nothing secret: n8n's public API, workflow exports and
 * backups show static data in plain text.
 * - `webhookId`, `webhookUrl`, `webhookEvents`: the registration and what was registered.
 * - `secretTag`: 16 hex characters derived from the secret set at PinBridge (not the secret, nor enough to sign), so
 *   that checkExists can tell, without a write, that the credential changed since.
 * The signing secret is derived from the credential whenever it is needed (signingSecret.ts). Versions before that
 * kept it (`webhookSecret`) and delivery ids (`deliveryIds`) here: both are removed at the next activation.
 */
import { createHmac } from 'crypto';
import { NodeOperationError, type IDataObject, type IHookFunctions, type INode } from 'n8n-workflow';

import { sameUrl } from '../shared/values';
import { readFilters } from './filters';
import { freshSigningSecret, registrationOf } from './signingSecret';
import {
	asNodeError,
	createAtPinBridge,
	deleteAtPinBridge,
	updateAtPinBridge,
	webhooksAt,
	type PinBridgeWebhook,
	type WantedRegistration,
} from './webhookRegistrations';

export { isNotFound, LIFECYCLE_REQUEST_SETTINGS, setSecretAtPinBridge, withoutSecret } from './webhookRegistrations';

export const PIN_EVENTS = ['pin.published', 'pin.failed'] as const;
export type PinEvent = (typeof PIN_EVENTS)[number];

export interface TriggerStaticData extends IDataObject {
	webhookId?: string;
	webhookUrl?: string;
	webhookEvents?: string[];
	secretTag?: string;
}

const REGISTRATION_KEYS = ['webhookId', 'webhookUrl', 'webhookEvents', 'secretTag'] as const;
/** What earlier versions kept in static data: a plain-text secret and delivery ids n8n never saved. */
const LEGACY_KEYS = ['webhookSecret', 'deliveryIds'] as const;

/** Names the tag's derivation: the tag never equals the secret or anything else derived from it. */
const TAG_DERIVATION_LABEL = 'n8n-nodes-pinbridge-suite/trigger-secret-tag/v1';

/** 16 hex characters that change when the secret changes; they do not give the secret back. */
export function secretTagOf(secret: string): string {
	return createHmac('sha256', Buffer.from(secret, 'utf8'))
		.update(TAG_DERIVATION_LABEL, 'utf8')
		.digest('hex')
		.slice(0, 16);
}

export function staticDataOf(ctx: { getWorkflowStaticData(type: string): IDataObject }): TriggerStaticData {
	return ctx.getWorkflowStaticData('node') as TriggerStaticData;
}

export function clearRegistration(staticData: TriggerStaticData): void {
	for (const key of [...REGISTRATION_KEYS, ...LEGACY_KEYS]) delete staticData[key];
}

function storedId(staticData: TriggerStaticData): string {
	return typeof staticData.webhookId === 'string' ? staticData.webhookId : '';
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

/**
 * What this node's registration must be, from its parameters and credential as they are now. Refuses (before any
 * request) no event, a filter that cannot match what the user meant, a credential without secret material.
 */
async function wantedRegistration(ctx: IHookFunctions): Promise<WantedRegistration> {
	const events = readEvents(ctx.getNode(), ctx.getNodeParameter('events', []));
	readFilters(ctx);
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n gave this trigger no webhook URL');
	const secret = await freshSigningSecret(ctx, registrationOf(ctx, ctx.getNodeParameter('authentication', 'apiKey')));
	return { url, events, secret };
}

function isCurrent(remote: PinBridgeWebhook, wanted: WantedRegistration, staticData: TriggerStaticData): boolean {
	return (
		sameUrl(remote.url, wanted.url) &&
		sameEvents(remote.events, wanted.events) &&
		remote.is_enabled !== false &&
		staticData.secretTag === secretTagOf(wanted.secret)
	);
}

/**
 * checkExists. Reads only (one `GET /v1/webhooks`, nothing written at PinBridge or in static data): true when this
 * node's URL has exactly one registration, the stored one, current in URL, events, enabled and secret (see the top).
 * Anything else — nothing stored, a registration gone or changed, a leftover beside it, a changed credential,
 * what earlier versions kept — is false, and create puts it right.
 */
export async function webhookExists(ctx: IHookFunctions): Promise<boolean> {
	const staticData = staticDataOf(ctx);
	const wanted = await wantedRegistration(ctx);
	const id = storedId(staticData);
	if (id === '' || LEGACY_KEYS.some((key) => key in staticData)) return false;
	let atUrl: PinBridgeWebhook[];
	try {
		atUrl = await webhooksAt(ctx, wanted.url);
	} catch (error) {
		throw asNodeError(ctx.getNode(), error);
	}
	return atUrl.length === 1 && atUrl[0].id === id && isCurrent(atUrl[0], wanted, staticData);
}

/**
 * create. Leaves exactly one registration at this node's URL, current, and names it in static data: the stored one
 * (or another already at this URL) is updated in place, else one is created; every other one at this URL is removed,
 * and so is the stored one if it points elsewhere (the webhook URL changed, e.g. WEBHOOK_URL set after activation).
 * Other webhooks of the workspace are never touched.
 */
export async function createWebhook(ctx: IHookFunctions): Promise<boolean> {
	const staticData = staticDataOf(ctx);
	const wanted = await wantedRegistration(ctx);
	const previous = storedId(staticData);
	try {
		const atUrl = await webhooksAt(ctx, wanted.url);
		if (previous !== '' && !atUrl.some((webhook) => webhook.id === previous))
			await deleteAtPinBridge(ctx, previous);

		const candidates = [...atUrl].sort((a, b) => Number(b.id === previous) - Number(a.id === previous));
		let kept = '';
		for (const candidate of candidates) {
			if (await updateAtPinBridge(ctx, candidate.id as string, wanted)) {
				kept = candidate.id as string;
				break;
			}
		}
		if (kept === '') kept = await createAtPinBridge(ctx, wanted);
		for (const other of atUrl) if (other.id !== kept) await deleteAtPinBridge(ctx, other.id as string);

		registeredInProcess.set(ownedKey(ctx, wanted.url), new Set([kept]));
		clearRegistration(staticData);
		Object.assign(staticData, {
			webhookId: kept,
			webhookUrl: wanted.url,
			webhookEvents: [...wanted.events],
			secretTag: secretTagOf(wanted.secret),
		});
	} catch (error) {
		throw asNodeError(ctx.getNode(), error);
	}
	return true;
}

/**
 * Registrations this process made or kept, per node and URL, until a delete: what the node owns even when the static
 * data n8n hands a later call does not say so (a save that failed, a call handed data from before the save).
 */
const registeredInProcess = new Map<string, Set<string>>();

function ownedKey(ctx: IHookFunctions, url: string): string {
	return [String(ctx.getWorkflow().id ?? ''), ctx.getNode().id, url].join('\n');
}

/**
 * delete. Removes the stored registration and the ones this process made; then, when either shows that this node
 * registered at its URL, every other registration there too (one whose id never reached static data). Without that
 * evidence registrations at the URL are left alone: n8n 1.x also calls delete for a workflow whose activation failed
 * because another active workflow holds the same webhook path, and that URL's registration is the other workflow's.
 * 404s count as removed. Static data is cleared after; a failure keeps it, to try again.
 */
export async function deleteWebhook(ctx: IHookFunctions): Promise<boolean> {
	const staticData = staticDataOf(ctx);
	const url = ctx.getNodeWebhookUrl('default') ?? '';
	const key = ownedKey(ctx, url);
	const owned = new Set([storedId(staticData), ...(registeredInProcess.get(key) ?? [])].filter((id) => id !== ''));
	for (const id of owned) await deleteAtPinBridge(ctx, id);
	if (owned.size > 0 && url !== '') {
		for (const webhook of await webhooksAt(ctx, url)) {
			if (!owned.has(webhook.id as string)) await deleteAtPinBridge(ctx, webhook.id as string);
		}
	}
	registeredInProcess.delete(key);
	clearRegistration(staticData);
	return true;
}
