// Test-only: runs a workflow through n8n-core's real WorkflowExecute, in-process, with the test's credentials.
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IRun,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { PinBridgeSuiteApi } from '../../credentials/PinBridgeSuiteApi.credentials';
import { PinBridgeSuiteOAuth2Api } from '../../credentials/PinBridgeSuiteOAuth2Api.credentials';
import { TestCredentialsHelper, type CredentialStore } from './credentialsHelper';
import { ACTION_NODE_TYPE, createNodeTypes, ITEMS_NODE_TYPE } from './nodeTypes';

export const TEST_BASE_URL = 'https://api.pinbridge.test';
export const TEST_API_KEY = 'pb_example_key_0123456789abcdef';

export const credentialTypes = {
	pinBridgeSuiteApi: new PinBridgeSuiteApi(),
	pinBridgeSuiteOAuth2Api: new PinBridgeSuiteOAuth2Api(),
	oAuth2Api: { name: 'oAuth2Api', displayName: 'OAuth2 API', properties: [] },
};

export function defaultCredentials(baseUrl = TEST_BASE_URL, apiKey = TEST_API_KEY): CredentialStore {
	return { pinBridgeSuiteApi: { baseUrl, apiKey } };
}

export function createAdditionalData(
	workflow: { id: string; name: string; nodes: INode[]; connections: IConnections },
	credentials: CredentialStore,
): { additionalData: IWorkflowExecuteAdditionalData; credentialsHelper: TestCredentialsHelper } {
	const credentialsHelper = new TestCredentialsHelper(credentialTypes, credentials);
	const workflowData = { ...workflow, active: false, isArchived: false, createdAt: new Date(), updatedAt: new Date(), activeVersionId: null };
	const additionalData = {
		credentialsHelper,
		hooks: new ExecutionLifecycleHooks('manual', 'test-execution', workflowData),
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		currentNodeExecutionIndex: 0,
		variables: {},
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('task runners are not used in these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
	return { additionalData, credentialsHelper };
}

export interface RunOptions {
	/** The PinBridge node's parameters. */
	parameters: INodeParameters;
	/** Items entering the node (json and binary); default one empty item. */
	items?: INodeExecutionData[];
	credentials?: CredentialStore;
	/** Which credential the node uses; default the API key. */
	credentialType?: 'pinBridgeSuiteApi' | 'pinBridgeSuiteOAuth2Api';
	/** Node settings as in the editor: continueOnFail, retryOnFail, … */
	nodeSettings?: Partial<INode>;
	timezone?: string;
	extraNodeTypes?: Record<string, INodeType>;
}

export interface RunResult {
	run: IRun;
	/** The PinBridge node's output items (first output). */
	items: INodeExecutionData[];
	/** The run's error, if it failed (a plain object: check name / message / httpCode). */
	error?: IDataObject & { message?: string; description?: string; httpCode?: string };
	credentialsHelper: TestCredentialsHelper;
}

export const NODE_NAME = 'PinBridge';

/** Test Items → PinBridge, run once through n8n's engine. */
export async function runPinBridgeNode(options: RunOptions): Promise<RunResult> {
	const credentialType = options.credentialType ?? 'pinBridgeSuiteApi';
	const nodes: INode[] = [
		{ id: 'source', name: 'Items', type: ITEMS_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'pinbridge',
			name: NODE_NAME,
			type: ACTION_NODE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters: {
				...(credentialType === 'pinBridgeSuiteOAuth2Api' ? { authentication: 'oAuth2' } : {}),
				...options.parameters,
			},
			credentials: { [credentialType]: { id: 'cred-1', name: 'PinBridge test credential' } },
			...options.nodeSettings,
		},
	];
	const connections: IConnections = {
		Items: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
	};
	return await runWorkflow({
		nodes,
		connections,
		items: options.items,
		credentials: options.credentials ?? defaultCredentials(),
		timezone: options.timezone,
		extraNodeTypes: options.extraNodeTypes,
		outputNode: NODE_NAME,
	});
}

export async function runWorkflow(options: {
	nodes: INode[];
	connections: IConnections;
	items?: INodeExecutionData[];
	credentials: CredentialStore;
	timezone?: string;
	extraNodeTypes?: Record<string, INodeType>;
	outputNode: string;
}): Promise<RunResult> {
	const workflowShape = { id: 'wf-test', name: 'Test workflow', nodes: options.nodes, connections: options.connections };
	const workflow = new Workflow({
		...workflowShape,
		active: false,
		nodeTypes: createNodeTypes(options.items, options.extraNodeTypes),
		settings: { executionOrder: 'v1', ...(options.timezone ? { timezone: options.timezone } : {}) },
	});
	const { additionalData, credentialsHelper } = createAdditionalData(workflowShape, options.credentials);
	const run = await new WorkflowExecute(additionalData, 'manual').run({ workflow });
	const runData = run.data.resultData.runData[options.outputNode];
	const items = runData?.[0]?.data?.main?.[0] ?? [];
	const error = run.data.resultData.error as RunResult['error'];
	return { run, items, error, credentialsHelper };
}

export type { ICredentialDataDecryptedObject };
