/**
 * Schedule → Add to Queue: which slots are taken. "Free" is read from PinBridge — the pending schedules of the account
 * (or board), whoever made them: an earlier run, another workflow, the dashboard. Pure: the caller makes one paged
 * GET /v1/schedules for the whole input (pendingSchedulesQuery) and hands the list here.
 *
 * Read tolerantly (contract §9.1.5): run_at without an offset is UTC; the board may sit in `payload` or at the top;
 * the account may be `pinterest_account_id` or `account_id`; ids may arrive as numbers.
 */
import type { IDataObject } from 'n8n-workflow';

import { instantOf } from '../../../shared/times';
import { MINUTE_MS, utcText } from './queuePlan';

/** Not yet published: these hold their slot, and an item with the same content is already in the queue. */
export const PENDING_STATUSES = ['scheduled', 'queued', 'deferred', 'running'];

/** Whom "at most N Pins per slot" counts for. */
export type QueueScope = 'account' | 'board';

/**
 * Whether a listed schedule is still to run. A schedule listed without a status is counted as pending: taking its
 * slot, or returning it for an item with the same content, can at worst leave a slot empty, never make a duplicate.
 */
export function isPendingSchedule(schedule: IDataObject): boolean {
	const status = schedule.status;
	if (status === undefined || status === null || status === '') return true;
	return typeof status === 'string' && PENDING_STATUSES.includes(status.trim().toLowerCase());
}

const idText = (value: unknown): string | undefined =>
	(typeof value === 'string' && value !== '') || typeof value === 'number' ? String(value) : undefined;

/** The payload, where PinBridge keeps the Pin's fields (contract §6); the schedule itself when there is none. */
export function payloadOf(schedule: IDataObject): IDataObject {
	return schedule.payload && typeof schedule.payload === 'object' ? (schedule.payload as IDataObject) : schedule;
}

export function scheduleBoard(schedule: IDataObject): string | undefined {
	return idText(payloadOf(schedule).board_id) ?? idText(schedule.board_id);
}

export function scheduleAccount(schedule: IDataObject): string | undefined {
	return idText(schedule.pinterest_account_id) ?? idText(schedule.account_id) ?? idText(payloadOf(schedule).account_id);
}

const minuteOf = (instant: number) => Math.floor(instant / MINUTE_MS);

/** Pins already in each slot, per account or per board. A schedule counts for the slot in the same minute. */
export class TakenSlots {
	private readonly counts = new Map<string, Map<number, number>>();

	constructor(
		readonly per: QueueScope,
		/** The account each board's schedules belong to, for items sent without an account (contract §9.1.3). */
		private readonly boardAccounts: Map<string, string> = new Map(),
	) {}

	/**
	 * Whose slots an item fills. Per account without an account given: the account PinBridge's own schedules show for
	 * the board, or else the board alone (PinBridge picks the board's account when it creates the schedule).
	 */
	scopeOf(accountId: string | undefined, boardId: string): string {
		if (this.per === 'board') return `board:${boardId}`;
		const account = accountId || this.boardAccounts.get(boardId);
		return account ? `account:${account}` : `board:${boardId}`;
	}

	count(scope: string, instant: number): number {
		return this.counts.get(scope)?.get(minuteOf(instant)) ?? 0;
	}

	add(scope: string, instant: number, pins = 1): void {
		let slots = this.counts.get(scope);
		if (!slots) {
			slots = new Map();
			this.counts.set(scope, slots);
		}
		slots.set(minuteOf(instant), (slots.get(minuteOf(instant)) ?? 0) + pins);
	}
}

/** The pending schedules of a listing, counted per slot minute and scope. Others, and unreadable times, are skipped. */
export function readTakenSlots(schedules: IDataObject[], per: QueueScope): TakenSlots {
	const pending = schedules.filter(isPendingSchedule);
	const boardAccounts = new Map<string, string>();
	for (const schedule of pending) {
		const board = scheduleBoard(schedule);
		const account = scheduleAccount(schedule);
		if (board && account && !boardAccounts.has(board)) boardAccounts.set(board, account);
	}
	const taken = new TakenSlots(per, boardAccounts);
	for (const schedule of pending) {
		const instant = instantOf(schedule.run_at);
		const board = scheduleBoard(schedule);
		if (Number.isNaN(instant) || (!board && per === 'board')) continue;
		const account = scheduleAccount(schedule);
		if (!board && !account) continue;
		taken.add(board ? taken.scopeOf(account, board) : `account:${account}`, instant);
	}
	return taken;
}

/** How far back pending schedules are read: a queued or deferred one may be late, and is still in the queue. */
export const PENDING_LOOKBACK_MS = 86_400_000;

export interface QueueTarget {
	accountId?: string;
	boardId: string;
}

/**
 * The query of the one listing made for a whole input: every schedule from a day ago on (no status filter: the API
 * takes one status per call, so pending ones are picked here), narrowed to the account or board when all items share
 * it and that still shows every slot they count against.
 */
export function pendingSchedulesQuery(now: number, per: QueueScope, targets: QueueTarget[]): IDataObject {
	const query: IDataObject = { since: utcText(now - PENDING_LOOKBACK_MS) };
	const only = (values: Array<string | undefined>) => (values.length > 0 && values.every((value) => value && value === values[0]) ? values[0] : undefined);
	const account = only(targets.map((target) => target.accountId));
	const board = only(targets.map((target) => target.boardId));
	if (account) query.account_id = account;
	else if (per === 'board' && board) query.board_id = board;
	return query;
}
