import { withLocalRunAt } from '../../shared/scheduleTime';
import { resourceProperties, withOutputFields, type OperationDefinition } from '../operation';
import { addToQueueOperation } from './addToQueue';
import { cancelScheduleOperation } from './cancel';
import { createSchedule } from './create';
import { getSchedule } from './get';
import { deleteSchedule } from './delete';
import { getManySchedules } from './getMany';
import { retrySchedule } from './retry';
import { updateSchedule } from './update';
import { validateSchedule } from './validate';

/** Its output also shows run_at in the workflow's time zone, and names the zone (shared/scheduleTime.ts). */
const inLocalTime = (operation: OperationDefinition) =>
	withOutputFields(operation, (ctx, schedule) => withLocalRunAt(schedule, ctx.getTimezone()));

export const scheduleProperties = resourceProperties(
	'schedule',
	[
		createSchedule, // adds the local time itself (create.ts)
		addToQueueOperation, // adds it in the plan's zone (queueRun.ts)
		inLocalTime(getSchedule),
		getManySchedules,
		cancelScheduleOperation,
		validateSchedule,
		inLocalTime(updateSchedule),
		retrySchedule,
		deleteSchedule,
	],
	'create',
);
