/**
 * Reading PinBridge's schedules to find one that already exists — schedules carry no idempotency key (contract §5),
 * so "is it there already?" is answered by a listing. One paged GET /v1/schedules, shared by:
 * - Schedule → Add to Queue (queueRun.ts): one listing for the whole input, before any slot is given out;
 * - Schedule → Create (createPlan.ts): one listing for the whole input, before anything is created;
 * - the look-up after a create's lost answer (reconcile.ts).
 */
import type { IDataObject } from 'n8n-workflow';

import { pinBridgeRequestList } from '../../../shared/transport/lists';
import type { PinBridgeContext } from '../../../shared/transport/request';

/** Every schedule matching the query (GET /v1/schedules: account_id, board_id, since, until on run_at), all pages. */
export async function listSchedules(ctx: PinBridgeContext, query: IDataObject, itemIndex?: number): Promise<IDataObject[]> {
	return await pinBridgeRequestList<IDataObject>(
		ctx,
		{ method: 'GET', path: '/v1/schedules', qs: { ...query, offset: 0 }, itemIndex },
		{ returnAll: true, limit: 0, paginated: true },
	);
}

/** A schedule to be made: its account when one is named (else PinBridge picks the board's), board, run time (ms). */
export interface ScheduleTarget {
	accountId?: string;
	boardId: string;
	runAt: number;
}

/** PinBridge answers run_at in UTC and may drop sub-second digits: a schedule within this of the run time is at it. */
export const SAME_RUN_AT_MS = 1000;

/**
 * The query that lists every schedule any of `targets` could already be: run_at within a second of the earliest to
 * the latest target's, narrowed to the account (board) when every target names the same one.
 */
export function sameTimeQuery(targets: ScheduleTarget[]): IDataObject {
	const times = targets.map((target) => target.runAt);
	const only = (values: Array<string | undefined>) =>
		values.length > 0 && values.every((value) => value && value === values[0]) ? values[0] : undefined;
	const account = only(targets.map((target) => target.accountId));
	const board = only(targets.map((target) => target.boardId));
	return {
		...(account ? { account_id: account } : {}),
		...(board ? { board_id: board } : {}),
		since: new Date(Math.min(...times) - SAME_RUN_AT_MS).toISOString(),
		until: new Date(Math.max(...times) + SAME_RUN_AT_MS).toISOString(),
	};
}
