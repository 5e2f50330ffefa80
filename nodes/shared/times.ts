/**
 * Times read from PinBridge's answers. PinBridge writes ISO 8601; a time without an offset is on PinBridge's clock,
 * which is UTC (contract §9.1.5) — never the n8n host's zone, which `Date.parse` would use for it.
 */

/** An ISO date-time that names no zone: `2026-12-08T14:00:00` or `…:00.123`, but not `…Z` or `…+01:00`. */
const WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** The instant (epoch ms) of a time PinBridge sent, or NaN when it is not a readable time. */
export function instantOf(value: unknown): number {
	if (typeof value !== 'string') return Number.NaN;
	const text = value.trim();
	return Date.parse(WITHOUT_OFFSET.test(text) ? `${text.replace(' ', 'T')}Z` : text);
}
