// POST /v1/pins/validate and POST /v1/schedules/validate (§8.3, §8.5): the checks a publish or schedule would
// make, reported instead of enforced. Nothing is stored, no quota or token is spent.
// [decided] A body that fails the schema (types, lengths, formats, both/neither media) is still a 422, as for the
// create calls; everything that depends on stored state is a check. Check names: account, board_access, media,
// run_at (schedules), quota, rate_limit, idempotency (pins with a key). `valid` = no check `failed`; a `warning`
// (the pin would wait for rate-limit tokens, the key already names a pin, the media URL looks unreachable) does
// not make the body invalid.
import { permits, type Principal } from './auth';
import type { Emulator } from './emulator';
import { isUnreachable } from './lifecycle';
import type { Account } from './state';
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

const passed = (name: string, message: string, details: Record<string, unknown> | null = null): Check => ({
	name,
	status: 'passed',
	code: null,
	message,
	remediation: null,
	details,
});

const problem = (
	name: string,
	status: 'failed' | 'warning',
	code: string,
	message: string,
	remediation: string,
	details: Record<string, unknown> | null = null,
): Check => ({ name, status, code, message, remediation, details });

const skipped = (name: string, why: string): Check => ({
	name,
	status: 'skipped',
	code: null,
	message: why,
	remediation: null,
	details: null,
});

function accountCheck(emu: Emulator, p: Principal, accountId: string): { check: Check; account: Account | null } {
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

function boardCheck(emu: Emulator, account: Account | null, boardId: string): Check {
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
	if (board.account_id !== account.id)
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

function mediaCheck(
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

export function dryRun(emu: Emulator, p: Principal, input: PinInput, kind: 'pin' | 'schedule'): DryRunResult {
	const ws = p.ws;
	const now = emu.clock.now();
	const checks: Check[] = [];
	const { check: accountResult, account } = accountCheck(emu, p, input.account_id);
	checks.push(accountResult, boardCheck(emu, account, input.board_id));
	const media = mediaCheck(emu, p, input);
	checks.push(media.check);
	if (kind === 'schedule')
		checks.push(
			input.run_at !== null && input.run_at > now
				? passed('run_at', `Runs at ${new Date(input.run_at).toISOString()}`)
				: problem(
						'run_at',
						'failed',
						'validation_error',
						'run_at must be in the future',
						'Pick a time in the future, with a timezone offset.',
					),
		);
	const existingId =
		kind === 'pin' && input.idempotency_key ? (ws.idempotency.get(input.idempotency_key) ?? null) : null;
	const quotaRemaining = Math.max(0, ws.plan.monthly_pins - emu.store.quotaUsed(ws));
	if (!ws.billing_active)
		checks.push(
			problem(
				'quota',
				'failed',
				'billing_inactive',
				'Billing is inactive for this workspace',
				'Update the payment details in PinBridge.',
			),
		);
	else if (quotaRemaining < 1 && !existingId)
		checks.push(
			problem(
				'quota',
				'failed',
				'quota_exceeded',
				`Monthly pin quota of ${ws.plan.monthly_pins} reached`,
				'Upgrade the plan or wait for next month.',
			),
		);
	else
		checks.push(
			passed('quota', `${quotaRemaining} pins left this month`, {
				quota_remaining: quotaRemaining,
			}),
		);
	const bucket = account ? emu.store.accountBucket(ws, account.id) : null;
	const accountTokens = bucket ? Math.round(bucket.available(now) * 1000) / 1000 : null;
	const globalTokens = Math.round(ws.globalBucket.available(now) * 1000) / 1000;
	if (kind === 'schedule') checks.push(skipped('rate_limit', 'Checked when the schedule runs'));
	else if (!account) checks.push(skipped('rate_limit', 'Skipped: the account check failed'));
	else if ((accountTokens ?? 0) < 1 || globalTokens < 1 || (ws.deferred.get(account.id)?.length ?? 0) > 0)
		checks.push(
			problem(
				'rate_limit',
				'warning',
				'would_defer',
				'The pin would wait (status deferred) for Pinterest rate-limit tokens',
				'Nothing to do: PinBridge publishes it when tokens return.',
			),
		);
	else checks.push(passed('rate_limit', 'A rate-limit token is available now'));
	if (existingId)
		checks.push(
			problem(
				'idempotency',
				'warning',
				'duplicate_idempotency_key',
				`A pin with this idempotency key exists (${existingId}): publishing returns it and creates nothing`,
				'Use another idempotency key to publish the same content again.',
				{ existing_pin_id: existingId },
			),
		);
	else if (kind === 'pin' && input.idempotency_key) checks.push(passed('idempotency', 'The idempotency key is new'));
	const resolved: Record<string, unknown> = {
		account_id: input.account_id,
		board_id: input.board_id,
		title: input.title,
		description: input.description,
		link_url: input.link_url,
		alt_text: input.alt_text,
		related_terms: input.related_terms,
		dominant_color: input.dominant_color,
		image_url: input.image_url,
		asset_id: input.asset_id,
		cover_image_url: input.cover_image_url,
		cover_image_asset_id: input.cover_image_asset_id,
		media_type: media.media_type,
		media_url: media.media_url,
		...(kind === 'pin'
			? { idempotency_key: input.idempotency_key }
			: {
					run_at: input.run_at === null ? null : new Date(input.run_at).toISOString(),
				}),
	};
	return {
		valid: !checks.some((c) => c.status === 'failed'),
		dry_run: true,
		checks,
		resolved,
		existing_pin_id: existingId,
		headroom: {
			quota_remaining: quotaRemaining,
			account_tokens_available: accountTokens,
			global_tokens_available: globalTokens,
		},
	};
}
