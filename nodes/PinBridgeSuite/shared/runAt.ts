/**
 * `run_at` handling. PinBridge needs an explicit offset on anything that schedules (contract §1), while n8n's date
 * field hands over wall-clock text without one (`2026-12-01T09:00:00`). Such a value means "09:00 where this workflow
 * lives", so it is read in the workflow's time zone — never silently as UTC — and sent with the offset that zone has
 * on that date (DST-correct, from Intl; no luxon in shipped code). A value that already names its offset is kept.
 */

export type RunAtResult =
	| { ok: true; /** What is sent as run_at. */ value: string; /** Epoch ms. */ instant: number }
	| { ok: false; rule: string };

const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** Whether Intl knows the zone (n8n lets users type any text into the workflow's time zone setting). */
export function isKnownTimeZone(timeZone: string): boolean {
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** The zone's offset from UTC at an instant, in minutes (Berlin in winter: 60). */
export function zoneOffsetMinutes(timeZone: string, instant: number): number {
	const parts: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	const wallAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return Math.round((wallAsUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time (given as if it were UTC) means in a zone. In the spring-forward gap the time does not
 * exist and is moved forward by the gap (02:30 → 03:30), as clocks and luxon do; in the autumn overlap the first
 * occurrence (summer time) is taken.
 */
export function wallClockToInstant(wallAsUtc: number, timeZone: string): number {
	const before = zoneOffsetMinutes(timeZone, wallAsUtc - 86_400_000);
	const after = zoneOffsetMinutes(timeZone, wallAsUtc + 86_400_000);
	// Try the larger offset first: in an overlap both fit, and the larger one is the earlier instant.
	const candidates = [...new Set([Math.max(before, after), Math.min(before, after)])];
	for (const offset of candidates) {
		const instant = wallAsUtc - offset * 60_000;
		if (zoneOffsetMinutes(timeZone, instant) === offset) return instant;
	}
	// The gap: no offset fits; read the time with the offset from before the change, which lands after it.
	return wallAsUtc - Math.min(before, after) * 60_000;
}

function pad(value: number, width = 2): string {
	return String(Math.abs(value)).padStart(width, '0');
}

/** `2026-12-01T09:00:00+01:00`: the instant written in the zone's local time with its offset. */
export function formatWithOffset(instant: number, timeZone: string): string {
	const offset = zoneOffsetMinutes(timeZone, instant);
	const local = new Date(instant + offset * 60_000);
	const ms = local.getUTCMilliseconds();
	const sign = offset < 0 ? '-' : '+';
	return (
		`${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
		`T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
		(ms ? `.${pad(ms, 3)}` : '') +
		`${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
	);
}

/** Date objects and luxon DateTimes (what `{{ $now.plus(1, 'day') }}` gives) carry their instant and offset. */
function fromObject(value: object): string | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	const candidate = value as { toISO?: unknown; isValid?: unknown };
	if (typeof candidate.toISO === 'function' && candidate.isValid !== false) {
		const iso = (candidate.toISO as () => unknown).call(value);
		return typeof iso === 'string' ? iso : undefined;
	}
	return undefined;
}

/** `Z`, `+01`, `+0100` and `+01:00` as ISO 8601's `Z` / `+01:00`. */
function isoOffset(offset: string): string {
	if (offset.toUpperCase() === 'Z') return 'Z';
	const digits = offset.slice(1).replace(':', '');
	return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

const EXAMPLE = 'e.g. 2026-12-01T09:00:00 or 2026-12-01T09:00:00+01:00';

/**
 * Any date-time value (text from n8n's date field or an expression, a Date, a luxon DateTime) as ISO 8601 with an
 * explicit offset; text without one is read in `timeZone` (the workflow's). Also right for since/until filters.
 * Returns the rule that failed instead of throwing, so the caller can name its own field.
 */
export function resolveDateTime(raw: unknown, timeZone: string): RunAtResult {
	if (raw === undefined || raw === null) return { ok: false, rule: 'is required' };
	let text: string | undefined;
	if (typeof raw === 'string') text = raw.trim();
	else if (raw && typeof raw === 'object') text = fromObject(raw);
	if (text === undefined) return { ok: false, rule: `must be a date and time (${EXAMPLE})` };
	if (text === '') return { ok: false, rule: 'is required' };

	let value: string;
	let instant: number;
	const withOffset = WITH_OFFSET.exec(text);
	const wall = withOffset ? null : WALL_CLOCK.exec(text);
	if (withOffset) {
		// Kept as the user wrote it; only the form is made strict ISO 8601 (T separator, ±HH:MM offset).
		value = `${withOffset[1]}T${withOffset[2]}${isoOffset(withOffset[3])}`;
		instant = Date.parse(value);
	} else if (wall) {
		if (!isKnownTimeZone(timeZone)) {
			return {
				ok: false,
				rule: `has no time zone offset and the workflow's time zone "${timeZone}" is unknown; add an offset such as +01:00`,
			};
		}
		const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0'] = wall;
		const wallAsUtc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Math.round(Number(`0.${fraction}`) * 1000));
		const check = new Date(wallAsUtc);
		if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) {
			return { ok: false, rule: `"${text}" is not a valid date and time` };
		}
		instant = wallClockToInstant(wallAsUtc, timeZone);
		value = formatWithOffset(instant, timeZone);
	} else {
		return { ok: false, rule: `"${text}" is not a date and time PinBridge can read (${EXAMPLE})` };
	}
	if (Number.isNaN(instant)) return { ok: false, rule: `"${text}" is not a valid date and time` };
	return { ok: true, value, instant };
}

/** A Run At value: resolveDateTime(), and it must lie after `now` (epoch ms), as PinBridge requires. */
export function resolveRunAt(raw: unknown, timeZone: string, now: number): RunAtResult {
	const result = resolveDateTime(raw, timeZone);
	if (result.ok && result.instant <= now) {
		return { ok: false, rule: `must be in the future, got ${result.value} (now is ${new Date(now).toISOString()})` };
	}
	return result;
}
