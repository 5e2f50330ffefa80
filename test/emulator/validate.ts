// Pydantic-style validation: collect every problem, answer one 422 list (contract §2 shape 2).
import { validation, type ValidationItem } from './errors';
import type { IdFormat } from './ids';

const COLOR_RE = /^#[0-9A-Fa-f]{6}$/;
const DT_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|z|[+-]\d{2}:?\d{2})?$/;

/**
 * Characters as PinBridge counts them for min/max lengths: code points, like pydantic (len() of a Python str), not
 * JavaScript's UTF-16 units. The node counts the same way (nodes/shared/values.ts); test/shared/characterCounts.cases.ts
 * holds the one table both are tested against. Written here on its own so that the emulator does not share the node's
 * code: a mistake in one shows up as a disagreement.
 */
export function characters(v: string): number {
	let count = 0;
	for (let i = 0; i < v.length; i++) {
		const unit = v.charCodeAt(i);
		// A high surrogate followed by a low one is one code point.
		if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < v.length) {
			const next = v.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) i++;
		}
		count++;
	}
	return count;
}

export interface StrRule {
	required?: boolean;
	min?: number;
	max?: number;
	/** names a PinBridge record: checked as the profile's ids are made (`emu.store.ids.format`) */
	id?: IdFormat;
	url?: boolean;
	pattern?: RegExp;
	oneOf?: readonly string[];
}

export class Validator {
	readonly errors: ValidationItem[] = [];
	readonly obj: Record<string, unknown>;

	constructor(
		input: unknown,
		private readonly prefix: Array<string | number> = ['body'],
	) {
		if (input === null || typeof input !== 'object' || Array.isArray(input)) {
			this.errors.push({
				loc: [...prefix],
				msg: 'Input should be a valid dictionary or object to extract fields from',
				type: 'model_attributes_type',
				input,
			});
			this.obj = {};
		} else this.obj = input as Record<string, unknown>;
	}

	get ok(): boolean {
		return this.errors.length === 0;
	}

	add(field: string | Array<string | number>, msg: string, type: string, input?: unknown): void {
		const loc = [...this.prefix, ...(Array.isArray(field) ? field : [field])];
		this.errors.push({ loc, msg, type, input });
	}

	has(field: string): boolean {
		return this.obj[field] !== undefined && this.obj[field] !== null;
	}

	str(field: string, rule: StrRule = {}): string | null {
		const v = this.obj[field];
		if (v === undefined || v === null) {
			if (rule.required) this.add(field, v === null ? 'Input should be a valid string' : 'Field required', v === null ? 'string_type' : 'missing', v);
			return null;
		}
		if (typeof v !== 'string') {
			this.add(field, 'Input should be a valid string', 'string_type', v);
			return null;
		}
		if (rule.min !== undefined && characters(v) < rule.min) {
			this.add(field, `String should have at least ${rule.min} character${rule.min === 1 ? '' : 's'}`, 'string_too_short', v);
			return null;
		}
		if (rule.max !== undefined && characters(v) > rule.max) {
			this.add(field, `String should have at most ${rule.max} characters`, 'string_too_long', v);
			return null;
		}
		if (rule.id && !rule.id.test(v)) {
			this.add(field, rule.id.msg, rule.id.type, v);
			return null;
		}
		if (rule.url && !isHttpUrl(v)) {
			this.add(field, "Input should be a valid URL with scheme 'http' or 'https'", 'url_parsing', v);
			return null;
		}
		if (rule.pattern && !rule.pattern.test(v)) {
			this.add(field, `String should match pattern '${rule.pattern.source}'`, 'string_pattern_mismatch', v);
			return null;
		}
		if (rule.oneOf && !rule.oneOf.includes(v)) {
			this.add(field, `Input should be ${rule.oneOf.map((o) => `'${o}'`).join(' or ')}`, 'enum', v);
			return null;
		}
		return v;
	}

	strList(field: string, itemRule: StrRule = {}): string[] | null {
		const v = this.obj[field];
		if (v === undefined || v === null) return null;
		if (!Array.isArray(v)) {
			this.add(field, 'Input should be a valid list', 'list_type', v);
			return null;
		}
		const out: string[] = [];
		v.forEach((item, i) => {
			if (typeof item !== 'string') this.add([field, i], 'Input should be a valid string', 'string_type', item);
			else if (itemRule.oneOf && !itemRule.oneOf.includes(item))
				this.add([field, i], `Input should be ${itemRule.oneOf.map((o) => `'${o}'`).join(' or ')}`, 'enum', item);
			else out.push(item);
		});
		return out;
	}

	/** §8.16 item 8: a list of strings, or one comma-separated string (split, trimmed, empties dropped). */
	termList(field: string): string[] | null {
		const v = this.obj[field];
		if (typeof v === 'string') return splitTerms([v]);
		return this.strList(field);
	}

