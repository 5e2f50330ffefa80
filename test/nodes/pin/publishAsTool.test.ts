// Pin → Publish as an AI agent's tool, through n8n-core's own tool machinery (getInputConnectionData →
// createNodeAsTool → the tool's `execute`), with parameters from `$fromAI(...)`. A test "agent" node calls the tool
// the way n8n's agents do (`tool.invoke(arguments)`), no language model needed. n8n runs a tool through `execute`
// only — never through custom operations — so this is the routed Publish, kept for exactly this path. (That n8n
// gives the node that execute: test/nodes/aiTool.test.ts; through n8n's MCP Server Trigger: test/e2e/mcp.e2e.ts.)
import {
	NodeConnectionTypes,
	type IConnections,
	type IExecuteFunctions,
	type INode,
	type INodeType,
} from 'n8n-workflow';

import { nock, useNock } from '../../harness/nock';
import { createNodeTypes, ITEMS_NODE_TYPE } from '../../harness/nodeTypes';
import { defaultCredentials, runWorkflow, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { ACCOUNT_ID, BOARD_ID, byId, pinResponse } from './fixtures';

useNock();

const TOOL_NODE_TYPE = 'n8n-nodes-pinbridge-suite.pinBridgeSuiteTool';

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

/** A stand-in for an AI agent: calls its one tool with the item's `arguments` and outputs what the tool answered. */
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

async function runAgent(toolArguments: Record<string, unknown>) {
	const toolNode: INode = {
		id: 'tool',
		name: 'Publish a Pin',
		type: TOOL_NODE_TYPE,
		typeVersion: 1,
		position: [0, 200],
		parameters: {
			resource: 'pin',
			operation: 'publish',
			account: byId(ACCOUNT_ID),
			board: byId(BOARD_ID),
			mediaSource: 'imageUrl',
			imageUrl: "={{ $fromAI('image_url', 'Public URL of the image', 'string') }}",
			title: "={{ $fromAI('title', 'Title of the Pin, at most 100 characters', 'string') }}",
		},
		credentials: { pinBridgeSuiteApi: { id: 'cred-1', name: 'PinBridge test credential' } },
	};
	const nodes: INode[] = [
		{ id: 'items', name: 'Items', type: ITEMS_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'agent', name: 'Agent', type: 'test.agent', typeVersion: 1, position: [200, 0], parameters: {} },
		toolNode,
	];
	const connections: IConnections = {
		Items: { main: [[{ node: 'Agent', type: 'main', index: 0 }]] },
		'Publish a Pin': { ai_tool: [[{ node: 'Agent', type: 'ai_tool', index: 0 }]] },
	};
	const actionNode = createNodeTypes().getByNameAndVersion('n8n-nodes-pinbridge-suite.pinBridgeSuite') as INodeType;
	return await runWorkflow({
		nodes,
		connections,
		items: [{ json: { arguments: toolArguments } }],
		credentials: defaultCredentials(),
		extraNodeTypes: { 'test.agent': agentNode, [TOOL_NODE_TYPE]: asTool(actionNode) },
		outputNode: 'Agent',
	});
}

describe('Pin → Publish as an AI agent tool', () => {
	it('publishes the Pin from the $fromAI arguments, with the derived idempotency key, and answers with it', async () => {
		const bodies: Array<Record<string, unknown>> = [];
		const scope = nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } })
			.post('/v1/pins', (body: Record<string, unknown>) => bodies.push(body) > 0)
			.reply(201, pinResponse({ title: 'Brass lamp' }));
		const { items, error } = await runAgent({ title: 'Brass lamp', image_url: 'https://cdn.example.com/lamp.jpg' });
		expect(error).toBeUndefined();
		scope.done();
		expect(bodies).toEqual([
			{
				account_id: ACCOUNT_ID,
				board_id: BOARD_ID,
				title: 'Brass lamp',
				image_url: 'https://cdn.example.com/lamp.jpg',
				idempotency_key: expect.stringMatching(/^n8n-pin-[0-9a-f]{64}$/),
			},
		]);
		expect(items.map((item) => item.json)).toEqual([
			{ tool: 'Publish_a_Pin', answer: [pinResponse({ title: 'Brass lamp' })] },
		]);
	});

	it('a title over 100 characters comes back as a tool error naming the field and the rule, nothing sent', async () => {
		const leak = nock(TEST_BASE_URL).post(/.*/).reply(500, {});
		const { error } = await runAgent({ title: 'x'.repeat(101), image_url: 'https://cdn.example.com/lamp.jpg' });
		expect(String(error?.message)).toContain('Title: must be at most 100 characters (it has 101)');
		expect(leak.isDone()).toBe(false);
	});
});
