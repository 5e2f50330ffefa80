/**
 * Schedule → Create: POST /v1/schedules (binaries uploaded first as assets), never a second schedule for the same Pin at
 * the same time (createPlan.ts: the input read and checked, one listing of PinBridge's schedules, then each item
 * returned or created). One implementation run two ways: the node's custom operation in workflows (`createSchedules`,
 * the whole input with one listing, then each item through the item runner — for the same reason as Pin → Publish:
 * n8n's declarative engine cost a bulk path much CPU per item), and the routed send when the node is an AI agent's
 * tool (one item, one listing). Output: the schedule with run_at also in the workflow's time zone
 * (shared/scheduleTime.ts), the uploads, and `created_by_this_call`.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { transportRuntime } from '../../../shared/transport/request';
import { itemContexts } from '../../shared/itemContext';
import { ROUTED_DEFAULT_TIMEOUT_MS, runItems, runOptionsOf } from '../../shared/itemRunner';
import { pinContentFields } from '../../shared/pinContentFields';
import type { SendItem } from '../../shared/routedItem';
import type { OperationDefinition } from '../operation';
import { outcome } from './addToQueue';
import { createPlanned, planCreates, sameAsOutput } from './createPlan';

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

export const createOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'createOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Create Even If Already Scheduled',
			name: 'createEvenIfScheduled',
			type: 'boolean',
			default: true, // on when added: adding the option is how a user asks for it
			description:
				'Whether to create the schedule even when PinBridge already has a pending one with the same content, board, account and Run At. Off or not added: that schedule is returned (created_by_this_call: false) and nothing is created, so re-running the workflow never schedules the same Pin twice.',
		},
	],
};

/** The node's `customOperations.schedule.create`: the whole input planned with one listing, then each item created. */
export async function createSchedules(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const count = this.getInputData().length;
	if (count === 0) return [[]];
	const options = runOptionsOf(this);
	const contextOf = itemContexts(this);
	const contexts = Array.from({ length: count }, (_, itemIndex) => contextOf(itemIndex));
	const planned = await planCreates(contexts, transportRuntime.now());
	const outcomes = planned.map(() => outcome());
	const start = async (itemIndex: number): Promise<IDataObject | number> => {
		const item = planned[itemIndex];
		// A repeat waits for the item it repeats in `finish`, outside the runner's concurrency limit.
		if (item.ok && item.sameAs !== undefined) return item.sameAs;
		const created = createPlanned(contexts[itemIndex], item, options.timeoutMs);
		created.then(outcomes[itemIndex].resolve, outcomes[itemIndex].reject);
		return await created;
	};
	const finish = async (itemIndex: number, started: IDataObject | number): Promise<IDataObject> =>
		typeof started === 'number' ? await sameAsOutput(contexts[itemIndex], started, outcomes[started].promise) : started;
	const output = await runItems(this, options, start, finish);
	hintWhenAlreadyScheduled(this, output);
	return [output];
}

/** What Create outputs for `count` schedules PinBridge already had: nothing new was scheduled. */
export function alreadyScheduledHint(count: number): string {
	const schedules = count === 1 ? '1 schedule was' : `${count} schedules were`;
	return (
		`${schedules} already pending at PinBridge (created_by_this_call: false): the same content, board, account and ` +
		'Run At as an earlier run, so that schedule was returned and nothing new was scheduled. To schedule another Pin, ' +
		'change its content or Run At, or add Options → Create Even If Already Scheduled.'
	);
}

/** n8n's execution hint above the output, as Publish gives one for Pins PinBridge already had. */
function hintWhenAlreadyScheduled(exec: IExecuteFunctions, output: INodeExecutionData[]): void {
	// addExecutionHints is missing on older n8n versions: the output is the same without it.
	if (typeof exec.addExecutionHints !== 'function') return;
	const count = output.filter((item) => !item.json.error && item.json.created_by_this_call === false).length;
	if (count > 0) exec.addExecutionHints({ message: alreadyScheduledHint(count), type: 'info', location: 'outputPane' });
}

/** As an AI agent's tool: the one item planned on its own (one listing), then created. */
const createOneItem: SendItem = async (ctx, request) => {
	const [planned] = await planCreates([ctx], transportRuntime.now());
	return [{ json: await createPlanned(ctx, planned, request.timeoutMs ?? ROUTED_DEFAULT_TIMEOUT_MS) }];
};

/** The content fields with Run At right after the board, where the "where and when" of the Pin is decided (also Validate's). */
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
			'Schedule a Pin to be published at a set time. A pending schedule with the same content, board and time is returned instead of a second one (created_by_this_call: false).',
		routing: { request: { method: 'POST', url: '/v1/schedules' } },
	},
	send: createOneItem,
	fields: [...createFields(), createOptionsField],
};
