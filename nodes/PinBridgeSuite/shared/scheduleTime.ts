/**
 * A schedule's run time as the user reads it. PinBridge answers `run_at` in UTC (contract §6), which says nothing of
 * the 09:00 the user asked for; so Schedule outputs add, right after `run_at`, the same instant in the workflow's time
 * zone (the one Run At was read in) and that zone's name.
 */
import type { IDataObject } from 'n8n-workflow';

import { formatWithOffset, isKnownTimeZone } from './runAt';

/** Offset-less times from PinBridge are on its clock, which is UTC (contract §9.1.5), never the host's zone. */
const WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

function instantOf(value: unknown): number {
	if (typeof value !== 'string') return Number.NaN;
	const text = value.trim();
	return Date.parse(WITHOUT_OFFSET.test(text) ? `${text.replace(' ', 'T')}Z` : text);
}

/**
 * The schedule with `run_at_local` (e.g. `2026-12-08T09:00:00-05:00`) and `time_zone` (e.g. `America/New_York`) placed
 * after `run_at`. Returned unchanged when `run_at` is not a readable time or the zone is unknown to Intl.
 */
export function withLocalRunAt(schedule: IDataObject, timeZone: string): IDataObject {
	const instant = instantOf(schedule.run_at);
	if (Number.isNaN(instant) || !isKnownTimeZone(timeZone)) return schedule;
	const local = { run_at_local: formatWithOffset(instant, timeZone), time_zone: timeZone };
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(schedule)) {
		if (key === 'run_at_local' || key === 'time_zone') continue;
		out[key] = value;
		if (key === 'run_at') Object.assign(out, local);
	}
	return out;
}
