/**
 * Schedule → Add to Queue, run. The whole input is planned first — the plan read once, each item read and checked
 * (nothing sent), ONE paged listing of PinBridge's pending schedules, slots given out in input order — then each item
 * that needs a schedule is created as Schedule → Create sends it: binaries uploaded, POST /v1/schedules through the
 * request helper, a lost answer reconciled (reconcile.ts), never a second schedule. Preview stops after the plan.
 *
 * Output per item: the schedule (run_at also in the plan's zone), then `queue_status` (`added`, `already_queued`,
 * `planned` in a preview), `slot_local` and `slot_utc`; an item already queued by an earlier item of the same input
 * also names it in `same_as_item`. An item that does not fit, or failed its checks, is a failed item (Continue On Fail
 * applies), never a silent drop.
 */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { instantOf } from '../../../shared/times';
import type { ItemContext } from '../../shared/itemContext';
import { buildPinContent, pinContentFingerprint, readPinContent, uploadsOf, type PinContentInput } from '../../shared/pinContent';
import { formatWithOffset } from '../../shared/runAt';
import { withLocalRunAt } from '../../shared/scheduleTime';
import { invalidField } from '../../shared/validation';
import { listSchedules } from './pendingSchedules';
import { assignSlots, type Placement, type QueueEntry } from './queueAssign';
import { utcText, type PostingPlan } from './queuePlan';
import { readPostingPlan } from './queuePlanParameters';
import { QueuedContent, itemContentKey } from './queueSameness';
import { pendingSchedulesQuery, readTakenSlots, type QueueScope } from './queueTaken';
import { createScheduleOnce } from './reconcile';

export interface QueueSettings {
	plan: PostingPlan;
	per: QueueScope;
	preview: boolean;
}

/** The plan parameters, from the first item: a bad one fails the whole node, naming the field and the rule. */
export function readQueueSettings(ctx: ItemContext, now: number): QueueSettings {
	const options = (ctx.getNodeParameter('queueOptions', {}) ?? {}) as IDataObject;
	const zone = typeof options.timeZone === 'string' && options.timeZone.trim() !== '' ? options.timeZone : ctx.getTimezone();
	const read = readPostingPlan({
		postingTimes: ctx.getNodeParameter('postingTimes', {}),
		perSlot: ctx.getNodeParameter('pinsPerSlot', 1),
		timeZone: zone,
		start: options.start,
		end: options.end,
		now,
	});
	if (!read.ok) throw invalidField(ctx, read.field, read.rule);
	const per = ctx.getNodeParameter('countPer', 'account');
	if (per !== 'account' && per !== 'board') throw invalidField(ctx, 'Count Pins Per', `must be account or board, got "${String(per)}"`);
	return { plan: read.value, per, preview: options.preview === true };
}

/** One item after planning: what to do with it, or why it cannot be queued. */
export type PlannedItem =
	| { ok: true; input: PinContentInput; body: IDataObject; placement: Placement }
	| { ok: false; error: unknown };

/**
 * Every item read and checked, one listing, slots assigned. `contexts[0]` makes the listing; when the listing fails,
 * every item fails with its error (nothing was created).
 */
export async function planQueue(contexts: ItemContext[], settings: QueueSettings, now: number): Promise<PlannedItem[]> {
	const read = await Promise.all(
		contexts.map(async (ctx) => {
			try {
				const input = await readPinContent(ctx);
				const built = await buildPinContent(ctx, { uploadBinaries: false, input });
				return { ok: true as const, input, body: built.body };
			} catch (error) {
				return { ok: false as const, error };
			}
		}),
	);
	const readable = read.flatMap((item) => (item.ok ? [item] : []));
	const failed = (error: unknown) => read.map((item): PlannedItem => (item.ok ? { ok: false, error } : item));
	if (readable.length === 0) return failed(undefined);

	let schedules: IDataObject[];
	try {
		const targets = readable.map(({ input }) => ({ accountId: input.accountId || undefined, boardId: input.boardId }));
		schedules = await listSchedules(contexts[0], pendingSchedulesQuery(now, settings.per, targets), contexts[0].getItemIndex());
	} catch (error) {
		return failed(error);
	}

	const taken = readTakenSlots(schedules, settings.per);
	const queued = new QueuedContent(schedules);
	const entries: QueueEntry[] = readable.map(({ input }) => {
		const fingerprint = pinContentFingerprint(input);
		return {
			scope: taken.scopeOf(input.accountId || undefined, input.boardId),
			contentKey: itemContentKey(fingerprint),
			queued: queued.find(fingerprint),
		};
	});
	const placements = assignSlots(settings.plan, now, entries, taken);
	let next = 0;
	return read.map((item): PlannedItem => (item.ok ? { ...item, placement: placements[next++] } : item));
}

function slotFields(instant: number, timeZone: string): IDataObject {
	return { slot_local: formatWithOffset(instant, timeZone), slot_utc: utcText(instant) };
}

/** A schedule's output: run_at in the plan's zone, then how it got into the queue and its slot. */
export function queueOutput(schedule: IDataObject, status: string, timeZone: string): IDataObject {
	const instant = instantOf(schedule.run_at);
	return {
		...withLocalRunAt(schedule, timeZone),
		queue_status: status,
		...(Number.isNaN(instant) ? {} : slotFields(instant, timeZone)),
	};
}

/**
 * The item's part after planning, as Schedule → Create does it: its schedule created (binaries uploaded first), or the
 * one it already has; in a preview, what would be sent. `sameAs` items are answered by sameAsOutput().
 */
export async function queueItem(ctx: ItemContext, item: PlannedItem, settings: QueueSettings, timeoutMs: number): Promise<IDataObject> {
	if (!item.ok) throw item.error;
	const { placement } = item;
	const zone = settings.plan.timeZone;
	if (placement.kind === 'full') throw invalidField(ctx, settings.plan.end === undefined ? 'Posting Times' : 'End', placement.rule);
	if (placement.kind === 'queued') return queueOutput(placement.schedule, 'already_queued', zone);
	if (placement.kind === 'sameAs') throw new Error('sameAs placements are answered by sameAsOutput()');
	const slot = slotFields(placement.slot.instant, zone);
	if (settings.preview) {
		// What would be sent (binaries not uploaded yet), and when; nothing is created.
		return { ...item.body, run_at: placement.slot.local, queue_status: 'planned', ...slot, time_zone: zone };
	}
	const built = await buildPinContent(ctx, { uploadBinaries: true, input: item.input });
	const body: IDataObject = { ...built.body, run_at: placement.slot.local };
	const schedule = await createScheduleOnce(ctx, body, timeoutMs, ctx.getItemIndex());
	return { ...withLocalRunAt(schedule, zone), queue_status: 'added', ...slot, ...uploadsOf(built) };
}

/** An item with the same content as the earlier item `itemIndex` of this input: that item's outcome, marked. */
export async function sameAsOutput(ctx: ItemContext, itemIndex: number, earlier: Promise<IDataObject>, preview: boolean): Promise<IDataObject> {
	let first: IDataObject;
	try {
		first = await earlier;
	} catch {
		throw new NodeOperationError(ctx.getNode(), `Same content as item ${itemIndex}, which was not queued: see its error`, {
			itemIndex: ctx.getItemIndex(),
		});
	}
	return { ...first, queue_status: preview ? 'planned' : 'already_queued', same_as_item: itemIndex };
}
