import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { ExplainFailure } from '../../shared/explain';
import { checkId, textParameter } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { pinIdField, requirePinId } from './pinId';

/** PinBridge answers 409 when the Pin is not `failed`: say so in words a workflow author can act on. */
const retryFailedPin: ExplainFailure = (ctx, error) => {
	if (String(error.httpCode) !== '409') return undefined;
	const pinId = textParameter(ctx, 'pinId', 'Pin ID');
	return {
		message: `Only a failed Pin can be retried: Pin ${pinId} is not in status "failed"`,
		hint: 'A queued, deferred or publishing Pin is still on its way and a published one is done; use Pin → Get Status to see where it is.',
	};
};

/** Board / account overrides (API 1.30+): a body only when one is set, as PinBridge's own node does. */
async function retryOverrides(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const options = (this.getNodeParameter('retryOptions', {}) ?? {}) as IDataObject;
	const body: IDataObject = {};
	const accountId = checkId(this, 'Pinterest Account ID', options.accountId);
	if (accountId) body.account_id = accountId;
	const boardId = checkId(this, 'Board ID', options.boardId);
	if (boardId) body.board_id = boardId;
	return Object.keys(body).length ? { ...requestOptions, body } : requestOptions;
}

export const retryPin: OperationDefinition = {
	option: {
		name: 'Retry',
		value: 'retry',
		action: 'Retry a failed Pin',
		description:
			'Queue a failed Pin for publishing again (only Pins in status failed), optionally on another board or Pinterest account',
		routing: {
			request: { method: 'POST', url: '=/v1/pins/{{ String($parameter.pinId).trim() }}/retry' },
		},
	},
	prepare: [requirePinId, retryOverrides],
	explain: retryFailedPin,
	fields: [
		pinIdField,
		{
			displayName: 'Options',
			name: 'retryOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Board ID',
					name: 'boardId',
					type: 'string',
					default: '',
					description:
						'Publish on this board instead (digits only). With another account, a board of that account. PinBridge checks it like a publish.',
				},
				{
					displayName: 'Pinterest Account ID',
					name: 'accountId',
					type: 'string',
					default: '',
					description: 'Publish with this connected Pinterest account instead (its PinBridge ID); give a Board ID of that account too',
				},
			],
		},
	],
};
