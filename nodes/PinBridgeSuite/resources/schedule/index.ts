import { resourceProperties } from '../operation';
import { cancelScheduleOperation } from './cancel';
import { createSchedule } from './create';
import { getSchedule } from './get';
import { getManySchedules } from './getMany';

export const scheduleProperties = resourceProperties(
	'schedule',
	[createSchedule, getSchedule, getManySchedules, cancelScheduleOperation],
	'create',
);
