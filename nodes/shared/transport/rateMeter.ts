/**
 * PinBridge's rate meter (`GET /v1/rate-meter?account_id=`) says how many publish tokens an account and the
 * workspace have and how fast they return. When PinBridge signals pacing without saying how long to wait, the
 * helper asks the meter and waits for exactly the missing tokens instead of guessing.
 * Readings are shared by every item of a run and reused for a moment, so 1,000 items cause one reading, not 1,000.
 */

export interface BucketReading {
	tokens_available: number;
	capacity: number;
	refill_rate: number;
}

export interface RateMeterReading {
	account?: BucketReading & { account_id?: string };
	global?: BucketReading;
}

/** How long a reading stays good enough to reuse. */
export const READING_TTL_MS = 1_000;

/** Time until one token is available in every bucket of the reading, `elapsedMs` after it was taken. */
export function waitForTokenMs(reading: RateMeterReading, elapsedMs = 0): number {
	const buckets = [reading.account, reading.global].filter(
		(bucket): bucket is BucketReading => !!bucket && Number(bucket.refill_rate) > 0,
	);
	const waits = buckets.map((bucket) => {
		const deficit = Math.max(0, 1 - Number(bucket.tokens_available));
		return (deficit / Number(bucket.refill_rate)) * 1000;
	});
	return Math.max(0, Math.ceil(Math.max(0, ...waits) - elapsedMs));
}

interface CachedReading {
	takenAt: number;
	reading: Promise<RateMeterReading>;
}

const readings = new Map<string, CachedReading>();

/**
 * The wait for `accountId`'s next token, from a fresh-enough shared reading. `read` performs the request;
 * concurrent callers share one in-flight reading.
 */
export async function waitForAccountTokenMs(
	cacheKey: string,
	read: () => Promise<RateMeterReading>,
	now: () => number,
): Promise<number> {
	let entry = readings.get(cacheKey);
	if (!entry || now() - entry.takenAt > READING_TTL_MS) {
		entry = { takenAt: now(), reading: read() };
		readings.set(cacheKey, entry);
		// A failed reading must not be reused.
		entry.reading.catch(() => readings.delete(cacheKey));
	}
	const reading = await entry.reading;
	return waitForTokenMs(reading, now() - entry.takenAt);
}

export function forgetRateMeterReadings(): void {
	readings.clear();
}
