import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { routeThroughHelper } from '../../../shared/transport/routing';
import { transportRuntime, type PinBridgeContext } from '../../../shared/transport/request';
import type { ItemContext } from '../../shared/itemContext';
import { buildPinContent, readPinContent } from '../../shared/pinContent';
import { pinContentFields } from '../../shared/pinContentFields';
import { resolveRunAt } from '../../shared/runAt';
import { invalidField } from '../../shared/validation';
import { handOver, takeOver, uploadsOf } from '../../shared/handOver';
import type { OperationDefinition } from '../operation';
import { findExistingSchedule } from './reconcile';

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

/**
 * Checks Run At and the Pin content (nothing is sent if either fails), uploads binaries, builds the body. Shared by
 * the custom operation (createItems.ts) and the routed Create (an AI agent's tool).
 */
export async function prepareSchedule(ctx: ItemContext): Promise<PreparedSchedule> {
	const runAt = resolveRunAt(ctx.getNodeParameter('runAt', ''), ctx.getTimezone(), transportRuntime.now());
	if (!runAt.ok) throw invalidField(ctx, 'Run At', runAt.rule);
	const input = await readPinContent(ctx);
	const built = await buildPinContent(ctx, { uploadBinaries: true, input });
	return { body: { ...built.body, run_at: runAt.value }, uploads: uploadsOf(built) };
}

async function prepareScheduleRequest(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const prepared = await prepareSchedule(this);
	handOver(this, prepared.uploads);
	return { ...requestOptions, body: prepared.body };
}

async function scheduleOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return [{ json: { ...(response.body as IDataObject), ...takeOver(this) } }];
}

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
		routing: {
			request: { method: 'POST', url: '/v1/schedules' },
			send: { preSend: [prepareScheduleRequest] },
			output: { postReceive: [scheduleOutput] },
			operations: {
				pagination: routeThroughHelper({
					reconcile: async (ctx, request) =>
						await findExistingSchedule(ctx as unknown as PinBridgeContext, request),
				}),
			},
		},
	},
	fields: createFields(),
};
