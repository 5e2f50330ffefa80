/* eslint-disable no-console */
// Emulator clock + timer queue. In 'manual' mode time only moves through advance(); in 'real'
// mode it follows wall time (plus any advance() offset) and a small interval runs due work.

export type ClockMode = 'real' | 'manual';

export class Clock {
	private manualNow: number;
	private offset = 0;

	/** `realOffsetMs`: in 'real' mode, how far the clock runs ahead of (or, negative, behind) wall time. */
	constructor(
		readonly mode: ClockMode,
		start: number = Date.now(),
		realOffsetMs = 0,
	) {
		this.manualNow = start;
		this.offset = realOffsetMs;
	}

	now(): number {
		return this.mode === 'manual' ? this.manualNow : Date.now() + this.offset;
	}

	iso(ms: number = this.now()): string {
		return new Date(ms).toISOString();
	}

	/** manual mode: move forward to `ms` (never backwards) */
	stepTo(ms: number): void {
		if (this.mode === 'manual' && ms > this.manualNow) this.manualNow = ms;
	}

	/** real mode: shift the offset; manual mode: move forward */
	shift(ms: number): void {
		if (this.mode === 'manual') this.manualNow += ms;
		else this.offset += ms;
	}
}

type TimerFn = () => void | Promise<void>;

interface Timer {
	at: number;
	seq: number;
	fn: TimerFn;
	cancelled: boolean;
}

export interface TimerHandle {
	cancel(): void;
}

/** Binary min-heap of timers ordered by (at, seq). */
export class Scheduler {
	private heap: Timer[] = [];
	private seq = 0;
	private chain: Promise<void> = Promise.resolve();
	private pending = new Set<Promise<void>>();

	constructor(private readonly clock: Clock) {}

	get size(): number {
		return this.heap.length;
	}

	at(at: number, fn: TimerFn): TimerHandle {
		const t: Timer = { at, seq: this.seq++, fn, cancelled: false };
		this.push(t);
		return {
			cancel: () => {
				t.cancelled = true;
			},
		};
	}

	clear(): void {
		this.heap = [];
	}

	/** Advance the clock by `ms` running everything due, in time order; awaits async work. */
	advance(ms: number): Promise<void> {
		return this.serial(async () => {
			if (this.clock.mode === 'manual') {
				const target = this.clock.now() + ms;
				await this.runUntil(target, true);
				this.clock.stepTo(target);
			} else {
				this.clock.shift(ms);
				await this.runUntil(this.clock.now(), true);
			}
			await this.settle();
		});
	}

	/** Run what is due now. `awaitEach` false = fire async work without waiting (real-mode ticks). */
	flush(awaitEach = true): Promise<void> {
		return this.serial(async () => {
			await this.runUntil(this.clock.now(), awaitEach);
			if (awaitEach) await this.settle();
		});
	}

	private async settle(): Promise<void> {
		while (this.pending.size > 0) await Promise.all([...this.pending]);
	}

	private serial(fn: () => Promise<void>): Promise<void> {
		const run = this.chain.then(fn, fn);
		this.chain = run.catch(() => undefined);
		return run;
	}

	private async runUntil(target: number, awaitEach: boolean): Promise<void> {
		for (;;) {
			const top = this.heap[0];
			if (!top || top.at > target) return;
			this.pop();
			if (top.cancelled) continue;
			this.clock.stepTo(top.at);
			try {
				const r = top.fn();
				if (r && typeof (r as Promise<void>).then === 'function') {
					if (awaitEach) await r;
					else {
						const p = (r as Promise<void>).catch(() => undefined).finally(() => this.pending.delete(p));
						this.pending.add(p);
					}
				}
			} catch (err) {
				console.error('[pinbridge-emulator] timer failed', err);
			}
		}
	}

	private less(a: Timer, b: Timer): boolean {
		return a.at < b.at || (a.at === b.at && a.seq < b.seq);
	}

	private push(t: Timer): void {
		const h = this.heap;
		h.push(t);
		let i = h.length - 1;
		while (i > 0) {
			const p = (i - 1) >> 1;
			if (!this.less(h[i], h[p])) break;
			[h[i], h[p]] = [h[p], h[i]];
			i = p;
		}
	}

	private pop(): void {
		const h = this.heap;
		const last = h.pop()!;
		if (h.length === 0) return;
		h[0] = last;
		let i = 0;
		for (;;) {
			const l = 2 * i + 1;
			const r = l + 1;
			let m = i;
			if (l < h.length && this.less(h[l], h[m])) m = l;
			if (r < h.length && this.less(h[r], h[m])) m = r;
			if (m === i) return;
			[h[i], h[m]] = [h[m], h[i]];
			i = m;
		}
	}
}
