// Deterministic analytics figures (contract §8.16 item 10): a seeded function of an id, a date and a metric, so the
// same request always answers the same numbers and tests can assert them. Nothing here asks a clock.

/** Upper-case metric types as requested (`metrics=IMPRESSION,SAVE`) → lower-case names as answered. */
export const METRICS = [
	'IMPRESSION',
	'SAVE',
	'PIN_CLICK',
	'OUTBOUND_CLICK',
	'ENGAGEMENT',
	'TOTAL_COMMENTS',
	'TOTAL_REACTIONS',
] as const;
export type MetricType = (typeof METRICS)[number];

/** [decided] "the standard organic set" when `metrics` is left out. */
export const DEFAULT_METRICS: MetricType[] = ['IMPRESSION', 'SAVE', 'PIN_CLICK', 'OUTBOUND_CLICK'];

/** `sort_by` of the top-pins ranking (contract §8.8). */
export const SORT_BY = ['impression', 'save', 'pin_click', 'outbound_click', 'total_comments', 'total_reactions'];

export const metricName = (m: MetricType): string => m.toLowerCase();

export type Figures = Record<string, number>;

/** FNV-1a over the text, then a murmur-style finaliser: a stable 32-bit number per (id, date, salt). */
export function seededUnit(...parts: string[]): number {
	let h = 0x811c9dc5;
	for (const ch of parts.join('|')) {
		h ^= ch.charCodeAt(0);
		h = Math.imul(h, 0x01000193);
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return (h >>> 0) / 4294967296;
}

/**
 * One day's figures for an account or a pin. Impressions first (accounts 200–1,199 a day, pins 5–124), the others as
 * seeded fractions of them so they stay plausible (saves ≤ 5 % of impressions, outbound clicks ≤ pin clicks).
 * Comments and reactions are 0 on every daily row (contract §8.8).
 */
export function dailyFigures(kind: 'account' | 'pin', id: string, date: string): Figures {
	const u = (salt: string) => seededUnit(kind, id, date, salt);
	const impression = kind === 'account' ? 200 + Math.floor(u('i') * 1000) : 5 + Math.floor(u('i') * 120);
	const save = Math.floor(impression * (0.01 + u('s') * 0.04));
	const pin_click = Math.floor(impression * (0.02 + u('p') * 0.04));
	const outbound_click = Math.floor(pin_click * (0.2 + u('o') * 0.5));
	return {
		impression,
		save,
		pin_click,
		outbound_click,
		engagement: save + pin_click + outbound_click,
		total_comments: 0,
		total_reactions: 0,
	};
}

/** Lifetime comment and reaction counts, reported in totals on live reads only (0 on stored reads). */
export function lifetimeFigures(kind: 'account' | 'pin', id: string): Figures {
	const scale = kind === 'account' ? 400 : 40;
	return {
		total_comments: Math.floor(seededUnit(kind, id, 'comments') * scale),
		total_reactions: Math.floor(seededUnit(kind, id, 'reactions') * scale * 3),
	};
}

/** Only the asked metrics, under their lower-case names. */
export function pick(figures: Figures, metrics: MetricType[]): Figures {
	const out: Figures = {};
	for (const m of metrics) out[metricName(m)] = figures[metricName(m)] ?? 0;
	return out;
}

export function addInto(total: Figures, more: Figures): Figures {
	for (const [k, v] of Object.entries(more)) total[k] = (total[k] ?? 0) + v;
	return total;
}

export function zeros(metrics: MetricType[]): Figures {
	return pick({}, metrics);
}

// ---- calendar dates (YYYY-MM-DD, UTC days) ----

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch ms of a `YYYY-MM-DD` day's UTC midnight, or null when it is not a real date. */
export function parseDay(text: string): number | null {
	const m = DATE_RE.exec(text);
	if (!m) return null;
	const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
	return new Date(ms).toISOString().slice(0, 10) === text ? ms : null;
}

export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const addDays = (day: string, n: number): string => dayOf((parseDay(day) as number) + n * DAY_MS);
export const daysBetween = (from: string, to: string): number =>
	Math.round(((parseDay(to) as number) - (parseDay(from) as number)) / DAY_MS);

/** Every day from `start` to `end`, both inclusive. */
export function eachDay(start: string, end: string): string[] {
	const out: string[] = [];
	for (let d = start; d <= end; d = addDays(d, 1)) out.push(d);
	return out;
}