	bool(field: string): boolean | null {
		const v = this.obj[field];
		if (v === undefined || v === null) return null;
		if (typeof v !== 'boolean') {
			this.add(field, 'Input should be a valid boolean', 'bool_type', v);
			return null;
		}
		return v;
	}

	/** ISO 8601 date-time that must carry an offset; returns epoch ms */
	datetimeWithOffset(field: string, required: boolean): number | null {
		const v = this.obj[field];
		if (v === undefined || v === null) {
			if (required) this.add(field, 'Field required', 'missing', v);
			return null;
		}
		const ms = typeof v === 'string' ? parseIsoDate(v) : null;
		if (typeof v !== 'string' || ms === null) {
			this.add(field, 'Input should be a valid datetime', 'datetime_parsing', v);
			return null;
		}
		if (!hasOffset(v)) {
			this.add(field, 'Input should have timezone info', 'timezone_aware', v);
			return null;
		}
		return ms;
	}

	throwIfErrors(): void {
		if (this.errors.length) throw validation(this.errors);
	}
}

/** Comma-separated values, split, trimmed, empties dropped (terms and related_terms, §8.13 / §8.16 item 8). */
export function splitTerms(values: string[]): string[] {
	return values.flatMap((value) => value.split(',')).map((term) => term.trim()).filter((term) => term !== '');
}

export function isHttpUrl(v: string): boolean {
	try {
		const u = new URL(v);
		return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
	} catch {
		return false;
	}
}

export function hasOffset(v: string): boolean {
	const m = DT_RE.exec(v.trim());
	return !!m && !!m[7];
}

/** Accepts ISO date-times (with or without offset; naive = UTC) and plain dates. */
export function parseIsoDate(v: string): number | null {
	const s = v.trim();
	if (!DT_RE.test(s) && !/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
	const withZone = DT_RE.test(s) && !hasOffset(s) ? `${s.replace(' ', 'T')}Z` : s.replace(' ', 'T');
	const ms = Date.parse(withZone);
	return Number.isNaN(ms) ? null : ms;
}

export interface PinInput {
	/** null: not sent; the account that holds the board is used (§9.1.3, publishRules.ts) */
	account_id: string | null;
	board_id: string;
	title: string;
	description: string | null;
	link_url: string | null;
	alt_text: string | null;
	related_terms: string[];
	dominant_color: string | null;
	image_url: string | null;
	asset_id: string | null;
	cover_image_url: string | null;
	cover_image_asset_id: string | null;
	idempotency_key: string | null;
	run_at: number | null;
}

/** Shared by POST /v1/pins, POST /v1/schedules and import rows. */
export function validatePinLike(
	v: Validator,
	mode: {
		idempotency: 'required' | 'optional' | 'none';
		runAt: 'required' | 'optional' | 'none';
		now: number;
		/** the profile's id format (emu.store.ids.format) */
		ids: IdFormat;
	},
): PinInput {
	const out: PinInput = {
		// §9.1.3: optional, as on PinBridge's quick-start page; without it the board's account is used
		account_id: v.str('account_id', { id: mode.ids }),
		board_id: v.str('board_id', { required: true, min: 1 }) ?? '',
		title: v.str('title', { required: true, max: 100 }) ?? '',
		description: v.str('description', { max: 800 }),
		link_url: v.str('link_url', { max: 2048, url: true }),
		alt_text: v.str('alt_text', { max: 500 }),
		related_terms: v.termList('related_terms') ?? [],
		dominant_color: v.str('dominant_color', { pattern: COLOR_RE }),
		image_url: v.str('image_url', { url: true, max: 2048 }),
		asset_id: v.str('asset_id', { id: mode.ids }),
		cover_image_url: v.str('cover_image_url', { url: true, max: 2048 }),
		cover_image_asset_id: v.str('cover_image_asset_id', { id: mode.ids }),
		idempotency_key: null,
		run_at: null,
	};
	if (mode.idempotency !== 'none')
		out.idempotency_key = v.str('idempotency_key', { required: mode.idempotency === 'required', min: 1, max: 255 });
	const hasImage = v.has('image_url');
	const hasAsset = v.has('asset_id');
	if (hasImage === hasAsset)
		v.add(
			hasImage ? ['image_url'] : ['image_url'],
			'Value error, provide exactly one of image_url or asset_id',
			'value_error',
		);
	if (v.has('cover_image_url') && v.has('cover_image_asset_id'))
		v.add('cover_image_url', 'Value error, provide at most one of cover_image_url or cover_image_asset_id', 'value_error');
	if (mode.runAt !== 'none') {
		const runAt = v.datetimeWithOffset('run_at', mode.runAt === 'required');
		if (runAt !== null && runAt <= mode.now) v.add('run_at', 'Value error, run_at must be in the future', 'value_error', v.obj.run_at);
		out.run_at = runAt;
	}
	return out;
}

export { intQuery, pageQuery, queryBool, queryOneOf, queryStr, queryTime, type PageQuery } from './queryParams';
