import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { transportRuntime } from '../../../shared/transport/request';
import { explainFailures } from '../../shared/explain';
import { resolveRunAt } from '../../shared/runAt';
import { invalidField, textParameter } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { requireScheduleId, scheduleIdField, scheduleUrl } from './scheduleId';

/** A new Run At, when given, goes in the body; otherwise no body (PinBridge keeps the schedule's time). */
async function newRunAt(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const raw = this.getNodeParameter('newRunAt', '') as unknown;
	if (raw === '' || raw === null || raw === undefined) return requestOptions;
	const runAt = resolveRunAt(raw, this.getTimezone(), transportRuntime.now());
	if (!runAt.ok) throw invalidField(this, 'New Run At', runAt.rule);
	return { ...requestOptions, body: { run_at: runAt.value } };
}

const explainRetry = explainFailures((ctx, error) =>
	error.httpCode === '400'
		? {
				message: `Schedule ${textParameter(ctx, 'scheduleId', 'Schedule ID')} cannot be retried: only a failed schedule can`,
				hint: 'Use Schedule → Get to see its status; a scheduled one will still run, a done one has its Pin (pin_id).',
			}
		: undefined,
);

export const retrySchedule: OperationDefinition = {
	option: {
		name: 'Retry',
		value: 'retry',
		action: 'Retry a failed schedule',
		description:
			'Run a failed schedule again: if it had created its Pin, that Pin is published again now (status queued); otherwise it runs at its time, or at New Run At when that time has passed',
		routing: {
			request: { method: 'POST', url: scheduleUrl('/retry') },
			send: { preSend: [requireScheduleId, newRunAt] },
			operations: { pagination: explainRetry },
		},
	},
	fields: [
		scheduleIdField,
		{
			displayName: 'New Run At',
			name: 'newRunAt',
			type: 'dateTime',
			default: '',
			description:
				'Optional. Needed when the schedule failed before creating its Pin and its run time has passed; in the future, read in the workflow’s time zone without an offset.',
		},
	],
};
