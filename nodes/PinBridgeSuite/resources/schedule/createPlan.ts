/**
 * Schedule → Create, never a second schedule for the same Pin at the same time. PinBridge takes no idempotency key for
 * schedules (contract §5), so before anything is created the whole input is read and checked (nothing sent), then ONE
 * paged listing of PinBridge's schedules at the input's run times (pendingSchedules.ts) says which already exist:
 *
 * - a pending schedule with the item's content (Pin → Publish's content key, read back as Add to Queue does:
 *   queueSameness.ts — account when named, board, media, cover, title, description, link) at the same run_at instant
 *   is the item's: it is returned with `created_by_this_call: false` and nothing is created;
 * - an item with the same content and run time as an earlier item of the same input gets that item's schedule
 *   (`same_as_item`, `created_by_this_call: false`), never a second create;
 * - any other item is created (binaries uploaded first; a lost answer reconciled, reconcile.ts): `true`.
 *
 * When the listing fails, every item that needed it fails with an error saying so: nothing is created blind (Continue
 * On Fail: those items become error items, the others go on). Options → Create Even If Already Scheduled skips the
 * check for an item. A media binary's fingerprint is its sha256, which no schedule shows: such an item is not looked
 * up (no listing for it), only matched against the other items of its input.
 */
import { NodeApiError, NodeOperationError, type IDataObject, type JsonObject } from 'n8n-workflow';

import type { ItemContext } from '../../shared/itemContext';
import { buildPinContent, pinContentFingerprint, readPinContent, uploadsOf, type PinContentInput } from '../../shared/pinContent';
import { resolveRunAt } from '../../shared/runAt';
import { withLocalRunAt } from '../../shared/scheduleTime';
import { invalidField } from '../../shared/validation';
import { CREATED_BY_THIS_CALL } from '../pin/replay';
import { listSchedules, sameTimeQuery, SAME_RUN_AT_MS } from './pendingSchedules';
import { QueuedContent, itemContentKey } from './queueSameness';
import { createScheduleOnce } from './reconcile';

interface ReadCreate {
	input: PinContentInput;
	/** Run At as sent (with its offset), and its instant. */
	runAt: string;
	instant: number;
	/** Whether to look for the schedule first (off with Options → Create Even If Already Scheduled). */
	check: boolean;
}

/** One item after planning: the schedule it already has, the earlier item it repeats, or neither (create it). */
export type PlannedCreate =
	| { ok: true; input: PinContentInput; runAt: string; existing?: IDataObject; sameAs?: number }
	| { ok: false; error: unknown };

/** Run At first, then the Pin content: both checked, nothing sent, binaries not uploaded yet. */
async function readCreate(ctx: ItemContext, now: number): Promise<ReadCreate> {
	const runAt = resolveRunAt(ctx.getNodeParameter('runAt', ''), ctx.getTimezone(), now);
	if (!runAt.ok) throw invalidField(ctx, 'Run At', runAt.rule);
	const input = await readPinContent(ctx);
	const options = (ctx.getNodeParameter('createOptions', {}) ?? {}) as IDataObject;
	return { input, runAt: runAt.value, instant: runAt.instant, check: options.createEvenIfScheduled !== true };
}

/** The item's error when the listing failed: what failed, that nothing was created, what to do. PinBridge's facts kept. */
function notChecked(ctx: ItemContext, error: unknown): Error {
	const said = error instanceof Error ? error.message : String(error);
	const message = `Schedule not created: looking for an existing one failed (${said})`;
	const description = [
		'Before creating, the node lists PinBridge’s schedules (GET /v1/schedules) so that a re-run never creates a second one, and that listing failed. Nothing was created for this item.',
		'What to do: run it again once PinBridge answers; or, to create without looking, add Options → Create Even If Already Scheduled (a re-run may then create the schedule twice).',
		(error as { description?: unknown } | undefined)?.description,
	]
		.filter((line) => typeof line === 'string' && line !== '')
		.join('\n');
	const itemIndex = ctx.getItemIndex();
	if (error instanceof NodeApiError) {
		const response = (error.errorResponse ?? { message: said }) as JsonObject;
		return new NodeApiError(ctx.getNode(), response, { message, description, httpCode: error.httpCode ?? undefined, itemIndex });
	}
	return new NodeOperationError(ctx.getNode(), message, { description, itemIndex });
}

