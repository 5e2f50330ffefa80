// Test-only: a context for calling the request helper directly, whose HTTP goes through n8n-core's real
// httpRequestWithAuthentication (auth, OAuth2 signing, error wrapping) exactly as inside a running node.
import { httpRequestWithAuthentication } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helpers/authentication';
import {
	Workflow,
	type IAdditionalCredentialOptions,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
} from 'n8n-workflow';

import type { PinBridgeContext } from '../../nodes/shared/transport/request';
import type { CredentialStore } from './credentialsHelper';
import { ACTION_NODE_TYPE, createNodeTypes } from './nodeTypes';
import { createAdditionalData, defaultCredentials } from './runWorkflow';

export function createTransportContext(
	options: { parameters?: IDataObject; credentials?: CredentialStore; credentialId?: string } = {},
): PinBridgeContext & { node: INode } {
	const credentials = options.credentials ?? defaultCredentials();
	const parameters = options.parameters ?? {};
	const credentialType = parameters.authentication === 'oAuth2' ? 'pinBridgeSuiteOAuth2Api' : 'pinBridgeSuiteApi';
	const node: INode = {
		id: 'pinbridge',
		name: 'PinBridge',
		type: ACTION_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { [credentialType]: { id: options.credentialId ?? 'cred-transport', name: 'test' } },
	};
	const shape = { id: 'wf-transport', name: 'transport', nodes: [node], connections: {} };
	const workflow = new Workflow({ ...shape, active: false, nodeTypes: createNodeTypes(), settings: {} });
	const { additionalData } = createAdditionalData(shape, credentials);
	const ctx = {
		node,
		getNode: () => node,
		getCredentials: async <T extends object>(type: string) => ({ ...credentials[type] }) as T,
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		logger: { warn: () => {}, debug: () => {}, info: () => {}, error: () => {} },
		helpers: {
			async httpRequestWithAuthentication(
				this: unknown,
				type: string,
				requestOptions: IHttpRequestOptions,
				additionalCredentialOptions?: IAdditionalCredentialOptions,
			) {
				return await httpRequestWithAuthentication.call(
					ctx as never,
					type,
					requestOptions,
					workflow,
					node,
					additionalData,
					additionalCredentialOptions,
				);
			},
		},
	};
	return ctx;
}
