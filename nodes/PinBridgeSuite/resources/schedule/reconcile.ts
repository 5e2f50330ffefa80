/**
 * PinBridge has no idempotency key for schedules (contract §5): a create whose answer was lost (reset, timeout,
 * 5xx) may or may not have made one. Before the helper sends it again, this looks for a schedule with the same
 * account, board, run time and content; finding one ends the create with it, so no schedule is made twice.
 */
import type { IDataObject } from 'n8n-workflow';

import { pinBridgeRequest, type PinBridgeContext, type PinBridgeRequest } from '../../../shared/transport/request';
import { instantOf } from '../../../shared/times';
import { listSchedules, sameTimeQuery } from './pendingSchedules';

/** null, undefined and '' all mean "not set" (PinBridge returns null where the node sent nothing). */
function same(a: unknown, b: unknown): boolean {
	const norm = (value: unknown) => (value === undefined || value === null || value === '' ? '' : String(value));
	return norm(a) === norm(b);
}

/** Whether a schedule PinBridge lists is the one `sent` would create. */
export function isSameSchedule(schedule: IDataObject, sent: IDataObject, runAt: number): boolean {
	// Canceled on purpose (either spelling): not the one the lost attempt made.
	if (schedule.status === 'canceled' || schedule.status === 'cancelled') return false;
	// Sent without an account, PinBridge chose the board's (contract §9.1.3): the board decides then.
	if (sent.account_id !== undefined && !same(schedule.pinterest_account_id ?? schedule.account_id, sent.account_id)) {
		return false;
	}
	// PinBridge answers run_at in UTC (an offset-less time too) and may drop sub-second digits: compare to the second.
	if (!(Math.abs(instantOf(schedule.run_at) - runAt) < 1000)) return false;
	const payload = (schedule.payload && typeof schedule.payload === 'object' ? schedule.payload : schedule) as IDataObject;
	const fields = ['board_id', 'title', 'description', 'link_url'];
	if (!fields.every((field) => same(payload[field], sent[field]))) return false;
	if (sent.image_url && !same(payload.image_url ?? payload.media_url, sent.image_url)) return false;
	if (sent.asset_id && !same(payload.asset_id, sent.asset_id)) return false;
	if (sent.cover_image_url && !same(payload.cover_image_url, sent.cover_image_url)) return false;
	// The payload shows a cover asset only as its URL; compare the id when PinBridge does list it.
	if (sent.cover_image_asset_id && 'cover_image_asset_id' in payload) {
		if (!same(payload.cover_image_asset_id, sent.cover_image_asset_id)) return false;
	}
	return true;
}

export async function findExistingSchedule(
	ctx: PinBridgeContext,
	request: PinBridgeRequest,
): Promise<IDataObject | undefined> {
	const sent = request.body as IDataObject;
	const runAt = Date.parse(String(sent.run_at));
	const target = { accountId: sent.account_id === undefined ? undefined : String(sent.account_id), boardId: String(sent.board_id), runAt };
	const candidates = await listSchedules(ctx, sameTimeQuery([target]), request.itemIndex);
	const matches = candidates.filter((schedule) => isSameSchedule(schedule, sent, runAt));
	// Several identical schedules: the newest is the likeliest to be the lost attempt's.
	matches.sort((a, b) => (instantOf(b.created_at) || 0) - (instantOf(a.created_at) || 0));
	return matches[0];
}

/**
 * POST /v1/schedules through the request helper, looking for the schedule before any resend: the one way Schedule →
 * Create and Schedule → Add to Queue create a schedule. Returns PinBridge's schedule (or the one found).
 */
export async function createScheduleOnce(
	ctx: PinBridgeContext,
	body: IDataObject,
	timeoutMs: number,
	itemIndex: number,
): Promise<IDataObject> {
	const request: PinBridgeRequest = {
		method: 'POST',
		path: '/v1/schedules',
		body,
		accountId: typeof body.account_id === 'string' ? body.account_id : undefined,
		timeoutMs,
		itemIndex,
	};
	request.reconcile = async () => await findExistingSchedule(ctx, request);
	return (await pinBridgeRequest<IDataObject>(ctx, request)).body ?? {};
}
