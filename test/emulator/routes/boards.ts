// Pinterest boards (§6, §8.6): list, create, update, access check, delete.
import type { FastifyInstance } from 'fastify';

import type { Principal } from '../auth';
import { boardNotFound, CONNECT_URL, scopeMissing } from '../errors';
import type { Emulator } from '../emulator';
import { json, route } from '../http';
import { BOARD_PRIVACY, holdsBoard, type Account, type Board, type BoardPrivacy } from '../state';
import { queryBool, Validator } from '../validate';
import { accountFor, boardEvent } from './accounts';
import { jsonBody } from './pins';

/** [decided] how long a board access verdict is served from the cache (`source: "cache"`) unless `fresh=true`. */
export const ACCESS_CACHE_MS = 10 * 60_000;

const boardView = (b: Board) => ({ id: b.id, name: b.name, description: b.description, privacy: b.privacy });

/** §8.16 item 7: SECRET needs the Pinterest scope boards:write_secret (accounts connected before 1.37 lack it). */
function requireSecretScope(account: Account, privacy: BoardPrivacy | null): void {
	if (privacy === 'SECRET' && account.missing_scopes.includes('boards:write_secret')) throw scopeMissing('boards:write_secret');
}

function accountHealth(a: Account) {
	return {
		health_status: a.health_status,
		health_message: a.health_message,
		reconnect_required: a.reconnect_required,
		missing_scopes: a.missing_scopes,
		token_expires_at: a.token_expires_at,
	};
}

/** The verdict of GET …/boards/{id}/access (§8.6): a bad board is reported in the body, never as an error. */
function accessVerdict(emu: Emulator, account: Account, boardId: string) {
	const board = emu.store.boards.get(boardId);
	const fix = {
		board_not_found: 'List the boards of this account and use one of their ids.',
		board_deleted: 'The board was deleted; pick another board.',
		board_not_owned: 'Use a board of this Pinterest account, or choose the account that owns the board.',
		board_access_denied: 'Pinterest refuses this board for the account; ask its owner for access or pick another board.',
		scope_missing: 'Reconnect the Pinterest account in PinBridge to grant the missing permission.',
		token_expired: 'Reconnect the Pinterest account in PinBridge.',
	};
	let code: keyof typeof fix | null = null;
	let message = 'The account can publish to this board';
	if (account.reconnect_required || account.health_status === 'reconnect_required') {
		code = 'token_expired';
		message = account.health_message ?? 'The Pinterest connection must be renewed';
	} else if (!board) {
		code = emu.store.deletedBoards.has(boardId) ? 'board_deleted' : 'board_not_found';
		message = code === 'board_deleted' ? `Board ${boardId} was deleted` : `Board ${boardId} not found`;
	} else if (!holdsBoard(board, account.id)) {
		code = 'board_not_owned';
		message = 'Board does not belong to this Pinterest account';
	} else if (board.access_denied) {
		code = 'board_access_denied';
		message = 'Pinterest denied access to this board';
	} else if (board.privacy === 'SECRET' && account.missing_scopes.includes('boards:write_secret')) {
		code = 'scope_missing';
		message = 'Publishing to a secret board needs the boards:write_secret permission';
	}
	return {
		account_id: account.id,
		board_id: boardId,
		publishable: code === null,
		status: code === null ? 'ok' : 'failed',
		code,
		message,
		remediation: code === null ? null : fix[code],
		board: board && holdsBoard(board, account.id) ? boardView(board) : null,
		account_health: accountHealth(account),
		retry_after_seconds: null,
		...(code === 'scope_missing' || code === 'token_expired' ? { connect_url: CONNECT_URL } : {}),
	};
}

function ownedBoard(emu: Emulator, p: Principal, accountId: string, boardId: string): { account: Account; board: Board } {
	const account = accountFor(emu, p, accountId);
	const board = emu.store.boards.get(boardId);
	if (!board || board.account_id !== account.id) throw boardNotFound(boardId);
	return { account, board };
}

