/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// The action node and the credential in one n8n version, as a user meets them: each check runs a workflow (or the
// editor's REST call) in real n8n and reads the outcome at the PinBridge emulator.
import fs from 'node:fs';
import path from 'node:path';

import { createWrongKeyCredential, type E2eEnvironment } from '../e2e/fixture';
import type { WorkflowJson } from '../e2e/n8n/client';
import { PACKAGE_NAME } from '../e2e/n8n/instance';
import { PACKAGE_NODE_PREFIX } from '../e2e/n8n/workflows';
import { itemsTitled, PUBLISH_EXAMPLE, PUBLISH_NODE, titleFromItem } from '../e2e/publishWorkflow';
import type { FaultInput } from '../emulator/control-client';

/** What n8n 1.x/2.0's credential tester shows for a 401: it cannot see the answer, so not the credential's rule. */
export const N8N_GENERIC_401_MESSAGE = 'Authorization failed - please check your credentials';
const OUR_WRONG_KEY_MESSAGE = 'PinBridge rejected this API key. Copy a current key from the PinBridge dashboard.';

const QUOTA_402 = {
	detail: {
		error: { code: 'quota_exceeded', message: 'Monthly Pin quota reached', upgrade_url: 'https://pinbridge.io/pricing' },
	},
};

/** The example's PinBridge node turned into another operation (same credential, account and board). */
function asOperation(parameters: Record<string, unknown>) {
	return (wf: WorkflowJson) => {
		const node = wf.nodes.find((n) => n.name === PUBLISH_NODE);
		if (!node) throw new Error(`example has no "${PUBLISH_NODE}" node`);
		node.parameters = { ...node.parameters, ...parameters };
	};
}

