import {
	NodeApiError,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { routeThroughHelper } from '../../../shared/transport/routing';
import { textParameter } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { pinIdField, requirePinId } from './pinId';

const sendRetry = routeThroughHelper();

/** PinBridge answers 409 when the Pin is not `failed`: say so in words a workflow author can act on. */
function explainConflict(ctx: IExecutePaginationFunctions, error: unknown): unknown {
	if (!(error instanceof NodeApiError) || String(error.httpCode) !== '409') return error;
	const pinId = textParameter(ctx, 'pinId', 'Pin ID');
	const message = `Only a failed Pin can be retried: Pin ${pinId} is not in status "failed"`;
	return new NodeApiError(ctx.getNode(), { message, httpCode: '409' } as JsonObject, {
		message,
		httpCode: '409',
		itemIndex: ctx.getItemIndex(),
		description: `PinBridge said: ${error.message}\nA queued, deferred or publishing Pin is still on its way and a published one is done; use Pin → Get Status to see where it is.`,
	});
}

async function retryFailedPin(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await sendRetry.call(this, requestData).catch((error: unknown) => {
		throw explainConflict(this, error);
	});
}

export const retryPin: OperationDefinition = {
	option: {
		name: 'Retry',
		value: 'retry',
		action: 'Retry a failed Pin',
		description: 'Queue a failed Pin for publishing again (only Pins in status failed)',
		routing: {
			request: { method: 'POST', url: '=/v1/pins/{{ String($parameter.pinId).trim() }}/retry' },
			send: { preSend: [requirePinId] },
			operations: { pagination: retryFailedPin },
		},
	},
	fields: [pinIdField],
};
