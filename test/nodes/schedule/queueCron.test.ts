/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Add to Queue's slots against n8n's own Schedule Trigger: n8n-core 2.41 registers the trigger's rules with the `cron`
// package (ScheduledTaskManager → CronTime(expression, workflow zone)), and a running job asks CronTime for the next
// date after the last one. Here the very `cron` n8n-core resolves is asked the same question for a daily time, on
// every clock-change day of 2026 and on ordinary days, in zones with every kind of change, and compared with the plan.
import { join } from 'path';

import type { DateTime as LuxonDateTime } from 'luxon';

import { slotInstant, slotsFrom, type PostingPlan } from '../../../nodes/PinBridgeSuite/resources/schedule/queuePlan';
import { zoneOffsetMinutes } from '../../../nodes/PinBridgeSuite/shared/runAt';

const cronPath = require.resolve('cron', { paths: [require.resolve('n8n-core')] });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CronTime } = require(cronPath) as typeof import('cron');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DateTime } = require(require.resolve('luxon', { paths: [cronPath] })) as typeof import('luxon');

const DAY = 86_400_000;
const ZONES = [
	'Europe/Berlin', // northern: gap 02:00→03:00, overlap 03:00→02:00
	'America/New_York',
	'Europe/London',
	'Australia/Sydney', // southern: 1 January is summer time
	'America/Santiago', // southern, change at midnight
	'America/Havana', // change at midnight
	'Africa/Cairo',
	'Pacific/Chatham', // +12:45
	'America/St_Johns', // -03:30
	'Asia/Kolkata', // no change at all
];
const TIMES = ['00:00', '00:30', '01:30', '02:00', '02:30', '02:59', '03:00', '03:30', '09:00', '23:30'];

function daysToCheck(zone: string): number[] {
	const days: number[] = [];
	for (let day = Date.UTC(2026, 0, 2); day < Date.UTC(2027, 0, 1); day += DAY) {
		const changes = zoneOffsetMinutes(zone, day - DAY) !== zoneOffsetMinutes(zone, day + 2 * DAY);
		if (changes || day % (61 * DAY) === 0) days.push(day);
	}
	return days;
}

interface Difference {
	zone: string;
	time: string;
	cron: number;
	plan: number;
}

/** Every (zone, time, day): cron's next firing after noon the day before, and the plan's first slot after it. */
function compare(): { checked: number; differences: Difference[] } {
	const differences: Difference[] = [];
	let checked = 0;
	for (const zone of ZONES) {
		const days = daysToCheck(zone);
		for (const time of TIMES) {
			const [h, m] = time.split(':').map(Number);
			const plan: PostingPlan = {
				timeZone: zone,
				timesByWeekday: { 1: [h * 60 + m], 2: [h * 60 + m], 3: [h * 60 + m], 4: [h * 60 + m], 5: [h * 60 + m], 6: [h * 60 + m], 7: [h * 60 + m] },
				perSlot: 1,
				start: 0,
			};
			// The expression n8n's Schedule Trigger builds for "every day at h:m" (toCronExpression, seconds 0).
			const cronTime = new CronTime(`0 ${m} ${h} * * *`, zone);
			for (const day of days) {
				const from = slotInstant(day - DAY + 12 * 3_600_000 + 7 * 60_000, zone);
				const next = cronTime.getNextDateFrom(DateTime.fromMillis(from, { zone }) as unknown as LuxonDateTime, zone);
				const planned = slotsFrom(plan, from).next().value;
				checked++;
				if (!planned || next.toMillis() !== planned.instant) {
					differences.push({ zone, time, cron: next.toMillis(), plan: planned?.instant ?? Number.NaN });
				}
			}
		}
	}
	return { checked, differences };
}

const local = (instant: number, zone: string) => DateTime.fromMillis(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mmZZ");

describe('slots fall where n8n’s Schedule Trigger (cron 4.4) fires', () => {
	const { checked, differences } = compare();

	it('compares against the cron n8n-core uses', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		expect((require(join(cronPath.split(`${join('dist', 'index.js')}`)[0], 'package.json')) as { version: string }).version).toBe('4.4.0');
		expect(checked).toBeGreaterThan(500);
	});

	it('agrees on every ordinary day and every spring-forward day, in every zone', () => {
		const springForward = differences.filter((d) => zoneOffsetMinutes(d.zone, d.plan + DAY) > zoneOffsetMinutes(d.zone, d.plan - DAY));
		expect(springForward).toEqual([]);
		// the gap cases themselves are among those checked and agreed on
		const plan = (zone: string, h: number, m: number, from: string) =>
			slotsFrom({ timeZone: zone, timesByWeekday: { 7: [h * 60 + m] }, perSlot: 1, start: 0 }, Date.parse(from)).next().value!;
		expect(local(plan('Europe/Berlin', 2, 30, '2026-03-28T12:00:00Z').instant, 'Europe/Berlin')).toBe('2026-03-29T03:00+02:00');
		expect(local(plan('Australia/Sydney', 2, 30, '2026-10-03T00:00:00Z').instant, 'Australia/Sydney')).toBe('2026-10-04T03:30+11:00');
	});

	it('differs only on fall-back days, where cron fires the time just after the repeated hour one hour early; the plan keeps it', () => {
		expect(differences.length).toBeGreaterThan(0);
		for (const difference of differences) {
			const { zone, time, cron, plan } = difference;
			// a fall-back day …
			expect(zoneOffsetMinutes(zone, plan + DAY)).toBeLessThan(zoneOffsetMinutes(zone, plan - DAY));
			// … cron an hour early, the plan on the planned wall-clock time, after the clocks went back
			expect({ zone, time, early: plan - cron }).toEqual({ zone, time, early: 3_600_000 });
			expect(local(plan, zone).slice(11, 16)).toBe(time);
			// (not the repeated time itself: that one both take at its first occurrence)
			expect(local(cron, zone).slice(11, 16)).not.toBe(time);
			expect(zoneOffsetMinutes(zone, plan)).toBe(zoneOffsetMinutes(zone, plan + DAY));
		}
		expect(differences.map((d) => `${d.zone} ${d.time}: cron ${local(d.cron, d.zone)}, plan ${local(d.plan, d.zone)}`)).toContain(
			'Europe/Berlin 03:30: cron 2026-10-25T02:30+01:00, plan 2026-10-25T03:30+01:00',
		);
	});
});
