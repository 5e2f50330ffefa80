// Add to Queue, the posting plan: reading its parameters, and the slots it gives (weekday sets, zones, clock changes,
// per-slot capacity, start/end, never in the past). Pure: no request.
import { HORIZON_DAYS, slotsFrom, earliestSlotTime, type PostingPlan, type Slot } from '../../../nodes/PinBridgeSuite/resources/schedule/queuePlan';
import { readPostingPlan, readPostingTimes } from '../../../nodes/PinBridgeSuite/resources/schedule/queuePlanParameters';

const EVERY_DAY = { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
const daily = (timeZone: string, ...times: number[]): PostingPlan => ({
	timeZone,
	timesByWeekday: Object.fromEntries(Object.keys(EVERY_DAY).map((day) => [day, times])),
	perSlot: 1,
	start: 0,
});
const hm = (h: number, m = 0) => h * 60 + m;
const take = (slots: Iterable<Slot>, count: number): Slot[] => {
	const out: Slot[] = [];
	for (const slot of slots) {
		out.push(slot);
		if (out.length === count) break;
	}
	return out;
};
const locals = (slots: Slot[]) => slots.map((slot) => slot.local);

/** The plan from the issue: Mon–Fri 09:00, 13:00, 19:00; Sat 11:00. */
const ISSUE_TIMES = {
	slot: [
		{ days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], times: '09:00, 13:00, 19:00' },
		{ days: ['saturday'], times: '11:00' },
	],
};

describe('Posting Times', () => {
	it('reads the fixedCollection n8n gives: entries of days and times, per weekday, sorted, without repeats', () => {
		expect(readPostingTimes(ISSUE_TIMES)).toEqual({
			ok: true,
			value: { 1: [540, 780, 1140], 2: [540, 780, 1140], 3: [540, 780, 1140], 4: [540, 780, 1140], 5: [540, 780, 1140], 6: [660] },
		});
		// two entries naming one day add up; the same time twice is one slot
		expect(readPostingTimes([{ days: 'monday', times: '19:00, 9:00' }, { days: ['mon'], times: ['09:00', '12:30'] }])).toEqual({
			ok: true,
			value: { 1: [540, 750, 1140] },
		});
	});

	it('takes day groups, three-letter names and n8n Schedule Trigger numbers (0 and 7 are Sunday)', () => {
		expect(readPostingTimes([{ days: 'Weekdays', times: '08:00' }])).toMatchObject({ value: { 1: [480], 5: [480] } });
		expect(readPostingTimes([{ days: 'weekend', times: '08:00' }])).toEqual({ ok: true, value: { 6: [480], 7: [480] } });
		expect(Object.keys((readPostingTimes([{ days: 'Every Day', times: '08:00' }]) as { value: object }).value)).toHaveLength(7);
		expect(readPostingTimes([{ days: 'Sat, sun', times: '08:00' }])).toEqual({ ok: true, value: { 6: [480], 7: [480] } });
		expect(readPostingTimes([{ days: [0, 3], times: '08:00' }])).toEqual({ ok: true, value: { 3: [480], 7: [480] } });
		expect(readPostingTimes([{ days: [7], times: '23:59' }])).toEqual({ ok: true, value: { 7: [1439] } });
	});

	it.each([
		[{}, 'Posting Times', 'is required: add at least one set of days and times'],
		[{ slot: [] }, 'Posting Times', 'is required: add at least one set of days and times'],
		[[{ times: '09:00' }], 'Posting Times → Days', 'is required: choose at least one day for each set of times'],
		[[{ days: 'funday', times: '09:00' }], 'Posting Times → Days', 'must name days of the week (Monday … Sunday, Weekdays, Weekend, Every Day), got "funday"'],
		[[{ days: [8], times: '09:00' }], 'Posting Times → Days', 'must name days of the week (Monday … Sunday, Weekdays, Weekend, Every Day), got "8"'],
		[[{ days: 'monday', times: ' ' }], 'Posting Times → Times', 'is required: give at least one time of day, e.g. 09:00, 13:00, 19:00'],
		[[{ days: 'monday', times: '9am' }], 'Posting Times → Times', 'each time must be HH:MM on a 24-hour clock (e.g. 09:00, 13:30), got "9am"'],
		[[{ days: 'monday', times: '24:00' }], 'Posting Times → Times', 'each time must be HH:MM on a 24-hour clock (e.g. 09:00, 13:30), got "24:00"'],
		[[{ days: 'monday', times: '09:60' }], 'Posting Times → Times', 'each time must be HH:MM on a 24-hour clock (e.g. 09:00, 13:30), got "09:60"'],
	])('%j → %s %s', (raw, field, rule) => {
		expect(readPostingTimes(raw)).toEqual({ ok: false, field, rule });
	});
});