/** Every item read and checked, one listing (`contexts[0]` makes it), each item's plan. */
export async function planCreates(contexts: ItemContext[], now: number): Promise<PlannedCreate[]> {
	const read = await Promise.all(
		contexts.map(async (ctx) => {
			try {
				return { ok: true as const, ...(await readCreate(ctx, now)) };
			} catch (error) {
				return { ok: false as const, error };
			}
		}),
	);
	// An uploaded binary's asset is new on every run, so no listing can show it: only in-input repeats are caught.
	const findable = (item: ReadCreate) => item.check && item.input.file === undefined;
	const checked = read.flatMap((item) => (item.ok && findable(item) ? [item] : []));
	let queued: QueuedContent | undefined;
	let listingError: unknown;
	if (checked.length > 0) {
		const targets = checked.map(({ input, instant }) => ({ accountId: input.accountId || undefined, boardId: input.boardId, runAt: instant }));
		try {
			queued = new QueuedContent(await listSchedules(contexts[0], sameTimeQuery(targets), contexts[0].getItemIndex()));
		} catch (error) {
			listingError = error;
		}
	}
	const firstWithKey = new Map<string, number>();
	return read.map((item, itemIndex): PlannedCreate => {
		if (!item.ok) return item;
		const { input, runAt } = item;
		if (!item.check) return { ok: true, input, runAt };
		if (findable(item) && !queued) return { ok: false, error: notChecked(contexts[itemIndex], listingError) };
		const fingerprint = pinContentFingerprint(input);
		const existing = queued?.findAt(fingerprint, item.instant);
		const key = `${itemContentKey(fingerprint)}@${Math.floor(item.instant / SAME_RUN_AT_MS)}`;
		const earlier = firstWithKey.get(key);
		if (earlier === undefined) firstWithKey.set(key, itemIndex);
		else if (!existing) return { ok: true, input, runAt, sameAs: earlier };
		return { ok: true, input, runAt, existing };
	});
}

/** The output: the schedule (run_at also in the workflow's zone), the uploads, and whether this call created it. */
function createOutput(ctx: ItemContext, schedule: IDataObject, createdNow: boolean, uploads: IDataObject = {}): IDataObject {
	return { ...withLocalRunAt(schedule, ctx.getTimezone()), ...uploads, [CREATED_BY_THIS_CALL]: createdNow };
}

/** The item's schedule: the one it already has, or created now (binaries uploaded first). `sameAs` items: sameAsOutput. */
export async function createPlanned(ctx: ItemContext, item: PlannedCreate, timeoutMs: number): Promise<IDataObject> {
	if (!item.ok) throw item.error;
	if (item.existing) return createOutput(ctx, item.existing, false);
	if (item.sameAs !== undefined) throw new Error('repeated items are answered by sameAsOutput()');
	const built = await buildPinContent(ctx, { uploadBinaries: true, input: item.input });
	const schedule = await createScheduleOnce(ctx, { ...built.body, run_at: item.runAt }, timeoutMs, ctx.getItemIndex());
	return createOutput(ctx, schedule, true, uploadsOf(built));
}

/** An item repeating the earlier item `itemIndex` of this input: that item's schedule, not created by this item. */
export async function sameAsOutput(ctx: ItemContext, itemIndex: number, earlier: Promise<IDataObject>): Promise<IDataObject> {
	let first: IDataObject;
	try {
		first = await earlier;
	} catch {
		throw new NodeOperationError(ctx.getNode(), `Same content and Run At as item ${itemIndex}, which was not created: see its error`, {
			itemIndex: ctx.getItemIndex(),
		});
	}
	return { ...first, [CREATED_BY_THIS_CALL]: false, same_as_item: itemIndex };
}
