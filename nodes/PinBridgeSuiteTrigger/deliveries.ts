/**
 * PinBridge delivers at least once: a delivery that gets no 2xx within 10 s is retried, with the same delivery id,
 * "until you 200" (contract §9.1.2; the 24 h horizon of §7 is only the emulator's). What the trigger does about
 * repeats, and what it cannot do:
 *
 * - Claim in this process. The first call with a delivery id claims it, synchronously, before anything is awaited;
 *   a later call with the same id in the same n8n process is answered 200 and starts nothing — also when both
 *   arrive at once. The memory holds the last MAX_REMEMBERED_DELIVERIES ids per trigger registration and lives as
 *   long as the process.
 * - Replay window, off by default. When the user sets one, a delivery whose signed `occurred_at` is older is
 *   answered 200 and starts nothing, so a captured delivery cannot be replayed later. Off by default because
 *   PinBridge documents no retry horizon: any window can end a genuine retry after a long n8n outage. Only a delivery
 *   that carries a readable `occurred_at` can be judged (PinBridge's documented body has none): one without passes.
 * - Reported once. A delivery answered without passing it on goes to the Skipped output (when the node has one)
 *   at most once per delivery id in this process, so a flood of repeats of one delivery costs one execution.
 * - Nothing across processes or restarts. Another n8n process (main and webhook processors in queue mode, replicas
 *   behind a load balancer) or the same one after a restart has its own, empty memory: a repeat that reaches it
 *   inside the window starts a second execution. Static data cannot carry the ids: n8n 2.41 does not save static
 *   data written in `webhook()` when the call starts an execution (test/e2e/static-data.e2e.ts). Every output item
 *   carries `delivery_id`, so a first-time check on it in an n8n data table (a row per delivery id, in n8n's
 *   database) right after the trigger drops such repeats: test/e2e/workflows/trigger-pin-published.json.
 */

/** How many recent delivery ids one process remembers per trigger registration; the oldest are forgotten first. */
export const MAX_REMEMBERED_DELIVERIES = 1000;

/** No window by default: PinBridge retries "until you 200", so a window could end a genuine late retry. */
export const DEFAULT_REPLAY_WINDOW_HOURS = 0;

const HOUR_MS = 3600 * 1000;

/** Ids claimed in this process, per trigger registration. */
const claimedInProcess = new Map<string, Set<string>>();
/** Ids already sent to the Skipped output in this process, per trigger registration. */
const reportedInProcess = new Map<string, Set<string>>();

/** Adds `id` to the bounded memory `memory[scope]`; false if it was there already. */
function remember(memory: Map<string, Set<string>>, scope: string, id: string): boolean {
	let ids = memory.get(scope);
	if (!ids) {
		ids = new Set();
		memory.set(scope, ids);
	}
	if (ids.has(id)) return false;
	ids.add(id);
	if (ids.size > MAX_REMEMBERED_DELIVERIES) ids.delete(ids.values().next().value as string);
	return true;
}

/** True if this call may start an execution for `deliveryId`; false if a call in this process has or had it. */
export function claimDelivery(scope: string, deliveryId: string): boolean {
	return remember(claimedInProcess, scope, deliveryId);
}

/**
 * True if a skipped delivery is to be shown on the Skipped output: the first time for its id in this process, and
 * always for a delivery without an id (nothing tells its repeats apart).
 */
export function firstReport(scope: string, deliveryId: string | undefined): boolean {
	return deliveryId === undefined || remember(reportedInProcess, scope, deliveryId);
}

/** Gives a claim back when the call fails before its execution starts, so PinBridge's retry can run it. */
export function releaseDelivery(scope: string, deliveryId: string): void {
	claimedInProcess.get(scope)?.delete(deliveryId);
}

export type ReplayVerdict = 'inside' | 'too old' | 'no timestamp';

/** An ISO 8601 time as ms; one without an offset is PinBridge's clock, UTC (§9.1.5), never the host's zone. */
function timeOf(value: unknown): number {
	if (typeof value !== 'string') return Number.NaN;
	const text = value.trim();
	const hasOffset = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/.test(text);
	const isDateTime = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text);
	return Date.parse(isDateTime && !hasOffset ? `${text.replace(' ', 'T')}Z` : text);
}

/**
 * Where a signed `occurred_at` (ISO 8601) falls against the window ending at `nowMs`. A window of 0 (or less) turns
 * the check off. A time in the future is "inside": only PinBridge can sign one, and it stamps its own clock.
 * "no timestamp" (absent or unreadable) cannot be judged: the caller lets it pass.
 */
export function replayVerdict(occurredAt: unknown, windowHours: number, nowMs: number): ReplayVerdict {
	if (!(windowHours > 0)) return 'inside';
	const at = timeOf(occurredAt);
	if (Number.isNaN(at)) return 'no timestamp';
	return nowMs - at > windowHours * HOUR_MS ? 'too old' : 'inside';
}
