import {
	NodeApiError,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type JsonObject,
	type PreSendAction,
} from 'n8n-workflow';

import { opaqueIdOf } from '../../shared/opaqueId';
import { characterCount, describeValue, textOf } from '../../shared/values';
import type { ItemContext } from './itemContext';

/**
 * Checks done before anything is sent. A failed check names the field and the rule, and no request leaves for
 * that item; with Continue On Fail the item carries the error and the others go on.
 *
 * Why a NodeApiError with no HTTP code rather than a NodeOperationError: n8n-core's RoutingNode re-wraps anything
 * but a NodeApiError that a declarative request rejects with into `NodeApiError(…, { httpCode: 'none' })`, and the
 * editor then lists the error under "From PinBridge → Error code: none", as if PinBridge had answered. Built here
 * from an empty response, the error passes through unchanged, carries no HTTP code and no raw response, and the
 * editor shows only the message and the description below.
 */
export function invalidField(ctx: ItemContext, field: string, rule: string): NodeApiError {
	return new NodeApiError(ctx.getNode(), {} as JsonObject, {
		message: `${field}: ${rule}`,
		description: 'Nothing was sent to PinBridge for this item.',
		itemIndex: ctx.getItemIndex(),
	});
}


/**
 * A value as text under the one rule for text and ID fields (shared/values.ts `textOf`): text trimmed, a number as its
 * digits when exact, '' for null/undefined; a boolean, object, list or a number beyond 2^53 fails naming `label`.
 */
export function checkText(ctx: ItemContext, label: string, value: unknown, kind: 'text' | 'id' = 'text'): string {
	const result = textOf(value, kind);
	if (!result.ok) throw invalidField(ctx, label, result.rule);
	return result.text;
}

/** The text of a string or resource-locator parameter, trimmed; '' when empty or missing (see checkText). */
export function textParameter(ctx: ItemContext, name: string, label: string): string {
	return checkText(ctx, label, ctx.getNodeParameter(name, '', { extractValue: true }) as unknown);
}

/**
 * An ID parameter (string or resource locator) as text, '' when empty. PinBridge ids are opaque (contract §9.1.1):
 * only what can be no id at all is refused (spaces, `/`, `?`, `#`, control characters, a boolean, object or list, a
 * number beyond 2^53), naming the field; a pasted address gets a hint at the id it holds.
 */
export function idParameter(ctx: ItemContext, name: string, label: string): string {
	return checkId(ctx, label, ctx.getNodeParameter(name, '', { extractValue: true }) as unknown);
}

/** The placeholders this package's example workflows carry until the user picks a value (README, examples). */
const EXAMPLE_PLACEHOLDER = /^PINBRIDGE_[A-Z_]+_ID$/;
/** A PinBridge API key (`pb_` + 64 hex, contract §9.4): refused in an ID field without being repeated anywhere. */
const API_KEY = /^pb_[0-9a-f]{64}$/i;

/** Any value as an id under the opaque-id rule ('' when empty; see idParameter). */
export function checkId(ctx: ItemContext, label: string, value: unknown): string {
	const result = opaqueIdOf(value);
	if (!result.ok) throw invalidField(ctx, label, result.rule);
	if (API_KEY.test(result.text)) {
		throw invalidField(ctx, label, 'is a PinBridge API key, not an ID: keys never go in ID fields (API Key → Get Many lists each key’s ID)');
	}
	if (EXAMPLE_PLACEHOLDER.test(result.text)) {
		throw invalidField(ctx, label, `is still the example's placeholder "${result.text}": choose one from the list`);
	}
	return result.text;
}

/** An ID that must be given: the value, or an error naming the field. */
export function requiredIdParameter(ctx: ItemContext, name: string, label: string): string {
	const value = idParameter(ctx, name, label);
	if (!value) throw invalidField(ctx, label, 'is required');
	return value;
}

/** A length limit, counted in characters as PinBridge counts them (code points, not UTF-16 units). */
export function checkMaxLength(ctx: ItemContext, label: string, text: string, max: number): string {
	const count = characterCount(text);
	if (count > max) {
		throw invalidField(ctx, label, `must be at most ${max.toLocaleString('en-US')} characters (it has ${count.toLocaleString('en-US')})`);
	}
	return text;
}

/** A prepare step (resources/operation.ts) that insists an ID parameter is given and can be an id before anything is sent. */
export function requireId(name: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		requiredIdParameter(this, name, label);
		return requestOptions;
	};
}

/**
 * A list parameter (a field with multiple values, or an expression giving an array) as trimmed, non-empty strings.
 * Nested arrays are flattened, so `{{ $json.tags }}` in one of the values works too.
 */
export function stringListParameter(ctx: ItemContext, name: string, label: string): string[] {
	const raw = ctx.getNodeParameter(name, []) as unknown;
	const flat = (Array.isArray(raw) ? raw : [raw]).flat(Infinity) as unknown[];
	return flat
		.map((value) => {
			const result = textOf(value);
			if (!result.ok) throw invalidField(ctx, label, `each value ${result.rule}`);
			return result.text;
		})
		.filter((value) => value !== '');
}

/** A true/false value; an expression giving anything else (e.g. "no") is refused rather than sent. */
export function checkBoolean(ctx: ItemContext, label: string, value: unknown): boolean {
	if (typeof value !== 'boolean') throw invalidField(ctx, label, `must be true or false, got ${describeValue(value)}`);
	return value;
}

/** One of a fixed set of values (an options field fed by an expression can give anything). */
export function checkOneOf<T extends string>(
	ctx: ItemContext,
	label: string,
	value: unknown,
	allowed: readonly T[],
): T {
	if (typeof value !== 'string' || !allowed.includes(value as T)) {
		const got = typeof value === 'string' ? `"${value}"` : describeValue(value);
		throw invalidField(ctx, label, `must be one of ${allowed.join(', ')}, got ${got}`);
	}
	return value as T;
}
