// Fault injection rules for the control API.
import type { Rng } from './rng';

export type FaultMode = 'respond' | 'commit-then-drop' | 'drop' | 'delay';

export interface FaultInput {
	method?: string;
	path: string;
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	latencyMs?: number;
	count?: number | null;
	probability?: number;
	mode?: FaultMode;
}

export interface FaultRule {
	id: string;
	method: string;
	path: string;
	status: number | null;
	body: unknown;
	headers: Record<string, string>;
	latencyMs: number;
	count: number | null;
	remaining: number | null;
	probability: number;
	mode: FaultMode;
	hits: number;
}

const MODES: FaultMode[] = ['respond', 'commit-then-drop', 'drop', 'delay'];

/** `*` = one path segment, a trailing `**` = anything below. Query strings are ignored. */
export function pathMatches(pattern: string, path: string): boolean {
	const p = pattern.replace(/\/+$/, '') || '/';
	const a = path.replace(/\/+$/, '') || '/';
	const ps = p.split('/');
	const as = a.split('/');
	for (let i = 0; i < ps.length; i++) {
		if (ps[i] === '**') return as.length >= i;
		if (i >= as.length) return false;
		if (ps[i] !== '*' && ps[i] !== as[i]) return false;
	}
	return ps.length === as.length;
}

export class Faults {
	rules: FaultRule[] = [];
	private n = 0;

	add(input: FaultInput): FaultRule {
		if (!input || typeof input.path !== 'string' || !input.path.startsWith('/')) throw new Error('path (starting with /) is required');
		const mode: FaultMode = input.mode ?? (input.status === undefined ? 'delay' : 'respond');
		if (!MODES.includes(mode)) throw new Error(`mode must be one of ${MODES.join(', ')}`);
		if (input.probability !== undefined && (input.probability < 0 || input.probability > 1))
			throw new Error('probability must be between 0 and 1');
		const rule: FaultRule = {
			id: `fault_${++this.n}`,
			method: (input.method ?? '*').toUpperCase(),
			path: input.path,
			status: input.status ?? (mode === 'respond' ? 500 : null),
			body: input.body,
			headers: input.headers ?? {},
			latencyMs: input.latencyMs ?? 0,
			count: input.count ?? null,
			remaining: input.count ?? null,
			probability: input.probability ?? 1,
			mode,
			hits: 0,
		};
		this.rules.push(rule);
		return rule;
	}

	remove(id: string): boolean {
		const before = this.rules.length;
		this.rules = this.rules.filter((r) => r.id !== id);
		return this.rules.length !== before;
	}

	clear(): void {
		this.rules = [];
	}

	match(method: string, path: string, rng: Rng): FaultRule | null {
		if (this.rules.length === 0) return null;
		for (const r of this.rules) {
			if (r.remaining !== null && r.remaining <= 0) continue;
			if (r.method !== '*' && r.method !== method) continue;
			if (!pathMatches(r.path, path)) continue;
			if (r.probability < 1 && rng.next() >= r.probability) continue;
			if (r.remaining !== null) r.remaining--;
			r.hits++;
			return r;
		}
		return null;
	}
}
