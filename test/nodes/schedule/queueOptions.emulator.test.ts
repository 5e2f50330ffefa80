// Schedule → Add to Queue's options through n8n's engine against the emulator: counting per board, the plan's own
// time zone, Start, a refused row (nothing sent, no slot taken), and plan parameters that break a rule.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { formatWithOffset, resolveDateTime, zoneOffsetMinutes } from '../../../nodes/PinBridgeSuite/shared/runAt';
import { transportRuntime } from '../../../nodes/shared/transport/request';
import { useEmulator } from '../../harness/emulator';

const emulator = useEmulator({ timezone: 'Europe/Berlin' });
const run = emulator.run;

const rows = (titles: string[], board?: (i: number) => string): INodeExecutionData[] =>
	titles.map((title, i) => ({ json: { title, board: board?.(i) ?? emulator.emu.boardIds[0] } }));

function queueParameters(overrides: IDataObject = {}, queueOptions: IDataObject = {}) {
	return {
		resource: 'schedule',
		operation: 'addToQueue',
		account: { __rl: true, mode: 'id', value: emulator.emu.accountId },
		board: { __rl: true, mode: 'id', value: '={{ $json.board }}' },
		postingTimes: { slot: [{ days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'], times: '09:00' }] },
		pinsPerSlot: 1,
		mediaSource: 'imageUrl',
		imageUrl: 'https://images.example.com/one.jpg',
		title: '={{ $json.title }}',
		queueOptions,
		...overrides,
	};
}

/** The next `count` 09:00s in `zone` from the emulator's now (at least a minute ahead), found hour by hour. */
async function nineOClocks(count: number, zone: string, from?: number): Promise<string[]> {
	const now = await emulator.emu.control.now();
	const out: string[] = [];
	for (let t = Math.ceil(Math.max(from ?? 0, now + 60_000) / 1_800_000) * 1_800_000; out.length < count; t += 1_800_000) {
		const local = formatWithOffset(t, zone);
		if (local.slice(11, 16) === '09:00') out.push(local);
	}
	return out;
}

const slots = (items: INodeExecutionData[]) => items.map((item) => item.json.slot_local ?? item.json.error);

describe('Schedule → Add to Queue options', () => {
	it('Count Pins Per Board: each board has its own slots; per account they share them', async () => {
		const [first, second] = emulator.emu.boardIds;
		const items = rows(['A1', 'B1', 'A2'], (i) => (i === 1 ? second : first));
		const perBoard = await run(queueParameters({ countPer: 'board' }), { items });
		expect(perBoard.error).toBeUndefined();
		const nine = await nineOClocks(3, 'Europe/Berlin');
		expect(slots(perBoard.items)).toEqual([nine[0], nine[0], nine[1]]);

		const perAccount = await run(queueParameters({ countPer: 'account' }), { items: rows(['A3', 'B2'], (i) => (i === 1 ? second : first)) });
		expect(perAccount.error).toBeUndefined();
		// the account already has 2 Pins at nine[0] and 1 at nine[1]: the next free 09:00s are nine[2] and after
		expect(slots(perAccount.items)).toEqual([nine[2], (await nineOClocks(4, 'Europe/Berlin'))[3]]);
	});

	it('Time Zone: the posting times are read in the zone chosen, not the workflow’s', async () => {
		const result = await run(queueParameters({}, { timeZone: 'America/Los_Angeles' }), { items: rows(['West coast']) });
		expect(result.error).toBeUndefined();
		const [nine] = await nineOClocks(1, 'America/Los_Angeles');
		expect(result.items[0].json).toMatchObject({ slot_local: nine, run_at_local: nine, time_zone: 'America/Los_Angeles' });
		expect(String(result.items[0].json.slot_local)).toMatch(/-0[78]:00$/);
	});

	it('Start: no slot before it (a time without an offset read in the plan’s zone)', async () => {
		const now = await emulator.emu.control.now();
		const day = (offsetDays: number) => new Date(now + offsetDays * 86_400_000).toISOString().slice(0, 10);
		// Start at 10:00 Berlin in ten days: that day's 09:00 is before it, so the first slot is the next day's
		const result = await run(queueParameters({}, { start: `${day(10)}T10:00:00` }), { items: rows(['Later']) });
		expect(result.error).toBeUndefined();
		const expected = resolveDateTime(`${day(11)}T09:00:00`, 'Europe/Berlin');
		expect(expected.ok && result.items[0].json.slot_local).toBe(expected.ok && expected.value);
	});

	it('a row refused before sending (title too long) is its own error item and takes no slot; the others are queued', async () => {
		const result = await run(queueParameters(), { items: rows(['First', 'x'.repeat(101), 'Third']), nodeSettings: { continueOnFail: true } });
		expect(result.error).toBeUndefined();
		const nine = await nineOClocks(2, 'Europe/Berlin');
		expect(slots(result.items)).toEqual([nine[0], 'Title: must be at most 100 characters (it has 101)', nine[1]]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(await emulator.emu.control.requests({ method: 'POST', path: '/v1/schedules' })).toHaveLength(2);
	});

	it('across clock changes: a Sunday 02:30 on the spring-forward day runs at 03:00 (sharing it with 03:00), a repeated 02:30 is used once', async () => {
		// Move PinBridge's clock (and the node's) to the Wednesday before Berlin's next spring-forward Sunday.
		const DAY = 86_400_000;
		const now = await emulator.emu.control.now();
		const offset = (t: number) => zoneOffsetMinutes('Europe/Berlin', t);
		// Noon to noon, so that the day found is the change's own date.
		let gapDay = now - (now % DAY) + 11 * 3_600_000 + DAY;
		while (offset(gapDay) <= offset(gapDay - DAY)) gapDay += DAY;
		const moved = (await emulator.emu.control.advance((gapDay - 4 * DAY - now) / 1000)).epoch_ms;
		transportRuntime.now = () => moved;
		const sundays = { postingTimes: { slot: [{ days: ['sunday'], times: '02:30, 03:00' }] } };
		const spring = await run(queueParameters(sundays), { items: rows(['S1', 'S2', 'S3', 'S4']) });
		expect(spring.error).toBeUndefined();
		const [gap, next] = [formatWithOffset(gapDay, 'Europe/Berlin').slice(0, 10), formatWithOffset(gapDay + 7 * DAY, 'Europe/Berlin').slice(0, 10)];
		expect(slots(spring.items)).toEqual([`${gap}T03:00:00+02:00`, `${gap}T03:00:00+02:00`, `${next}T02:30:00+02:00`, `${next}T03:00:00+02:00`]);

		// …and to the Wednesday before the next fall-back Sunday: 02:30 happens twice there, and is one slot, the first
		let backDay = gapDay + 7 * DAY;
		while (offset(backDay) >= offset(backDay - DAY)) backDay += DAY;
		const later = (await emulator.emu.control.advance((backDay - 4 * DAY - moved) / 1000)).epoch_ms;
		transportRuntime.now = () => later;
		const autumn = await run(queueParameters({ postingTimes: { slot: [{ days: ['sunday'], times: '02:30' }] } }), { items: rows(['A1', 'A2']) });
		expect(autumn.error).toBeUndefined();
		const [back, after] = [formatWithOffset(backDay, 'Europe/Berlin').slice(0, 10), formatWithOffset(backDay + 7 * DAY, 'Europe/Berlin').slice(0, 10)];
		expect(slots(autumn.items)).toEqual([`${back}T02:30:00+02:00`, `${after}T02:30:00+01:00`]);
	});

	it.each([
		[{ postingTimes: { slot: [{ days: ['monday'], times: '9am' }] } }, {}, 'Posting Times → Times: each time must be HH:MM on a 24-hour clock (e.g. 09:00, 13:30), got "9am"'],
		[{ pinsPerSlot: 0 }, {}, 'Pins per Slot: must be a whole number from 1 to 1000, got 0'],
		[{}, { timeZone: 'Europe/Atlantis' }, 'Time Zone: must be an IANA time zone such as Europe/Berlin, got "Europe/Atlantis"'],
	])('a plan parameter that breaks a rule fails the node naming it, nothing sent: %j %j', async (overrides, options, message) => {
		const result = await run(queueParameters(overrides, options), { items: rows(['One']) });
		expect(result.error?.message).toBe(message);
		expect(await emulator.emu.control.requests({})).toHaveLength(0);
	});
});
