// The PinBridge Trigger as a new node (typeVersion 1.2) in real n8n against the emulator's "documented minimum"
// profile (contract §9.1.6: quick-start ids, four-field deliveries, delivery id and event in the headers only), with
// "Only for Pinterest Account" and "Only for Board" set and a node on its "Skipped" output: a published Pin starts
// exactly one execution through the main output (the account decided from a Pin look-up), PinBridge sending the same
// delivery again runs only the Skipped branch ("duplicate delivery"), a Pin on another board only the Skipped branch
// ("other board"); a Pin look-up that fails answers 500, shows as a failed execution, and PinBridge's retry runs the
// workflow. The emulator's clock is manual: each delivery is answered before control.publishPin() returns.
import { api, pinBody } from '../emulator/helpers';
import { useE2eEnvironment } from './fixture';
import { nodeOutput, sleep, waitFor, type N8nExecution } from './n8n/client';

const env = useE2eEnvironment('trigger-documented', { clock: 'manual', profile: 'documented' });

const EXAMPLE = 'trigger-pin-published';
const TRIGGER_NODE = 'PinBridge Trigger';
const RECORD_NODE = 'Record Event';
const SKIPPED_NODE = 'Record Skipped';

let workflowId: string;

async function settledExecutions(): Promise<N8nExecution[]> {
	await sleep(1500);
	const listed = await env.client.listExecutions({ workflowId, includeData: true });
	return [...listed].sort((a, b) => Number(a.id) - Number(b.id));
}

/** A Pin published on `boardId`, created as the quick-start page does: no account_id (§9.1.3). */
async function publishOn(boardId: string): Promise<string> {
	const body = pinBody(env.emu, { board_id: boardId });
	delete body.account_id;
	const created = await api(env.emu)<{ id: string }>('POST', '/v1/pins', body);
	expect(created.status).toBe(201);
	await env.emu.control.publishPin(created.body.id);
	return created.body.id;
}

describe('PinBridge Trigger 1.2 in real n8n against the documented-minimum PinBridge', () => {
	beforeAll(async () => {
		await env.emu.control.reset();
		workflowId = await env.importExample(EXAMPLE, (wf) => {
			const trigger = wf.nodes.find((n) => n.name === TRIGGER_NODE)!;
			trigger.typeVersion = 1.2;
			trigger.parameters = {
				...trigger.parameters,
				account: { __rl: true, mode: 'id', value: env.emu.accountId },
				board: { __rl: true, mode: 'id', value: env.emu.boardIds[0] },
			};
			const record = wf.nodes.find((n) => n.name === RECORD_NODE)!;
			wf.nodes.push({ ...record, id: '5b1d0c2e-7a44-4f0e-8e21-6c9d3f4a1b77', name: SKIPPED_NODE, position: [260, 200] });
			const outputs = (wf.connections[TRIGGER_NODE] as { main: unknown[][] }).main;
			outputs[1] = [{ node: SKIPPED_NODE, type: 'main', index: 0 }];
		});
		await env.client.activate(workflowId);
		await waitFor(async () => (await env.emu.control.webhooks()).length > 0, { what: 'the webhook at PinBridge' });
		await sleep(1000);
	});

	afterAll(async () => {
		await env.client.deactivate(workflowId);
	});

	it('activation with "Only for Board" b_… and "Only for Pinterest Account" acc_… registers exactly one webhook', async () => {
		expect(env.emu.boardIds[0]).toMatch(/^b_/);
		expect(await env.emu.control.webhooks()).toHaveLength(1);
	});

	it('a published Pin (four-field delivery) starts exactly one execution through the main output', async () => {
		const pinId = await publishOn(env.emu.boardIds[0]);
		const [delivery] = await env.emu.control.deliveries({ pin_id: pinId });
		expect(Object.keys(JSON.parse(delivery.body) as object).sort()).toEqual(['board_id', 'event', 'pin_id', 'status']);
		expect(delivery.attempts.map((attempt) => attempt.status_code)).toEqual([200]);
		await env.client.waitForExecutions(workflowId, 1);
		const executions = await settledExecutions();
		expect(executions).toHaveLength(1);
		expect(executions[0].status).toBe('success');
		expect(nodeOutput(executions[0], RECORD_NODE)).toEqual([
			expect.objectContaining({ event: 'pin.published', pin_id: pinId, delivery_id: delivery.id }),
		]);
		expect(nodeOutput(executions[0], SKIPPED_NODE)).toEqual([]);

		// PinBridge sends the same delivery again: answered 200, only the Skipped branch runs.
		const again = await env.emu.control.resendDelivery(delivery.id);
		expect(again.status_code).toBe(200);
		await env.client.waitForExecutions(workflowId, 2);
		const [, repeat] = await settledExecutions();
		expect(nodeOutput(repeat, TRIGGER_NODE, 0)).toEqual([]);
		expect(nodeOutput(repeat, RECORD_NODE)).toEqual([]);
		expect(nodeOutput(repeat, SKIPPED_NODE)).toEqual([
			expect.objectContaining({ reason: 'duplicate delivery', delivery_id: delivery.id, pin_id: pinId }),
		]);
	});

	it('a Pin on another board: only the Skipped branch runs, with the reason', async () => {
		const pinId = await publishOn(env.emu.boardIds[1]);
		await env.client.waitForExecutions(workflowId, 3);
		const executions = await settledExecutions();
		expect(executions).toHaveLength(3);
		const last = executions[2];
		expect(nodeOutput(last, RECORD_NODE)).toEqual([]);
		expect(nodeOutput(last, SKIPPED_NODE)).toEqual([expect.objectContaining({ reason: 'other board', pin_id: pinId })]);
		expect(nodeOutput(executions[0], RECORD_NODE)).toHaveLength(1); // the main branch ran once in all
	});

	it('a failed Pin look-up: 500, a failed execution in the list with PinBridge’s error; PinBridge’s retry runs the workflow', async () => {
		await env.emu.control.addFault({ method: 'GET', path: '/v1/pins/*', status: 503, body: { detail: 'maintenance' }, count: 2 });
		const pinId = await publishOn(env.emu.boardIds[0]);
		let [delivery] = await env.emu.control.deliveries({ pin_id: pinId });
		expect(delivery.attempts.map((attempt) => attempt.status_code)).toEqual([500]);
		await env.client.waitForExecutions(workflowId, 4);
		const failed = (await settledExecutions())[3];
		expect(failed.status).toBe('error');
		expect(JSON.stringify(failed.data?.resultData?.error ?? {})).toMatch(/503|maintenance/);

		await env.emu.control.advance(1); // PinBridge's retry, 1 s later
		[delivery] = await env.emu.control.deliveries({ pin_id: pinId });
		expect(delivery.attempts.map((attempt) => attempt.status_code)).toEqual([500, 200]);
		await env.client.waitForExecutions(workflowId, 5);
		const executions = await settledExecutions();
		expect(executions).toHaveLength(5);
		expect(nodeOutput(executions[4], RECORD_NODE)).toEqual([expect.objectContaining({ pin_id: pinId, delivery_id: delivery.id })]);
	});
});
