import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { routedOption, type RoutedSteps } from '../shared/routedItem';

/**
 * One operation of a resource: its entry in the Operation list (with its routing: method, url, and how fields go in
 * the query or body), its own fields, and the named steps the routed send runs for each item (shared/routedItem.ts):
 * - `prepare`: read and check the item's parameters and complete the request (body, query), in order. When one
 *   throws, nothing is sent for the item. (n8n's preSend functions, run inside the one send.)
 * - `send`: the operation's own way to send (a download, chunked imports, the item work of a bulk operation); by
 *   default one request through the request helper, or the whole list for an operation with Return All.
 * - `reconcile`: after an attempt that may have reached PinBridge, look for what it did before sending again.
 * - `explain`: PinBridge's well-known refusals of this call, in the user's words (shared/explain.ts).
 */
export interface OperationDefinition extends RoutedSteps {
	option: INodePropertyOptions & { value: string };
	/** Shown only for this resource and operation; a field's own displayOptions are kept and combined. */
	fields: INodeProperties[];
}

function showFor(resource: string, operation: string, own?: IDisplayOptions): IDisplayOptions {
	return {
		...own,
		show: { ...own?.show, resource: [resource], operation: [operation] },
	};
}

/**
 * The operation with each output item's json passed through `addTo` after its own output steps: how Get, Update and
 * Create add what PinBridge does not send (a Pin's Pinterest link, a schedule's local run time).
 */
export function withOutputFields(
	operation: OperationDefinition,
	addTo: (ctx: IExecuteSingleFunctions, json: IDataObject) => IDataObject,
): OperationDefinition {
	const routing = operation.option.routing ?? {};
	const addFields = async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		return items.map((item) => ({ ...item, json: addTo(this, item.json) }));
	};
	return {
		...operation,
		option: {
			...operation.option,
			routing: {
				...routing,
				output: { ...routing.output, postReceive: [...(routing.output?.postReceive ?? []), addFields] },
			},
		},
	};
}

/**
 * The Operation selector of a resource followed by every operation's fields. The default operation is listed first
 * (in the Operation list and in n8n's nodes panel, which lists actions in this order), the others alphabetically.
 */
export function resourceProperties(
	resource: string,
	operations: OperationDefinition[],
	defaultOperation: string,
): INodeProperties[] {
	const rank = (option: INodePropertyOptions) => (option.value === defaultOperation ? 0 : 1);
	const options = operations
		.map((operation) => routedOption(operation.option, operation))
		.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
	const fields = operations.flatMap(({ option, fields: own }) =>
		own.map((field) => ({ ...field, displayOptions: showFor(resource, option.value, field.displayOptions) })),
	);
	return [selector, ...fields];
}

/** Return All and Limit, as on every n8n list operation. */
export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}
