/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// Issue 21: the package in a real n8n against PinBridge as its quick-start page shows it — the emulator's
// "documented minimum" profile (contract §9.1.6): `acc_…` / `b_…` / `pin_…` ids, four-field webhook bodies, no
// Date, X-Total-Count or X-Request-ID header. Core flows: Publish with the quick-start values and no account (one
// Pin, a re-run none), Pin Get by a `pin_…` id, Schedule Create and Cancel, the pickers, Pin Get Many Return All over
// two pages, and the trigger with both filters set (a signed four-field delivery → one execution, again → none).
// The emulator's clock is manual: Pins publish (and deliveries go out) only when a test says so.
import { randomUUID } from 'node:crypto';

import { api, pinBody } from '../emulator/helpers';
import { useE2eEnvironment } from './fixture';
import { nodeOutput, waitFor, type N8nExecution, type WorkflowJson } from './n8n/client';

const env = useE2eEnvironment('documented', { profile: 'documented', clock: 'manual' });

const NODE_TYPE = 'n8n-nodes-pinbridge-suite.pinBridgeSuite';
const NODE = 'PinBridge';
/** The quick-start page's publish (contract §9.1.3): board, image URL, title — no account. */
const QUICK_START = { imageUrl: 'https://cdn.shop/img/1.jpg', title: 'Summer styles 2026' };
const sleep = async (ms: number) => await new Promise((r) => setTimeout(r, ms));
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const noAccount = { __rl: true, mode: 'list', value: '' };

