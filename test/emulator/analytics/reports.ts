// Analytics answers built from the deterministic figures (contract §8.8 response shapes).
import type { Account, Pin } from '../state';
import { addInto, dailyFigures, eachDay, lifetimeFigures, pick, zeros, type Figures } from './figures';
import type { AnalyticsQuery } from './range';

export interface DailyRow {
	date: string;
	data_status: 'READY' | 'PENDING';
	metrics: Figures;
}

/** A subject's figures for one day: an account from day one, a pin only from the day it was published. */
export type DayFigures = (date: string) => Figures | null;

export const accountDays = (account: Account): DayFigures => (date) => dailyFigures('account', account.id, date);

export const pinDays = (pin: Pin): DayFigures => (date) =>
	pin.published_at !== null && date >= pin.published_at.slice(0, 10) ? dailyFigures('pin', pin.id, date) : null;

/** The daily rows and totals of one or more subjects added up over `start`..`end`. Days after today are PENDING. */
export function rowsAndTotals(
	subjects: DayFigures[],
	start: string,
	end: string,
	q: AnalyticsQuery,
): { daily: DailyRow[]; totals: Figures } {
	const totals = zeros(q.metrics);
	const daily = eachDay(start, end).map((date): DailyRow => {
		const metrics = zeros(q.metrics);
		if (date > q.today) return { date, data_status: 'PENDING', metrics };
		for (const figuresOf of subjects) {
			const figures = figuresOf(date);
			if (figures) addInto(metrics, pick(figures, q.metrics));
		}
		addInto(totals, metrics);
		return { date, data_status: 'READY', metrics };
	});
	return { daily, totals };
}

/** Comments and reactions are lifetime counts on live reads and 0 on stored reads (contract §8.8). */
function withLifetime(totals: Figures, q: AnalyticsQuery, kind: 'account' | 'pin', id: string): Figures {
	if (q.served !== 'live') return totals;
	const lifetime = lifetimeFigures(kind, id);
	for (const name of ['total_comments', 'total_reactions']) if (name in totals) totals[name] = lifetime[name];
	return totals;
}

function envelopeOf(q: AnalyticsQuery, now: number, daily: DailyRow[], totals: Figures) {
	return {
		start_date: q.start,
		end_date: q.end,
		provider_mode: 'simulated',
		totals,
		daily: q.includeDaily ? daily : [],
		source: q.served,
		// [decided] the stored history is refreshed nightly (at 00:00 UTC); a live read is as of now.
		data_as_of: q.served === 'live' ? new Date(now).toISOString() : `${q.today}T00:00:00.000Z`,
		history_start: q.historyStart,
	};
}

export function accountReport(account: Account, q: AnalyticsQuery, now: number) {
	const { daily, totals } = rowsAndTotals([accountDays(account)], q.start, q.end, q);
	return { account_id: account.id, ...envelopeOf(q, now, daily, withLifetime(totals, q, 'account', account.id)) };
}

export function pinReport(pin: Pin, q: AnalyticsQuery, now: number) {
	const { daily, totals } = rowsAndTotals([pinDays(pin)], q.start, q.end, q);
	return {
		account_id: pin.pinterest_account_id,
		pin_id: pin.id,
		pinterest_pin_id: pin.pinterest_pin_id,
		removed_from_pinterest_at: null,
		...envelopeOf(q, now, daily, withLifetime(totals, q, 'pin', pin.id)),
	};
}

/** A pin's totals over the range, for the top-pins ranking. */
export function pinTotals(pin: Pin, q: AnalyticsQuery): Figures {
	return rowsAndTotals([pinDays(pin)], q.start, q.end, q).totals;
}
