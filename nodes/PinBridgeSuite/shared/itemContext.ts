/**
 * One input item as the per-item code sees it: validation, Pin content, uploads, Wait for Publish and the request
 * helper read parameters, the item's binaries and the credential through this, never through n8n's context types
 * directly, so the same code serves both ways an operation runs:
 *
 * - routed (n8n's RoutingNode): each item has its own context (`IExecuteSingleFunctions`), which fits as it is;
 * - a custom operation (`INodeType.customOperations`): one context for all items (`IExecuteFunctions`), wrapped per
 *   item by `itemContexts(exec)`.
 */
import type { IExecuteFunctions, IGetNodeParameterOptions, INodeExecutionData } from 'n8n-workflow';

import type { PinBridgeContext } from '../../shared/transport/request';

export interface ItemContext extends PinBridgeContext {
	getItemIndex(): number;
	/** The input item (json and binary). */
	getInputData(): INodeExecutionData;
	/** The parameter's value for this item (expressions resolved against it). */
	getNodeParameter(name: string, fallback?: unknown, options?: IGetNodeParameterOptions): unknown;
	/** The workflow's time zone (IANA name). */
	getTimezone(): string;
	helpers: PinBridgeContext['helpers'] & {
		/** The bytes of one of the item's binary properties. */
		getBinaryDataBuffer(propertyName: string): Promise<Buffer>;
	};
}

/** Whether a raw parameter value holds an expression anywhere (then its value may differ from item to item). */
function holdsExpression(raw: unknown): boolean {
	if (typeof raw === 'string') return raw.startsWith('=');
	if (Array.isArray(raw)) return raw.some(holdsExpression);
	if (raw && typeof raw === 'object') return Object.values(raw).some(holdsExpression);
	return false;
}

/**
 * The items of a custom operation's input, as ItemContexts: `contextOf(itemIndex)`. A parameter whose value holds
 * no expression is the same for every item, so it is read (resolved and checked by n8n) once per execution and
 * shared; a parameter with an expression is read for each item. Callers treat values as read-only.
 */
export function itemContexts(exec: IExecuteFunctions): (itemIndex: number) => ItemContext {
	const parameters = exec.getNode().parameters;
	const sameForAll = new Map<string, unknown>();
	const inputs = exec.getInputData();
	return (itemIndex) => ({
		getNode: () => exec.getNode(),
		getItemIndex: () => itemIndex,
		getInputData: () => inputs[itemIndex],
		getNodeParameter: (name, fallback, options) => {
			if (name.includes('.') || holdsExpression(parameters[name])) {
				return exec.getNodeParameter(name, itemIndex, fallback, options);
			}
			const key = `${name}\u0000${JSON.stringify(options ?? {})}\u0000${JSON.stringify(fallback ?? null)}`;
			if (!sameForAll.has(key)) sameForAll.set(key, exec.getNodeParameter(name, itemIndex, fallback, options));
			return sameForAll.get(key);
		},
		getTimezone: () => exec.getTimezone(),
		getCredentials: async <T extends object>(type: string) => (await exec.getCredentials(type, itemIndex)) as T,
		helpers: {
			getBinaryDataBuffer: async (propertyName) => await exec.helpers.getBinaryDataBuffer(itemIndex, propertyName),
			// n8n's helper works on the context it is called on (cancel signal, OAuth2 refresh, logger): always the
			// execution's own, whatever `this` the caller passes.
			httpRequestWithAuthentication: async (credentialType, options, additionalCredentialOptions) =>
				await exec.helpers.httpRequestWithAuthentication.call(exec, credentialType, options, additionalCredentialOptions),
		},
	});
}

/** One item of a custom operation's input, as an ItemContext (for many items, itemContexts() reads less). */
export function itemContext(exec: IExecuteFunctions, itemIndex: number): ItemContext {
	return itemContexts(exec)(itemIndex);
}
