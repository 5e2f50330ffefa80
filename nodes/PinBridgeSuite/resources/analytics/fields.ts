/**
 * What the analytics operations share: the date range, metrics, source and output fields, the check-then-send of
 * the range (contract §8.8: dates `YYYY-MM-DD` inclusive, ≤ 366 days, `live` only for the last 90 days) and the
 * output shapes (totals as one item, or one item per day).
 */
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';

import { transportRuntime } from '../../../shared/transport/request';
import { addDays, dateInZone, daysBetween, resolveCalendarDate } from '../../shared/dateRange';
import { checkOneOf, invalidField, stringListParameter } from '../../shared/validation';

/** Longest range PinBridge serves, both ends counted. */
export const MAX_RANGE_DAYS = 366;
/** How far back `live` reads reach. */
export const LIVE_DAYS = 90;

export const METRIC_TYPES = [
	'ENGAGEMENT',
	'IMPRESSION',
	'OUTBOUND_CLICK',
	'PIN_CLICK',
	'SAVE',
	'TOTAL_COMMENTS',
	'TOTAL_REACTIONS',
] as const;
const SOURCES = ['auto', 'stored', 'live'] as const;
const OUTPUTS = ['totals', 'perDay', 'raw'] as const;

export const startDateField: INodeProperties = {
	displayName: 'Start Date',
	name: 'startDate',
	type: 'dateTime',
	default: '',
	description: 'First day of the range, included (only the date counts). Empty: 30 days before the end date.',
};

export const endDateField: INodeProperties = {
	displayName: 'End Date',
	name: 'endDate',
	type: 'dateTime',
	default: '',
	description: 'Last day of the range, included (only the date counts). Empty: today in the workflow’s time zone.',
};

export const metricsField: INodeProperties = {
	displayName: 'Metrics',
	name: 'metrics',
	type: 'multiOptions',
	default: [],
	description: 'The figures to report. None chosen: PinBridge’s standard set (impressions, saves, Pin clicks, outbound clicks).',
	options: [
		{ name: 'Engagement', value: 'ENGAGEMENT' },
		{ name: 'Impressions', value: 'IMPRESSION' },
		{ name: 'Outbound Clicks', value: 'OUTBOUND_CLICK' },
		{ name: 'Pin Clicks', value: 'PIN_CLICK' },
		{ name: 'Saves', value: 'SAVE' },
		{ name: 'Total Comments', value: 'TOTAL_COMMENTS', description: 'Lifetime count, on live reads only' },
		{ name: 'Total Reactions', value: 'TOTAL_REACTIONS', description: 'Lifetime count, on live reads only' },
	],
};

export const sourceField: INodeProperties = {
	displayName: 'Source',
	name: 'source',
	type: 'options',
	default: 'auto',
	options: [
		{ name: 'Auto', value: 'auto', description: 'Stored history when it covers the range, else Pinterest' },
		{ name: 'Live', value: 'live', description: 'Ask Pinterest now: last 90 days only; spends the Pinterest read allowance' },
		{ name: 'Stored', value: 'stored', description: 'PinBridge’s nightly history only, up to 366 days' },
	],
};

export const outputField: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	default: 'totals',
	options: [
		{
			name: 'Totals (One Item)',
			value: 'totals',
			description: 'One item: the range and one field per metric with its total',
		},
		{
			name: 'One Item per Day',
			value: 'perDay',
			description: 'One item per day: date and one field per metric (for Sheets and charts)',
		},
		{ name: 'Raw Response', value: 'raw', description: 'One item: PinBridge’s answer as returned, daily rows included' },
	],
};

/** What a report operation sends besides the range. */
export interface RangeQueryOptions {
	/** Metrics, Source and Output are fields of the operation (account and Pin analytics). */
	metricsAndSource: boolean;
}

function calendarDate(ctx: IExecuteSingleFunctions, name: string, label: string, fallback: string): string {
	const result = resolveCalendarDate(ctx.getNodeParameter(name, ''), ctx.getTimezone(), fallback);
	if (!result.ok) throw invalidField(ctx, label, result.rule);
	return result.value;
}

/**
 * Start and End Date → `start_date` / `end_date` (defaults: the last 30 days, today in the workflow's zone), checked:
 * start ≤ end, at most 366 days, and for `live` not before 90 days ago. Metrics and source too when asked.
 */
export function sendRangeQuery({ metricsAndSource }: RangeQueryOptions): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const today = dateInZone(transportRuntime.now(), this.getTimezone());
		const end = calendarDate(this, 'endDate', 'End Date', today);
		const start = calendarDate(this, 'startDate', 'Start Date', addDays(end, -30));
		if (start > end) throw invalidField(this, 'Start Date', `must be on or before the End Date (${start} is after ${end})`);
		const span = daysBetween(start, end) + 1;
		if (span > MAX_RANGE_DAYS) {
			throw invalidField(this, 'Start Date', `the range may cover at most ${MAX_RANGE_DAYS} days, got ${span} (${start} to ${end})`);
		}
		const qs: IDataObject = { ...requestOptions.qs, start_date: start, end_date: end };
		if (metricsAndSource) {
			const metrics = stringListParameter(this, 'metrics', 'Metrics').map((m) => m.toUpperCase());
			for (const metric of metrics) checkOneOf(this, 'Metrics', metric, METRIC_TYPES);
			if (metrics.length > 0) qs.metrics = [...new Set(metrics)].join(',');
			const source = checkOneOf(this, 'Source', this.getNodeParameter('source', 'auto'), SOURCES);
			const oldestLive = addDays(today, -LIVE_DAYS);
			if (source === 'live' && start < oldestLive) {
				throw invalidField(
					this,
					'Start Date',
					`live data reaches back ${LIVE_DAYS} days (to ${oldestLive}), got ${start}; choose Source Auto or Stored for older dates`,
				);
			}
			qs.source = source;
			// Totals need no daily rows: asking PinBridge to leave them out keeps the answer small.
			qs.include_daily = checkOneOf(this, 'Output', this.getNodeParameter('output', 'totals'), OUTPUTS) !== 'totals';
		}
		return { ...requestOptions, qs };
	};
}

/** The answer's `daily` rows as `{date, <metric>: n, …}`. */
function perDay(body: IDataObject): INodeExecutionData[] {
	const daily = Array.isArray(body.daily) ? (body.daily as IDataObject[]) : [];
	return daily.map((row) => ({ json: { date: row.date, ...((row.metrics ?? {}) as IDataObject) } }));
}

/** Everything but the daily rows, with each metric's total as a field of its own. */
function totals(body: IDataObject): INodeExecutionData[] {
	const rest: IDataObject = { ...body };
	delete rest.daily;
	delete rest.totals;
	return [{ json: { ...rest, ...((body.totals ?? {}) as IDataObject) } }];
}

/** Shapes an analytics answer as the Output field says. */
export async function shapeAnalyticsOutput(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const output = this.getNodeParameter('output', 'totals') as string;
	const body = (response.body ?? {}) as IDataObject;
	if (output === 'perDay') return perDay(body);
	if (output === 'totals') return totals(body);
	return items;
}