export function actionChecks(env: E2eEnvironment, version: string): void {
	describe(`n8n ${version}: the package loads`, () => {
		it('is installed as n8n installs it: a copy, with no n8n-workflow of its own', () => {
			const installed = path.join(env.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
			expect(fs.lstatSync(installed).isSymbolicLink()).toBe(false);
			expect(fs.existsSync(path.join(installed, 'node_modules'))).toBe(false);
			expect(fs.existsSync(path.join(installed, 'dist', 'nodes', 'PinBridgeSuite', 'PinBridgeSuite.node.js'))).toBe(true);
		});

		it('lists both nodes and both credentials', async () => {
			expect(await env.client.nodeTypeNames()).toEqual(
				expect.arrayContaining([`${PACKAGE_NODE_PREFIX}pinBridgeSuite`, `${PACKAGE_NODE_PREFIX}pinBridgeSuiteTrigger`]),
			);
			expect(await env.client.credentialTypeNames()).toEqual(
				expect.arrayContaining(['pinBridgeSuiteApi', 'pinBridgeSuiteOAuth2Api']),
			);
		});
	});

	describe(`n8n ${version}: credential test`, () => {
		beforeEach(async () => await env.emu.control.reset());

		it('passes with the right key', async () => {
			expect(await env.client.testCredential(env.credential.id)).toMatchObject({ status: 'OK' });
		});

		it('fails with a wrong key, saying so', async () => {
			const tested = await env.client.testCredential((await createWrongKeyCredential(env)).id);
			expect(tested.status).toBe('Error');
			// n8n 1.x/2.0 hide the answer from the credential's rules (README, Compatibility): their own text shows.
			expect(tested.message).toBe(env.n8n.legacyApi ? N8N_GENERIC_401_MESSAGE : OUR_WRONG_KEY_MESSAGE);
		});
	});

	describe(`n8n ${version}: Pin Publish`, () => {
		let workflowId: string;
		let firstExecutionId: string;

		beforeAll(async () => {
			await env.emu.control.reset();
			workflowId = await env.importExample(PUBLISH_EXAMPLE, titleFromItem);
		});

		it('20 items publish exactly 20 Pins', async () => {
			const run = await env.client.runWorkflow(workflowId, { triggerItems: itemsTitled('Compat'), node: PUBLISH_NODE });
			expect(run.error).toBeUndefined();
			expect(run.items).toHaveLength(20);
			expect(await env.emu.control.pins()).toHaveLength(20);
			firstExecutionId = run.executionId;
		});

		it('running the same execution again publishes no new Pin', async () => {
			const again = await env.client.rerunExecution(firstExecutionId, { node: PUBLISH_NODE });
			expect(again.error).toBeUndefined();
			expect((await env.emu.control.counters()).pins_created).toBe(20);
			expect(await env.emu.control.pins()).toHaveLength(20);
		});

		it('Pin Get Many with Return All outputs every Pin', async () => {
			const listId = await env.importExample(PUBLISH_EXAMPLE, asOperation({ operation: 'getAll', returnAll: true }));
			const run = await env.client.runWorkflow(listId, { node: PUBLISH_NODE });
			expect(run.error).toBeUndefined();
			const ids = (await env.emu.control.pins()).map((pin) => pin.id).sort();
			expect(run.items.map((item) => String(item.id)).sort()).toEqual(ids);
		});

		/** One Publish item whose first POST /v1/pins gets `fault` instead of PinBridge's answer. */
		const publishOneAfter = async (fault: Omit<FaultInput, 'method' | 'path' | 'count'>, title: string) => {
			await env.emu.control.reset();
			await env.emu.control.addFault({ method: 'POST', path: '/v1/pins', count: 1, ...fault });
			const run = await env.client.runWorkflow(workflowId, { triggerItems: itemsTitled(title, 1), node: PUBLISH_NODE });
			const sent = await env.emu.control.requests({ method: 'POST', path: '/v1/pins' });
			return { run, statuses: sent.map((request) => request.status), pins: await env.emu.control.pins() };
		};

		it('a 503 is retried and the execution succeeds', async () => {
			const { run, statuses, pins } = await publishOneAfter({ status: 503, body: { detail: 'unavailable' } }, 'After a 503');
			expect(run.error).toBeUndefined();
			expect(statuses).toEqual([503, 201]);
			expect(pins).toHaveLength(1);
		});

		it('a 429 is retried after its Retry-After and the execution succeeds', async () => {
			const slowDown = { status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'rate_limited', message: 'Slow down' } } };
			const { run, statuses, pins } = await publishOneAfter(slowDown, 'After a 429');
			expect(run.error).toBeUndefined();
			expect(statuses).toEqual([429, 201]);
			expect(pins).toHaveLength(1);
		});

		it("a 402 fails with PinBridge's message and upgrade link", async () => {
			const { run, statuses } = await publishOneAfter({ status: 402, body: QUOTA_402 }, 'Over quota');
			expect(run.status).toBe('error');
			expect(run.error).toContain('Monthly Pin quota reached');
			expect(run.error).toContain('Upgrade: https://pinbridge.io/pricing');
			expect(statuses).toEqual([402]);
		});
	});

	describe(`n8n ${version}: Schedule Create and the pickers`, () => {
		beforeAll(async () => await env.emu.control.reset());

		it('Schedule Create creates one schedule', async () => {
			const runAt = new Date(Date.now() + 24 * 3600_000).toISOString();
			const id = await env.importExample(PUBLISH_EXAMPLE, asOperation({ resource: 'schedule', operation: 'create', runAt }));
			const run = await env.client.runWorkflow(id, { node: PUBLISH_NODE });
			expect(run.error).toBeUndefined();
			const schedules = await env.emu.control.schedules();
			expect(schedules).toHaveLength(1);
			expect(run.items).toEqual([expect.objectContaining({ id: schedules[0].id })]);
		});

		const pick = async (methodName: string, currentNodeParameters: Record<string, unknown>) =>
			(
				await env.client.request('rest', 'POST', '/dynamic-node-parameters/resource-locator-results', {
					nodeTypeAndVersion: { name: `${PACKAGE_NODE_PREFIX}pinBridgeSuite`, version: 1 },
					path: methodName === 'searchAccounts' ? 'account' : 'board',
					methodName,
					currentNodeParameters: { authentication: 'apiKey', resource: 'pin', operation: 'publish', ...currentNodeParameters },
					credentials: { pinBridgeSuiteApi: { id: env.credential.id, name: env.credential.name } },
				})
			).body.data.results.map((result: { value: string }) => result.value);

		it('the account and board pickers list what PinBridge has', async () => {
			expect(await pick('searchAccounts', {})).toEqual([env.emu.accountId]);
			const account = { __rl: true, mode: 'list', value: env.emu.accountId };
			expect((await pick('searchBoards', { account })).sort()).toEqual([...env.emu.boardIds].sort());
		});
	});
}
