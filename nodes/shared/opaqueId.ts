/**
 * PinBridge ids are opaque strings (contract §9.1.1): the quick-start page shows `b_78f2a9` and `pin_8fa2`, the SDK
 * UUIDs and digits, and the real service may use any of these. A client refuses only what can be no id at all and
 * sends everything else on (PinBridge answers 404 or 422 for a wrong one). Shared by the node and the trigger.
 *
 * - `opaqueIdRule(text)`: the rule a (trimmed) text breaks as an id, or undefined.
 * - `opaqueIdOf(value)`: any parameter value as an id ('' for empty), or the rule it breaks — `textOf`'s rules
 *   (booleans, objects, lists, numbers beyond 2^53) and then `opaqueIdRule`.
 */
import { textOf, type TextResult } from './values';

/** Whitespace anywhere, and the invisible characters a paste brings along (zero-width spaces, word joiner). */
const SPACE = /[\s\u200B-\u200D\u2060]/u;
/** C0 and C1 control characters (tab and line breaks are caught as whitespace first). */
const CONTROL = /\p{Cc}/u;
/** The characters that end a URL path segment or separate one: an id holding them cannot be put in a path. */
const URL_SEPARATORS = ['/', '?', '#'] as const;

/** The last path segment of something that looks like a pasted address, as a guess at the id it holds. */
function idInPastedUrl(text: string): string | undefined {
	const looksLikeUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[^\s/]+\.[a-z]{2,}\//i.test(text);
	if (!looksLikeUrl) return undefined;
	const path = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[?#]/)[0];
	const segments = path.split('/').slice(1).filter((segment) => segment !== '');
	const last = segments[segments.length - 1];
	return last !== undefined && !SPACE.test(last) && !CONTROL.test(last) ? last : undefined;
}

/**
 * The rule `text` breaks as an id, or undefined when it may be one. Call it on trimmed text (`textOf` trims);
 * empty text breaks "must not be empty" — a caller for which empty means "none" decides that before calling.
 */
export function opaqueIdRule(text: string): string | undefined {
	if (text === '') return 'must not be empty';
	if (SPACE.test(text)) return 'must not contain spaces';
	if (CONTROL.test(text)) return 'must not contain control characters';
	const separator = URL_SEPARATORS.find((character) => text.includes(character));
	if (separator === undefined) return undefined;
	const guess = idInPastedUrl(text);
	if (guess !== undefined) {
		return `must be the ID only, not an address (it contains "${separator}"). This looks like a pasted URL: the ID is probably "${guess}"`;
	}
	return `must not contain "${separator}"`;
}

/** Any parameter value as an id: '' for null, undefined or empty text; otherwise the id, or the rule it breaks. */
export function opaqueIdOf(value: unknown): TextResult {
	const result = textOf(value, 'id');
	if (!result.ok || result.text === '') return result;
	const rule = opaqueIdRule(result.text);
	return rule === undefined ? result : { ok: false, rule };
}
