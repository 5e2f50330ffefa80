/**
 * A schedule's run time as the user reads it. PinBridge answers `run_at` in UTC (contract §6), which says nothing of
 * the 09:00 the user asked for; so Schedule outputs add, right after `run_at`, the same instant in the workflow's time
 * zone (the one Run At was read in) and that zone's name.
 */
import type { IDataObject } from 'n8n-workflow';

import { instantOf } from '../../shared/times';
import { formatWithOffset, isKnownTimeZone } from './runAt';

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
