// Section 9 rules shared by pins, schedules, batch items, import rows and the validate calls:
// - §9.1.3: a body without `account_id` publishes with the account that holds the board; none or several → 422.
// - §9.3: a video Pin (or schedule) needs a cover image → 422 validation_error naming the cover.
import { permits, type Principal } from './auth';
import { envelope, validation, type ApiError, type ValidationItem } from './errors';
import type { Emulator } from './emulator';
import { holdsBoard, type Workspace } from './state';

export type BoardAccount =
	| { ok: true; accountId: string }
	| { ok: false; status: 403 | 422; code: 'account_not_permitted' | 'validation_error'; message: string };

/**
 * The one connected account of the workspace that holds `boardId` (owner or group-board member) and that the
 * credential may act for. [decided] Accounts outside the key's allow-list are not candidates; when only such accounts
 * hold the board the answer is 403 `account_not_permitted`, as if the body had named one.
 */
export function boardAccount(emu: Emulator, ws: Workspace, principal: Principal | null, boardId: string): BoardAccount {
	const board = emu.store.boards.get(boardId);
	const holders = board
		? [...emu.store.accounts.values()].filter((a) => a.workspace_id === ws.id && !a.revoked_at && holdsBoard(board, a.id))
		: [];
	const allowed = principal ? holders.filter((a) => permits(principal, a.id)) : holders;
	if (allowed.length === 1) return { ok: true, accountId: allowed[0].id };
	if (allowed.length > 1)
		return {
			ok: false,
			status: 422,
			code: 'validation_error',
			message: `${allowed.length} connected Pinterest accounts hold board ${boardId} (${allowed
				.map((a) => a.id)
				.join(', ')}): send account_id to choose one`,
		};
	if (holders.length > 0)
		return {
			ok: false,
			status: 403,
			code: 'account_not_permitted',
			message: 'This API key is not allowed to act on the Pinterest account that holds this board',
		};
	return {
		ok: false,
		status: 422,
		code: 'validation_error',
		message: `no connected Pinterest account of this workspace holds board ${boardId}: send account_id, or a board id from GET /v1/pinterest/boards`,
	};
}

/** As boardAccount, but a failure is thrown as the API answers it (422 list + envelope, or 403 envelope). */
export function requireBoardAccount(emu: Emulator, ws: Workspace, principal: Principal | null, boardId: string): string {
	const found = boardAccount(emu, ws, principal, boardId);
	if (found.ok) return found.accountId;
	throw boardAccountError(found);
}

function boardAccountError(found: Extract<BoardAccount, { ok: false }>): ApiError {
	if (found.status === 403)
		return envelope(403, 'account_not_permitted', found.message, "Add the account to the key's allow-list or use another key.");
	return validation([{ loc: ['body', 'account_id'], msg: `Value error, ${found.message}`, type: 'value_error' }]);
}

/** §9.3: a video needs `cover_image_url` or `cover_image_asset_id`; the problem (or null) as a 422 item. */
export function missingVideoCover(
	mediaType: 'image' | 'video',
	cover: { cover_image_url: string | null; cover_image_asset_id: string | null },
): ValidationItem | null {
	if (mediaType !== 'video' || cover.cover_image_url || cover.cover_image_asset_id) return null;
	return {
		loc: ['body', 'cover_image_url'],
		msg: 'Value error, a video Pin needs a cover image: send cover_image_url or cover_image_asset_id',
		type: 'value_error',
	};
}