describe('the posting plan', () => {
	const NOW = Date.parse('2026-11-27T10:00:00Z'); // Friday 11:00 in Berlin
	const base = { postingTimes: ISSUE_TIMES, perSlot: 3, timeZone: 'Europe/Berlin', now: NOW };

	it('defaults Start to now and leaves End open; reads offset-less times in the plan’s zone', () => {
		expect(readPostingPlan(base)).toMatchObject({ ok: true, value: { start: NOW, end: undefined, perSlot: 3, timeZone: 'Europe/Berlin' } });
		const read = readPostingPlan({ ...base, perSlot: '2', start: '2026-12-01T08:00:00', end: '2026-12-31T23:59' });
		expect(read).toMatchObject({
			ok: true,
			value: { perSlot: 2, start: Date.parse('2026-12-01T07:00:00Z'), end: Date.parse('2026-12-31T22:59:00Z') },
		});
		expect(readPostingPlan({ ...base, timeZone: 'America/New_York', start: '2026-12-01T08:00:00' })).toMatchObject({
			value: { start: Date.parse('2026-12-01T13:00:00Z') },
		});
		expect(readPostingPlan({ ...base, start: '2026-12-01T08:00:00Z' })).toMatchObject({ value: { start: Date.parse('2026-12-01T08:00:00Z') } });
	});

	it.each([
		[{ timeZone: 'Mars/Olympus' }, 'Time Zone', 'must be an IANA time zone such as Europe/Berlin, got "Mars/Olympus"'],
		[{ perSlot: 0 }, 'Pins per Slot', 'must be a whole number from 1 to 1000, got 0'],
		[{ perSlot: 1.5 }, 'Pins per Slot', 'must be a whole number from 1 to 1000, got 1.5'],
		[{ perSlot: 'three' }, 'Pins per Slot', 'must be a whole number from 1 to 1000, got "three"'],
		[{ perSlot: 1001 }, 'Pins per Slot', 'must be a whole number from 1 to 1000, got 1001'],
		[{ start: 'next week' }, 'Start', expect.stringContaining('"next week" is not a date and time PinBridge can read')],
		[{ end: '2026-13-01' }, 'End', '"2026-13-01" is not a valid date and time'],
		[{ postingTimes: {} }, 'Posting Times', 'is required: add at least one set of days and times'],
		[
			{ start: '2026-12-10T00:00:00', end: '2026-12-09T00:00:00' },
			'End',
			'must be later than Start and at least a minute from now, got 2026-12-09T00:00:00+01:00 (earliest slot 2026-12-10T00:00:00+01:00)',
		],
		[
			{ end: '2026-11-27T11:00:30' },
			'End',
			'must be later than Start and at least a minute from now, got 2026-11-27T11:00:30+01:00 (earliest slot 2026-11-27T11:01:00+01:00)',
		],
	])('%j → %s: %s', (change, field, rule) => {
		expect(readPostingPlan({ ...base, ...change })).toEqual({ ok: false, field, rule });
	});
});

