import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { textParameter } from './validation';

/**
 * The output of a call PinBridge answers with 204 and no body (a delete, a revoke, a disconnect): what was done, to
 * which ids (read from the item's parameters, `[parameter, label]`), so the item is useful downstream — e.g.
 * `{ id, deleted: true }`. An answer that does carry a body (a Pin deleted from Pinterest too reports it) is kept.
 */
export function noContentAnswer(done: string, ids: Record<string, [string, string]>) {
	return async function sayWhatWasDone(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const body = response.body as IDataObject | undefined;
		if (body && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length) return items;
		const json: IDataObject = {};
		for (const [key, [parameter, label]] of Object.entries(ids)) json[key] = textParameter(this, parameter, label);
		return [{ json: { ...json, [done]: true } }];
	};
}
