/**
 * One input item as the per-item code sees it: validation, Pin content, uploads, Wait for Publish and the request
 * helper read parameters, the item's binaries and the credential through this, never through n8n's context types
 * directly, so the same code serves both ways an operation runs:
 *
 * - routed (n8n's RoutingNode): each item has its own context (`IExecuteSingleFunctions`), which fits as it is;
 * - a custom operation (`INodeType.customOperations`): one context for all items (`IExecuteFunctions`), wrapped per
 *   item with `itemContext(exec, itemIndex)`.
 */
import type { IExecuteFunctions, IGetNodeParameterOptions, INodeExecutionData } from 'n8n-workflow';

import type { PinBridgeContext } from '../../shared/transport/request';

export interface ItemContext extends PinBridgeContext {
	getItemIndex(): number;
	/** The input item (json and binary). */
	getInputData(): INodeExecutionData;
	/** The parameter's value for this item (expressions resolved against it). */
	getNodeParameter(name: string, fallback?: unknown, options?: IGetNodeParameterOptions): unknown;
	helpers: PinBridgeContext['helpers'] & {
		/** The bytes of one of the item's binary properties. */
		getBinaryDataBuffer(propertyName: string): Promise<Buffer>;
	};
}

/** Item `itemIndex` of a custom operation's input, as an ItemContext. */
export function itemContext(exec: IExecuteFunctions, itemIndex: number): ItemContext {
	const input = exec.getInputData()[itemIndex];
	return {
		getNode: () => exec.getNode(),
		getItemIndex: () => itemIndex,
		getInputData: () => input,
		getNodeParameter: (name, fallback, options) => exec.getNodeParameter(name, itemIndex, fallback, options),
		getCredentials: async <T extends object>(type: string) => (await exec.getCredentials(type, itemIndex)) as T,
		helpers: {
			getBinaryDataBuffer: async (propertyName) => await exec.helpers.getBinaryDataBuffer(itemIndex, propertyName),
			// n8n's helper works on the context it is called on (cancel signal, OAuth2 refresh, logger): always the
			// execution's own, whatever `this` the caller passes.
			httpRequestWithAuthentication: async (credentialType, options, additionalCredentialOptions) =>
				await exec.helpers.httpRequestWithAuthentication.call(exec, credentialType, options, additionalCredentialOptions),
		},
	};
}
