import {
	NodeOperationError,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type PreSendAction,
} from 'n8n-workflow';

/**
 * Checks done before anything is sent. A failed check names the field and the rule, and no request leaves for
 * that item; with Continue On Fail the item carries the error and the others go on.
 */
export function invalidField(ctx: IExecuteSingleFunctions, field: string, rule: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${field}: ${rule}`, {
		itemIndex: ctx.getItemIndex(),
		description: 'Nothing was sent to PinBridge for this item.',
	});
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const NUMERIC_ID_PATTERN = /^[0-9]+$/;

/** The text of a string or resource-locator parameter, trimmed; '' when empty or missing. */
export function textParameter(ctx: IExecuteSingleFunctions, name: string, label: string): string {
	const value = ctx.getNodeParameter(name, '', { extractValue: true }) as unknown;
	if (value === null || value === undefined) return '';
	if (typeof value === 'object') throw invalidField(ctx, label, `must be text, got ${describeValue(value)}`);
	return String(value).trim();
}

/** How a wrong value is named in an error: its kind, never its contents (which may be large or private). */
export function describeValue(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'null';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A preSend that insists a parameter holds a PinBridge id (UUID) before the request is built into a URL. */
export function requireUuid(name: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = textParameter(this, name, label);
		if (!value) throw invalidField(this, label, 'is required');
		if (!UUID_PATTERN.test(value)) throw invalidField(this, label, `must be a PinBridge ID (a UUID), got "${value}"`);
		return requestOptions;
	};
}

/** A preSend that insists a parameter holds a numeric Pinterest id (boards). */
export function requireNumericId(name: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = textParameter(this, name, label);
		if (!value) throw invalidField(this, label, 'is required');
		if (!NUMERIC_ID_PATTERN.test(value)) {
			throw invalidField(this, label, `must be a Pinterest ID (digits only), got "${value}"`);
		}
		return requestOptions;
	};
}

/**
 * A list parameter (a field with multiple values, or an expression giving an array) as trimmed, non-empty strings.
 * Nested arrays are flattened, so `{{ $json.tags }}` in one of the values works too.
 */
export function stringListParameter(ctx: IExecuteSingleFunctions, name: string, label: string): string[] {
	const raw = ctx.getNodeParameter(name, []) as unknown;
	const flat = (Array.isArray(raw) ? raw : [raw]).flat(Infinity) as unknown[];
	const present = flat.filter((value) => value !== undefined && value !== null);
	const wrong = present.find((value) => typeof value === 'object');
	if (wrong !== undefined) throw invalidField(ctx, label, `each value must be text, got ${describeValue(wrong)}`);
	return present.map((value) => String(value).trim()).filter((value) => value !== '');
}

/** A true/false value; an expression giving anything else (e.g. "no") is refused rather than sent. */
export function checkBoolean(ctx: IExecuteSingleFunctions, label: string, value: unknown): boolean {
	if (typeof value !== 'boolean') throw invalidField(ctx, label, `must be true or false, got ${describeValue(value)}`);
	return value;
}

/** One of a fixed set of values (an options field fed by an expression can give anything). */
export function checkOneOf<T extends string>(
	ctx: IExecuteSingleFunctions,
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

/** Optional text: '' when empty; anything but text (or a number) is refused. */
export function checkOptionalText(ctx: IExecuteSingleFunctions, label: string, value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'object' || typeof value === 'boolean') {
		throw invalidField(ctx, label, `must be text, got ${describeValue(value)}`);
	}
	return String(value).trim();
}
