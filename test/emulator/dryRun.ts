// POST /v1/pins/validate and POST /v1/schedules/validate (§8.3, §8.5): the checks a publish or schedule would
// make, reported instead of enforced. Nothing is stored, no quota or token is spent.
// [decided] A body that fails the schema (types, lengths, formats, both/neither media) is still a 422, as for the
// create calls; everything that depends on stored state is a check. Check names: account, board_access, media,
// run_at (schedules), quota, rate_limit — `rate_paced` (a warning, §9.3) when the pin would wait for tokens —,
// idempotency (pins with a key). `valid` = no check `failed`; a `warning` (the pin would be paced, the key already
// names a pin, the media URL looks unreachable) does not make the body invalid.
import type { Principal } from './auth';
import { accountCheck, boardCheck, mediaCheck, passed, problem, skipped, type Check, type DryRunResult } from './dryRunChecks';
import type { Emulator } from './emulator';
import type { PinInput } from './validate';

export type { Check, DryRunResult };
export type { CheckStatus } from './dryRunChecks';

export function dryRun(emu: Emulator, p: Principal, input: PinInput, kind: 'pin' | 'schedule'): DryRunResult {
	const ws = p.ws;
	const now = emu.clock.now();
	const checks: Check[] = [];
	const { check: accountResult, account } = accountCheck(emu, p, input);
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
				'rate_paced',
				'warning',
				'rate_limited',
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
		account_id: account?.id ?? input.account_id,
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
