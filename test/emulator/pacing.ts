// Token buckets (contract §4): per Pinterest account 50 / 1 per s, global per workspace 200 / 3 per s.
// Also used for the workspace's Pinterest read allowance (related terms).

export class TokenBucket {
	tokens: number;
	private last: number;

	constructor(
		public capacity: number,
		public refillPerSecond: number,
		now: number,
	) {
		this.tokens = capacity;
		this.last = now;
	}

	refill(now: number): void {
		if (now > this.last) {
			this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.refillPerSecond);
			this.last = now;
		}
	}

	available(now: number): number {
		this.refill(now);
		return this.tokens;
	}

	/** ms until `n` tokens are available (0 if already) */
	msUntil(now: number, n = 1): number {
		this.refill(now);
		if (this.tokens >= n) return 0;
		if (this.refillPerSecond <= 0) return Number.POSITIVE_INFINITY;
		return Math.ceil(((n - this.tokens) / this.refillPerSecond) * 1000);
	}

	tryTake(now: number, n = 1): boolean {
		this.refill(now);
		// tolerate float error from fractional refills
		if (this.tokens + 1e-9 < n) return false;
		this.tokens = Math.max(0, this.tokens - n);
		return true;
	}
}

export const ACCOUNT_BUCKET = { capacity: 50, refill: 1 };
export const GLOBAL_BUCKET = { capacity: 200, refill: 3 };
export const READ_ALLOWANCE = { capacity: 10, refill: 1 / 6 };
