// The checks of a dry run (dryRun.ts): account, board access, media. Each reports a problem instead of answering it.
import { permits, type Principal } from './auth';
import type { Emulator } from './emulator';
import { isUnreachable } from './lifecycle';
import { boardAccount, missingVideoCover } from './publishRules';
import { holdsBoard, type Account } from './state';
import type { PinInput } from './validate';

export type CheckStatus = 'passed' | 'failed' | 'warning' | 'skipped';

export interface Check {
	name: string;
	status: CheckStatus;
	code: string | null;
	message: string;
	remediation: string | null;
	details: Record<string, unknown> | null;
}

export interface DryRunResult {
	valid: boolean;
	dry_run: true;
	checks: Check[];
	resolved: Record<string, unknown>;
	existing_pin_id: string | null;
	headroom: {
		quota_remaining: number;
		account_tokens_available: number | null;
		global_tokens_available: number;
	};
}

export const passed = (name: string, message: string, details: Record<string, unknown> | null = null): Check => ({
	name,
	status: 'passed',
	code: null,
	message,
	remediation: null,
	details,
});

export const problem = (
	name: string,
	status: 'failed' | 'warning',
	code: string,
	message: string,
	remediation: string,
	details: Record<string, unknown> | null = null,
): Check => ({ name, status, code, message, remediation, details });

export const skipped = (name: string, why: string): Check => ({
	name,
	status: 'skipped',
	code: null,
	message: why,
	remediation: null,
	details: null,
});

/** §9.1.3: without `account_id` the account that holds the board is checked; none or several → a failed check. */
export function accountCheck(emu: Emulator, p: Principal, input: PinInput): { check: Check; account: Account | null } {
	if (input.account_id !== null) return namedAccountCheck(emu, p, input.account_id);
	const found = boardAccount(emu, p.ws, p, input.board_id);
	if (found.ok) return namedAccountCheck(emu, p, found.accountId);
	const fix =
		found.code === 'account_not_permitted'
			? "Add the account to the key's allow-list or use another key."
			: 'Send account_id, or a board id that one connected account holds.';
	return { account: null, check: problem('account', 'failed', found.code, found.message, fix) };
}

function namedAccountCheck(emu: Emulator, p: Principal, accountId: string): { check: Check; account: Account | null } {
	const a = emu.store.accounts.get(accountId);
	if (!permits(p, accountId))
		return {
			account: null,
			check: problem(
				'account',
				'failed',
				'account_not_permitted',
				'This API key is not allowed to act on this Pinterest account',
				"Add the account to the key's allow-list or use another key.",
			),
		};
	if (!a || a.workspace_id !== p.ws.id || a.revoked_at)
		return {
			account: null,
			check: problem(
				'account',
				'failed',
				'pinterest_not_connected',
				'Pinterest account not found or not connected',
				'Connect the Pinterest account in PinBridge, or pick a connected one.',
			),
		};
	if (a.reconnect_required || a.health_status === 'reconnect_required')
		return {
			account: a,
			check: problem(
				'account',
				'failed',
				'token_expired',
				a.health_message ?? 'The Pinterest connection must be renewed',
				'Reconnect the Pinterest account in the PinBridge dashboard.',
			),
		};
	return {
		account: a,
		check: passed('account', `@${a.username} is connected`, {
			health_status: a.health_status,
		}),
	};
}

export function boardCheck(emu: Emulator, account: Account | null, boardId: string): Check {
	if (!account) return skipped('board_access', 'Skipped: the account check failed');
	const board = emu.store.boards.get(boardId);
	const fix = 'List the boards of this account and use one of their ids.';
	if (!board) {
		const code = emu.store.deletedBoards.has(boardId) ? 'board_deleted' : 'board_not_found';
		return problem(
			'board_access',
			'failed',
			code,
			`Board ${boardId} ${code === 'board_deleted' ? 'was deleted' : 'not found'}`,
			fix,
		);
	}
	if (!holdsBoard(board, account.id))
		return problem('board_access', 'failed', 'board_not_owned', 'Board does not belong to this Pinterest account', fix);
	if (board.access_denied)
		return problem('board_access', 'failed', 'board_access_denied', 'Pinterest denied access to this board', fix);
	if (board.privacy === 'SECRET' && account.missing_scopes.includes('boards:write_secret'))
		return problem(
			'board_access',
			'failed',
			'scope_missing',
			'Publishing to a secret board needs the boards:write_secret permission',
			'Reconnect the Pinterest account to grant it.',
			{ missing_scopes: ['boards:write_secret'] },
		);
	return passed('board_access', `Board "${board.name}" accepts Pins`, {
		board_id: board.id,
		privacy: board.privacy,
	});
}

export function mediaCheck(
	emu: Emulator,
	p: Principal,
	input: PinInput,
): { check: Check; media_type: 'image' | 'video'; media_url: string } {
	let media_type: 'image' | 'video' = 'image';
	let media_url = input.image_url ?? '';
	const fail = (message: string) => ({
		check: problem('media', 'failed', 'invalid_media', message, 'Upload the media again or pass another image URL.'),
		media_type,
		media_url,
	});
	if (input.asset_id) {
		const asset = emu.store.assets.get(input.asset_id);
		if (!asset || asset.workspace_id !== p.ws.id) return fail(`Asset ${input.asset_id} not found`);
		media_type = asset.asset_type;
		media_url = asset.public_url;
	}
	if (input.cover_image_asset_id) {
		const cover = emu.store.assets.get(input.cover_image_asset_id);
		if (!cover || cover.workspace_id !== p.ws.id || cover.asset_type !== 'image')
			return fail('Cover image asset not found');
	}
	if (media_type === 'image' && (input.cover_image_url || input.cover_image_asset_id))
		return fail('A cover image is only allowed for video pins');
	const noCover = missingVideoCover(media_type, input);
	if (noCover)
		return {
			check: problem(
				'media',
				'failed',
				'validation_error',
				'cover_image_url: a video Pin needs a cover image',
				'Send cover_image_url or cover_image_asset_id with the video.',
			),
			media_type,
			media_url,
		};
	for (const url of [input.image_url, input.cover_image_url])
		if (isUnreachable(url))
			return {
				check: problem(
					'media',
					'warning',
					'media_unreachable',
					`${url} looks unreachable`,
					'Check that the URL is public.',
				),
				media_type,
				media_url,
			};
	return {
		check: passed('media', `${media_type === 'video' ? 'Video' : 'Image'} media is ready`),
		media_type,
		media_url,
	};
}
