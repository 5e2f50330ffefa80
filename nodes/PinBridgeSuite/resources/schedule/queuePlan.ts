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
import { formatWithOffset, wallClockToInstant, zoneOffsetMinutes } from '../../shared/runAt';

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

export const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Slots start at least this far ahead, so a Pin is never scheduled into the past while the run goes on. */
export const MIN_LEAD_MS = MINUTE_MS;
/** A plan without an end is looked at this far ahead at most. */
export const HORIZON_DAYS = 3_660;

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
