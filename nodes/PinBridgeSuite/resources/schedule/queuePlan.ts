/**
 * Schedule → Add to Queue: the posting plan and its slots. Pure: no request, no n8n context.
 *
 * A plan is a set of times of day per weekday in one IANA zone ("Mon–Fri 09:00, 13:00, 19:00; Sat 11:00" in
 * Europe/Berlin), at most `perSlot` Pins in each slot, from a start to an optional end. Slots are worked out with
 * Intl (no luxon in shipped code) and, across clock changes, fall where n8n's own Schedule Trigger fires the same
 * time of day (n8n 2.41.1: n8n-core's ScheduledTaskManager runs `cron` 4.4.0, whose CronTime uses luxon 3.7.2):
 * - a time that does not exist on a spring-forward day runs when the clocks change (02:30 → 03:00 in Berlin or New
 *   York). cron compares with the offset of 1 January, so where 1 January is itself summer time (the southern
 *   hemisphere) it moves the time forward by the length of the gap instead (Sydney 02:30 → 03:30): so does this;
 * - a time that happens twice on a fall-back day is one slot, at its first occurrence. (On that day cron 4.4 also
 *   fires the next hour's time one hour early, e.g. 03:30 at 02:30 CET in Berlin; that slip is not copied.)
 */
import { formatWithOffset, isKnownTimeZone, resolveDateTime, wallClockToInstant, zoneOffsetMinutes } from '../../shared/runAt';

/** ISO weekdays: 1 Monday … 7 Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface PostingPlan {
	/** IANA zone the times of day are read in. */
	timeZone: string;
	/** Minutes after local midnight, ascending and without repeats, for each weekday that has any. */
	timesByWeekday: Partial<Record<Weekday, number[]>>;
	/** Pins per slot (per account or per board: the caller counts per scope). */
	perSlot: number;
	/** Epoch ms: no slot before it. */
	start: number;
	/** Epoch ms: no slot after it. */
	end?: number;
}

export interface Slot {
	/** The planned wall-clock time, `2026-03-29T02:30`: the slot's name even when a clock change moved it. */
	key: string;
	/** Epoch ms of the slot. */
	instant: number;
	/** `2026-03-29T03:00:00+02:00`: the instant in the plan's zone, as run_at is sent. */
	local: string;
	/** `2026-03-29T01:00:00Z`. */
	utc: string;
	/** Pins the slot takes: perSlot, times the planned times that land on this instant (02:30 and 03:00 on a gap day). */
	capacity: number;
}

export type Read<T> = { ok: true; value: T } | { ok: false; field: string; rule: string };

/** The parameter names errors use (the fields the operation shows). */
export const QUEUE_FIELDS = {
	postingTimes: 'Posting Times',
	days: 'Posting Times → Days',
	times: 'Posting Times → Times',
	perSlot: 'Pins per Slot',
	timeZone: 'Time Zone',
	start: 'Start',
	end: 'End',
} as const;

export const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Slots start at least this far ahead, so a Pin is never scheduled into the past while the run goes on. */
export const MIN_LEAD_MS = MINUTE_MS;
/** A plan without an end is looked at this far ahead at most. */
export const HORIZON_DAYS = 3_660;
export const MAX_PINS_PER_SLOT = 1_000;

const DAY_NAMES: Record<string, Weekday[]> = {
	monday: [1],
	tuesday: [2],
	wednesday: [3],
	thursday: [4],
	friday: [5],
	saturday: [6],
	sunday: [7],
	weekdays: [1, 2, 3, 4, 5],
	weekend: [6, 7],
	everyday: [1, 2, 3, 4, 5, 6, 7],
	daily: [1, 2, 3, 4, 5, 6, 7],
};

/** `Monday`, `mon`, `weekdays`, `Every Day`, or n8n's Schedule Trigger numbers (1 Monday … 7 or 0 Sunday). */
function weekdaysOf(token: unknown): Weekday[] | undefined {
	if (typeof token === 'number' || (typeof token === 'string' && /^\d$/.test(token.trim()))) {
		const day = Number(token);
		if (day === 0 || day === 7) return [7];
		return day >= 1 && day <= 6 ? [day as Weekday] : undefined;
	}
	if (typeof token !== 'string') return undefined;
	const name = token.trim().toLowerCase().replace(/[\s_-]/g, '');
	if (DAY_NAMES[name]) return DAY_NAMES[name];
	const short = Object.keys(DAY_NAMES).find((day) => name.length === 3 && day.startsWith(name) && DAY_NAMES[day].length === 1);
	return short ? DAY_NAMES[short] : undefined;
}

/** A list given as an array, or as text separated by commas, semicolons or new lines (an expression may give either). */
function listOf(raw: unknown): unknown[] {
	if (Array.isArray(raw)) return raw.flatMap((entry) => listOf(entry));
	if (typeof raw === 'string') return raw.split(/[,;\n]/).map((part) => part.trim()).filter((part) => part !== '');
	return raw === undefined || raw === null ? [] : [raw];
}