describe('slots', () => {
	it('follow the weekday sets in the plan’s zone, Friday afternoon → Monday morning, with local and UTC forms', () => {
		const now = Date.parse('2026-11-27T10:00:00Z'); // Friday 11:00 Berlin
		const read = readPostingPlan({ postingTimes: ISSUE_TIMES, perSlot: 3, timeZone: 'Europe/Berlin', now });
		if (!read.ok) throw new Error(read.rule);
		const slots = take(slotsFrom(read.value, earliestSlotTime(read.value, now)), 5);
		expect(slots).toEqual([
			{ key: '2026-11-27T13:00', instant: Date.parse('2026-11-27T12:00:00Z'), local: '2026-11-27T13:00:00+01:00', utc: '2026-11-27T12:00:00Z', capacity: 3 },
			{ key: '2026-11-27T19:00', instant: Date.parse('2026-11-27T18:00:00Z'), local: '2026-11-27T19:00:00+01:00', utc: '2026-11-27T18:00:00Z', capacity: 3 },
			{ key: '2026-11-28T11:00', instant: Date.parse('2026-11-28T10:00:00Z'), local: '2026-11-28T11:00:00+01:00', utc: '2026-11-28T10:00:00Z', capacity: 3 },
			// no Sunday times
			{ key: '2026-11-30T09:00', instant: Date.parse('2026-11-30T08:00:00Z'), local: '2026-11-30T09:00:00+01:00', utc: '2026-11-30T08:00:00Z', capacity: 3 },
			{ key: '2026-11-30T13:00', instant: Date.parse('2026-11-30T12:00:00Z'), local: '2026-11-30T13:00:00+01:00', utc: '2026-11-30T12:00:00Z', capacity: 3 },
		]);
	});

	it('are read in the zone, not the host’s: the same plan in Tokyo and Los Angeles', () => {
		const from = Date.parse('2026-06-01T00:00:00Z');
		expect(locals(take(slotsFrom(daily('Asia/Tokyo', hm(9)), from), 2))).toEqual(['2026-06-01T09:00:00+09:00', '2026-06-02T09:00:00+09:00']);
		expect(locals(take(slotsFrom(daily('America/Los_Angeles', hm(9)), from), 2))).toEqual([
			'2026-06-01T09:00:00-07:00',
			'2026-06-02T09:00:00-07:00',
		]);
		expect(locals(take(slotsFrom(daily('Asia/Kolkata', hm(9, 15)), from), 1))).toEqual(['2026-06-01T09:15:00+05:30']);
	});

	it('are never in the past and at least a minute ahead', () => {
		const plan = daily('Europe/Berlin', hm(9));
		const at = (iso: string) => take(slotsFrom(plan, earliestSlotTime(plan, Date.parse(iso))), 1)[0].local;
		expect(at('2026-12-01T07:58:59Z')).toBe('2026-12-01T09:00:00+01:00'); // 61 s ahead
		expect(at('2026-12-01T07:59:00Z')).toBe('2026-12-01T09:00:00+01:00'); // exactly a minute ahead
		expect(at('2026-12-01T07:59:01Z')).toBe('2026-12-02T09:00:00+01:00'); // 59 s ahead: the next day's
		expect(at('2026-12-01T12:00:00Z')).toBe('2026-12-02T09:00:00+01:00');
		// a Start in the past counts from now; one in the future from itself
		const started = { ...plan, start: Date.parse('2026-12-05T12:00:00Z') };
		expect(take(slotsFrom(started, earliestSlotTime(started, Date.parse('2026-12-01T00:00:00Z'))), 1)[0].local).toBe(
			'2026-12-06T09:00:00+01:00',
		);
		const past = { ...plan, start: Date.parse('2020-01-01T00:00:00Z') };
		expect(earliestSlotTime(past, Date.parse('2026-12-01T00:00:00Z'))).toBe(Date.parse('2026-12-01T00:01:00Z'));
	});

	it('stop at End (a slot at End itself is in)', () => {
		const plan = { ...daily('Europe/Berlin', hm(9), hm(18)), end: Date.parse('2026-12-03T08:00:00Z') };
		expect(locals([...slotsFrom(plan, Date.parse('2026-12-01T00:00:00Z'))])).toEqual([
			'2026-12-01T09:00:00+01:00',
			'2026-12-01T18:00:00+01:00',
			'2026-12-02T09:00:00+01:00',
			'2026-12-02T18:00:00+01:00',
			'2026-12-03T09:00:00+01:00',
		]);
	});

	it(`without an End, end ${HORIZON_DAYS} days ahead`, () => {
		const weekly: PostingPlan = { timeZone: 'UTC', timesByWeekday: { 3: [hm(12)] }, perSlot: 1, start: 0 };
		const all = [...slotsFrom(weekly, Date.parse('2026-01-01T00:00:00Z'))];
		expect(all.length).toBeGreaterThanOrEqual(Math.floor(HORIZON_DAYS / 7) - 1);
		expect(all.length).toBeLessThanOrEqual(Math.ceil(HORIZON_DAYS / 7) + 1);
		expect(all[all.length - 1].instant - all[0].instant).toBeLessThanOrEqual(HORIZON_DAYS * 86_400_000);
	});
});

