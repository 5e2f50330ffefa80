/**
 * "Clear Fields" of an update operation (Pin → Update, Schedule → Update): a list of optional fields to remove,
 * each sent as `null` (contract §8.3, §8.5). A field both set under Update Fields and cleared is refused, naming it.
 */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { checkOneOf, invalidField } from './validation';

/** parameter value → [API field, label] */
export type Clearable = Record<string, [string, string]>;

export function clearFieldsProperty(clearable: Clearable, what: string): INodeProperties {
	return {
		displayName: 'Clear Fields',
		name: 'clearFields',
		type: 'multiOptions',
		default: [],
		description: `Fields to remove from the ${what} (sent as null)`,
		options: Object.entries(clearable)
			.map(([value, [, name]]) => ({ name, value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
}

/** Adds `field: null` to the body for every chosen field (the body already holds the fields set). */
export function applyClearFields(ctx: IExecuteSingleFunctions, body: IDataObject, clearable: Clearable): void {
	const chosen = (ctx.getNodeParameter('clearFields', []) ?? []) as unknown;
	for (const name of Array.isArray(chosen) ? chosen : [chosen]) {
		const [apiField, label] = clearable[checkOneOf(ctx, 'Clear Fields', name, Object.keys(clearable))];
		if (apiField in body) throw invalidField(ctx, 'Clear Fields', `${label} is both set and cleared`);
		body[apiField] = null;
	}
}
