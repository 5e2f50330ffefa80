// The node as an AI-agent tool. n8n builds the tool variant ("PinBridge Tool") from the node's description and runs
// it through the routing `execute` the app assigns to declarative nodes, nothing else; the end-to-end proof through
// n8n's MCP Server Trigger is test/e2e/mcp.e2e.ts.
import { PinBridgeSuite } from '../../nodes/PinBridgeSuite/PinBridgeSuite.node';
import { appAssignsRoutingExecute } from '../harness/nodeTypes';

describe('PinBridge as an AI-agent tool', () => {
	const node = new PinBridgeSuite();

	it('is offered as a tool', () => {
		expect(node.description.usableAsTool).toBe(true);
	});

	it('gets n8n’s routing execute although it has list searches (its description has requestDefaults)', () => {
		expect(node.methods.listSearch).toBeDefined();
		expect(appAssignsRoutingExecute(node)).toBe(true);
		// The rule itself: the same node without requestDefaults would get nothing to run as a tool.
		const withoutDefaults = Object.create(node) as PinBridgeSuite;
		Object.defineProperty(withoutDefaults, 'description', {
			value: { ...node.description, requestDefaults: undefined },
		});
		expect(appAssignsRoutingExecute(withoutDefaults)).toBe(false);
	});
});