describe('slots across clock changes (as n8n’s Schedule Trigger fires them)', () => {
	const around = (plan: PostingPlan, fromIso: string, count: number) => take(slotsFrom(plan, Date.parse(fromIso)), count);

	it('spring forward in Berlin and New York: a time in the gap runs when the clocks change', () => {
		expect(locals(around(daily('Europe/Berlin', hm(2, 30)), '2026-03-28T00:00:00Z', 3))).toEqual([
			'2026-03-28T02:30:00+01:00',
			'2026-03-29T03:00:00+02:00',
			'2026-03-30T02:30:00+02:00',
		]);
		expect(locals(around(daily('America/New_York', hm(2), hm(2, 59)), '2026-03-08T00:00:00Z', 2))).toEqual([
			// 02:00 and 02:59 both land on 03:00: one slot that takes both times' Pins
			'2026-03-08T03:00:00-04:00',
			'2026-03-09T02:00:00-04:00',
		]);
		const [merged] = around({ ...daily('America/New_York', hm(2), hm(2, 59)), perSlot: 2 }, '2026-03-08T00:00:00Z', 1);
		expect(merged).toMatchObject({ key: '2026-03-08T02:00', capacity: 4, utc: '2026-03-08T07:00:00Z' });
	});

	it('spring forward where 1 January is summer time (Sydney, Santiago): moved forward by the gap, as cron does', () => {
		expect(locals(around(daily('Australia/Sydney', hm(2, 30)), '2026-10-03T00:00:00Z', 2))).toEqual([
			'2026-10-04T03:30:00+11:00',
			'2026-10-05T02:30:00+11:00',
		]);
		expect(locals(around(daily('America/Santiago', hm(0, 30)), '2026-09-05T12:00:00Z', 1))).toEqual(['2026-09-06T01:30:00-03:00']);
	});

	it('fall back: a repeated time is one slot, at its first occurrence; the times around it stay put', () => {
		expect(locals(around(daily('Europe/Berlin', hm(2, 30), hm(3, 30)), '2026-10-24T12:00:00Z', 4))).toEqual([
			'2026-10-25T02:30:00+02:00',
			'2026-10-25T03:30:00+01:00',
			'2026-10-26T02:30:00+01:00',
			'2026-10-26T03:30:00+01:00',
		]);
		expect(locals(around(daily('America/New_York', hm(1, 30)), '2026-10-31T12:00:00Z', 2))).toEqual([
			'2026-11-01T01:30:00-04:00',
			'2026-11-02T01:30:00-05:00',
		]);
		expect(locals(around(daily('Australia/Sydney', hm(2, 30)), '2026-04-04T00:00:00Z', 2))).toEqual([
			'2026-04-05T02:30:00+11:00',
			'2026-04-06T02:30:00+10:00',
		]);
	});

	it('fall back, starting between the two occurrences: the slot is already used up, not taken a second time', () => {
		// 02:30 CEST (00:30Z) has passed; 02:30 CET (01:30Z) is still ahead, but it is the same slot
		expect(locals(around(daily('Europe/Berlin', hm(2, 30)), '2026-10-25T01:00:00Z', 1))).toEqual(['2026-10-26T02:30:00+01:00']);
	});

	it('a change at midnight (Havana, Cairo): the day’s times are still all there', () => {
		expect(locals(around(daily('America/Havana', hm(0, 30), hm(9)), '2026-03-07T15:00:00Z', 3))).toEqual([
			'2026-03-08T01:00:00-04:00',
			'2026-03-08T09:00:00-04:00',
			'2026-03-09T00:30:00-04:00',
		]);
	});
});
