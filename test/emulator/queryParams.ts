// Query parameters as pydantic reads them (422 items on the Validator): paging, strings, enums, booleans, times.
import { parseIsoDate, type Validator } from './validate';

export interface PageQuery {
	limit: number;
	offset: number;
}

export function pageQuery(v: Validator, defaultLimit = 50): PageQuery {
	const limit = intQuery(v, 'limit', defaultLimit, 1, 200);
	const offset = intQuery(v, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
	return { limit, offset };
}

export function intQuery(v: Validator, field: string, dflt: number, min: number, max: number): number {
	const raw = v.obj[field];
	if (raw === undefined || raw === '') return dflt;
	const s = Array.isArray(raw) ? raw[raw.length - 1] : raw;
	if (typeof s !== 'string' || !/^-?\d+$/.test(s.trim())) {
		v.add(field, 'Input should be a valid integer, unable to parse string as an integer', 'int_parsing', raw);
		return dflt;
	}
	const n = Number(s);
	if (n < min) {
		v.add(field, `Input should be greater than or equal to ${min}`, 'greater_than_equal', s);
		return dflt;
	}
	if (n > max) {
		v.add(field, `Input should be less than or equal to ${max}`, 'less_than_equal', s);
		return dflt;
	}
	return n;
}

export function queryStr(v: Validator, field: string): string | null {
	const raw = v.obj[field];
	if (raw === undefined || raw === '') return null;
	return Array.isArray(raw) ? String(raw[raw.length - 1]) : String(raw);
}

/** A query value from a fixed set (422 `enum` otherwise); null when absent. */
export function queryOneOf<T extends string>(v: Validator, field: string, allowed: readonly T[]): T | null {
	const s = queryStr(v, field);
	if (s === null) return null;
	if (!allowed.includes(s as T)) {
		v.add(field, `Input should be ${allowed.map((a) => `'${a}'`).join(', ')}`, 'enum', s);
		return null;
	}
	return s as T;
}

/** `true` / `false` in a query (pydantic also takes 1/0); null when absent, 422 `bool_parsing` otherwise. */
export function queryBool(v: Validator, field: string): boolean | null {
	const s = queryStr(v, field);
	if (s === null) return null;
	const lower = s.toLowerCase();
	if (lower === 'true' || lower === '1') return true;
	if (lower === 'false' || lower === '0') return false;
	v.add(field, 'Input should be a valid boolean, unable to interpret input', 'bool_parsing', s);
	return null;
}

export function queryTime(v: Validator, field: string): number | null {
	const s = queryStr(v, field);
	if (s === null) return null;
	const ms = parseIsoDate(s);
	if (ms === null) v.add(field, 'Input should be a valid datetime', 'datetime_parsing', s);
	return ms;
}
