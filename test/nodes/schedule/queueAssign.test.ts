// Add to Queue, planning: items in input order to the next free slots of their account (or board), taken slots
// skipped, items already queued or repeated in the input take no slot, items past the plan's end told so.
import type { IDataObject } from 'n8n-workflow';

import { assignSlots, type Placement, type QueueEntry } from '../../../nodes/PinBridgeSuite/resources/schedule/queueAssign';
import type { PostingPlan } from '../../../nodes/PinBridgeSuite/resources/schedule/queuePlan';
import { readTakenSlots } from '../../../nodes/PinBridgeSuite/resources/schedule/queueTaken';

const NOW = Date.parse('2026-11-30T06:00:00Z'); // Monday 07:00 in Berlin
const ACCOUNT = 'account:acc_9d1e';
const OTHER = 'account:acc_77aa';

/** 3 a day: 09:00, 13:00, 19:00 every day, in Berlin. */
function threeADay(overrides: Partial<PostingPlan> = {}): PostingPlan {
	const times = [540, 780, 1140];
	return { timeZone: 'Europe/Berlin', timesByWeekday: { 1: times, 2: times, 3: times, 4: times, 5: times, 6: times, 7: times }, perSlot: 1, start: NOW, ...overrides };
}
const entries = (count: number, scope = ACCOUNT, prefix = 'row'): QueueEntry[] =>
	Array.from({ length: count }, (_, i) => ({ scope, contentKey: `${prefix}-${i}` }));
const where = (placements: Placement[]) =>
	placements.map((p) => (p.kind === 'slot' ? p.slot.local : p.kind === 'queued' ? `queued ${String(p.schedule.id)}` : p.kind === 'sameAs' ? `same as ${p.itemIndex}` : `full: ${p.rule}`));
const pending = (runAt: string, overrides: IDataObject = {}): IDataObject => ({
	id: `sch_${runAt}`,
	pinterest_account_id: 'acc_9d1e',
	run_at: runAt,
	status: 'scheduled',
	payload: { board_id: 'b_78f2a9', title: 'Someone else’s Pin' },
	...overrides,
});

