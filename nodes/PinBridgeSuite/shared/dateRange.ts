/**
 * Calendar dates for analytics ranges (contract §8.8: `start_date`/`end_date` as `YYYY-MM-DD`, both inclusive).
 * n8n's date field gives `2026-03-01T00:00:00`, expressions give text, Dates or luxon DateTimes: all become the
 * calendar date the user meant — the date as written for text, the date in the workflow's time zone for instants.
 */
import { formatWithOffset, resolveDateTime } from './runAt';

export type DateResult = { ok: true; value: string } | { ok: false; rule: string };

const DAY_MS = 86_400_000;
const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
const EXAMPLE = 'e.g. 2026-03-01';

/** Whether `YYYY-MM-DD` names a real day (no 30 February). */
function isRealDate(year: number, month: number, day: number): boolean {
	const check = new Date(Date.UTC(year, month - 1, day));
	return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

/** The calendar date an instant falls on in a time zone. */
export function dateInZone(instant: number, timeZone: string): string {
	return formatWithOffset(instant, timeZone).slice(0, 10);
}

/** `YYYY-MM-DD` plus `days` (negative to go back). */
export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (`2026-03-01` → `2026-03-02` is 1). */
export function daysBetween(from: string, to: string): number {
	const ms = (date: string) => {
		const [y, m, d] = date.split('-').map(Number);
		return Date.UTC(y, m - 1, d);
	};
	return Math.round((ms(to) - ms(from)) / DAY_MS);
}

/** Any date value as `YYYY-MM-DD`; empty gives `fallback`. Returns the rule that failed instead of throwing. */
export function resolveCalendarDate(raw: unknown, timeZone: string, fallback: string): DateResult {
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		return { ok: true, value: fallback };
	}
	if (typeof raw === 'string') {
		const text = raw.trim();
		const prefix = DATE_PREFIX.exec(text);
		if (!prefix) return { ok: false, rule: `"${text}" is not a date PinBridge can read (${EXAMPLE})` };
		if (!isRealDate(+prefix[1], +prefix[2], +prefix[3])) return { ok: false, rule: `"${text}" is not a valid date` };
		// A time after the date must be readable too ("2026-03-01Tlunch" is a typo, not a date).
		if (text.length > 10 && !resolveDateTime(text, 'UTC').ok) {
			return { ok: false, rule: `"${text}" is not a date PinBridge can read (${EXAMPLE})` };
		}
		return { ok: true, value: text.slice(0, 10) };
	}
	if (raw instanceof Date) {
		return Number.isNaN(raw.getTime())
			? { ok: false, rule: 'is not a valid date' }
			: { ok: true, value: dateInZone(raw.getTime(), timeZone) };
	}
	const luxonLike = raw as { toISODate?: unknown; isValid?: unknown };
	if (typeof raw === 'object' && typeof luxonLike.toISODate === 'function' && luxonLike.isValid !== false) {
		// A luxon DateTime (`{{ $today.minus(7, 'days') }}`) already sits in the workflow's zone: its own date.
		const iso = (luxonLike.toISODate as () => unknown).call(raw);
		if (typeof iso === 'string') return { ok: true, value: iso };
	}
	return { ok: false, rule: `must be a date (${EXAMPLE})` };
}
