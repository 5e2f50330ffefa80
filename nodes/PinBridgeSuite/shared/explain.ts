/**
 * PinBridge's answer, said in a workflow author's words. An operation whose call has a few well-known refusals (a 409
 * on an edit, a 400 on a delete) names an `explain` function in its definition (resources/operation.ts): when the
 * request helper throws a mapped PinBridge error, it may return a clearer message and what to do; PinBridge's own
 * words, its code, remediation and request id stay in the error (description and errorResponse) either way.
 */
import { NodeApiError, type IExecuteSingleFunctions } from 'n8n-workflow';

export interface Explanation {
	message: string;
	/** What to do, in the user's terms. */
	hint: string;
}

export type ExplainFailure = (
	ctx: IExecuteSingleFunctions,
	error: NodeApiError,
	code: string | undefined,
) => Explanation | undefined;

/** The PinBridge error code of a mapped error (nodes/shared/transport/errors.ts keeps it in errorResponse). */
export function pinBridgeCodeOf(error: NodeApiError): string | undefined {
	const code = (error.errorResponse as { code?: unknown } | undefined)?.code;
	return typeof code === 'string' ? code : undefined;
}

/** The error with `explain`'s words when it has some for it (PinBridge's answers only); the same error otherwise. */
export function withExplanation(ctx: IExecuteSingleFunctions, error: unknown, explain?: ExplainFailure): unknown {
	if (!explain || !(error instanceof NodeApiError)) return error;
	const explanation = explain(ctx, error, pinBridgeCodeOf(error));
	if (explanation) {
		const pinBridgeSaid = error.message;
		error.message = explanation.message;
		error.description = [`PinBridge said: ${pinBridgeSaid}`, explanation.hint, error.description]
			.filter(Boolean)
			.join('\n');
	}
	return error;
}
