import type { IDataObject } from 'n8n-workflow';

import { pinBridgeRequest, type PinBridgeContext, type PinBridgeRequest } from '../../../shared/transport/request';
import type { ExplainFailure } from '../../shared/explain';
import type { OperationDefinition } from '../operation';
import { requireScheduleId, scheduleIdField, scheduleUrl } from './scheduleId';

/**
 * A cancel whose answer was lost may have worked; asking for the schedule tells. If it is canceled, that is the
 * answer; otherwise the cancel is sent again.
 */
async function findCanceled(ctx: PinBridgeContext, request: PinBridgeRequest): Promise<IDataObject | undefined> {
	const { body } = await pinBridgeRequest<IDataObject>(ctx, {
		method: 'GET',
		path: request.path.replace(/\/cancel$/, ''),
		itemIndex: request.itemIndex,
	});
	return body && body.status === 'canceled' ? body : undefined;
}

/**
 * PinBridge answers a cancel of a schedule that has already run (or was canceled) with a bare 400 `bad_request`.
 * That is the one 400 this call can get, so it is turned into an error that says what happened and what to do.
 */
const explainCancel: ExplainFailure = (ctx, error) =>
	error.httpCode === '400'
		? {
				message: `Schedule ${String(ctx.getNodeParameter('scheduleId', '')).trim()} can no longer be canceled: it has already run or was canceled before`,
				hint: 'Only schedules with status "scheduled" or "queued" can be canceled. Use Schedule → Get to see its status and, once it has run, the Pin it created (pin_id); to remove that Pin use Pin → Delete.',
			}
		: undefined;

export const cancelScheduleOperation: OperationDefinition = {
	option: {
		name: 'Cancel',
		value: 'cancel',
		action: 'Cancel a schedule',
		description: 'Stop a scheduled Pin from being published; only possible before it runs',
		routing: {
			request: { method: 'POST', url: scheduleUrl('/cancel') },
		},
	},
	prepare: [requireScheduleId],
	reconcile: findCanceled,
	explain: explainCancel,
	fields: [scheduleIdField],
};
