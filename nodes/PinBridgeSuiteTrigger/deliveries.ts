/**
 * PinBridge delivers at least once: a delivery that gets no 2xx within 10 s is retried, with the same delivery id,
 * for 24 hours (contract §7). What the trigger does about repeats, and what it cannot do:
 *
 * - Claim in this process. The first call with a delivery id claims it, synchronously, before anything is awaited;
 *   a later call with the same id in the same n8n process is answered 200 and starts nothing — also when both
 *   arrive at once. The memory holds the last MAX_REMEMBERED_DELIVERIES ids per trigger registration and lives as
 *   long as the process.
 * - Replay window. A delivery whose signed `occurred_at` is older than the window (default 25 h: PinBridge's 24 h of
 *   retries plus an hour for clock skew) is answered 200 and starts nothing, so a captured delivery cannot be
 *   replayed later, whatever any memory holds.
 * - Nothing across processes or restarts. Another n8n process (main and webhook processors in queue mode, replicas
 *   behind a load balancer) or the same one after a restart has its own, empty memory: a repeat that reaches it
 *   inside the window starts a second execution. Static data cannot carry the ids: n8n 2.41 does not save static
 *   data written in `webhook()` when the call starts an execution (test/e2e/static-data.e2e.ts). Every output item
 *   carries `delivery_id`, so a Remove Duplicates node ("Remove Items Processed in Previous Executions", keyed on
 *   it; n8n keeps those keys in its database) right after the trigger drops such repeats:
 *   test/e2e/workflows/trigger-pin-published.json.
 */

/** How many recent delivery ids one process remembers per trigger registration; the oldest are forgotten first. */
export const MAX_REMEMBERED_DELIVERIES = 1000;

/** The default replay window: PinBridge's 24 h retry horizon plus 1 h of margin. */
export const DEFAULT_REPLAY_WINDOW_HOURS = 25;

const HOUR_MS = 3600 * 1000;

/** Ids claimed in this process, per trigger registration. */
const claimedInProcess = new Map<string, Set<string>>();

/** True if this call may start an execution for `deliveryId`; false if a call in this process has or had it. */
export function claimDelivery(scope: string, deliveryId: string): boolean {
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

export type ReplayVerdict = 'inside' | 'too old' | 'no timestamp';

/**
 * Where a signed `occurred_at` (ISO 8601) falls against the window ending at `nowMs`. A window of 0 (or less) turns
 * the check off. A time in the future is "inside": only PinBridge can sign one, and it stamps its own clock.
 */
export function replayVerdict(occurredAt: unknown, windowHours: number, nowMs: number): ReplayVerdict {
	if (!(windowHours > 0)) return 'inside';
	const at = typeof occurredAt === 'string' ? Date.parse(occurredAt) : Number.NaN;
	if (Number.isNaN(at)) return 'no timestamp';
	return nowMs - at > windowHours * HOUR_MS ? 'too old' : 'inside';
}
