// Test-only: the PinBridge node as an AI agent's tool, through n8n-core's own tool machinery (getInputConnectionData →
// createNodeAsTool → the tool's `execute`, i.e. n8n's routing), with parameters from `$fromAI(...)`. A stand-in agent
// calls the tool once per input item, the way n8n's agents do (`tool.invoke(arguments)`); no language model needed.
import {
	NodeConnectionTypes,
	type IConnections,
	type IExecuteFunctions,
	type INode,
	type INodeParameters,
	type INodeType,
} from 'n8n-workflow';

import { ACTION_NODE_TYPE, createNodeTypes, ITEMS_NODE_TYPE } from './nodeTypes';
import { defaultCredentials, runWorkflow } from './runWorkflow';

export const TOOL_NODE_TYPE = `${ACTION_NODE_TYPE}Tool`;

/** The tool variant n8n makes of a `usableAsTool` node: same node, tool output, a tool description (cli NodeTypes). */
function asTool(nodeType: INodeType): INodeType {
	const description = {
		...nodeType.description,
		name: `${nodeType.description.name}Tool`,
		inputs: [],
		outputs: [NodeConnectionTypes.AiTool],
		properties: [
			...nodeType.description.properties,
			{ displayName: 'Description', name: 'toolDescription', type: 'string' as const, default: '' },
		],
	};
	return Object.create(nodeType, { description: { value: description } }) as INodeType;
}

/** A stand-in for an AI agent: calls its one tool with each item's `arguments` and outputs what the tool answered. */
const agentNode: INodeType = {
	description: {
		displayName: 'Test Agent',
		name: 'testAgent',
		group: ['transform'],
		version: 1,
		description: 'Calls its tool',
		defaults: { name: 'Agent' },
		inputs: [NodeConnectionTypes.Main, { type: NodeConnectionTypes.AiTool, displayName: 'Tools' }],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	},
	async execute(this: IExecuteFunctions) {
		const tools = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as Array<{
			name: string;
			invoke(args: unknown): Promise<unknown>;
		}>;
		const out = [];
		for (const item of this.getInputData()) {
			const answer = await tools[0].invoke(item.json.arguments);
			out.push({ json: { tool: tools[0].name, answer: JSON.parse(String(answer)) as unknown } });
		}
		return [out];
	},
};

/**
 * An agent calling the PinBridge tool (named `toolName`, set up with `parameters`) once per entry of `calls`; the
 * agent's output items hold each call's answer. `nodeSettings` are the tool node's settings (e.g. onError).
 */
export async function runAsTool(options: {
	parameters: INodeParameters;
	calls: Array<Record<string, unknown>>;
	toolName?: string;
	nodeSettings?: Partial<INode>;
}) {
	const toolName = options.toolName ?? 'Publish a Pin';
	const toolNode: INode = {
		id: 'tool',
		name: toolName,
		type: TOOL_NODE_TYPE,
		typeVersion: 1,
		position: [0, 200],
		parameters: options.parameters,
		credentials: { pinBridgeSuiteApi: { id: 'cred-1', name: 'PinBridge test credential' } },
		...options.nodeSettings,
	};
	const nodes: INode[] = [
		{ id: 'items', name: 'Items', type: ITEMS_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'agent', name: 'Agent', type: 'test.agent', typeVersion: 1, position: [200, 0], parameters: {} },
		toolNode,
	];
	const connections: IConnections = {
		Items: { main: [[{ node: 'Agent', type: 'main', index: 0 }]] },
		[toolName]: { ai_tool: [[{ node: 'Agent', type: 'ai_tool', index: 0 }]] },
	};
	const actionNode = createNodeTypes().getByNameAndVersion(ACTION_NODE_TYPE) as INodeType;
	return await runWorkflow({
		nodes,
		connections,
		items: options.calls.map((args) => ({ json: { arguments: args } })),
		credentials: defaultCredentials(),
		extraNodeTypes: { 'test.agent': agentNode, [TOOL_NODE_TYPE]: asTool(actionNode) },
		outputNode: 'Agent',
	});
}
