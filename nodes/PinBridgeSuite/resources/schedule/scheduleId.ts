import type { INodeProperties } from 'n8n-workflow';

import { requireId } from '../../shared/validation';

/** The Schedule ID parameter: an id typed in, or an expression such as `{{ $json.id }}` from a previous Create. */
export const scheduleIdField: INodeProperties = {
	displayName: 'Schedule ID',
	name: 'scheduleId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 5d1c2b3a-4e5f-4a6b-9c8d-7e6f5a4b3c2d',
	description: 'The PinBridge ID of the schedule (the ID in the output of Schedule → Create or Get Many)',
};

export const requireScheduleId = requireId('scheduleId', 'Schedule ID');

/** The URL of one schedule; the id was checked by requireScheduleId before this is sent. */
export const scheduleUrl = (suffix = '') => `=/v1/schedules/{{ String($parameter.scheduleId).trim() }}${suffix}`;
