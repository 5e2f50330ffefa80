// Pin → Publish as an AI agent's tool, through n8n-core's own tool machinery (getInputConnectionData →
// createNodeAsTool → the tool's `execute`), with parameters from `$fromAI(...)`. A test "agent" node calls the tool
// the way n8n's agents do (`tool.invoke(arguments)`), no language model needed. n8n runs a tool through `execute`
// only — never through custom operations — so this is the routed Publish, which hands the item to the same work as
// the custom operation (resources/pin/publish.ts). (That n8n gives the node that execute: test/nodes/aiTool.test.ts;
// through n8n's MCP Server Trigger: test/e2e/mcp.e2e.ts.)
import { runAsTool } from '../../harness/aiTool';
import { nock, useNock } from '../../harness/nock';
import { TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { ACCOUNT_ID, BOARD_ID, byId, pinResponse } from './fixtures';

useNock();

async function runAgent(toolArguments: Record<string, unknown>) {
	return await runAsTool({
		parameters: {
			resource: 'pin',
			operation: 'publish',
			account: byId(ACCOUNT_ID),
			board: byId(BOARD_ID),
			mediaSource: 'imageUrl',
			imageUrl: "={{ $fromAI('image_url', 'Public URL of the image', 'string') }}",
			title: "={{ $fromAI('title', 'Title of the Pin, at most 100 characters', 'string') }}",
		},
		calls: [toolArguments],
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