/** Manual Trigger → one PinBridge node with these parameters, on the environment's credential; returns its id. */
async function importNodeWorkflow(name: string, parameters: Record<string, unknown>): Promise<string> {
	const wf: WorkflowJson = {
		name,
		nodes: [
			{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: randomUUID(),
				name: NODE,
				type: NODE_TYPE,
				typeVersion: 1,
				position: [260, 0],
				parameters: { authentication: 'apiKey', ...parameters },
				credentials: { pinBridgeSuiteApi: { id: env.credential.id, name: env.credential.name } },
			},
		],
		connections: { Start: { main: [[{ node: NODE, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
	return await env.client.importWorkflow(wf);
}

async function runNode(name: string, parameters: Record<string, unknown>) {
	return await env.client.runWorkflow(await importNodeWorkflow(name, parameters), { node: NODE });
}

describe('the documented-minimum PinBridge: the emulator profile itself', () => {
	it('serves quick-start style ids and no optional headers', async () => {
		expect(env.emu.profile).toBe('documented');
		expect(env.emu.accountId).toMatch(/^acc_/);
		expect(env.emu.boardIds[0]).toMatch(/^b_/);
		const answer = await fetch(`${env.emu.url}/v1/pins`, { headers: { 'X-API-Key': env.emu.apiKey } });
		expect(['date', 'x-total-count', 'x-request-id'].filter((h) => answer.headers.get(h) !== null)).toEqual([]);
	});
});

describe('the action node against the documented-minimum PinBridge', () => {
	beforeEach(async () => await env.emu.control.reset());

	it('Publish with the quick-start values and no account creates exactly one Pin; a re-run creates none', async () => {
		const run = await runNode('Quick-start publish', {
			resource: 'pin',
			operation: 'publish',
			account: noAccount,
			board: byId(env.emu.boardIds[0]),
			mediaSource: 'imageUrl',
			...QUICK_START,
		});
		expect(run.error).toBeUndefined();
		expect(run.status).toBe('success');
		const pins = await env.emu.control.pins();
		expect(pins).toHaveLength(1);
		expect(pins[0]).toMatchObject({
			id: expect.stringMatching(/^pin_/),
			title: QUICK_START.title,
			image_url: QUICK_START.imageUrl,
			board_id: env.emu.boardIds[0],
			pinterest_account_id: env.emu.accountId,
		});
		expect(run.items.map((item) => item.id)).toEqual([pins[0].id]);
		const [sent] = await env.emu.control.requests({ method: 'POST', path: '/v1/pins' });
		expect(sent.body).not.toHaveProperty('account_id');

		const again = await env.client.rerunExecution(run.executionId, { node: NODE });
		expect(again.error).toBeUndefined();
		expect(again.items.map((item) => item.id)).toEqual([pins[0].id]);
		expect(await env.emu.control.pins()).toHaveLength(1);
		expect((await env.emu.control.counters()).idempotent_replays).toBe(1);
	});

	it('Pin Get takes a pin_… id', async () => {
		const created = await api(env.emu)('POST', '/v1/pins', pinBody(env.emu, { account_id: undefined }));
		expect(created.body.id).toMatch(/^pin_/);
		const run = await runNode('Pin Get', { resource: 'pin', operation: 'get', pinId: created.body.id });
		expect(run.error).toBeUndefined();
		expect(run.items).toEqual([expect.objectContaining({ id: created.body.id, title: created.body.title })]);
	});

	it('Schedule Create without an account, then Cancel', async () => {
		const runAt = new Date((await env.emu.control.now()) + 3_600_000).toISOString();
		const created = await runNode('Schedule Create', {
			resource: 'schedule',
			operation: 'create',
			account: noAccount,
			board: byId(env.emu.boardIds[0]),
			runAt,
			mediaSource: 'imageUrl',
			...QUICK_START,
		});
		expect(created.error).toBeUndefined();
		const schedules = await env.emu.control.schedules();
		expect(schedules).toHaveLength(1);
		expect(schedules[0]).toMatchObject({ id: expect.stringMatching(/^sch_/), pinterest_account_id: env.emu.accountId });
		expect(created.items.map((item) => item.id)).toEqual([schedules[0].id]);

		const canceled = await runNode('Schedule Cancel', { resource: 'schedule', operation: 'cancel', scheduleId: schedules[0].id });
		expect(canceled.error).toBeUndefined();
		expect((await env.emu.control.schedules())[0].status).toBe('canceled');
		expect(await env.emu.control.schedules()).toHaveLength(1);
	});

	it('the pickers list the account and its boards (and every board when no account is chosen)', async () => {
		const search = async (path: 'account' | 'board', methodName: string, account: Record<string, unknown>) =>
			(
				await env.client.request<{ data: { results: Array<{ name: string; value: string }> } }>(
					'rest',
					'POST',
					'/dynamic-node-parameters/resource-locator-results',
					{
						path,
						methodName,
						nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
						currentNodeParameters: { authentication: 'apiKey', resource: 'pin', operation: 'publish', account },
						credentials: { pinBridgeSuiteApi: { id: env.credential.id, name: env.credential.name } },
					},
				)
			).body.data.results.map((r) => r.value);
		expect(await search('account', 'searchAccounts', noAccount)).toEqual([env.emu.accountId]);
		expect(await search('board', 'searchBoards', byId(env.emu.accountId))).toEqual(env.emu.boardIds);
		expect(await search('board', 'searchBoards', noAccount)).toEqual(env.emu.boardIds);
	});

	it('Pin Get Many with Return All reads every page without X-Total-Count', async () => {
		const call = api(env.emu);
		for (let i = 0; i < 205; i++) expect((await call('POST', '/v1/pins', pinBody(env.emu))).status).toBe(201);
		await env.emu.control.clearRequests();
		const run = await runNode('Pin Get Many', { resource: 'pin', operation: 'getAll', returnAll: true });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(205);
		expect(new Set(run.items.map((item) => item.id)).size).toBe(205);
		const pages = await env.emu.control.requests({ method: 'GET', path: '/v1/pins' });
		expect(pages.map((r) => r.query.offset)).toEqual(['0', '200']);
	});
});

describe('the trigger against the documented-minimum PinBridge, with both filters set', () => {
	const EXAMPLE = 'trigger-pin-published';
	const TRIGGER_NODE = 'PinBridge Trigger';
	const RECORD_NODE = 'Record Event';
	let workflowId: string;
	let deliveryId: string;

	const settledExecutions = async (): Promise<N8nExecution[]> => {
		await sleep(1500);
		return await env.client.listExecutions({ workflowId, includeData: true });
	};

	beforeAll(async () => {
		await env.emu.control.reset();
		workflowId = await env.importExample(EXAMPLE, (wf) => {
			const trigger = wf.nodes.find((n) => n.name === TRIGGER_NODE)!;
			trigger.parameters.account = byId(env.emu.accountId);
			trigger.parameters.board = byId(env.emu.boardIds[0]);
		});
	});
	afterAll(async () => await env.client.deactivate(workflowId).catch(() => undefined));

	it('activates: exactly one webhook at PinBridge', async () => {
		await env.client.activate(workflowId);
		await waitFor(async () => (await env.emu.control.webhooks()).length > 0, { what: 'the webhook at PinBridge' });
		await sleep(1000);
		expect(await env.emu.control.webhooks()).toHaveLength(1);
	});

	it('a Pin published on the board: the signed four-field delivery starts exactly one execution', async () => {
		const created = await api(env.emu)('POST', '/v1/pins', pinBody(env.emu, { account_id: undefined }));
		await env.emu.control.publishPin(created.body.id);
		const [delivery] = await env.emu.control.deliveries({ pin_id: created.body.id });
		expect(JSON.parse(delivery.body)).toEqual({
			event: 'pin.published',
			pin_id: created.body.id,
			board_id: env.emu.boardIds[0],
			status: 'published',
		});
		expect(delivery.attempts.map((a) => a.status_code)).toEqual([200]);
		deliveryId = delivery.id;
		await env.client.waitForExecutions(workflowId, 1);
		const executions = await settledExecutions();
		expect(executions).toHaveLength(1);
		expect(executions[0].status).toBe('success');
		expect(nodeOutput(executions[0], RECORD_NODE)).toEqual([
			// the delivery id comes from the X-PinBridge-Delivery-ID header: the body has none
			expect.objectContaining({ pin_id: created.body.id, board_id: env.emu.boardIds[0], delivery_id: deliveryId }),
		]);
	});

	it('the same delivery again (PinBridge’s retry) starts none', async () => {
		const again = await env.emu.control.resendDelivery(deliveryId);
		expect(again.status_code).toBe(200);
		expect(await settledExecutions()).toHaveLength(1);
	});

	it('a Pin on another board is answered 200 and starts none (the board filter is in force)', async () => {
		const other = await api(env.emu)('POST', '/v1/pins', pinBody(env.emu, { account_id: undefined, board_id: env.emu.boardIds[1] }));
		await env.emu.control.publishPin(other.body.id);
		const [delivery] = await env.emu.control.deliveries({ pin_id: other.body.id });
		expect(delivery.attempts.map((a) => a.status_code)).toEqual([200]);
		expect(await settledExecutions()).toHaveLength(1);
	});
});
