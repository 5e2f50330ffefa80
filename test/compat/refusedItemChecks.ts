/* eslint-disable import-x/no-unresolved -- the MCP SDK's subpaths resolve through its package.json exports, which this lint resolver does not read */
// A refused item sends nothing, and the others go on (issue 22), in one real n8n version: with "Continue" and with
// "Continue (using error output)", for Pin → Publish (a custom operation in a workflow) and a routed operation
// (Pin → Get Status), in a workflow — the other items' output stays paired with its input item — and through the
// AI-tool path (n8n's MCP Server Trigger, where n8n runs the node only through its routing). The emulator counts
// every request. With the error output, the refused item lands there, and only there, on every version (n8n 1.x and
// 2.x route by different rules: errorItem.ts).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { randomUUID } from 'node:crypto';

import { sleep } from 'n8n-workflow';

import type { E2eEnvironment } from '../e2e/fixture';
import type { RunResult, WorkflowJson } from '../e2e/n8n/client';
import { PUBLISH_EXAMPLE, PUBLISH_NODE, titleFromItem } from '../e2e/publishWorkflow';

const TOO_LONG = 'x'.repeat(101);
const TITLE_RULE = 'Title: must be at most 100 characters (it has 101)';
const ID_RULE = 'Pin ID: must not contain spaces';
const MODES = ['continueRegularOutput', 'continueErrorOutput'] as const;
type Mode = (typeof MODES)[number];

/** The node's output items (json and pairedItem) on output `index`, from the execution's run data. */
function outputOf(run: RunResult, index: number): Array<{ json: Record<string, unknown>; pairedItem?: unknown }> {
	const runs = run.execution.data?.resultData?.runData?.[PUBLISH_NODE] ?? [];
	return runs[runs.length - 1]?.data?.main?.[index] ?? [];
}

/** The failure's message: `error` itself on "Continue", `error.message` on the error output (errorItem.ts). */
const messageOf = (error: unknown) => (typeof error === 'string' ? error : (error as { message?: unknown }).message);

/**
 * The success output's items as [name, pairedItem], every failed item (message and pairedItem) wherever it landed,
 * how many failed items stayed on the success output, and the error output's items as they are.
 */
function splitOutput(run: RunResult, mode: Mode, nameOf: (json: Record<string, unknown>) => unknown) {
	const success = outputOf(run, 0);
	const errorOutput = mode === 'continueErrorOutput' ? outputOf(run, 1) : [];
	const failedOnSuccess = success.filter((item) => item.json.error !== undefined);
	return {
		succeeded: success.filter((item) => item.json.error === undefined).map((item) => [nameOf(item.json), item.pairedItem]),
		failed: [...failedOnSuccess, ...errorOutput].map((item) => ({
			error: messageOf(item.json.error),
			pairedItem: item.pairedItem,
		})),
		failedOnSuccessOutput: failedOnSuccess.length,
		errorOutput: errorOutput.map((item) => item.json),
	};
}

/**
 * With "Continue (using error output)", on every version: the refused item is the error output's one item, none
 * stays on the success output, and it carries the input item's `field` beside `error` with the facts under it (a
 * refusal before sending: no PinBridge code, status, remediation or request id).
 */
function expectOnErrorOutput(out: ReturnType<typeof splitOutput>, mode: Mode, rule: string, field: Record<string, unknown>) {
	if (mode !== 'continueErrorOutput') return;
	expect(out.failedOnSuccessOutput).toBe(0);
	expect(out.errorOutput).toEqual([
		expect.objectContaining({
			...field,
			error: { message: rule, errorCode: null, httpCode: null, remediation: null, requestId: null },
		}),
	]);
}

interface ToolResult {
	isError?: boolean;
	content: Array<{ type: string; text?: string }>;
}
const toolText = (result: unknown) =>
	(result as ToolResult).content
		.filter((part) => part.type === 'text')
		.map((part) => part.text)
		.join('\n');

