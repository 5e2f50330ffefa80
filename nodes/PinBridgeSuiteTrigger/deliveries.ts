/**
 * PinBridge delivers at least once and repeats `X-PinBridge-Delivery-ID` on every retry (contract §7). A bounded
 * memory of the ids that already started an execution lives in the node's workflow static data, next to the
 * webhook's id and secret, so n8n persists it with the workflow after each webhook call.
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
