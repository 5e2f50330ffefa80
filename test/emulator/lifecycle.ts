// Pin creation (quota, idempotency, pacing), the pin state machine; checks in prepare.ts, schedule runs in
// scheduleFiring.ts.
//   queued --(publishDelayMs/2)--> publishing --(publishDelayMs/2)--> published | failed
//   deferred (no token in the account or global bucket) --(tokens return)--> queued
// [decided] failure rules at publish time: the account was revoked -> account_revoked; the board was deleted
// -> board_not_found; media unreachable = image/cover URL whose host ends in ".invalid" or whose URL contains
// "unreachable" -> media_unreachable.
import { pinEvent, WORKER, type ActivityEvent } from './activity';
import type { Principal } from './auth';
import { business, envelope } from './errors';
import type { Emulator } from './emulator';
import { isUnreachable, preparePin, type PreparedPin } from './prepare';
import { fireSchedule } from './scheduleFiring';
import type { Pin, PinMeta, Schedule, Workspace } from './state';
import type { PinInput } from './validate';

export { isUnreachable, type PreparedPin } from './prepare';

export class Lifecycle {
	constructor(private readonly emu: Emulator) {}

	private get store() {
		return this.emu.store;
	}

	private now(): number {
		return this.emu.clock.now();
	}

	/** Account / board / asset checks shared by pins, schedules and imports (prepare.ts). */
	prepare(ws: Workspace, input: PinInput, principal: Principal | null, checkBoard = true): PreparedPin {
		return preparePin(this.emu, ws, input, principal, checkBoard);
	}

	checkQuota(ws: Workspace): void {
		if (!ws.billing_active) throw business(402, 'billing_inactive', 'Billing is inactive for this workspace');
		if (this.store.quotaUsed(ws) >= ws.plan.monthly_pins)
			throw business(
				402,
				'quota_exceeded',
				`Monthly pin quota of ${ws.plan.monthly_pins} reached on the ${ws.plan.name} plan`,
			);
	}

	/** Replay lookup (contract §5): the existing pin, regardless of the rest of the body. */
	replay(ws: Workspace, key: string): Pin | null {
		const id = ws.idempotency.get(key);
		const pin = id ? this.store.pins.get(id) : undefined;
		if (pin) this.emu.counters.idempotent_replays++;
		return pin ?? null;
	}

	/** Creates the pin, spends one quota unit and enqueues it (queued or deferred). */
	create(ws: Workspace, p: PreparedPin, idempotencyKey: string): Pin {
		const now = this.now();
		const iso = this.emu.clock.iso(now);
		const { input } = p;
		const pin: Pin = {
			id: this.store.id('pin'),
			workspace_id: ws.id,
			pinterest_account_id: p.account.id,
			status: 'queued',
			media_type: p.media_type,
			title: input.title,
			description: input.description,
			related_terms: input.related_terms,
			alt_text: input.alt_text,
			dominant_color: input.dominant_color,
			cover_image_url: p.cover_image_url,
			link_url: input.link_url,
			media_url: p.media_url,
			image_url: input.image_url,
			asset_id: input.asset_id,
			board_id: input.board_id,
			pinterest_pin_id: null,
			error_code: null,
			error_message: null,
			idempotency_key: idempotencyKey,
			created_at: iso,
			updated_at: iso,
			published_at: null,
			failed_at: null,
			removed_from_pinterest_at: null,
		};
		const meta: PinMeta = { seq: ++this.store.pinSeq, createdMs: now, job_id: this.store.id('job'), submitted_at: iso, completed_at: null };
		this.store.pins.set(pin.id, pin);
		this.store.pinMeta.set(pin.id, meta);
		ws.pins.push(pin);
		ws.idempotency.set(idempotencyKey, pin.id);
		const month = this.store.monthKey();
		ws.quota.set(month, (ws.quota.get(month) ?? 0) + 1);
		this.emu.counters.pins_created++;
		this.enqueue(ws, pin);
		return pin;
	}

