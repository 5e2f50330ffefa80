/**
 * Caps how many requests one credential has open at PinBridge at once. n8n's declarative engine starts every
 * item's request together (50 items → 50 sockets); the cap makes a large batch queue here instead.
 * The count lives in this process's memory: every n8n process (main, each queue-mode worker, each webhook
 * processor) caps on its own, so 2 workers at 10 can have 20 requests open at PinBridge.
 */

export const DEFAULT_MAX_IN_FLIGHT = 10;

export class InFlightLimit {
	private active = 0;

	private readonly waiting: Array<() => void> = [];

	constructor(public limit: number) {}

	async run<T>(task: () => Promise<T>): Promise<T> {
		await this.acquire();
		try {
			return await task();
		} finally {
			this.release();
		}
	}

	private async acquire(): Promise<void> {
		if (this.active < this.limit) {
			this.active++;
			return;
		}
		await new Promise<void>((resolve) => this.waiting.push(resolve));
	}

	private release(): void {
		const next = this.waiting.shift();
		// The permit passes straight to the next waiter, so `active` only drops when nobody waits.
		if (next) next();
		else this.active--;
	}
}

const limits = new Map<string, InFlightLimit>();

/** The shared limit for one credential; the latest setting wins when nodes using it ask for different caps. */
export function inFlightLimitFor(credentialKey: string, limit: number): InFlightLimit {
	const safeLimit = Math.max(1, Math.floor(limit));
	let entry = limits.get(credentialKey);
	if (!entry) {
		entry = new InFlightLimit(safeLimit);
		limits.set(credentialKey, entry);
	}
	entry.limit = safeLimit;
	return entry;
}
