/**
 * Schedule → Create: POST /v1/schedules (binaries uploaded first as assets). One implementation, `createWork` (check,
 * upload, send, output), run as the node's custom operation in workflows (`createSchedules`, for the same reason as
 * Pin → Publish: scheduling a list of rows is a bulk path, and n8n's declarative engine cost it as much CPU per item)
 * and as the routed send when the node is an AI agent's tool (shared/itemRunner.ts). A retry after a lost answer
 * first looks for the schedule (reconcile.ts), so none is created twice. Output: the schedule with run_at also in the
 * workflow's time zone (shared/scheduleTime.ts) and the uploads.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { transportRuntime } from '../../../shared/transport/request';
import type { ItemContext } from '../../shared/itemContext';
import { runInWorkflow, sendEachItem, type ItemWork } from '../../shared/itemRunner';
import { buildPinContent, readPinContent, uploadsOf } from '../../shared/pinContent';
import { pinContentFields } from '../../shared/pinContentFields';
import { resolveRunAt } from '../../shared/runAt';
import { withLocalRunAt } from '../../shared/scheduleTime';
import { invalidField } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { createScheduleOnce } from './reconcile';

export const runAtField: INodeProperties = {
	displayName: 'Run At',
	name: 'runAt',
	type: 'dateTime',
	default: '',
	required: true,
	description:
		'When PinBridge publishes the Pin; must be in the future. A time without an offset (as the date picker gives) is read in the workflow’s time zone (Workflow Settings → Timezone) and sent with that zone’s offset on that date, summer time included. A time with an offset or Z, e.g. from an expression such as {{ $now.plus(1, "day").toISO() }}, is kept as it is.',
	hint: 'In the workflow’s time zone (Workflow Settings → Timezone) unless the value names an offset or Z',
};

/** One item, read and checked, ready to send: the POST /v1/schedules body and the assets uploaded for it. */
export interface PreparedSchedule {
	body: IDataObject;
	/** `{ asset?, cover_asset? }`, added to the output. */
	uploads: IDataObject;
}

/** Checks Run At and the Pin content (nothing is sent if either fails), uploads binaries, builds the body. */
async function prepareSchedule(ctx: ItemContext): Promise<PreparedSchedule> {
	const runAt = resolveRunAt(ctx.getNodeParameter('runAt', ''), ctx.getTimezone(), transportRuntime.now());
	if (!runAt.ok) throw invalidField(ctx, 'Run At', runAt.rule);
	const input = await readPinContent(ctx);
	const built = await buildPinContent(ctx, { uploadBinaries: true, input });
	return { body: { ...built.body, run_at: runAt.value }, uploads: uploadsOf(built) };
}

const createWork: ItemWork<IDataObject> = {
	async start(ctx, timeoutMs) {
		const prepared = await prepareSchedule(ctx);
		const schedule = await createScheduleOnce(ctx, prepared.body, timeoutMs, ctx.getItemIndex());
		return { ...withLocalRunAt(schedule, ctx.getTimezone()), ...prepared.uploads };
	},
	finish: async (_ctx, schedule) => schedule,
};

/** The node's `customOperations.schedule.create`. */
export const createSchedules = runInWorkflow(createWork);

/** The content fields with Run At right after the board, where the "where and when" of the Pin is decided. */
export function createFields(): INodeProperties[] {
	const content = pinContentFields();
	const afterBoard = content.findIndex((field) => field.name === 'board') + 1;
	return [...content.slice(0, afterBoard), runAtField, ...content.slice(afterBoard)];
}

export const createSchedule: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a schedule',
		description:
			'Schedule a Pin to be published at a set time. A retry after a lost answer first looks for the schedule, so none is created twice.',
		routing: { request: { method: 'POST', url: '/v1/schedules' } },
	},
	send: sendEachItem(createWork),
	fields: createFields(),
};