	/** Take a token from both buckets or defer (FIFO per account). */
	enqueue(ws: Workspace, pin: Pin): void {
		const now = this.now();
		const queue = ws.deferred.get(pin.pinterest_account_id);
		const acct = this.store.accountBucket(ws, pin.pinterest_account_id);
		if ((!queue || queue.length === 0) && acct.available(now) >= 1 - 1e-9 && ws.globalBucket.available(now) >= 1 - 1e-9) {
			acct.tryTake(now);
			ws.globalBucket.tryTake(now);
			this.startPublish(pin, 'queued');
			return;
		}
		pin.status = 'deferred';
		pin.updated_at = this.emu.clock.iso(now);
		this.emu.counters.pins_deferred++;
		if (queue) queue.push(pin.id);
		else ws.deferred.set(pin.pinterest_account_id, [pin.id]);
		this.ensurePump(ws);
	}

	private pump(ws: Workspace): void {
		ws.pumpAt = undefined;
		ws.pumpTimer = undefined;
		const now = this.now();
		for (const [accountId, queue] of ws.deferred) {
			const acct = this.store.accountBucket(ws, accountId);
			while (queue.length > 0) {
				const pin = this.store.pins.get(queue[0]);
				if (!pin || pin.status !== 'deferred') {
					queue.shift();
					continue;
				}
				if (acct.available(now) < 1 - 1e-9 || ws.globalBucket.available(now) < 1 - 1e-9) break;
				acct.tryTake(now);
				ws.globalBucket.tryTake(now);
				queue.shift();
				this.startPublish(pin, 'queued');
			}
			if (queue.length === 0) ws.deferred.delete(accountId);
		}
		this.ensurePump(ws);
	}

	private ensurePump(ws: Workspace): void {
		if (ws.deferred.size === 0) return;
		const now = this.now();
		let wait = Number.POSITIVE_INFINITY;
		const g = ws.globalBucket.msUntil(now);
		for (const accountId of ws.deferred.keys()) {
			wait = Math.min(wait, Math.max(g, this.store.accountBucket(ws, accountId).msUntil(now)));
		}
		if (!Number.isFinite(wait)) return;
		const at = now + Math.max(wait, 1);
		if (ws.pumpAt !== undefined && ws.pumpAt <= at) return;
		ws.pumpTimer?.cancel();
		ws.pumpAt = at;
		ws.pumpTimer = this.emu.scheduler.at(at, () => this.pump(ws));
	}

	private touch(pin: Pin): void {
		pin.updated_at = this.emu.clock.iso();
	}

	private startPublish(pin: Pin, status: 'queued'): void {
		pin.status = status;
		this.touch(pin);
		this.emu.counters.pins_enqueued++;
		const meta = this.store.pinMeta.get(pin.id)!;
		const half = Math.floor(this.emu.config.publishDelayMs / 2);
		const start = this.now();
		meta.timer?.cancel();
		meta.timer = this.emu.scheduler.at(start + half, () => {
			if (pin.status !== 'queued' || !this.store.pins.has(pin.id)) return;
			pin.status = 'publishing';
			this.touch(pin);
			meta.timer = this.emu.scheduler.at(start + this.emu.config.publishDelayMs, () => this.finish(pin));
		});
	}

	/** Decide the outcome of a publish attempt. */
	private finish(pin: Pin): void {
		if (pin.status !== 'publishing' || !this.store.pins.has(pin.id)) return;
		const account = this.store.accounts.get(pin.pinterest_account_id);
		if (!account || account.revoked_at) return this.fail(pin, 'account_revoked', 'The Pinterest account was disconnected');
		if (!this.store.boards.has(pin.board_id))
			return this.fail(pin, 'board_not_found', `Board ${pin.board_id} no longer exists on Pinterest`);
		for (const url of [pin.image_url, pin.cover_image_url])
			if (isUnreachable(url)) return this.fail(pin, 'media_unreachable', `Could not download media from ${url}`);
		// §8.7: after a forced asset delete, unpublished pins that used it fail to publish
		if (pin.asset_id && !this.store.assets.has(pin.asset_id))
			return this.fail(pin, 'media_unreachable', `Asset ${pin.asset_id} was deleted before the pin was published`);
		this.publish(pin);
	}

