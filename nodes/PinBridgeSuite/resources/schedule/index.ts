import { resourceProperties } from '../operation';
import { cancelScheduleOperation } from './cancel';
import { createSchedule } from './create';
import { getSchedule } from './get';
import { deleteSchedule } from './delete';
import { getManySchedules } from './getMany';
import { retrySchedule } from './retry';
import { updateSchedule } from './update';
import { validateSchedule } from './validate';

export const scheduleProperties = resourceProperties(
	'schedule',
	[
		createSchedule,
		getSchedule,
		getManySchedules,
		cancelScheduleOperation,
		validateSchedule,
		updateSchedule,
		retrySchedule,
		deleteSchedule,
	],
	'create',
);
