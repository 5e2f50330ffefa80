// Test-only: drives the PinBridge Trigger the way the n8n app does, with n8n-core's real contexts.
// - Lifecycle: n8n's WebhookService.createWebhookIfNotExists (checkExists, then create if false) and deleteWebhook,
//   each method called on a real HookContext, as n8n-core builds it for the production and the test ("Listen for
//   test event") registrations.
// - A request: a real WebhookContext over an express-like request/response, then what n8n's executeWebhook does with
//   the result for `responseMode: 'onReceived'` (noWebhookResponse / webhookResponse / start the workflow), and the
//   execution itself through n8n-core's WorkflowExecute, with a downstream node that records what it received.
// - Persistence: n8n saves a workflow's static data only when `staticData.__dataChanged` is true, and a restart (or a
//   queue-mode webhook process) builds the Workflow again from the saved JSON; `persist()` does exactly that.
import { HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { PinBridgeSuiteTrigger } from '../../nodes/PinBridgeSuiteTrigger/PinBridgeSuiteTrigger.node';
import type { CredentialStore } from '../harness/credentialsHelper';
import { createNodeTypes, TRIGGER_NODE_TYPE } from '../harness/nodeTypes';
import { createAdditionalData, defaultCredentials } from '../harness/runWorkflow';

export const TRIGGER_NAME = 'PinBridge Trigger';
export const RECORDER_NAME = 'Record';
/** Connected to the trigger's second output, "Skipped", when the node has it. */
export const SKIPPED_RECORDER_NAME = 'Record Skipped';
export const RECORDER_TYPE = 'test.record';
export const WORKFLOW_ID = 'wf-trigger';
export const NODE_WEBHOOK_ID = '3f0d6f1e-6a43-4c8e-9b0a-2d7e8f1a9c01';
export const PRODUCTION_URL = `http://127.0.0.1:5678/webhook/${NODE_WEBHOOK_ID}/webhook`;
export const TEST_URL = `http://127.0.0.1:5678/webhook-test/${NODE_WEBHOOK_ID}/webhook`;

/** A node after the trigger that passes its items through, so an execution's input can be read from run data. */
const recorder: INodeType = {
	description: {
		displayName: 'Record',
		name: 'record',
		group: ['transform'],
		version: 1,
		description: 'Passes items through',
		defaults: { name: 'Record' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	},
	async execute() {
		return [this.getInputData()];
	},
};

export interface TriggerSetup {
	parameters?: INodeParameters;
	credentials?: CredentialStore;
	/** Static data as n8n loaded it from the database (a restart, a queue-mode webhook process). */
	staticData?: IDataObject;
	/** Overrides of additionalData (e.g. another webhookBaseUrl). */
	additionalData?: Partial<IWorkflowExecuteAdditionalData>;
	/** The same id for two harnesses that stand for two webhook calls of one workflow; otherwise a fresh one. */
	workflowId?: string;
	/** The node's typeVersion; default: the version the editor gives a new node (its defaultVersion). */
	typeVersion?: number;
	/** Connect a node to the Skipped output (default true); false: only output 0, as workflows saved before it. */
	connectSkipped?: boolean;
}

let harnesses = 0;

export interface Delivery {
	headers?: Record<string, string | undefined>;
	/** The exact bytes sent; default JSON.stringify(body). */
	rawBody?: Buffer;
	body?: unknown;
	/** Leave `req.rawBody` unset, as a host without n8n's raw-body reader would. */
	withoutRawBody?: boolean;
}

export interface DeliveryResult {
	status: number;
	responseBody: unknown;
	webhookResult: IWebhookResponseData;
	/** The items the node on the trigger's main output received; undefined when that branch did not run. */
	executedItems?: INodeExecutionData[];
	/** The items the node on the Skipped output received; undefined when that branch did not run. */
	skippedItems?: INodeExecutionData[];
	/** Whether n8n started an execution (either branch, or none when nothing is connected where the items went). */
	executionStarted: boolean;
	/** Whether the webhook call changed static data (n8n would save the workflow's static data). */
	staticDataChanged: boolean;
	error?: Error;
}

export class TriggerHarness {
	readonly node: INode;
	readonly workflow: Workflow;
	readonly additionalData: IWorkflowExecuteAdditionalData;
	readonly nodeType = new PinBridgeSuiteTrigger();
	readonly responses: unknown[] = [];
	readonly errors: Error[] = [];
	/** Per execution whose main branch ran: the items it received. */
	readonly executions: INodeExecutionData[][] = [];
	/** Per execution whose Skipped branch ran: the items it received. */
	readonly skipped: INodeExecutionData[][] = [];
	/** Every execution n8n started (either branch). */
	startedExecutions = 0;
	/** Unique per harness, so that what the trigger keeps in process memory never leaks from one test to another. */
	readonly workflowId: string;

	constructor(private readonly setup: TriggerSetup = {}) {
		this.workflowId = setup.workflowId ?? `${WORKFLOW_ID}-${++harnesses}`;
		const parameters: INodeParameters = { events: ['pin.published', 'pin.failed'], ...setup.parameters };
		const credentialType = parameters.authentication === 'oAuth2' ? 'pinBridgeSuiteOAuth2Api' : 'pinBridgeSuiteApi';
		this.node = {
			id: 'trigger',
			name: TRIGGER_NAME,
			type: TRIGGER_NODE_TYPE,
			typeVersion: setup.typeVersion ?? (this.nodeType.description.defaultVersion as number),
			position: [0, 0],
			webhookId: NODE_WEBHOOK_ID,
			parameters,
			credentials: { [credentialType]: { id: 'cred-1', name: 'PinBridge test credential' } },
		};
		const nodes: INode[] = [
			this.node,
			{ id: 'record', name: RECORDER_NAME, type: RECORDER_TYPE, typeVersion: 1, position: [200, 0], parameters: {} },
			{ id: 'record-skipped', name: SKIPPED_RECORDER_NAME, type: RECORDER_TYPE, typeVersion: 1, position: [200, 200], parameters: {} },
		];
		const main = [[{ node: RECORDER_NAME, type: 'main' as const, index: 0 }]];
		if (setup.connectSkipped !== false) main.push([{ node: SKIPPED_RECORDER_NAME, type: 'main' as const, index: 0 }]);
		const connections = { [TRIGGER_NAME]: { main } };
		const shape = { id: this.workflowId, name: 'Trigger test workflow', nodes, connections };
		this.workflow = new Workflow({
			...shape,
			active: true,
			nodeTypes: createNodeTypes(undefined, { [RECORDER_TYPE]: recorder }),
			staticData: setup.staticData ? structuredClone(setup.staticData) : undefined,
			settings: { executionOrder: 'v1' },
		});
		const { additionalData } = createAdditionalData(shape, setup.credentials ?? defaultCredentials());
		this.additionalData = { ...additionalData, ...setup.additionalData } as IWorkflowExecuteAdditionalData;
	}

	webhookData(isTest: boolean): IWebhookData {
		const description = this.nodeType.description.webhooks![0];
		return {
			httpMethod: 'POST',
			node: TRIGGER_NAME,
			path: `${NODE_WEBHOOK_ID}/webhook`,
			webhookDescription: description,
			workflowId: this.workflowId,
			workflowExecuteAdditionalData: this.additionalData,
			webhookId: NODE_WEBHOOK_ID,
			isTest,
		};
	}

	private hook(isTest: boolean, activation: WorkflowActivateMode): HookContext {
		const mode: WorkflowExecuteMode = isTest ? 'manual' : 'trigger';
		return new HookContext(this.workflow, this.node, this.additionalData, mode, activation, this.webhookData(isTest));
	}

	async checkExists(isTest = false, activation: WorkflowActivateMode = 'activate'): Promise<boolean> {
		return await this.nodeType.webhookMethods.default.checkExists.call(this.hook(isTest, activation));
	}

	async create(isTest = false, activation: WorkflowActivateMode = 'activate'): Promise<boolean> {
		return await this.nodeType.webhookMethods.default.create.call(this.hook(isTest, activation));
	}

	async delete(isTest = false): Promise<boolean> {
		return await this.nodeType.webhookMethods.default.delete.call(this.hook(isTest, 'update'));
	}

	/** What n8n does on activation (and on every start for active workflows: activation 'init'). */
	async activate(isTest = false, activation: WorkflowActivateMode = 'activate'): Promise<void> {
		if (!(await this.checkExists(isTest, activation))) await this.create(isTest, activation);
	}

	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	/** The workflow's static data as n8n writes it to the database (only when it changed) and reads it back. */
	persist(): IDataObject {
		const saved = JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
		delete saved.__dataChanged;
		for (const value of Object.values(saved)) {
			if (value && typeof value === 'object') delete (value as IDataObject).__dataChanged;
		}
		this.workflow.staticData.__dataChanged = false;
		return saved;
	}

	/** One request to the webhook URL, handled as n8n's executeWebhook does for `responseMode: 'onReceived'`. */
	async deliver(delivery: Delivery, isTest = false): Promise<DeliveryResult> {
		const rawBody = delivery.rawBody ?? Buffer.from(JSON.stringify(delivery.body ?? {}), 'utf8');
		let parsed: unknown;
		try {
			parsed = JSON.parse(rawBody.toString('utf8'));
		} catch {
			parsed = {};
		}
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		for (const [name, value] of Object.entries(delivery.headers ?? {})) {
			if (value !== undefined) headers[name.toLowerCase()] = value;
		}
		const request = {
			method: 'POST',
			headers,
			params: {},
			query: {},
			body: parsed,
			readable: false,
			...(delivery.withoutRawBody ? {} : { rawBody }),
		};
		const response = new FakeResponse();
		const additionalData = {
			...this.additionalData,
			httpRequest: request,
			httpResponse: response,
		} as unknown as IWorkflowExecuteAdditionalData;
		const mode: WorkflowExecuteMode = isTest ? 'manual' : 'webhook';
		const before = this.workflow.staticData.__dataChanged === true;
		this.workflow.staticData.__dataChanged = false;
		const context = new WebhookContext(this.workflow, this.node, additionalData, mode, this.webhookData(isTest), [], null);

		let webhookResult: IWebhookResponseData;
		try {
			webhookResult = await this.nodeType.webhook.call(context);
		} catch (error) {
			// n8n answers 500 ("There was a problem executing the workflow") and PinBridge retries.
			const staticDataChanged = this.workflow.staticData.__dataChanged === true;
			this.workflow.staticData.__dataChanged = before || staticDataChanged;
			this.errors.push(error as Error);
			return {
				status: 500,
				responseBody: { message: 'Error in workflow' },
				webhookResult: {},
				staticDataChanged,
				error: error as Error,
				executionStarted: false,
			};
		}
		const staticDataChanged = this.workflow.staticData.__dataChanged === true;
		this.workflow.staticData.__dataChanged = before || staticDataChanged;

		// As n8n's executeWebhook: a response the node sent itself stands; otherwise webhookResponse, or n8n's default.
		const started = webhookResult.workflowData !== undefined;
		const defaultBody = { message: started ? 'Workflow was started' : 'Webhook call received' };
		const result: DeliveryResult =
			webhookResult.noWebhookResponse === true
				? { status: response.statusCode, responseBody: response.body, webhookResult, staticDataChanged, executionStarted: started }
				: {
						status: 200,
						responseBody: webhookResult.webhookResponse ?? defaultBody,
						webhookResult,
						staticDataChanged,
						executionStarted: started,
					};
		if (started) Object.assign(result, await this.execute(webhookResult.workflowData!, mode));
		this.responses.push(result.responseBody);
		return result;
	}

	/** The execution n8n starts with the trigger's output on the stack, through n8n-core's WorkflowExecute. */
	private async execute(
		workflowData: INodeExecutionData[][],
		mode: WorkflowExecuteMode,
	): Promise<Pick<DeliveryResult, 'executedItems' | 'skippedItems'>> {
		this.startedExecutions++;
		const runExecutionData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node: this.node, data: { main: workflowData }, source: null }] },
		});
		const run = await new WorkflowExecute(this.additionalData, mode, runExecutionData).processRunExecutionData(
			this.workflow,
		);
		const error = run.data.resultData.error;
		if (error) throw new Error(`The execution failed: ${error.message}`);
		const received = (name: string) => {
			const runs = run.data.resultData.runData[name];
			return runs === undefined ? undefined : (runs[0]?.data?.main?.[0] ?? []);
		};
		const executedItems = received(RECORDER_NAME);
		const skippedItems = received(SKIPPED_RECORDER_NAME);
		if (executedItems) this.executions.push(executedItems);
		if (skippedItems) this.skipped.push(skippedItems);
		return { executedItems, skippedItems };
	}
}

/** Just enough of express's Response for what a webhook node may call. */
export class FakeResponse {
	statusCode = 200;
	body: unknown;
	headersSent = false;
	readonly headers: Record<string, string> = {};

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	json(body: unknown): this {
		this.body = body;
		this.headersSent = true;
		return this;
	}

	send(body: unknown): this {
		return this.json(body);
	}

	end(body?: unknown): this {
		if (body !== undefined) this.body = body;
		this.headersSent = true;
		return this;
	}

	setHeader(name: string, value: string): this {
		this.headers[name.toLowerCase()] = value;
		return this;
	}

	writeHead(code: number): this {
		return this.status(code);
	}
}