describe('planning', () => {
	it('fills the slots in input order, one per slot', () => {
		expect(where(assignSlots(threeADay(), NOW, entries(5), readTakenSlots([], 'account')))).toEqual([
			'2026-11-30T09:00:00+01:00',
			'2026-11-30T13:00:00+01:00',
			'2026-11-30T19:00:00+01:00',
			'2026-12-01T09:00:00+01:00',
			'2026-12-01T13:00:00+01:00',
		]);
	});

	it('puts up to Pins per Slot in each slot', () => {
		expect(where(assignSlots(threeADay({ perSlot: 2 }), NOW, entries(5), readTakenSlots([], 'account')))).toEqual([
			'2026-11-30T09:00:00+01:00',
			'2026-11-30T09:00:00+01:00',
			'2026-11-30T13:00:00+01:00',
			'2026-11-30T13:00:00+01:00',
			'2026-11-30T19:00:00+01:00',
		]);
	});

	it('skips what PinBridge’s pending schedules already take, and fills what they leave', () => {
		const taken = readTakenSlots(
			[
				pending('2026-11-30T08:00:00Z'), // 09:00: 1 of 2
				pending('2026-11-30T12:00:00Z'), // 13:00: full
				pending('2026-11-30T12:00:00Z', { id: 'x' }),
				pending('2026-11-30T18:00:00Z', { status: 'canceled' }), // 19:00: free again
				pending('2026-12-01T08:00:00Z', { pinterest_account_id: 'acc_77aa' }), // another account's
			],
			'account',
		);
		expect(where(assignSlots(threeADay({ perSlot: 2 }), NOW, entries(5), taken))).toEqual([
			'2026-11-30T09:00:00+01:00',
			'2026-11-30T19:00:00+01:00',
			'2026-11-30T19:00:00+01:00',
			'2026-12-01T09:00:00+01:00',
			'2026-12-01T09:00:00+01:00',
		]);
		// and the slots given out are counted, for whatever is planned next
		expect(taken.count(ACCOUNT, Date.parse('2026-11-30T18:00:00Z'))).toBe(2);
	});

	it('counts each account (or board) on its own', () => {
		const mixed = [...entries(2, ACCOUNT, 'a'), ...entries(2, OTHER, 'b')].sort((x, y) => (x.contentKey.slice(2) < y.contentKey.slice(2) ? -1 : 1));
		expect(mixed.map((entry) => entry.scope)).toEqual([ACCOUNT, OTHER, ACCOUNT, OTHER]);
		expect(where(assignSlots(threeADay(), NOW, mixed, readTakenSlots([], 'account')))).toEqual([
			'2026-11-30T09:00:00+01:00',
			'2026-11-30T09:00:00+01:00',
			'2026-11-30T13:00:00+01:00',
			'2026-11-30T13:00:00+01:00',
		]);
	});

	it('an item already in the queue gets its schedule and takes no slot', () => {
		const list = entries(3);
		list[1].queued = { id: 'sch_earlier', run_at: '2026-12-24T08:00:00Z' };
		expect(where(assignSlots(threeADay(), NOW, list, readTakenSlots([], 'account')))).toEqual([
			'2026-11-30T09:00:00+01:00',
			'queued sch_earlier',
			'2026-11-30T13:00:00+01:00',
		]);
	});

	it('an item with the same content as an earlier one of the input shares its outcome: never a second schedule', () => {
		const list: QueueEntry[] = [
			{ scope: ACCOUNT, contentKey: 'cat' },
			{ scope: ACCOUNT, contentKey: 'dog', queued: { id: 'sch_dog' } },
			{ scope: ACCOUNT, contentKey: 'cat' },
			{ scope: ACCOUNT, contentKey: 'dog', queued: { id: 'sch_dog' } },
			{ scope: ACCOUNT, contentKey: 'bird' },
		];
		expect(where(assignSlots(threeADay(), NOW, list, readTakenSlots([], 'account')))).toEqual([
			'2026-11-30T09:00:00+01:00',
			'queued sch_dog',
			'same as 0',
			'queued sch_dog',
			'2026-11-30T13:00:00+01:00',
		]);
	});

	it('items that do not fit before End become errors naming End, not silent drops; a repeat of one shares it', () => {
		const plan = threeADay({ end: Date.parse('2026-12-01T12:00:00Z') }); // through Tuesday 13:00: 5 slots
		const list = [...entries(6), { scope: ACCOUNT, contentKey: 'row-5' }];
		const placements = assignSlots(plan, NOW, list, readTakenSlots([pending('2026-11-30T18:00:00Z')], 'account'));
		const rule = 'the posting plan has no free slot left before End (2026-12-01T13:00:00+01:00): set a later End or raise Pins per Slot';
		expect(where(placements)).toEqual([
			'2026-11-30T09:00:00+01:00',
			'2026-11-30T13:00:00+01:00',
			'2026-12-01T09:00:00+01:00',
			'2026-12-01T13:00:00+01:00',
			`full: ${rule}`,
			`full: ${rule}`,
			`full: ${rule}`,
		]);
	});

	it('never plans into the past or within a minute of now', () => {
		const now = Date.parse('2026-11-30T07:59:30Z'); // 08:59:30 Berlin: 09:00 is 30 s away
		expect(where(assignSlots(threeADay({ start: now }), now, entries(1), readTakenSlots([], 'account')))).toEqual(['2026-11-30T13:00:00+01:00']);
	});

	it('500 items at 3 a day: 167 days, every slot used once, in order', () => {
		const placements = assignSlots(threeADay(), NOW, entries(500), readTakenSlots([], 'account'));
		const instants = placements.map((p) => (p.kind === 'slot' ? p.slot.instant : Number.NaN));
		expect(instants.every((instant, i) => i === 0 || instant > instants[i - 1])).toBe(true);
		expect(where(placements)[499]).toBe('2027-05-15T13:00:00+02:00') // 500 = 166 × 3 + 2: day 167, 13:00;
	});

	it('two times landing on one instant on a spring-forward day hold both their Pins', () => {
		const plan: PostingPlan = { timeZone: 'Europe/Berlin', timesByWeekday: { 7: [150, 180] }, perSlot: 1, start: 0 };
		const now = Date.parse('2026-03-28T12:00:00Z');
		expect(where(assignSlots(plan, now, entries(3), readTakenSlots([], 'account')))).toEqual([
			'2026-03-29T03:00:00+02:00',
			'2026-03-29T03:00:00+02:00',
			'2026-04-05T02:30:00+02:00',
		]);
	});
});