export function refusedItemChecks(env: E2eEnvironment, version: string): void {
	const requestsTo = async (method: string, prefix: string) =>
		(await env.emu.control.requests()).filter(
			(request) => request.method === method && request.path.startsWith(prefix),
		);

	describe(`n8n ${version}: a refused item sends nothing, the others go on, paired (workflow)`, () => {
		const importWith = async (mode: Mode, parameters: Record<string, unknown>) =>
			await env.importExample(PUBLISH_EXAMPLE, (wf: WorkflowJson) => {
				titleFromItem(wf);
				const node = wf.nodes.find((n) => n.name === PUBLISH_NODE)!;
				node.parameters = { ...node.parameters, ...parameters };
				node.onError = mode;
			});

		it.each(MODES)('Pin → Publish (custom operation), onError %s', async (mode) => {
			await env.emu.control.reset();
			const id = await importWith(mode, {});
			const titles = ['First', TOO_LONG, 'Third'];
			const run = await env.client.runWorkflow(id, {
				triggerItems: titles.map((title) => ({ title })),
				node: PUBLISH_NODE,
			});
			expect(run.error).toBeUndefined();
			const sent = await requestsTo('POST', '/v1/pins');
			expect(sent.map((request) => (request.body as { title: string }).title).sort()).toEqual(['First', 'Third']);
			const out = splitOutput(run, mode, (json) => json.title);
			expect(out.succeeded).toEqual([
				['First', { item: 0 }],
				['Third', { item: 2 }],
			]);
			expect(out.failed).toEqual([{ error: TITLE_RULE, pairedItem: { item: 1 } }]);
			expectOnErrorOutput(out, mode, TITLE_RULE, { title: TOO_LONG });
		});

		it.each(MODES)('Pin → Get Status (routed), onError %s', async (mode) => {
			await env.emu.control.reset();
			const pins = await env.client.runWorkflow(await importWith(mode, {}), {
				triggerItems: [{ title: 'First' }, { title: 'Third' }],
				node: PUBLISH_NODE,
			});
			const [first, third] = pins.items.map((pin) => String(pin.id));
			await env.emu.control.clearRequests();
			const id = await importWith(mode, {
				operation: 'getStatus',
				pinId: '={{ $json.pinId }}',
			});
			const pinIds = [first, 'not an id', third];
			const run = await env.client.runWorkflow(id, {
				triggerItems: pinIds.map((pinId) => ({ pinId })),
				node: PUBLISH_NODE,
			});
			expect(run.error).toBeUndefined();
			const sent = await requestsTo('GET', '/v1/jobs/');
			expect(sent.map((request) => request.path).sort()).toEqual([`/v1/jobs/${first}`, `/v1/jobs/${third}`].sort());
			const out = splitOutput(run, mode, (json) => json.pin_id);
			expect(out.succeeded).toEqual([
				[first, { item: 0 }],
				[third, { item: 2 }],
			]);
			expect(out.failed).toEqual([{ error: ID_RULE, pairedItem: { item: 1 } }]);
			expectOnErrorOutput(out, mode, ID_RULE, { pinId: 'not an id' });
		});
	});

	describe(`n8n ${version}: a refused tool call sends nothing, the other calls go on (MCP Server Trigger)`, () => {
		const path = `pinbridge-refusals-${randomUUID().slice(0, 8)}`;
		let client: Client;

		beforeAll(async () => {
			const workflowId = await env.importExample('pinbridge-mcp-server', (wf: WorkflowJson) => {
				const trigger = wf.nodes.find((node) => node.type.endsWith('.mcpTrigger'))!;
				trigger.parameters = {
					...trigger.parameters,
					authentication: 'none',
					path,
				};
				trigger.webhookId = randomUUID();
				// Each of the two tools twice: "Continue" as shipped names, "Continue (using error output)" with `_e`.
				for (const name of ['publish_pin', 'get_pin_status']) {
					const tool = wf.nodes.find((node) => node.name === name)!;
					tool.onError = 'continueRegularOutput';
					const twin = {
						...tool,
						id: randomUUID(),
						name: `${name}_e`,
						onError: 'continueErrorOutput',
					};
					wf.nodes.push(twin);
					wf.connections[twin.name] = {
						ai_tool: [[{ node: trigger.name, type: 'ai_tool', index: 0 }]],
					};
				}
			});
			await env.client.activate(workflowId);
			// Activation answers before n8n has registered the trigger's endpoint: retry the connection briefly.
			let connected = false;
			for (let attempt = 0; attempt < 40 && !connected; attempt++) {
				client = new Client({ name: 'pinbridge-compat', version: '1.0.0' });
				connected = await client
					.connect(new StreamableHTTPClientTransport(new URL(`${env.n8n.url}/mcp/${path}`)))
					.then(() => true)
					.catch(async () => (await sleep(250), false));
			}
			expect(connected).toBe(true);
		});

		afterAll(async () => await client?.close());

		const publishArguments = (title: string) => ({
			board_id: env.emu.boardIds[0],
			image_url: 'https://images.pinbridge.io/examples/lemon-tart.jpg',
			title,
			description: 'Five ingredients, twenty minutes.',
			link: 'https://example.com/lemon-tart',
		});

		it.each(['publish_pin', 'publish_pin_e'])('%s (Pin → Publish)', async (tool) => {
			await env.emu.control.reset();
			const answers = [];
			for (const title of ['First', TOO_LONG, 'Third']) {
				answers.push(
					toolText(
						await client.callTool({
							name: tool,
							arguments: publishArguments(title),
						}),
					),
				);
			}
			const sent = await requestsTo('POST', '/v1/pins');
			expect(sent.map((request) => (request.body as { title: string }).title).sort()).toEqual(['First', 'Third']);
			expect(answers[0]).toContain('"title":"First"');
			expect(answers[1]).toContain(TITLE_RULE);
			expect(answers[2]).toContain('"title":"Third"');
		});

		it.each(['get_pin_status', 'get_pin_status_e'])('%s (Pin → Get Status, routed)', async (tool) => {
			await env.emu.control.reset();
			const published = toolText(
				await client.callTool({
					name: 'publish_pin',
					arguments: publishArguments('Lemon tart'),
				}),
			);
			const pinId = String((JSON.parse(published) as Array<{ id: string }>)[0].id);
			await env.emu.control.clearRequests();
			const answers = [];
			for (const id of [pinId, 'not an id', pinId]) {
				answers.push(toolText(await client.callTool({ name: tool, arguments: { pin_id: id } })));
			}
			expect((await requestsTo('GET', '/v1/jobs/')).map((request) => request.path)).toEqual([
				`/v1/jobs/${pinId}`,
				`/v1/jobs/${pinId}`,
			]);
			expect(answers[0]).toContain(`"pin_id":"${pinId}"`);
			expect(answers[1]).toContain(ID_RULE);
			expect(answers[2]).toContain(`"pin_id":"${pinId}"`);
		});
	});
}
