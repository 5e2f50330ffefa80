import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

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

/** The Operation selector of a resource followed by every operation's fields. */
export function resourceProperties(
	resource: string,
	operations: OperationDefinition[],
	defaultOperation: string,
): INodeProperties[] {
	const options = [...operations.map(({ option }) => withPairedFailures(option))].sort((a, b) => a.name.localeCompare(b.name));
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
