/**
 * Schedule → Add to Queue: is an item already in the queue? Pin → Publish decides sameness with a content key — the
 * sha256 of Publish's content fingerprint (shared/pinContent.ts pinContentFingerprint: account, board, media, cover,
 * title, description, link; shared/idempotency.ts contentIdempotencyKey). Schedules carry no key (contract §5), so the
 * same fingerprint is read back from each pending schedule's payload, field by field as schedule/reconcile.ts
 * isSameSchedule compares them, and the keys are compared. Pure: no request.
 *
 * - The account counts only when the item names one: without it PinBridge chose the board's (contract §9.1.3).
 * - A cover uploaded as an asset shows in the payload only as its URL; it is compared when PinBridge lists its id.
 * - A binary's fingerprint is its sha256, which no payload shows: such an item is never found in the queue.
 */
import type { IDataObject } from 'n8n-workflow';

import { contentIdempotencyKey } from '../../shared/idempotency';
import { instantOf } from '../../../shared/times';
import { SAME_RUN_AT_MS } from './pendingSchedules';
import { isPendingSchedule, payloadOf, scheduleAccount } from './queueTaken';

/** null, undefined and '' all mean "not set" (PinBridge returns null where the node sent nothing). */
const textOrNull = (value: unknown): string | null =>
	value === undefined || value === null || value === '' ? null : String(value);

/** A media or cover fingerprint: `{image_url}`, `{asset_id}`, `{file_sha256, kind}` or null. */
type MediaPrint = IDataObject | null;

/** The key an item is looked up by: its fingerprint without the cover (checked after), account only when named. */
function lookupKey(fingerprint: IDataObject, withAccount: boolean): string {
	return contentIdempotencyKey({
		account_id: withAccount ? textOrNull(fingerprint.account_id) : null,
		board_id: textOrNull(fingerprint.board_id),
		media: (fingerprint.media as MediaPrint) ?? null,
		title: textOrNull(fingerprint.title),
		description: textOrNull(fingerprint.description),
		link_url: textOrNull(fingerprint.link_url),
	});
}

/** Same content, same key: what tells two items of one input apart (Publish's content key, cover included). */
export function itemContentKey(fingerprint: IDataObject): string {
	return contentIdempotencyKey({ ...fingerprint, account_id: textOrNull(fingerprint.account_id) });
}

/** The fingerprint (pinContentFingerprint's shape, cover left out) a schedule's payload shows. */
export function scheduleFingerprint(schedule: IDataObject): IDataObject {
	const payload = payloadOf(schedule);
	const assetId = textOrNull(payload.asset_id);
	const imageUrl = textOrNull(payload.image_url) ?? textOrNull(payload.media_url);
	return {
		account_id: textOrNull(scheduleAccount(schedule)),
		board_id: textOrNull(payload.board_id ?? schedule.board_id),
		media: assetId ? { asset_id: assetId } : imageUrl ? { image_url: imageUrl } : null,
		title: textOrNull(payload.title),
		description: textOrNull(payload.description),
		link_url: textOrNull(payload.link_url),
	};
}

/** Whether the schedule's cover can be the item's (the payload may show an asset cover only as its URL). */
export function sameCover(schedule: IDataObject, cover: MediaPrint): boolean {
	const payload = payloadOf(schedule);
	const url = textOrNull(payload.cover_image_url);
	const assetId = textOrNull(payload.cover_image_asset_id);
	if (!cover) return url === null && assetId === null;
	if (cover.image_url !== undefined) return url === textOrNull(cover.image_url);
	if (cover.asset_id !== undefined && 'cover_image_asset_id' in payload) return assetId === textOrNull(cover.asset_id);
	// An asset id PinBridge does not list, or a binary not uploaded yet: any cover may be it.
	return url !== null || assetId !== null;
}

/** The pending schedules of one listing, found by content. */
export class QueuedContent {
	private readonly byKey = new Map<string, IDataObject[]>();
	private readonly byKeyWithoutAccount = new Map<string, IDataObject[]>();

	constructor(schedules: IDataObject[]) {
		const pending = schedules.filter(isPendingSchedule);
		// The soonest first: when several match, the one that posts first is the item's.
		pending.sort((a, b) => (instantOf(a.run_at) || 0) - (instantOf(b.run_at) || 0));
		for (const schedule of pending) {
			const fingerprint = scheduleFingerprint(schedule);
			for (const [map, withAccount] of [
				[this.byKey, true],
				[this.byKeyWithoutAccount, false],
			] as const) {
				const key = lookupKey(fingerprint, withAccount);
				map.set(key, [...(map.get(key) ?? []), schedule]);
			}
		}
	}

	/** The pending schedules with the item's content (its pinContentFingerprint), soonest first. */
	private findAll(fingerprint: IDataObject): IDataObject[] {
		const withAccount = textOrNull(fingerprint.account_id) !== null;
		const candidates = (withAccount ? this.byKey : this.byKeyWithoutAccount).get(lookupKey(fingerprint, withAccount)) ?? [];
		return candidates.filter((schedule) => sameCover(schedule, (fingerprint.cover as MediaPrint) ?? null));
	}

	/** The pending schedule with the item's content (its pinContentFingerprint), or undefined. */
	find(fingerprint: IDataObject): IDataObject | undefined {
		return this.findAll(fingerprint)[0];
	}

	/** The pending schedule with the item's content that runs at `instant` (to the second: SAME_RUN_AT_MS), or undefined. */
	findAt(fingerprint: IDataObject, instant: number): IDataObject | undefined {
		return this.findAll(fingerprint).find((schedule) => Math.abs(instantOf(schedule.run_at) - instant) < SAME_RUN_AT_MS);
	}
}
