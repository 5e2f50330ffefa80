// The checks a publish, a schedule, a batch item and an import row share before anything is stored: account (or the
// board's account when none is named, §9.1.3), board, assets, cover (a video needs one, §9.3).
import type { Principal } from './auth';
import { requireAccount } from './auth';
import { boardError, validation, type ValidationItem } from './errors';
import type { Emulator } from './emulator';
import { missingVideoCover, requireBoardAccount } from './publishRules';
import { holdsBoard, type Account, type Workspace } from './state';
import type { PinInput } from './validate';

export interface PreparedPin {
	input: PinInput;
	account: Account;
	media_type: 'image' | 'video';
	media_url: string;
	cover_image_url: string | null;
}

export function isUnreachable(url: string | null): boolean {
	if (!url) return false;
	if (url.toLowerCase().includes('unreachable')) return true;
	try {
		return new URL(url).hostname.toLowerCase().endsWith('.invalid');
	} catch {
		return true;
	}
}

/** Account / board / asset checks shared by pins, schedules and imports. */
export function preparePin(
emu: Emulator,
ws: Workspace,
input: PinInput,
principal: Principal | null,
checkBoard = true,
): PreparedPin {
	// §9.1.3: no account_id → the one account that holds the board (422/403 otherwise)
	const accountId = input.account_id ?? requireBoardAccount(emu, ws, principal, input.board_id);
	input.account_id = accountId;
	if (principal) requireAccount(principal, accountId);
	const account = emu.store.accounts.get(accountId);
	if (!account || account.workspace_id !== ws.id || account.revoked_at)
		throw validation([
			{ loc: ['body', 'account_id'], msg: 'Value error, Pinterest account not found or not connected', type: 'value_error' },
		]);
	if (checkBoard) {
		const board = emu.store.boards.get(input.board_id);
		if (!board) throw boardError('board_not_found', `Board ${input.board_id} not found`);
		if (!holdsBoard(board, account.id)) throw boardError('board_not_owned', 'Board does not belong to this Pinterest account');
		if (board.access_denied) throw boardError('board_access_denied', 'Pinterest denied access to this board');
	}
	const errs: ValidationItem[] = [];
	let media_type: 'image' | 'video' = 'image';
	let media_url = input.image_url ?? '';
	if (input.asset_id) {
		const asset = emu.store.assets.get(input.asset_id);
		if (!asset || asset.workspace_id !== ws.id)
			errs.push({ loc: ['body', 'asset_id'], msg: 'Value error, asset not found', type: 'value_error' });
		else {
			media_type = asset.asset_type;
			media_url = asset.public_url;
		}
	}
	let cover_image_url = input.cover_image_url;
	if (input.cover_image_asset_id) {
		const cover = emu.store.assets.get(input.cover_image_asset_id);
		if (!cover || cover.workspace_id !== ws.id || cover.asset_type !== 'image')
			errs.push({ loc: ['body', 'cover_image_asset_id'], msg: 'Value error, image asset not found', type: 'value_error' });
		else cover_image_url = cover.public_url;
	}
	if (media_type === 'image' && (input.cover_image_url || input.cover_image_asset_id))
		errs.push({
			loc: ['body', input.cover_image_url ? 'cover_image_url' : 'cover_image_asset_id'],
			msg: 'Value error, a cover image is only allowed for video pins',
			type: 'value_error',
		});
	const noCover = missingVideoCover(media_type, input);
	if (noCover) errs.push(noCover);
	if (errs.length) throw validation(errs);
	return { input, account, media_type, media_url, cover_image_url };
}
