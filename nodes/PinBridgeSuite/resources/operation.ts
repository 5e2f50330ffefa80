import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { keepFailureForItem, pairItemFailures } from '../../shared/transport/routing';

/** One operation of a resource: its entry in the Operation list (with its routing) and its own fields. */
export interface OperationDefinition {
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
 * The option with its preSend functions and its own pagination function (if any) wrapped so that an item's failure
 * comes out as a paired item with Continue On Fail (nodes/shared/transport/routing.ts).
 */
function withPairedFailures(option: OperationDefinition['option']): INodePropertyOptions {
	const routing = option.routing;
	if (!routing) return option;
	const preSend = routing.send?.preSend;
	const pagination = routing.operations?.pagination;
	return {
		...option,
		routing: {
			...routing,
			...(routing.send && preSend ? { send: { ...routing.send, preSend: preSend.map(keepFailureForItem) } } : {}),
			...(routing.operations && typeof pagination === 'function'
				? { operations: { ...routing.operations, pagination: pairItemFailures(pagination) } }
				: {}),
		},
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
		.map(({ option }) => withPairedFailures(option))
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
