// Add to Queue, taken slots: PinBridge's pending schedules (any maker) counted per slot, per account or per board,
// read tolerantly (offset-less run_at = UTC, envelope variants, ids as numbers), and the one listing's query.
import type { IDataObject } from 'n8n-workflow';

import {
	isPendingSchedule,
	pendingSchedulesQuery,
	readTakenSlots,
} from '../../../nodes/PinBridgeSuite/resources/schedule/queueTaken';

const ACCOUNT = 'acc_9d1e';
const OTHER_ACCOUNT = 'acc_77aa';
const BOARD = 'b_78f2a9';
const OTHER_BOARD = 'b_31c0';
const NINE = Date.parse('2026-12-01T08:00:00Z'); // 09:00 Berlin

let counter = 0;
function schedule(runAt: string, overrides: IDataObject = {}, payload: IDataObject = {}): IDataObject {
	return {
		id: `sch_${++counter}`,
		pinterest_account_id: ACCOUNT,
		run_at: runAt,
		status: 'scheduled',
		payload: { board_id: BOARD, title: 'A Pin', image_url: 'https://img.example/a.jpg', ...payload },
		...overrides,
	};
}

describe('pending schedules', () => {
	it.each([
		['scheduled', true],
		['queued', true],
		['deferred', true],
		['running', true], // being published right now: its content is in the queue
		['Scheduled', true],
		[undefined, true], // listed without a status: counted, never risking a duplicate
		['done', false],
		['failed', false],
		['canceled', false],
		['cancelled', false],
	])('status %s → pending %s', (status, pending) => {
		expect(isPendingSchedule({ status })).toBe(pending);
	});
});

describe('taken slots', () => {
	it('counts pending schedules per slot minute and account, whatever their board, and skips the others', () => {
		const taken = readTakenSlots(
			[
				schedule('2026-12-01T08:00:00Z'),
				schedule('2026-12-01T08:00:00.000Z', {}, { board_id: OTHER_BOARD }), // same account, other board
				schedule('2026-12-01T09:00:00+01:00'), // the same instant, written in Berlin time
				schedule('2026-12-01T08:00:30Z'), // within the slot's minute
				schedule('2026-12-01T08:01:00Z'), // the next minute: not this slot
				schedule('2026-12-01T08:00:00Z', { status: 'canceled' }),
				schedule('2026-12-01T08:00:00Z', { status: 'done' }),
				schedule('2026-12-01T08:00:00Z', { pinterest_account_id: OTHER_ACCOUNT }),
				schedule('not a time'),
			],
			'account',
		);
		const scope = taken.scopeOf(ACCOUNT, BOARD);
		expect(scope).toBe(`account:${ACCOUNT}`);
		expect(taken.count(scope, NINE)).toBe(4);
		expect(taken.count(scope, NINE + 60_000)).toBe(1);
		expect(taken.count(taken.scopeOf(OTHER_ACCOUNT, BOARD), NINE)).toBe(1);
		expect(taken.count(scope, NINE - 60_000)).toBe(0);
	});

	it('per board: only the board’s own schedules count', () => {
		const taken = readTakenSlots(
			[schedule('2026-12-01T08:00:00Z'), schedule('2026-12-01T08:00:00Z', {}, { board_id: OTHER_BOARD })],
			'board',
		);
		expect(taken.count(taken.scopeOf(ACCOUNT, BOARD), NINE)).toBe(1);
		expect(taken.count(taken.scopeOf(ACCOUNT, OTHER_BOARD), NINE)).toBe(1);
		expect(taken.count(taken.scopeOf(ACCOUNT, 'b_none'), NINE)).toBe(0);
	});

	it('reads run_at without an offset as UTC (PinBridge’s clock), never the host’s zone', () => {
		const taken = readTakenSlots([schedule('2026-12-01T08:00:00'), schedule('2026-12-01 08:00:00')], 'account');
		expect(taken.count(taken.scopeOf(ACCOUNT, BOARD), NINE)).toBe(2);
	});

	it('reads the board and account wherever PinBridge puts them, ids as numbers too', () => {
		const taken = readTakenSlots(
			[
				{ id: 1, account_id: ACCOUNT, board_id: BOARD, run_at: '2026-12-01T08:00:00Z', status: 'queued' }, // no payload
				{ id: 2, pinterest_account_id: 42, run_at: '2026-12-01T08:00:00Z', status: 'scheduled', payload: { board_id: 549755885175 } },
			],
			'board',
		);
		expect(taken.count(taken.scopeOf(undefined, BOARD), NINE)).toBe(1);
		expect(taken.count(taken.scopeOf(undefined, '549755885175'), NINE)).toBe(1);
		const perAccount = readTakenSlots([{ id: 2, pinterest_account_id: 42, run_at: '2026-12-01T08:00:00Z', payload: {} }], 'account');
		expect(perAccount.count('account:42', NINE)).toBe(1);
	});

	it('per account, an item sent without an account counts against the account its board’s schedules show', () => {
		const taken = readTakenSlots(
			[schedule('2026-12-01T08:00:00Z'), schedule('2026-12-01T08:00:00Z', {}, { board_id: OTHER_BOARD })],
			'account',
		);
		expect(taken.scopeOf(undefined, BOARD)).toBe(`account:${ACCOUNT}`);
		expect(taken.count(taken.scopeOf(undefined, BOARD), NINE)).toBe(2);
		// a board PinBridge shows no schedule for: counted on its own
		expect(taken.scopeOf(undefined, 'b_new')).toBe('board:b_new');
		expect(taken.scopeOf('', 'b_new')).toBe('board:b_new');
	});

	it('add() records what this run gives out', () => {
		const taken = readTakenSlots([], 'account');
		taken.add(`account:${ACCOUNT}`, NINE + 10_000);
		taken.add(`account:${ACCOUNT}`, NINE, 2);
		expect(taken.count(`account:${ACCOUNT}`, NINE)).toBe(3);
	});
});

describe('the one listing for a whole input', () => {
	const NOW = Date.parse('2026-12-01T12:00:00Z');

	it('reads from a day ago (a late queued or deferred schedule is still in the queue), without a status filter', () => {
		expect(pendingSchedulesQuery(NOW, 'account', [{ accountId: ACCOUNT, boardId: BOARD }])).toEqual({
			since: '2026-11-30T12:00:00Z',
			account_id: ACCOUNT,
		});
	});

	it('narrows to the account all items share, or per board to the board they share; else reads everything', () => {
		const targets = [
			{ accountId: ACCOUNT, boardId: BOARD },
			{ accountId: ACCOUNT, boardId: OTHER_BOARD },
		];
		expect(pendingSchedulesQuery(NOW, 'board', targets)).toMatchObject({ account_id: ACCOUNT });
		expect(pendingSchedulesQuery(NOW, 'board', [{ boardId: BOARD }, { boardId: BOARD }])).toEqual({
			since: '2026-11-30T12:00:00Z',
			board_id: BOARD,
		});
		// per account without an account, the board's listing would miss the account's other boards
		expect(pendingSchedulesQuery(NOW, 'account', [{ boardId: BOARD }])).toEqual({ since: '2026-11-30T12:00:00Z' });
		expect(pendingSchedulesQuery(NOW, 'account', [{ accountId: ACCOUNT, boardId: BOARD }, { accountId: OTHER_ACCOUNT, boardId: BOARD }])).toEqual({
			since: '2026-11-30T12:00:00Z',
		});
		expect(pendingSchedulesQuery(NOW, 'board', [{ boardId: BOARD }, { boardId: OTHER_BOARD }])).toEqual({ since: '2026-11-30T12:00:00Z' });
	});
});
