/**
 * Schedule → Create as a custom operation (`INodeType.customOperations.schedule.create`), for the same reason as
 * Pin → Publish (resources/pin/publishItems.ts): scheduling a list of rows is a bulk path, and n8n's declarative
 * engine cost it as much CPU per item as it cost Publish. Same checks, body and uploads as the routed Create
 * (create.ts), same request helper; a retry after a lost answer first looks for the schedule (reconcile.ts), so
 * none is created twice. Output as itemRunner.ts describes, with run_at also in the workflow's time zone
 * (shared/scheduleTime.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { pinBridgeRequest, type PinBridgeRequest } from '../../../shared/transport/request';
import { itemContexts } from '../../shared/itemContext';
import { runItems, runOptionsOf } from '../../shared/itemRunner';
import { withLocalRunAt } from '../../shared/scheduleTime';
import { prepareSchedule } from './create';
import { findExistingSchedule } from './reconcile';

export async function createSchedules(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const options = runOptionsOf(this);
	const contextOf = itemContexts(this);
	const start = async (itemIndex: number): Promise<IDataObject> => {
		const ctx = contextOf(itemIndex);
		const prepared = await prepareSchedule(ctx);
		const request: PinBridgeRequest = {
			method: 'POST',
			path: '/v1/schedules',
			body: prepared.body,
			accountId: typeof prepared.body.account_id === 'string' ? prepared.body.account_id : undefined,
			timeoutMs: options.timeoutMs,
			itemIndex,
		};
		request.reconcile = async () => await findExistingSchedule(ctx, request);
		const response = await pinBridgeRequest<IDataObject>(ctx, request);
		return { ...withLocalRunAt(response.body ?? {}, ctx.getTimezone()), ...prepared.uploads };
	};
	return [await runItems(this, options, start, async (_itemIndex, schedule) => schedule)];
}
