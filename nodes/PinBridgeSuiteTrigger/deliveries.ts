/**
 * PinBridge delivers at least once and repeats `X-PinBridge-Delivery-ID` on every retry (contract §7). A bounded
 * memory of the ids that already started an execution lives in the node's workflow static data, next to the
 * webhook's id and secret, so n8n persists it with the workflow after each webhook call (and across restarts and
 * webhook processes).
 * Static data alone is not enough: n8n loads it from the database for each webhook call and saves it after, so two
 * calls carrying the same delivery at nearly the same time (PinBridge retrying one that n8n answered late) would
 * both pass. Ids are therefore also claimed in this process's memory, synchronously, before anything is awaited.
 */
import type { IDataObject } from 'n8n-workflow';

/** How many recent delivery ids are remembered; the oldest are forgotten first. */
export const MAX_REMEMBERED_DELIVERIES = 1000;

function remembered(staticData: IDataObject): string[] {
	const ids = staticData.deliveryIds;
	return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

export function isKnownDelivery(staticData: IDataObject, deliveryId: string): boolean {
	return remembered(staticData).includes(deliveryId);
}

export function rememberDelivery(
	staticData: IDataObject,
	deliveryId: string,
	max = MAX_REMEMBERED_DELIVERIES,
): void {
	const ids = remembered(staticData).filter((id) => id !== deliveryId);
	ids.push(deliveryId);
	// A new array (not an in-place push) so that n8n's observable static data notices the change and saves it.
	staticData.deliveryIds = ids.slice(Math.max(0, ids.length - max));
}

/** Ids claimed in this process, per trigger registration: what concurrent calls must see before n8n saves. */
const claimedInProcess = new Map<string, Set<string>>();

/** True if this call may start an execution for `deliveryId`; false if another call has or had it. */
export function claimDelivery(scope: string, staticData: IDataObject, deliveryId: string): boolean {
	if (isKnownDelivery(staticData, deliveryId)) return false;
	let claimed = claimedInProcess.get(scope);
	if (!claimed) {
		claimed = new Set();
		claimedInProcess.set(scope, claimed);
	}
	if (claimed.has(deliveryId)) return false;
	claimed.add(deliveryId);
	if (claimed.size > MAX_REMEMBERED_DELIVERIES) claimed.delete(claimed.values().next().value as string);
	return true;
}

/** Gives a claim back when the call fails before its execution starts, so PinBridge's retry can run it. */
export function releaseDelivery(scope: string, deliveryId: string): void {
	claimedInProcess.get(scope)?.delete(deliveryId);
}
