import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { accountLocator } from '../../../shared/locators';
import { transportRuntime } from '../../../shared/transport/request';
import { accountQuery } from '../../shared/listFilters';
import { isKnownTimeZone, resolveDateTime } from '../../shared/runAt';
import { checkText, invalidField } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { MAX_RANGE_DAYS } from './fields';

const DAY_MS = 86_400_000;

/** A Start/End value as ISO with an offset (without one: in the summary's zone), or undefined when empty. */
function instantParameter(ctx: IExecuteSingleFunctions, name: string, label: string, timeZone: string) {
	const raw = ctx.getNodeParameter(name, '') as unknown;
	if (raw === undefined || raw === null || raw === '') return undefined;
	const result = resolveDateTime(raw, timeZone);
	if (!result.ok) throw invalidField(ctx, label, result.rule);
	return result;
}

/**
 * `start` (inclusive), `end` (exclusive) and `tz`: the workflow's zone unless the Time Zone option names another.
 * Empty Start/End leave PinBridge's defaults (the 30 days up to now). Checked: the zone exists, start before end,
 * at most 366 days.
 */
async function sendSummaryQuery(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const options = (this.getNodeParameter('options', {}) ?? {}) as IDataObject;
	const timeZone = checkText(this, 'Time Zone', options.timeZone) || this.getTimezone();
	if (!isKnownTimeZone(timeZone)) {
		throw invalidField(this, 'Time Zone', `"${timeZone}" is not a time zone name (e.g. Europe/Berlin, America/New_York)`);
	}
	const start = instantParameter(this, 'start', 'Start', timeZone);
	const end = instantParameter(this, 'end', 'End', timeZone);
	const endMs = end?.instant ?? transportRuntime.now();
	if (start && start.instant >= endMs) {
		throw invalidField(this, 'Start', `must be before the End (${start.value} is not before ${end?.value ?? 'now'})`);
	}
	if (start && endMs - start.instant > MAX_RANGE_DAYS * DAY_MS) {
		throw invalidField(this, 'Start', `the range may cover at most ${MAX_RANGE_DAYS} days`);
	}
	const qs: IDataObject = { ...requestOptions.qs, ...accountQuery(this), tz: timeZone };
	if (start) qs.start = start.value;
	if (end) qs.end = end.value;
	return { ...requestOptions, qs };
}

export const getPublishingSummary: OperationDefinition = {
	option: {
		name: 'Get Publishing Summary',
		value: 'getSummary',
		action: 'Get a publishing summary',
		description:
			'How publishing went over a period: Pins published, failed and waiting, success rate, a series per hour or day, the queue and schedules',
		routing: {
			request: { method: 'GET', url: '/v1/dashboard/summary' },
		},
	},
	prepare: [sendSummaryQuery],
	fields: [
		{
			displayName: 'Start',
			name: 'start',
			type: 'dateTime',
			default: '',
			description:
				'Beginning of the period, included (without an offset: in the time zone below, so a date means local midnight). Empty: 30 days before the end.',
		},
		{
			displayName: 'End',
			name: 'end',
			type: 'dateTime',
			default: '',
			description: 'End of the period, not included (e.g. today’s date for “up to yesterday”). Empty: now.',
		},
		accountLocator({}, { required: false, description: 'Only this Pinterest account (optional; empty: all of them)' }),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Time Zone',
					name: 'timeZone',
					type: 'string',
					default: '',
					placeholder: 'e.g. Europe/Berlin',
					description:
						'IANA time zone the days and hours are counted in. Empty: the workflow’s time zone.',
				},
			],
		},
	],
};
