import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
} from 'n8n-workflow';

import { instantOf } from '../../../shared/times';
import { transportRuntime } from '../../../shared/transport/request';
import type { ExplainFailure } from '../../shared/explain';
import { resolveDateTime, resolveRunAt } from '../../shared/runAt';
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

/**
 * Whether PinBridge took New Run At. Retry's body is optional (contract §8.5); a PinBridge that ignores it runs the
 * schedule at its old time or publishes its Pin now, so a different run_at in the answer is said, not passed over.
 */
async function checkNewRunAt(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const raw = this.getNodeParameter('newRunAt', '') as unknown;
	const asked = raw === '' || raw === null || raw === undefined ? undefined : resolveDateTime(raw, this.getTimezone());
	const answer = response.body as IDataObject | undefined;
	if (!asked?.ok || !answer || typeof answer !== 'object') return items;
	const askedAt = instantOf(asked.value);
	const answeredAt = instantOf(answer.run_at);
	if (!Number.isNaN(answeredAt) && Math.abs(answeredAt - askedAt) < 1000) return items;
	const what = answer.pin_id
		? `its Pin ${String(answer.pin_id)} is published again now`
		: `it runs at ${String(answer.run_at ?? 'a time PinBridge did not say')}`;
	throw new NodeOperationError(
		this.getNode(),
		`Schedule ${String(answer.id ?? '')} was retried, but PinBridge did not take New Run At: ${what} (status ${String(answer.status)})`,
		{
			itemIndex: this.getItemIndex(),
			description: `New Run At asked for ${asked.value}. If the schedule should not run then, use Schedule → Cancel on it.`,
		},
	);
}

const explainRetry: ExplainFailure = (ctx, error) =>
	error.httpCode === '400'
		? {
				message: `Schedule ${textParameter(ctx, 'scheduleId', 'Schedule ID')} cannot be retried: only a failed schedule can`,
				hint: 'Use Schedule → Get to see its status; a scheduled one will still run, a done one has its Pin (pin_id).',
			}
		: undefined;

export const retrySchedule: OperationDefinition = {
	option: {
		name: 'Retry',
		value: 'retry',
		action: 'Retry a failed schedule',
		description:
			'Run a failed schedule again: if it had created its Pin, that Pin is published again now (status queued); otherwise it runs at its time, or at New Run At when that time has passed',
		routing: {
			request: { method: 'POST', url: scheduleUrl('/retry') },
			output: { postReceive: [checkNewRunAt] },
		},
	},
	prepare: [requireScheduleId, newRunAt],
	explain: explainRetry,
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
