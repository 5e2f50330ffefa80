// The query shared by the account, pin, overview and top-pins analytics calls (contract §8.8): the date range,
// the metrics, the source and include_daily, checked in that order. Malformed values answer a 422 validation list;
// a range PinBridge cannot serve answers 422 `invalid_date_range` (§8.16 item 9).
import { envelope } from '../errors';
import { queryStr, Validator } from '../validate';
import { addDays, daysBetween, DEFAULT_METRICS, METRICS, parseDay, dayOf, type MetricType } from './figures';

/** Longest range any source serves, in days (both ends counted). */
export const MAX_RANGE_DAYS = 366;
/** `live` reads reach back this many days. */
export const LIVE_DAYS = 90;
/**
 * [decided] one extra day of slack on the 90-day live window, for a client whose "today" is already tomorrow or still
 * yesterday in UTC (time zones run from −12 h to +14 h).
 */
const LIVE_SLACK_DAYS = 1;

export type Source = 'auto' | 'stored' | 'live';

export interface AnalyticsQuery {
	start: string;
	end: string;
	/** UTC day of the emulator clock. */
	today: string;
	metrics: MetricType[];
	/** What was asked. */
	asked: Source;
	/** What answered: `auto` is served from the stored history, which always covers the 366-day window here. */
	served: 'stored' | 'live';
	includeDaily: boolean;
	/** First day of the stored history. */
	historyStart: string;
}

export function invalidDateRange(message: string): Error {
	return envelope(
		422,
		'invalid_date_range',
		message,
		`Use start_date ≤ end_date, at most ${MAX_RANGE_DAYS} days apart; live reads cover the last ${LIVE_DAYS} days.`,
		{},
		true,
	);
}

function dayParam(v: Validator, field: string, fallback: string): string {
	const raw = queryStr(v, field);
	if (raw === null) return fallback;
	if (parseDay(raw) === null) {
		v.add(field, 'Input should be a valid date in the format YYYY-MM-DD', 'date_from_datetime_parsing', raw);
		return fallback;
	}
	return raw;
}

/** `metrics=IMPRESSION,SAVE` (or repeated); case-insensitive; unknown names are a validation error. */
export function metricsParam(v: Validator): MetricType[] {
	const raw = v.obj.metrics;
	if (raw === undefined || raw === '') return DEFAULT_METRICS;
	const names = (Array.isArray(raw) ? raw : [raw])
		.flatMap((value) => String(value).split(','))
		.map((name) => name.trim().toUpperCase())
		.filter((name) => name !== '');
	const wrong = names.filter((name) => !METRICS.includes(name as MetricType));
	if (wrong.length > 0) {
		v.add('metrics', `Input should be a comma-separated list of ${METRICS.join(', ')}`, 'enum', wrong.join(','));
	}
	const known = [...new Set(names.filter((name) => METRICS.includes(name as MetricType)))] as MetricType[];
	return known.length > 0 ? known : DEFAULT_METRICS;
}

function boolParam(v: Validator, field: string, fallback: boolean): boolean {
	const raw = queryStr(v, field);
	if (raw === null) return fallback;
	const text = raw.toLowerCase();
	if (['true', '1'].includes(text)) return true;
	if (['false', '0'].includes(text)) return false;
	v.add(field, 'Input should be a valid boolean, unable to interpret input', 'bool_parsing', raw);
	return fallback;
}

/** Reads and checks the shared query; `v` may carry further fields the caller checks before throwing. */
export function readAnalyticsQuery(v: Validator, now: number): AnalyticsQuery {
	const today = dayOf(now);
	const end = dayParam(v, 'end_date', today);
	const start = dayParam(v, 'start_date', addDays(end, -30));
	const metrics = metricsParam(v);
	const asked = (v.str('source', { oneOf: ['auto', 'stored', 'live'] }) ?? 'auto') as Source;
	const includeDaily = boolParam(v, 'include_daily', true);
	v.throwIfErrors();

	if (start > end) throw invalidDateRange(`start_date ${start} is after end_date ${end}`);
	const span = daysBetween(start, end) + 1;
	if (span > MAX_RANGE_DAYS) throw invalidDateRange(`The range covers ${span} days; at most ${MAX_RANGE_DAYS} are served`);
	const historyStart = addDays(today, -(MAX_RANGE_DAYS - 1));
	if (asked === 'live' && start < addDays(today, -(LIVE_DAYS + LIVE_SLACK_DAYS))) {
		throw invalidDateRange(`Live reads cover the last ${LIVE_DAYS} days; start_date ${start} is older`);
	}
	if (asked !== 'live' && start < historyStart) {
		throw invalidDateRange(`Stored history starts on ${historyStart}; start_date ${start} is older`);
	}
	return { start, end, today, metrics, asked, served: asked === 'live' ? 'live' : 'stored', includeDaily, historyStart };
}
