import type { ExplainFailure } from '../../shared/explain';
import { noContentAnswer } from '../../shared/noContentAnswer';
import { textParameter } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { requireScheduleId, scheduleIdField, scheduleUrl } from './scheduleId';

const explainDelete: ExplainFailure = (ctx, error) =>
	error.httpCode === '400'
		? {
				message: `Schedule ${textParameter(ctx, 'scheduleId', 'Schedule ID')} is still pending: cancel it before deleting it`,
				hint: 'Only done, failed or canceled schedules can be deleted. Use Schedule → Cancel first.',
			}
		: undefined;

export const deleteSchedule: OperationDefinition = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a schedule',
		description: 'Delete a done, failed or canceled schedule; the Pin a done schedule published stays',
		routing: {
			request: { method: 'DELETE', url: scheduleUrl() },
			output: { postReceive: [noContentAnswer('deleted', { id: ['scheduleId', 'Schedule ID'] })] },
		},
	},
	prepare: [requireScheduleId],
	explain: explainDelete,
	fields: [scheduleIdField],
};
