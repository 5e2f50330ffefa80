/**
 * Schedule → Add to Queue: the posting plan's parameters read and checked (Posting Times, Pins per Slot, Time Zone,
 * Start, End). A broken rule comes back with the field it belongs to, for invalidField(). Pure: no request.
 */
import { formatWithOffset, isKnownTimeZone, resolveDateTime } from '../../shared/runAt';
import { MIN_LEAD_MS, type PostingPlan, type Weekday } from './queuePlan';

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
