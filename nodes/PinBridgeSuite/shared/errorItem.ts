/**
 * The item a failed input item becomes when the node continues on fail (either "Continue" setting).
 *
 * n8n replaces the json of an item that carries `error` with `{ error: message }` (WorkflowExecute's
 * normalizeNodeErrors), which would drop PinBridge's code, remediation and request id. So the failure is written
 * into the json instead, as facts a workflow can branch on:
 *   errorCode    PinBridge's error code (e.g. quota_exceeded), null when the failure is not PinBridge's answer
 *                (a field refused before sending, no answer at all)
 *   httpCode     the HTTP status as text, null likewise
 *   remediation  what PinBridge says to do, or null
 *   requestId    PinBridge's request id (ask its support with it), or null
 *   upgradeUrl, connectUrl   when PinBridge gave them
 * - "Continue" (regular output): `{ error: message, errorCode, httpCode, remediation, requestId, … }`.
 * - "Continue (using error output)": `{ error: { message, errorCode, httpCode, remediation, requestId, … } }`. n8n
 *   moves an item to the error output only when its json is `error` alone or `error` + `message` (n8n 1.x, 2.0 to
 *   2.34.5), or when its keys are all among `error`, `message`, `details` (n8n-io/n8n#35939: 2.34.6, 2.35.3, 2.36
 *   on): one key, `error`, passes both rules.
 *   n8n then adds the input item's fields beside it, so the failed row is at hand on the error branch.
 * Never the request, its headers or secrets: only what toPinBridgeError kept (errors.ts).
 */
import type { IDataObject, INode, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export function failureFacts(error: unknown): IDataObject {
	const failure = (error ?? {}) as { httpCode?: unknown; errorResponse?: IDataObject };
	const response = failure.errorResponse && typeof failure.errorResponse === 'object' ? failure.errorResponse : {};
	const facts: IDataObject = {
		errorCode: textOrNull(response.code) ?? textOrNull(response.error_code), // error_code: a Pin that failed to publish
		// an HTTP status only: n8n's NodeApiError fills httpCode from any `code`-like field when it has none
		httpCode: [failure.httpCode, response.httpCode].map(String).find((code) => /^\d{3}$/.test(code)) ?? null,
		remediation: textOrNull(response.remediation),
		requestId: textOrNull(response.requestId),
	};
	if (textOrNull(response.upgradeUrl)) facts.upgradeUrl = response.upgradeUrl;
	if (textOrNull(response.connectUrl)) facts.connectUrl = response.connectUrl;
	return facts;
}

export function failedItem(node: INode, error: unknown, pairedItem: IPairedItemData): INodeExecutionData {
	const message = error instanceof Error ? error.message : String(error);
	const facts = failureFacts(error);
	if (node.onError === 'continueErrorOutput') return { json: { error: { message, ...facts } }, pairedItem };
	return { json: { error: message, ...facts }, pairedItem };
}