const TIME_OF_DAY = /^(\d{1,2}):(\d{2})$/;

/** `09:00` → 540. */
function minutesOf(token: unknown): number | undefined {
	const match = typeof token === 'string' ? TIME_OF_DAY.exec(token.trim()) : null;
	if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return undefined;
	return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The Posting Times parameter (a fixedCollection: a list of `{days, times}`, or the object holding that list) as
 * times per weekday. Entries for the same day add up; a time given twice for a day is one slot.
 */
export function readPostingTimes(raw: unknown): Read<Partial<Record<Weekday, number[]>>> {
	let entries: unknown = raw;
	if (entries && typeof entries === 'object' && !Array.isArray(entries)) {
		const lists = Object.values(entries).filter((value) => Array.isArray(value));
		const single = 'days' in entries || 'times' in entries;
		entries = single ? [entries] : lists.length === 1 ? lists[0] : [];
	}
	const fail = (field: string, rule: string): Read<never> => ({ ok: false, field, rule });
	const byDay = new Map<Weekday, Set<number>>();
	for (const entry of Array.isArray(entries) ? entries : []) {
		const { days, times } = (entry ?? {}) as { days?: unknown; times?: unknown };
		const dayTokens = listOf(days);
		if (dayTokens.length === 0) return fail(QUEUE_FIELDS.days, 'is required: choose at least one day for each set of times');
		const weekdays: Weekday[] = [];
		for (const token of dayTokens) {
			const found = weekdaysOf(token);
			if (!found) {
				return fail(QUEUE_FIELDS.days, `must name days of the week (Monday … Sunday, Weekdays, Weekend, Every Day), got "${String(token)}"`);
			}
			weekdays.push(...found);
		}
		const timeTokens = listOf(times);
		if (timeTokens.length === 0) return fail(QUEUE_FIELDS.times, 'is required: give at least one time of day, e.g. 09:00, 13:00, 19:00');
		const minutes: number[] = [];
		for (const token of timeTokens) {
			const value = minutesOf(token);
			if (value === undefined) {
				return fail(QUEUE_FIELDS.times, `each time must be HH:MM on a 24-hour clock (e.g. 09:00, 13:30), got "${String(token)}"`);
			}
			minutes.push(value);
		}
		for (const day of weekdays) {
			const set = byDay.get(day) ?? new Set<number>();
			minutes.forEach((minute) => set.add(minute));
			byDay.set(day, set);
		}
	}
	if (byDay.size === 0) return fail(QUEUE_FIELDS.postingTimes, 'is required: add at least one set of days and times');
	const timesByWeekday: Partial<Record<Weekday, number[]>> = {};
	for (const [day, set] of byDay) timesByWeekday[day] = [...set].sort((a, b) => a - b);
	return { ok: true, value: timesByWeekday };
}

export interface PostingPlanInput {
	postingTimes: unknown;
	perSlot: unknown;
	/** The zone chosen, or the workflow's. */
	timeZone: string;
	/** Empty: now. Text without an offset is read in `timeZone`. */
	start?: unknown;
	/** Empty: no end. Text without an offset is read in `timeZone`. */
	end?: unknown;
	now: number;
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Every plan parameter read and checked; the first rule broken is returned with the field it belongs to. */
export function readPostingPlan(input: PostingPlanInput): Read<PostingPlan> {
	const timeZone = input.timeZone.trim();
	if (!isKnownTimeZone(timeZone)) {
		return { ok: false, field: QUEUE_FIELDS.timeZone, rule: `must be an IANA time zone such as Europe/Berlin, got "${timeZone}"` };
	}
	const times = readPostingTimes(input.postingTimes);
	if (!times.ok) return times;
	const perSlot = typeof input.perSlot === 'string' && input.perSlot.trim() !== '' ? Number(input.perSlot) : input.perSlot;
	if (typeof perSlot !== 'number' || !Number.isInteger(perSlot) || perSlot < 1 || perSlot > MAX_PINS_PER_SLOT) {
		return { ok: false, field: QUEUE_FIELDS.perSlot, rule: `must be a whole number from 1 to ${MAX_PINS_PER_SLOT}, got ${JSON.stringify(input.perSlot)}` };
	}
	let start = input.now;
	if (!isEmpty(input.start)) {
		const read = resolveDateTime(input.start, timeZone);
		if (!read.ok) return { ok: false, field: QUEUE_FIELDS.start, rule: read.rule };
		start = read.instant;
	}
	let end: number | undefined;
	if (!isEmpty(input.end)) {
		const read = resolveDateTime(input.end, timeZone);
		if (!read.ok) return { ok: false, field: QUEUE_FIELDS.end, rule: read.rule };
		end = read.instant;
		const earliest = Math.max(start, input.now + MIN_LEAD_MS);
		if (end < earliest) {
			return {
				ok: false,
				field: QUEUE_FIELDS.end,
				rule: `must be later than Start and at least a minute from now, got ${read.value} (earliest slot ${formatWithOffset(earliest, timeZone)})`,
			};
		}
	}
	return { ok: true, value: { timeZone, timesByWeekday: times.value, perSlot, start, end } };
}

/** The first moment a slot may take: the plan's start, but never less than a minute from now. */
export function earliestSlotTime(plan: PostingPlan, now: number): number {
	return Math.max(plan.start, now + MIN_LEAD_MS);
}

const januaryOffsets = new Map<string, number>();

/** The zone's offset at 00:00 on 1 January of `year`: cron's reference for "not summer time". */
function januaryOffset(timeZone: string, year: number): number {
	const key = `${timeZone}\u0000${year}`;
	let offset = januaryOffsets.get(key);
	if (offset === undefined) {
		offset = zoneOffsetMinutes(timeZone, wallClockToInstant(Date.UTC(year, 0, 1), timeZone));
		januaryOffsets.set(key, offset);
	}
	return offset;
}

/** Walking back over a clock change never needs more than this (the largest changes are an hour or two). */
const MAX_GAP_MINUTES = 180;

/**
 * The instant a planned wall-clock time (given as if it were UTC) runs at in the zone: as it is on most days; at its
 * first occurrence when it happens twice; and, when it does not exist, where cron 4.4 puts it (see the top).
 */
export function slotInstant(wallAsUtc: number, timeZone: string): number {
	const before = zoneOffsetMinutes(timeZone, wallAsUtc - DAY_MS);
	const after = zoneOffsetMinutes(timeZone, wallAsUtc + DAY_MS);
	// The larger offset first: in an overlap both fit, and the larger one is the earlier instant.
	for (const offset of new Set([Math.max(before, after), Math.min(before, after)])) {
		const instant = wallAsUtc - offset * MINUTE_MS;
		if (zoneOffsetMinutes(timeZone, instant) === offset) return instant;
	}
	// The gap. luxon reads the time with the offset from before the change (forward by the gap); cron then walks back
	// minute by minute to the change itself, unless that offset is already 1 January's.
	const shifted = wallAsUtc - Math.min(before, after) * MINUTE_MS;
	const reference = januaryOffset(timeZone, new Date(wallAsUtc).getUTCFullYear());
	if (zoneOffsetMinutes(timeZone, shifted) === reference) return shifted;
	let instant = shifted;
	for (let step = 0; step < MAX_GAP_MINUTES && zoneOffsetMinutes(timeZone, instant - MINUTE_MS) !== reference; step++) {
		instant -= MINUTE_MS;
	}
	return instant;
}

const pad = (value: number) => String(value).padStart(2, '0');

function wallKey(wallAsUtc: number): string {
	const date = new Date(wallAsUtc);
	return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** `2026-12-01T08:00:00Z` (whole seconds, as PinBridge writes run_at). */
export function utcText(instant: number): string {
	return new Date(instant).toISOString().replace(/\.000Z$/, 'Z');
}

/** Local midnight of the day `instant` falls on in the zone, as if it were UTC. */
function localDayOf(instant: number, timeZone: string): number {
	const wall = instant + zoneOffsetMinutes(timeZone, instant) * MINUTE_MS;
	return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
}

/** The day's slots in time order; planned times that land on one instant (a gap day) share a slot. */
function slotsOfDay(plan: PostingPlan, day: number): Slot[] {
	const weekday = (((new Date(day).getUTCDay() + 6) % 7) + 1) as Weekday;
	const slots: Slot[] = [];
	for (const minutes of plan.timesByWeekday[weekday] ?? []) {
		const wall = day + minutes * MINUTE_MS;
		const instant = slotInstant(wall, plan.timeZone);
		const same = slots.find((slot) => slot.instant === instant);
		if (same) {
			same.capacity += plan.perSlot;
			continue;
		}
		slots.push({
			key: wallKey(wall),
			instant,
			local: formatWithOffset(instant, plan.timeZone),
			utc: utcText(instant),
			capacity: plan.perSlot,
		});
	}
	return slots.sort((a, b) => a.instant - b.instant);
}

/**
 * The plan's slots from `earliest` on (see earliestSlotTime), in time order, up to the plan's end or HORIZON_DAYS
 * days ahead. Lazy: a caller takes only as many as it fills.
 */
export function* slotsFrom(plan: PostingPlan, earliest: number): Generator<Slot> {
	// From the day before: a slot moved by a clock change may not sit on its planned day.
	const first = localDayOf(earliest, plan.timeZone) - DAY_MS;
	const last = plan.end === undefined ? first + HORIZON_DAYS * DAY_MS : localDayOf(plan.end, plan.timeZone) + DAY_MS;
	for (let day = first; day <= last; day += DAY_MS) {
		for (const slot of slotsOfDay(plan, day)) {
			if (slot.instant < earliest) continue;
			if (plan.end !== undefined && slot.instant > plan.end) return;
			yield slot;
		}
	}
}