	publish(pin: Pin): void {
		const meta = this.store.pinMeta.get(pin.id)!;
		meta.timer?.cancel();
		this.removeDeferred(pin);
		const iso = this.emu.clock.iso();
		pin.status = 'published';
		pin.pinterest_pin_id = this.emu.rng.ids.digits(18);
		pin.error_code = null;
		pin.error_message = null;
		pin.published_at = iso;
		pin.updated_at = iso;
		meta.completed_at = iso;
		this.emu.counters.pins_published++;
		this.logWorker(pin, pinEvent(pin, 'pin.published', 'success', `Pin "${pin.title}" published`, { pinterest_pin_id: pin.pinterest_pin_id }));
		const s = this.scheduleOf(pin);
		if (s && s.status === 'queued') {
			s.status = 'done'; // a retried schedule (§8.5) is done once its pin is published
			s.updated_at = iso;
		}
		this.emu.deliveries.emit(pin, 'pin.published');
	}

	fail(pin: Pin, code: string, message: string): void {
		const meta = this.store.pinMeta.get(pin.id)!;
		meta.timer?.cancel();
		this.removeDeferred(pin);
		const iso = this.emu.clock.iso();
		pin.status = 'failed';
		pin.error_code = code;
		pin.error_message = message;
		pin.updated_at = iso;
		pin.failed_at = iso;
		meta.completed_at = iso;
		this.emu.counters.pins_failed++;
		this.logWorker(pin, pinEvent(pin, 'pin.publish_failed', 'failed', message, { error_code: code }));
		this.failScheduleOf(pin, `${code}: ${message}`);
		this.emu.deliveries.emit(pin, 'pin.failed');
	}

	private logWorker(pin: Pin, event: ActivityEvent): void {
		const ws = this.store.workspaces.get(pin.workspace_id);
		if (ws) this.emu.activity.record(ws, event, WORKER);
	}

	private removeDeferred(pin: Pin): void {
		if (pin.status !== 'deferred') return;
		const ws = this.store.workspaces.get(pin.workspace_id);
		const q = ws?.deferred.get(pin.pinterest_account_id);
		if (q) {
			const i = q.indexOf(pin.id);
			if (i >= 0) q.splice(i, 1);
		}
	}

	/** The schedule that created this pin (its internal key is `schedule:<id>`), if any. */
	scheduleOf(pin: Pin): Schedule | undefined {
		if (!pin.idempotency_key.startsWith('schedule:')) return undefined;
		const s = this.store.schedules.get(pin.idempotency_key.slice('schedule:'.length));
		return s && s.pin_id === pin.id ? s : undefined;
	}

	/** [decided] a schedule follows the pin it created: that pin failing fails the schedule (§8.5 retry needs it). */
	private failScheduleOf(pin: Pin, lastError: string): void {
		const s = this.scheduleOf(pin);
		if (!s) return;
		s.status = 'failed';
		s.last_error = lastError;
		s.updated_at = this.emu.clock.iso();
	}

	/**
	 * POST /v1/pins/{id}/retry: failed pins only; otherwise 409 `pin_already_published` (published) or
	 * `pin_publishing` (still on its way). The caller applies board/account overrides first.
	 */
	retry(pin: Pin): Pin {
		if (pin.status !== 'failed')
			throw envelope(
				409,
				pin.status === 'published' ? 'pin_already_published' : 'pin_publishing',
				`Only failed pins can be retried; this pin is ${pin.status}`,
				'Wait for the pin to reach a final status, and retry only failed pins.',
			);
		const meta = this.store.pinMeta.get(pin.id)!;
		meta.job_id = this.store.id('job');
		meta.submitted_at = this.emu.clock.iso();
		meta.completed_at = null;
		pin.error_code = null;
		pin.error_message = null;
		pin.failed_at = null;
		this.enqueue(this.store.workspaces.get(pin.workspace_id)!, pin);
		return pin;
	}

	remove(pin: Pin): void {
		this.store.pinMeta.get(pin.id)?.timer?.cancel();
		this.removeDeferred(pin);
		this.store.pins.delete(pin.id);
		this.store.pinMeta.delete(pin.id);
		const ws = this.store.workspaces.get(pin.workspace_id);
		if (ws) {
			ws.pins = ws.pins.filter((p) => p.id !== pin.id);
			// [decided] deleting a pin frees its idempotency key
			if (ws.idempotency.get(pin.idempotency_key) === pin.id) ws.idempotency.delete(pin.idempotency_key);
		}
	}

	// ---- schedules ----

	armSchedule(s: Schedule): void {
		this.emu.scheduler.at(Date.parse(s.run_at), () => fireSchedule(this.emu, s));
	}

}
