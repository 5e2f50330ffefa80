/**
 * PinBridge's answer, said in a workflow author's words. An operation whose call has a few well-known refusals (a 409
 * on an edit, a 400 on a delete) routes through `explainFailures(explain)`: when the request helper throws a mapped
 * PinBridge error, `explain(ctx, error, code)` may return a clearer message and what to do; PinBridge's own words,
 * its code, remediation and request id stay in the error (description and errorResponse) either way.
 */
import {
	NodeApiError,
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { routeThroughHelper } from '../../shared/transport/routing';

export interface Explanation {
	message: string;
	/** What to do, in the user's terms. */
	hint: string;
}

/** The PinBridge error code of a mapped error (nodes/shared/transport/errors.ts keeps it in errorResponse). */
export function pinBridgeCodeOf(error: NodeApiError): string | undefined {
	const code = (error.errorResponse as { code?: unknown } | undefined)?.code;
	return typeof code === 'string' ? code : undefined;
}

export function explainFailures(
	explain: (ctx: IExecutePaginationFunctions, error: NodeApiError, code: string | undefined) => Explanation | undefined,
	send = routeThroughHelper(),
) {
	return async function sendExplained(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		try {
			return await send.call(this, requestData);
		} catch (error) {
			const failure =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex: this.getItemIndex() });
			const explanation = failure instanceof NodeApiError ? explain(this, failure, pinBridgeCodeOf(failure)) : undefined;
			if (explanation) {
				const pinBridgeSaid = failure.message;
				failure.message = explanation.message;
				failure.description = [`PinBridge said: ${pinBridgeSaid}`, explanation.hint, failure.description]
					.filter(Boolean)
					.join('\n');
			}
			throw failure;
		}
	};
}
