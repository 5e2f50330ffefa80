import type { OperationDefinition } from '../operation';
import { requireScheduleId, scheduleIdField, scheduleUrl } from './scheduleId';

export const getSchedule: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a schedule',
		description: 'Get a scheduled Pin with its status; once it has run, pin_id names the Pin it created',
		routing: {
			request: { method: 'GET', url: scheduleUrl() },
		},
	},
	prepare: [requireScheduleId],
	fields: [scheduleIdField],
};