export function registerBoardRoutes(app: FastifyInstance, emu: Emulator): void {
	route(app, emu, 'GET', '/v1/pinterest/boards', { scope: 'read' }, (ctx) => {
		const v = new Validator(ctx.query, ['query']);
		const accountId = v.str('account_id', { required: true, id: emu.store.ids.format });
		v.throwIfErrors();
		const a = accountFor(emu, ctx.principal, accountId!);
		return json(200, emu.store.boardsOf(a.id).map(boardView));
	});

	route(app, emu, 'POST', '/v1/pinterest/boards', { scope: 'write' }, (ctx) => {
		const v = new Validator(jsonBody(ctx));
		const accountId = v.str('account_id', { required: true, id: emu.store.ids.format });
		const name = v.str('name', { required: true, min: 1, max: 180 });
		const description = v.str('description', { max: 500 });
		const privacy = v.str('privacy', { oneOf: BOARD_PRIVACY }) as BoardPrivacy | null;
		v.throwIfErrors();
		const a = accountFor(emu, ctx.principal, accountId!);
		requireSecretScope(a, privacy);
		const b = emu.store.createBoard(a, { name: name!, description, privacy: privacy ?? 'PUBLIC' });
		emu.activity.byRequest(ctx, boardEvent(b, 'board.created'));
		return json(201, boardView(b));
	});

	// §8.6: account_id plus at least one of name, description, privacy; pins on the board are not touched.
	route(app, emu, 'PATCH', '/v1/pinterest/boards/:id', { scope: 'write' }, (ctx) => {
		const v = new Validator(jsonBody(ctx));
		const accountId = v.str('account_id', { required: true, id: emu.store.ids.format });
		const name = v.str('name', { min: 1, max: 180 });
		const description = v.str('description', { max: 500 });
		const privacy = v.str('privacy', { oneOf: BOARD_PRIVACY }) as BoardPrivacy | null;
		if (v.ok && name === null && !('description' in v.obj) && privacy === null)
			v.add([], 'Value error, send at least one of name, description, privacy', 'value_error');
		v.throwIfErrors();
		const { account, board } = ownedBoard(emu, ctx.principal, accountId!, ctx.params.id);
		requireSecretScope(account, privacy);
		if (name !== null) board.name = name;
		if ('description' in v.obj) board.description = description;
		if (privacy !== null) board.privacy = privacy;
		emu.activity.byRequest(ctx, boardEvent(board, 'board.updated'));
		return json(200, boardView(board));
	});

	route(app, emu, 'GET', '/v1/pinterest/boards/:id/access', { scope: 'read' }, (ctx) => {
		const v = new Validator(ctx.query, ['query']);
		const accountId = v.str('account_id', { required: true, id: emu.store.ids.format });
		const fresh = queryBool(v, 'fresh') ?? false;
		v.throwIfErrors();
		const account = accountFor(emu, ctx.principal, accountId!);
		const cacheKey = `${account.id}:${ctx.params.id}`;
		const now = emu.clock.now();
		const cached = emu.store.boardAccess.get(cacheKey);
		if (!fresh && cached && now - Date.parse(String(cached.checked_at)) < ACCESS_CACHE_MS)
			return json(200, { ...cached, source: 'cache' });
		const verdict = { ...accessVerdict(emu, account, ctx.params.id), checked_at: emu.clock.iso(now), source: 'pinterest' };
		emu.store.boardAccess.set(cacheKey, verdict);
		return json(200, verdict);
	});

	// §8.6: deleting a board removes its pins on Pinterest: PinBridge's published pins get removed_from_pinterest_at.
	route(app, emu, 'DELETE', '/v1/pinterest/boards/:id', { scope: 'destructive' }, (ctx) => {
		const v = new Validator(ctx.query, ['query']);
		const accountId = v.str('account_id', { required: true, id: emu.store.ids.format });
		v.throwIfErrors();
		const { board } = ownedBoard(emu, ctx.principal, accountId!, ctx.params.id);
		emu.store.boards.delete(board.id);
		emu.store.deletedBoards.add(board.id);
		emu.activity.byRequest(ctx, boardEvent(board, 'board.deleted'));
		const iso = emu.clock.iso();
		for (const pin of ctx.principal.ws.pins)
			if (pin.board_id === board.id && pin.status === 'published' && !pin.removed_from_pinterest_at) {
				pin.removed_from_pinterest_at = iso;
				pin.updated_at = iso;
			}
		return json(204);
	});
}
