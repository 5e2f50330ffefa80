import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { transportRuntime } from '../../../shared/transport/request';
import { dryRunOutput } from '../../shared/dryRunOutput';
import { buildPinContent, readPinContent } from '../../shared/pinContent';
import { resolveRunAt } from '../../shared/runAt';
import { invalidField } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { refuseBinaries } from '../pin/validate';
import { createFields } from './create';

/** Create's checks and body (Run At in the workflow's time zone unless it names an offset), to …/validate. */
async function prepareValidate(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const runAt = resolveRunAt(this.getNodeParameter('runAt', ''), this.getTimezone(), transportRuntime.now());
	if (!runAt.ok) throw invalidField(this, 'Run At', runAt.rule);
	const input = await readPinContent(this);
	refuseBinaries(this, input);
	const built = await buildPinContent(this, { uploadBinaries: false, input });
	return { ...requestOptions, body: { ...built.body, run_at: runAt.value } };
}

export const validateSchedule: OperationDefinition = {
	option: {
		name: 'Validate',
		value: 'validate',
		action: 'Validate a schedule without creating it',
		description:
			'Dry run: PinBridge checks the scheduled Pin as Create would (account, board access, media, run time, quota) and says whether it would be accepted. Nothing is created.',
		routing: {
			request: { method: 'POST', url: '/v1/schedules/validate' },
			output: { postReceive: [dryRunOutput] },
		},
	},
	prepare: [prepareValidate],
	fields: createFields(),
};
