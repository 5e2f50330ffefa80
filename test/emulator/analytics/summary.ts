// The dashboard summary (contract §8.9), counted from the emulator's real pins, schedules and imports.
// Time zones through luxon (a library independent of the node's own Intl code, so the two check each other).
import { DateTime, IANAZone } from 'luxon';

import { envelope } from '../errors';
import type { Emulator } from '../emulator';
import type { IdFormat } from '../ids';
import type { Pin } from '../state';
import { queryStr, Validator } from '../validate';

const MAX_DAYS = 366;
const HOURLY_UP_TO_MS = 48 * 3_600_000;

export interface SummaryQuery {
	start: DateTime;
	end: DateTime;
	tz: string;
	accountId: string | null;
}

const invalidRange = (message: string) =>
	envelope(422, 'invalid_date_range', message, `Use a start before the end, at most ${MAX_DAYS} days apart.`, {}, true);

/** ISO text; without an offset it is read in `tz` (so `2026-09-01` is local midnight). */
function timeParam(v: Validator, field: string, tz: string): DateTime | null {
	const raw = queryStr(v, field);
	if (raw === null) return null;
	const parsed = DateTime.fromISO(raw.trim().replace(' ', 'T'), { zone: tz });
	if (!parsed.isValid) {
		v.add(field, 'Input should be a valid datetime', 'datetime_parsing', raw);
		return null;
	}
	return parsed;
}

/** [decided] `tz` defaults to UTC; an unknown zone is 422 `invalid_timezone` (§8.16 item 9). */
export function readSummaryQuery(v: Validator, now: number, ids: IdFormat): SummaryQuery {
	const tz = queryStr(v, 'tz') ?? 'UTC';
	if (!IANAZone.isValidZone(tz))
		throw envelope(422, 'invalid_timezone', `Unknown time zone "${tz}"`, 'Use an IANA time zone name such as Europe/Berlin.', {}, true);
	const accountId = v.str('account_id', { id: ids });
	const endParam = timeParam(v, 'end', tz);
	const startParam = timeParam(v, 'start', tz);
	v.throwIfErrors();
	const end = endParam ?? DateTime.fromMillis(now, { zone: tz });
	const start = startParam ?? end.minus({ days: 30 });
	if (start.toMillis() >= end.toMillis()) throw invalidRange('start must be before end');
	if (end.toMillis() - start.toMillis() > MAX_DAYS * 86_400_000)
		throw invalidRange(`The range is longer than ${MAX_DAYS} days`);
	return { start: start.setZone(tz), end: end.setZone(tz), tz, accountId };
}

const within = (iso: string | null, from: number, to: number): boolean => {
	if (iso === null) return false;
	const t = Date.parse(iso);
	return t >= from && t < to;
};

/** Pins by outcome in [from, to): published by publish time, failed by failure time (still failed), waiting by submission. */
function pinCounts(emu: Emulator, pins: Pin[], from: number, to: number) {
	const by_status = { queued: 0, deferred: 0, publishing: 0, published: 0, failed: 0 };
	let submitted = 0;
	for (const pin of pins) {
		const created = within(pin.created_at, from, to);
		if (created) submitted++;
		if (pin.status === 'published') {
			if (within(pin.published_at, from, to)) by_status.published++;
		} else if (pin.status === 'failed') {
			if (within(emu.store.pinMeta.get(pin.id)?.completed_at ?? null, from, to)) by_status.failed++;
		} else if (created) by_status[pin.status]++;
	}
	const total = Object.values(by_status).reduce((a, b) => a + b, 0);
	const decided = by_status.published + by_status.failed;
	const success_rate = decided === 0 ? null : Math.round((by_status.published / decided) * 10_000) / 10_000;
	return { total, submitted, by_status, success_rate };
}

function countBy<T>(values: T[], key: (value: T) => string): Record<string, number> {
	const out: Record<string, number> = {};
	for (const value of values) out[key(value)] = (out[key(value)] ?? 0) + 1;
	return out;
}

export function buildSummary(emu: Emulator, wsId: string, visible: (accountId: string) => boolean, q: SummaryQuery) {
	const ws = emu.store.workspaces.get(wsId)!;
	const inScope = (accountId: string) => visible(accountId) && (q.accountId === null || accountId === q.accountId);
	const pins = ws.pins.filter((p) => inScope(p.pinterest_account_id));
	const from = q.start.toMillis();
	const to = q.end.toMillis();
	const previousStart = q.start.minus({ milliseconds: to - from });

	const hourly = to - from <= HOURLY_UP_TO_MS;
	const series = [];
	for (let bucket = q.start; bucket.toMillis() < to; bucket = bucket.plus(hourly ? { hours: 1 } : { days: 1 })) {
		const a = bucket.toMillis();
		const b = Math.min(bucket.plus(hourly ? { hours: 1 } : { days: 1 }).toMillis(), to);
		const counts = pinCounts(emu, pins, a, b);
		series.push({
			start: bucket.toISO(),
			created: counts.submitted,
			published: counts.by_status.published,
			failed: counts.by_status.failed,
		});
	}

	const publishedBy = countBy(
		pins.filter((p) => p.status === 'published' && within(p.published_at, from, to)),
		(p) => p.pinterest_account_id,
	);
	const schedules = ws.schedules.filter((s) => inScope(s.pinterest_account_id));
	const now = emu.clock.now();
	const imports = [...emu.store.imports.values()].filter((j) => j.workspace_id === ws.id && within(j.created_at, from, to));
	return {
		start: q.start.toISO(),
		end: q.end.toISO(),
		timezone: q.tz,
		granularity: hourly ? 'hour' : 'day',
		previous_start: previousStart.toISO(),
		previous_end: q.start.toISO(),
		account_id: q.accountId,
		pins: pinCounts(emu, pins, from, to),
		previous_pins: pinCounts(emu, pins, previousStart.toMillis(), from),
		series,
		published_by_account: Object.entries(publishedBy)
			.map(([account_id, published]) => ({ account_id, published }))
			.sort((a, b) => b.published - a.published),
		queue: {
			queued: pins.filter((p) => p.status === 'queued').length,
			deferred: pins.filter((p) => p.status === 'deferred').length,
			publishing: pins.filter((p) => p.status === 'publishing').length,
		},
		schedules: {
			by_status: countBy(
				schedules.filter((s) => within(s.run_at, from, to)),
				(s) => s.status,
			),
			upcoming: schedules.filter((s) => s.status === 'scheduled' && Date.parse(s.run_at) > now).length,
		},
		// Imports are not tied to one account: left out when the summary is filtered by one (contract §8.9).
		import_jobs: q.accountId === null ? { by_status: countBy(imports, (j) => j.status) } : null,
	};
}
