/**
 * The rules for reading values, shared by the PinBridge node and the PinBridge Trigger. Pure functions (no n8n
 * context): the node's `PinBridgeSuite/shared/validation.ts` turns a broken rule into an error naming the field, the
 * trigger into an activation error.
 *
 * - `characterCount(text)`: characters as PinBridge counts them for every length limit.
 * - `textOf(value, kind)`: any parameter value as text, or the rule it breaks (booleans, objects, lists, numbers
 *   that cannot be written exactly).
 * - `sameUrl(a, b)`: whether two URLs name the same address once parsed, as a URL-typed service stores them.
 * - `describeValue(value)`: how a wrong value is named in an error (its kind, never its contents).
 */


/**
 * The number of characters in `text` as PinBridge counts them against a limit: Unicode code points. PinBridge
 * validates like pydantic, whose `max_length` is `len()` of a Python string; JavaScript's `.length` counts UTF-16
 * units instead, so an emoji (one character) would count twice.
 */
export function characterCount(text: string): number {
	return Array.from(text).length;
}

/** How a wrong value is named in an error: its kind, never its contents (which may be large or private). */
export function describeValue(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'null';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export type TextResult = { ok: true; text: string } | { ok: false; rule: string };

/**
 * A parameter's value as text, trimmed: the one rule for every text and ID field. An expression can hand over any
 * JSON value. Text stays text; a number becomes its digits only when JavaScript holds it exactly (an integer beyond
 * 2^53 has already lost its last digits when the item was parsed, so `1125899906842624123` arrives as
 * `1125899906842624100`: silently another board); null and undefined are empty. Booleans, objects and lists are
 * refused rather than sent as "true" or "[object Object]".
 *
 * `kind` only shapes the advice: an ID is to be passed as text.
 */
export function textOf(value: unknown, kind: 'text' | 'id' = 'text'): TextResult {
	if (value === undefined || value === null) return { ok: true, text: '' };
	if (typeof value === 'string') return { ok: true, text: value.trim() };
	if (typeof value === 'bigint') return { ok: true, text: value.toString() };
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return { ok: false, rule: `must be text, got the number ${value}` };
		if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
			return {
				ok: false,
				rule:
					`must be written as text: the number ${String(value)} is beyond 2^53, so JavaScript cannot hold it exactly ` +
					`and has already changed its last digits. Pass ${kind === 'id' ? 'the ID' : 'it'} as text (a string in the source data), not as a number`,
			};
		}
		return { ok: true, text: String(value) };
	}
	return { ok: false, rule: `must be text, got ${describeValue(value)}` };
}

/**
 * What may surround a pasted API key but cannot be part of it, as a regular-expression character class (source text):
 * every Unicode space JavaScript's `\s` knows (tab, U+00A0, U+2000–U+200A, U+3000, U+FEFF, …) plus the invisible
 * characters it leaves out (U+0085, the soft hyphen U+00AD, the zero-width U+200B–U+200D and U+2060). The API-key
 * credential trims it in its header expression; `trimPastedKey` is the same rule in code.
 */
export const PASTED_KEY_PADDING = '[\\s\\u0085\\u00AD\\u200B-\\u200D\\u2060]';

const PASTED_KEY_ENDS = new RegExp(`^${PASTED_KEY_PADDING}+|${PASTED_KEY_PADDING}+$`, 'g');

/** A pasted key without the invisible characters at its ends (see PASTED_KEY_PADDING). */
export function trimPastedKey(key: string): string {
	return key.replace(PASTED_KEY_ENDS, '');
}

/**
 * A URL as a URL-typed service keeps it (WHATWG parsing, which pydantic's `HttpUrl` and browsers share): scheme and
 * host lower-cased, the scheme's default port dropped, `/` for an empty path, percent-encoding normalised. Text that
 * does not parse as a URL is returned trimmed, as it is.
 */
export function normalizedUrl(url: string): string {
	const text = url.trim();
	try {
		return new URL(text).href;
	} catch {
		return text;
	}
}

/**
 * Whether two URLs name the same address: `https://N8N.Example.com:443/webhook/x` and
 * `https://n8n.example.com/webhook/x` do; `/x` and `/x/` do not (only an empty path gains its slash).
 */
export function sameUrl(a: unknown, b: unknown): boolean {
	if (typeof a !== 'string' || typeof b !== 'string') return false;
	return normalizedUrl(a) === normalizedUrl(b);
}
