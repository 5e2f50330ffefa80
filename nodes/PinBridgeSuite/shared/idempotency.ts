/**
 * Idempotency keys for POST /v1/pins. PinBridge keeps one Pin per key forever (contract §5), so a key derived
 * from the Pin's content makes re-running an execution, retrying it, or n8n's Retry On Fail return the Pin that
 * already exists instead of publishing it again.
 *
 * - `contentIdempotencyKey(fingerprint)`: `n8n-pin-<sha256 of the canonical JSON of the fingerprint>`.
 * - `canonicalJson(value)`: JSON with object keys sorted at every level, so equal content → equal text.
 * - `idempotencyKeyField`: the "Idempotency Key" option (inside a collection), documenting the trade-off.
 */
import { createHash } from 'crypto';
import type { INodeProperties } from 'n8n-workflow';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
const KEY_PREFIX = 'n8n-pin-';

export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map((entry) => canonicalJson(entry)).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, entry]) => entry !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

export function sha256Hex(data: string | Buffer): string {
	return createHash('sha256').update(data).digest('hex');
}

/** The default key: the same content always gives the same key, any difference gives another. */
export function contentIdempotencyKey(fingerprint: object): string {
	return `${KEY_PREFIX}${sha256Hex(canonicalJson(fingerprint))}`;
}

export const idempotencyKeyField: INodeProperties = {
	displayName: 'Idempotency Key',
	name: 'idempotencyKey',
	type: 'string',
	default: '',
	placeholder: 'e.g. {{ $json.rowId }}',
	description:
		'PinBridge publishes at most one Pin per key, ever. Leave empty to derive the key from the Pin’s content (account, board, media, title, description, link): re-running or retrying the workflow then never publishes a duplicate, but publishing the exact same content again on purpose needs a key of your own. A custom key (e.g. a spreadsheet row ID) is used as is and must be unique per intended Pin; reusing it returns the earlier Pin even if the content changed. Up to 255 characters. The output’s created_by_this_call is true when this run created the Pin, false when PinBridge returned the one it already had for the key (nothing new is published then, so no webhook fires).',
};
