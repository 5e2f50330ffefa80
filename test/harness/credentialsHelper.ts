// Test-only stand-in for the n8n app's credentials helper: hands out the test's credential data and applies a
// credential type's `authenticate` block the way the app does (its `={{$credentials.x}}` expressions resolved by
// the workflow's own expression engine).
import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type Workflow,
} from 'n8n-workflow';

export type CredentialStore = Record<string, ICredentialDataDecryptedObject>;

export class TestCredentialsHelper extends ICredentialsHelper {
	/** Every OAuth token update n8n asks to persist, for tests of the refresh flow. */
	readonly tokenUpdates: ICredentialDataDecryptedObject[] = [];

	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly store: CredentialStore,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		const parents = this.types[name]?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const options = requestOptions as IHttpRequestOptions;
		const authenticate = this.types[typeName]?.authenticate;
		if (!authenticate || typeof authenticate === 'function') return options;
		const resolve = (value: string) =>
			workflow && node
				? String(
						workflow.expression.getParameterValue(value, null, 0, 0, node.name, [], 'manual', {
							$credentials: credentials,
						}),
					)
				: value;
		for (const [name, value] of Object.entries(authenticate.properties.headers ?? {})) {
			options.headers = { ...options.headers, [name]: resolve(String(value)) };
		}
		for (const [name, value] of Object.entries(authenticate.properties.qs ?? {})) {
			options.qs = { ...options.qs, [name]: resolve(String(value)) };
		}
		return options;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by n8n-core in these tests');
	}

	async getDecrypted(
		_additionalData: unknown,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store[type];
		if (!data) throw new Error(`The test gave no credential of type ${type} (${nodeCredentials.name})`);
		return { ...data };
	}

	async updateCredentials(_details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject) {
		this.store[type] = data;
	}

	async updateCredentialsOauthTokenData(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.tokenUpdates.push(data);
		this.store[type] = { ...this.store[type], ...data };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types[type]?.properties ?? [];
	}
}
