import type { IDataObject } from 'n8n-workflow';

/** The output field holding a published Pin's address on Pinterest. */
export const PINTEREST_URL_FIELD = 'pinterest_url';

/**
 * A Pin's page on Pinterest, `https://www.pinterest.com/pin/<pinterest_pin_id>/`, or undefined while PinBridge has
 * no Pinterest Pin ID for it (not published yet, or failed).
 */
export function pinterestPinUrl(pinterestPinId: unknown): string | undefined {
	if (typeof pinterestPinId !== 'string' && typeof pinterestPinId !== 'number') return undefined;
	const id = String(pinterestPinId).trim();
	if (id === '') return undefined;
	return `https://www.pinterest.com/pin/${encodeURIComponent(id)}/`;
}

/**
 * The Pin (or publishing job) with `pinterest_url` set once it has a `pinterest_pin_id`; anything else is returned
 * as it came. Used by Wait for Publish, Pin → Get and Get Status, and the trigger's Fetch Full Pin.
 */
export function withPinterestLink<T extends IDataObject | null | undefined>(pin: T): T {
	if (!pin || typeof pin !== 'object' || Array.isArray(pin)) return pin;
	const url = pinterestPinUrl(pin.pinterest_pin_id);
	return url === undefined ? pin : ({ ...pin, [PINTEREST_URL_FIELD]: url } as T);
}
