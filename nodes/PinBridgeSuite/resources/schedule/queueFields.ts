/**
 * Schedule → Add to Queue: the operation's own parameters, placed after the board (where the "where and when" of the
 * Pin is decided), followed by the Pin content fields Create uses. The plan parameters are read once for the whole
 * input (from its first item): a queue has one plan.
 */
import type { INodeProperties } from 'n8n-workflow';

import { pinContentFields } from '../../shared/pinContentFields';
import { MAX_PINS_PER_SLOT } from './queuePlanParameters';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const postingTimesField: INodeProperties = {
	displayName: 'Posting Times',
	name: 'postingTimes',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Posting Times',
	default: {
		slot: [
			{ days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], times: '09:00, 13:00, 19:00' },
			{ days: ['saturday'], times: '11:00' },
		],
	},
	description:
		'The posting plan: times of day per weekday, in the plan’s time zone. Each item goes to the next time that still has room.',
	options: [
		{
			displayName: 'Posting Times',
			name: 'slot',
			values: [
				{
					displayName: 'Days',
					name: 'days',
					type: 'multiOptions',
					options: WEEKDAYS.map((day) => ({ name: day, value: day.toLowerCase() })),
					default: [],
					description: 'The days these times apply to',
				},
				{
					displayName: 'Times',
					name: 'times',
					type: 'string',
					default: '',
					placeholder: 'e.g. 09:00, 13:00, 19:00',
					description:
						'Times of day as HH:MM on a 24-hour clock, separated by commas. A time that does not exist on the day the clocks go forward runs when they change (02:30 → 03:00), as n8n’s Schedule Trigger fires it; a time that happens twice when they go back is used once.',
				},
			],
		},
	],
};

export const pinsPerSlotField: INodeProperties = {
	displayName: 'Pins per Slot',
	name: 'pinsPerSlot',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_PINS_PER_SLOT, numberPrecision: 0 },
	default: 1,
	description:
		'At most this many Pins at one posting time, counting the schedules PinBridge already has then (from earlier runs, other workflows or the dashboard)',
};

export const countPerField: INodeProperties = {
	displayName: 'Count Pins Per',
	name: 'countPer',
	type: 'options',
	options: [
		{ name: 'Pinterest Account', value: 'account', description: 'A slot is full when the account has Pins per Slot Pins then, on any board' },
		{ name: 'Board', value: 'board', description: 'Each board has its own Pins per Slot at each posting time' },
	],
	default: 'account',
};

export const queueOptionsField: INodeProperties = {
	displayName: 'Queue Options',
	name: 'queueOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'End',
			name: 'end',
			type: 'dateTime',
			default: '',
			description:
				'No Pin after this time. Items that find no free slot before it fail with an error saying so (none is dropped silently). A time without an offset is read in the plan’s time zone.',
		},
		{
			displayName: 'Preview Only',
			name: 'preview',
			type: 'boolean',
			default: false,
			description:
				'Whether to only return the plan: each item’s slot, or the schedule it already has. PinBridge’s pending schedules are read; nothing is uploaded or created.',
		},
		{
			displayName: 'Start',
			name: 'start',
			type: 'dateTime',
			default: '',
			description:
				'No Pin before this time; empty means now. Slots are always at least a minute ahead. A time without an offset is read in the plan’s time zone.',
		},
		{
			displayName: 'Time Zone',
			name: 'timeZone',
			type: 'string',
			default: '',
			placeholder: 'e.g. America/New_York',
			description:
				'The IANA time zone the posting times are in. Empty: the workflow’s time zone (Workflow Settings → Timezone).',
		},
	],
};

/** Add to Queue's fields: the content fields with the plan right after the board. */
export function queueFields(): INodeProperties[] {
	const content = pinContentFields();
	const afterBoard = content.findIndex((field) => field.name === 'board') + 1;
	return [
		...content.slice(0, afterBoard),
		postingTimesField,
		pinsPerSlotField,
		countPerField,
		...content.slice(afterBoard),
		queueOptionsField,
	];
}
