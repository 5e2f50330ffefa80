/**
 * The workflows a year of a busy account runs, built from the shipped examples (test/e2e/workflows) so that the soak
 * measures what users import: each example's scheduled or manual start becomes a Webhook the soak calls once per
 * simulated day, week or month (answered when the run ends), its rows in the body. Calling a production webhook
 * changes nothing in the workflow (a manual run with pinned rows would save a new workflow version each time).
 */
import type { CredentialRef, WorkflowJson } from '../e2e/n8n/client';
import { loadExampleWorkflow, type WorkflowTargets } from '../e2e/n8n/workflows';

export const SOAK_PATHS = {
	batch: 'soak-daily-batch',
	schedules: 'soak-daily-schedules',
	weekly: 'soak-weekly-report',
	monthly: 'soak-monthly-analytics',
} as const;

const START = 'Soak Start';
const SPLIT = 'One Item per Row';

function webhookStart(path: string, index: number) {
	return {
		id: `a0a0a0a0-0000-4000-8000-00000000a00${index}`,
		name: START,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0] as [number, number],
		webhookId: `b0b0b0b0-0000-4000-8000-00000000b00${index}`,
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
	};
}

/**
 * `workflow` without the nodes in `drop` (and its sticky notes), started by a webhook at `path`; with `rows`, the
 * body's `rows` become one item each before `first`.
 */
function startingAt(workflow: WorkflowJson, drop: string[], first: string, path: string, index: number, rows: boolean): WorkflowJson {
	const nodes = workflow.nodes.filter((node) => !drop.includes(node.name) && node.type !== 'n8n-nodes-base.stickyNote');
	const connections = Object.fromEntries(Object.entries(workflow.connections).filter(([from]) => !drop.includes(from)));
	const split = { id: `a0a0a0a0-0000-4000-8000-00000000c00${index}`, name: SPLIT, type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [200, 0] as [number, number], parameters: { fieldToSplitOut: 'body.rows', options: {} } };
	if (rows) {
		connections[START] = { main: [[{ node: SPLIT, type: 'main', index: 0 }]] };
		connections[SPLIT] = { main: [[{ node: first, type: 'main', index: 0 }]] };
	} else {
		connections[START] = { main: [[{ node: first, type: 'main', index: 0 }]] };
	}
	return { ...workflow, nodes: [webhookStart(path, index), ...(rows ? [split] : []), ...nodes], connections };
}

export interface SoakTargets extends WorkflowTargets {
	credential: CredentialRef;
	accountId: string;
	boardId: string;
}

/** publish-rows-in-batches.json: the day's rows (`title`, `image_url`, `url`, `description`) → Pin → Publish Batch. */
export function dailyBatch(targets: SoakTargets): WorkflowJson {
	const example = loadExampleWorkflow('publish-rows-in-batches', targets);
	const workflow = startingAt(example, ['When clicking ‘Execute workflow’', 'Rows', 'One Item per Row'], 'Publish Batch', SOAK_PATHS.batch, 1, true);
	return { ...workflow, name: 'Soak: daily Publish Batch' };
}

/** schedule-products-every-morning.json: the day's products (`name`, …, `run_at`) → one schedule each. */
export function dailySchedules(targets: SoakTargets): WorkflowJson {
	const example = loadExampleWorkflow('schedule-products-every-morning', targets);
	const workflow = startingAt(example, ['Every Morning', 'Products', 'One Item per Product'], 'Schedule Pin', SOAK_PATHS.schedules, 2, true);
	const schedule = workflow.nodes.find((node) => node.name === 'Schedule Pin');
	// The soak's PinBridge runs a simulated year ahead of n8n's clock: each row carries its time on PinBridge's clock.
	if (schedule) schedule.parameters = { ...schedule.parameters, runAt: '={{ $json.run_at }}' };
	return { ...workflow, name: 'Soak: daily schedules' };
}

/** weekly-publishing-report.json, started once a simulated week. */
export function weeklyReport(targets: SoakTargets): WorkflowJson {
	const example = loadExampleWorkflow('weekly-publishing-report', targets);
	return { ...startingAt(example, ['Every Monday at 08:00'], 'Publishing Summary', SOAK_PATHS.weekly, 3, false), name: 'Soak: weekly report' };
}

/** Pinterest account analytics of the last 30 days, one item per day: once a simulated month. */
export function monthlyAnalytics(targets: SoakTargets): WorkflowJson {
	const analytics = {
		id: 'a0a0a0a0-0000-4000-8000-00000000d001',
		name: 'Account Analytics',
		type: 'n8n-nodes-pinbridge-suite.pinBridgeSuite',
		typeVersion: 1,
		position: [260, 0] as [number, number],
		parameters: {
			authentication: 'apiKey',
			resource: 'analytics',
			operation: 'getAccount',
			account: { __rl: true, mode: 'id', value: targets.accountId },
			output: 'perDay',
		},
		credentials: { pinBridgeSuiteApi: { id: targets.credential.id, name: targets.credential.name } },
	};
	const base: WorkflowJson = { name: 'Soak: monthly analytics', nodes: [analytics], connections: {}, settings: { executionOrder: 'v1' } };
	return startingAt(base, [], 'Account Analytics', SOAK_PATHS.monthly, 4, false);
}
