/**
 * PinBridge signs every delivery (contract §7): lowercase hex HMAC-SHA256 of the raw request body bytes, keyed with
 * the webhook's secret as UTF-8. No timestamp, no prefix.
 */
import { createHmac, timingSafeEqual } from 'crypto';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function signBody(secret: string, rawBody: Buffer): string {
	return createHmac('sha256', Buffer.from(secret, 'utf8')).update(rawBody).digest('hex');
}

/**
 * Whether `header` is the signature of `rawBody` under `secret`. Never throws: a missing header, a header that is
 * not 64 hex characters (wrong length, junk) or a missing secret is simply "not valid". The
 * comparison of two well-formed signatures is constant-time (`timingSafeEqual` on equal-length buffers).
 */
export function isValidSignature(
	secret: string | undefined,
	rawBody: Buffer | undefined,
	header: unknown,
): boolean {
	if (typeof secret !== 'string' || secret === '' || rawBody === undefined) return false;
	const received = Array.isArray(header) ? header[0] : header;
	if (typeof received !== 'string') return false;
	// The contract promises plain lowercase hex; an upper-case digest or a `sha256=` prefix (as other services send)
	// carries the same proof, so both are tolerated. Anything else that is not 64 hex digits is refused.
	const candidate = received.trim().replace(/^sha256=/i, '').toLowerCase();
	if (!SHA256_HEX.test(candidate)) return false;
	const expected = Buffer.from(signBody(secret, rawBody), 'hex');
	const given = Buffer.from(candidate, 'hex');
	return expected.length === given.length && timingSafeEqual(expected, given);
}
