/**
 * Schedule → Add to Queue: which slot each item gets. Items are placed in input order, each in the next slot of the
 * plan that still has room in its account's (or board's) count; an item already in the queue gets its schedule back
 * and takes no slot; an item with the same content as an earlier one of the same input shares its outcome (never a
 * second schedule); an item that does not fit before the plan's end is told so — never silently dropped. Pure.
 */
import type { IDataObject } from 'n8n-workflow';

import { formatWithOffset } from '../../shared/runAt';
import { HORIZON_DAYS, earliestSlotTime, slotsFrom, type PostingPlan, type Slot } from './queuePlan';
import type { TakenSlots } from './queueTaken';

export interface QueueEntry {
	/** Whose slots the item fills: TakenSlots.scopeOf(account, board). */
	scope: string;
	/** itemContentKey of the item's content: equal for equal content. */
	contentKey: string;
	/** The pending schedule with the item's content (QueuedContent.find), if there is one. */
	queued?: IDataObject;
}

export type Placement =
	/** To be created at this slot. */
	| { kind: 'slot'; slot: Slot }
	/** Already in the queue: this schedule, nothing to create. */
	| { kind: 'queued'; schedule: IDataObject }
	/** Same content as the earlier item `itemIndex` of this input, which gets a slot: its schedule, nothing more. */
	| { kind: 'sameAs'; itemIndex: number }
	/** No free slot left in the plan. */
	| { kind: 'full'; rule: string };

/** The free places of one scope's slots, in time order. */
class ScopeCursor {
	private current: Slot | undefined;
	private used = 0;
	private readonly slots: Iterator<Slot>;

	constructor(
		plan: PostingPlan,
		earliest: number,
		private readonly scope: string,
		private readonly taken: TakenSlots,
	) {
		this.slots = slotsFrom(plan, earliest);
	}

	/** The next slot with room, counted as used by the caller's item; undefined when the plan has none left. */
	take(): Slot | undefined {
		for (;;) {
			if (!this.current) {
				const next = this.slots.next();
				if (next.done) return undefined;
				this.current = next.value;
				this.used = this.taken.count(this.scope, this.current.instant);
			}
			if (this.used < this.current.capacity) {
				this.used++;
				this.taken.add(this.scope, this.current.instant);
				return this.current;
			}
			this.current = undefined;
		}
	}
}

function fullRule(plan: PostingPlan): string {
	if (plan.end === undefined) return `the posting plan has no free slot in the next ${HORIZON_DAYS} days`;
	return `the posting plan has no free slot left before End (${formatWithOffset(plan.end, plan.timeZone)}): set a later End or raise Pins per Slot`;
}

/** One placement per entry, in input order. `taken` is updated with the slots given out. */
export function assignSlots(plan: PostingPlan, now: number, entries: QueueEntry[], taken: TakenSlots): Placement[] {
	const earliest = earliestSlotTime(plan, now);
	const cursors = new Map<string, ScopeCursor>();
	const firstWithContent = new Map<string, number>();
	const placements: Placement[] = [];
	for (const [itemIndex, entry] of entries.entries()) {
		const earlier = firstWithContent.get(entry.contentKey);
		if (earlier !== undefined) {
			const placed = placements[earlier];
			placements.push(placed.kind === 'slot' ? { kind: 'sameAs', itemIndex: earlier } : placed);
			continue;
		}
		firstWithContent.set(entry.contentKey, itemIndex);
		if (entry.queued) {
			placements.push({ kind: 'queued', schedule: entry.queued });
			continue;
		}
		let cursor = cursors.get(entry.scope);
		if (!cursor) {
			cursor = new ScopeCursor(plan, earliest, entry.scope, taken);
			cursors.set(entry.scope, cursor);
		}
		const slot = cursor.take();
		placements.push(slot ? { kind: 'slot', slot } : { kind: 'full', rule: fullRule(plan) });
	}
	return placements;
}
