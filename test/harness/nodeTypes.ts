// Test-only: the node types a test workflow may use, prepared as the n8n app prepares them.
import { DirectoryLoader } from 'n8n-core';
import { RoutingNode } from 'n8n-core/dist/execution-engine/routing-node';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	ITriggerFunctions,
	IVersionedNodeType,
} from 'n8n-workflow';

import { PinBridgeSuite } from '../../nodes/PinBridgeSuite/PinBridgeSuite.node';
import { PinBridgeSuiteTrigger } from '../../nodes/PinBridgeSuiteTrigger/PinBridgeSuiteTrigger.node';

export const PACKAGE = 'n8n-nodes-pinbridge-suite';
export const ACTION_NODE_TYPE = `${PACKAGE}.pinBridgeSuite`;
export const TRIGGER_NODE_TYPE = `${PACKAGE}.pinBridgeSuiteTrigger`;
export const ITEMS_NODE_TYPE = 'test.items';

/**
 * Whether the n8n app gives a node type its routing `execute` (n8n 2.41 `NodeTypes.getByNameAndVersion`, rule in
 * packages/cli `shouldAssignExecuteMethod`): no execute/supplyData/poll/trigger of its own, and, if it has `webhook`
 * or `methods` (list searches), a `requestDefaults` in its description. The AI-tool variant of a node runs only that
 * `execute`, so a node that fails this rule does nothing as a tool.
 */
export function appAssignsRoutingExecute(nodeType: INodeType): boolean {
	const declarative = nodeType.description.requestDefaults !== undefined;
	return (
		!nodeType.execute &&
		!nodeType.supplyData &&
		!nodeType.poll &&
		!nodeType.trigger &&
		(!nodeType.webhook || declarative) &&
		(!nodeType.methods || declarative)
	);
}

/** What the app does to a declarative node: run its descriptions through n8n-core's RoutingNode. */
function asAppLoadsIt(nodeType: INodeType): INodeType {
	DirectoryLoader.applyDeclarativeNodeOptionParameters(nodeType);
	if (appAssignsRoutingExecute(nodeType)) {
		nodeType.execute = async function (this: IExecuteFunctions) {
			return await new RoutingNode(this, nodeType).runNode();
		};
	}
	return nodeType;
}

/** A start node that emits the test's items (json and binary) when the workflow runs. */
function itemsSource(items: INodeExecutionData[]): INodeType {
	return {
		description: {
			displayName: 'Test Items',
			name: 'items',
			group: ['trigger'],
			version: 1,
			description: 'Emits the items a test gives it',
			defaults: { name: 'Test Items' },
			inputs: [],
			outputs: ['main'],
			properties: [],
		},
		async trigger(this: ITriggerFunctions) {
			return {
				manualTriggerFunction: async () => {
					this.emit([items.map((item) => ({ ...item, json: { ...item.json } }))]);
				},
			};
		},
	};
}

export function createNodeTypes(
	items: INodeExecutionData[] = [{ json: {} }],
	extra: Record<string, INodeType> = {},
): INodeTypes {
	const types: Record<string, INodeType> = {
		...extra,
		[ACTION_NODE_TYPE]: asAppLoadsIt(new PinBridgeSuite()),
		[TRIGGER_NODE_TYPE]: new PinBridgeSuiteTrigger(),
		[ITEMS_NODE_TYPE]: itemsSource(items),
		// Lets workflow JSON exported from the editor run unchanged.
		'n8n-nodes-base.manualTrigger': itemsSource([{ json: {} }]),
	};
	return {
		getByName: (name: string): INodeType | IVersionedNodeType => types[name],
		getByNameAndVersion: (name: string): INodeType => types[name],
		getKnownTypes: () => ({}),
	};
}
