/* eslint-disable @n8n/community-nodes/require-node-api-error */
/**
 * Small typed REST client for driving a real n8n (2.41.1) from tests.
 *
 * Two APIs are used:
 *  - the public API (`/api/v1/*`, header `X-N8N-API-KEY`) where it can do the job: credentials, workflows,
 *    activation, executions;
 *  - the editor's internal API (`/rest/*`, cookie `n8n-auth` + header `browser-id`) for what the public API lacks:
 *    testing a credential, running a workflow manually, retrying an execution, listing node/credential types.
 *
 * HOW HEADLESS RUNS WORK (runWorkflow) — and why:
 *   `POST /rest/workflows/:id/run` with `{ triggerToStartFrom: { name: <trigger node> } }`, i.e. exactly what the
 *   editor's "Execute workflow" button sends. In 2.41 it runs the workflow as stored in the DB (the body no longer
 *   carries workflowData), answers at once with `{ data: { executionId } }`, and the execution (mode `manual`) is
 *   saved; we then poll `GET /api/v1/executions/:id?includeData=true` until it has finished and read the items from
 *   `data.resultData.runData`. This is the most faithful path for the example workflows (they start with a
 *   Manual Trigger, like a user's), needs no activation and no extra nodes, and is fast (no new process).
 *   Rejected alternatives: `n8n execute --id` starts a second n8n on the same SQLite DB (~10 s per run, and about
 *   one run in five exits 139 after printing); a Webhook-started workflow (`responseMode: lastNode`) needs the
 *   workflow to be active and a different trigger — it is still available as `callWebhook()` for production-mode
 *   runs (mode `webhook`), e.g. for workflows that must be active anyway.
 *   Input items: `runWorkflow(id, { triggerItems })` pins them as the trigger's output for that one run (the
 *   editor's "pin data"), so a Manual Trigger workflow can be fed e.g. 20 items without a Code node.
 *   If a workflow starts with a trigger that needs an external event (e.g. the PinBridge Trigger), the run endpoint
 *   answers `{ waitingForWebhook: true }`; runWorkflow() rejects that — activate the workflow instead.
 *
 * ACTIVATION is asynchronous in 2.41: `POST /api/v1/workflows/:id/activate` (and deactivate) answer before the
 *   trigger's webhookMethods have run (the webhook appears at PinBridge ~0.3–0.5 s later) — use waitFor().
 *
 * RE-RUNNING AN EXECUTION:
 *   `retryExecution()` is n8n's own "Retry" (`POST /rest/executions/:id/retry`): it re-runs a FAILED execution from
 *   the node that failed, with the same input items, as a new execution (mode `retry`, `retryOf` set). n8n refuses
 *   to retry a successful execution (409 "The execution succeeded, so it cannot be retried."). For a successful
 *   one, `rerunExecution()` replays it the way the editor's "Debug in editor" does: the trigger's saved output is
 *   pinned for one run, so every node after the trigger gets the same items again (a new manual execution).
 */

/* eslint-disable @typescript-eslint/no-explicit-any */

import { BROWSER_ID } from './instance';
import {
	sleep,
	isFinished,
	N8nHttpError,
	nodeOutput,
	toRunResult,
	type N8nConnection,
	type CredentialRef,
	type CredentialTestResult,
	type N8nExecution,
	type WorkflowJson,
	type RunResult,
} from './clientTypes';
import { withDeliveryTable } from '../repeats/deliveryTable';
export * from './clientTypes';


export class N8nClient {
	/** Credential data given to createCredential, so testCredential(id) can send it back. */
	private readonly credentialData = new Map<string, { type: string; name: string; data: Record<string, any> }>();

	constructor(readonly conn: N8nConnection) {}

	/** Update the cookie (after instance.restart()). */
	setCookie(cookie: string): void {
		this.conn.cookie = cookie;
	}

	// ---------------------------------------------------------------- low level

	async request<T = any>(
		api: 'public' | 'rest',
		method: string,
		path: string,
		body?: unknown,
		opts: { okStatuses?: number[] } = {},
	): Promise<{ status: number; body: T }> {
		const url = `${this.conn.url}${api === 'public' ? '/api/v1' : '/rest'}${path}`;
		const headers: Record<string, string> = { accept: 'application/json' };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (api === 'public') headers['X-N8N-API-KEY'] = this.conn.apiKey;
		else {
			headers.cookie = this.conn.cookie;
			headers['browser-id'] = BROWSER_ID;
		}
		const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		const text = await res.text();
		let parsed: any = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			/* keep text */
		}
		const ok = opts.okStatuses ? opts.okStatuses.includes(res.status) : res.ok;
		if (!ok) throw new N8nHttpError(method, `${api === 'public' ? '/api/v1' : '/rest'}${path}`, res.status, parsed);
		return { status: res.status, body: parsed as T };
	}

	private async rest<T = any>(method: string, path: string, body?: unknown): Promise<T> {
		const r = await this.request<{ data: T }>('rest', method, path, body);
		return r.body?.data as T;
	}

	private async pub<T = any>(method: string, path: string, body?: unknown): Promise<T> {
		return (await this.request<T>('public', method, path, body)).body;
	}

	// ---------------------------------------------------------------- types

	/** Names of all credential types n8n has loaded (e.g. includes 'pinBridgeSuiteApi' once the package loads). */
	async credentialTypeNames(): Promise<string[]> {
		const res = await fetch(`${this.conn.url}/types/credentials.json`, {
			headers: { cookie: this.conn.cookie, 'browser-id': BROWSER_ID },
		});
		if (!res.ok) throw new N8nHttpError('GET', '/types/credentials.json', res.status, await res.text());
		return ((await res.json()) as Array<{ name: string }>).map((t) => t.name);
	}

	/** Names of all node types n8n has loaded (e.g. 'n8n-nodes-pinbridge-suite.pinBridgeSuite'). */
	async nodeTypeNames(): Promise<string[]> {
		const res = await fetch(`${this.conn.url}/types/nodes.json`, {
			headers: { cookie: this.conn.cookie, 'browser-id': BROWSER_ID },
		});
		if (!res.ok) throw new N8nHttpError('GET', '/types/nodes.json', res.status, await res.text());
		return [...new Set(((await res.json()) as Array<{ name: string }>).map((t) => t.name))];
	}

	// ---------------------------------------------------------------- credentials

	/** Create a credential through the public API. */
	async createCredential(type: string, given: Record<string, any>, name = `${type} ${Date.now()}`): Promise<CredentialRef> {
		// n8n 1.x/2.0's public API refuses a credential that has `authenticate` without this (what its editor sends).
		const data = this.conn.legacyApi ? { allowedHttpRequestDomains: 'all', ...given } : given;
		const created = await this.pub<{ id: string; name: string; type: string }>('POST', '/credentials', { name, type, data });
		this.credentialData.set(created.id, { type, name, data });
		return { id: created.id, name: created.name, type: created.type };
	}

	/** Replace a credential's data (internal `PATCH /rest/credentials/:id`). */
	async updateCredential(id: string, data: Record<string, any>): Promise<CredentialRef> {
		const found = (await this.listCredentials()).find((c) => c.id === id);
		if (!found) throw new Error(`credential ${id} not found`);
		await this.rest('PATCH', `/credentials/${id}`, { name: found.name, type: found.type, data });
		this.credentialData.set(id, { type: found.type, name: found.name, data });
		return found;
	}

	async deleteCredential(id: string): Promise<void> {
		await this.pub('DELETE', `/credentials/${id}`);
		this.credentialData.delete(id);
	}

	/** Credentials visible to the owner (internal API; the public API has no list endpoint for credentials). */
	async listCredentials(): Promise<CredentialRef[]> {
		const list = await this.rest<Array<{ id: string; name: string; type: string }>>('GET', '/credentials');
		return list.map(({ id, name, type }) => ({ id, name, type }));
	}

	/**
	 * Run the credential type's `test` (what the editor's "Retry"/"Save" does): internal `POST /rest/credentials/test`
	 * with `{ credentials: { id, name, type, data } }`. In 2.41 the credential must exist (n8n looks it up by id and
	 * merges redacted values with the stored data). `data` defaults to what createCredential() was given.
	 */
	async testCredential(id: string, override?: { type?: string; name?: string; data?: Record<string, any> }): Promise<CredentialTestResult> {
		const known = this.credentialData.get(id);
		let type = override?.type ?? known?.type;
		let name = override?.name ?? known?.name;
		if (!type || !name) {
			const found = (await this.listCredentials()).find((c) => c.id === id);
			if (!found) throw new Error(`credential ${id} not found`);
			type ??= found.type;
			name ??= found.name;
		}
		const data = override?.data ?? known?.data ?? {};
		return await this.rest<CredentialTestResult>('POST', '/credentials/test', { credentials: { id, name, type, data } });
	}

	// ---------------------------------------------------------------- workflows

	/**
	 * Create a workflow from JSON (public API `POST /api/v1/workflows`); returns its id. Only the fields the public
	 * API accepts are sent (name, nodes, connections, settings, staticData, pinData). pinData is always sent, `{}`
	 * when the file has none, as the editor saves it: a workflow stored with `pinData: null` breaks the editor's
	 * Execute step after Execute workflow in n8n 2.41 ("Cannot read properties of null", issue 23).
	 */
	async importWorkflow(given: WorkflowJson): Promise<string> {
		const json = await withDeliveryTable(this, given); // the example trigger workflow's data table, as a user picks it
		const body = {
			name: json.name,
			nodes: json.nodes,
			connections: json.connections,
			settings: json.settings ?? { executionOrder: 'v1' },
			...(json.staticData ? { staticData: json.staticData } : {}),
			// n8n 1.x/2.0's public API refuses a pinData field ("must NOT have additional properties").
			...(this.conn.legacyApi ? {} : { pinData: json.pinData ?? {} }),
		};
		const created = await this.pub<{ id: string }>('POST', '/workflows', body);
		return created.id;
	}

	async getWorkflow(id: string): Promise<WorkflowJson & { id: string; active: boolean }> {
		return await this.pub('GET', `/workflows/${id}`);
	}

	async listWorkflows(): Promise<Array<{ id: string; name: string; active: boolean }>> {
		const out: Array<{ id: string; name: string; active: boolean }> = [];
		let cursor: string | undefined;
		do {
			const page = await this.pub<{ data: any[]; nextCursor?: string | null }>(
				'GET',
				`/workflows?limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
			);
			out.push(...page.data.map((w) => ({ id: w.id, name: w.name, active: w.active })));
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return out;
	}

	async deleteWorkflow(id: string): Promise<void> {
		await this.pub('DELETE', `/workflows/${id}`);
	}

	/** Activate (registers trigger webhooks — the node's `webhookMethods.create` runs now). */
	async activate(id: string): Promise<void> {
		await this.pub('POST', `/workflows/${id}/activate`);
	}

	/** Deactivate (the node's `webhookMethods.delete` runs now). */
	async deactivate(id: string): Promise<void> {
		await this.pub('POST', `/workflows/${id}/deactivate`);
	}

	// ---------------------------------------------------------------- executions

	async listExecutions(
		filter: { workflowId?: string; status?: 'error' | 'success' | 'waiting' | 'running' | 'canceled'; limit?: number; includeData?: boolean } = {},
	): Promise<N8nExecution[]> {
		const q = new URLSearchParams();
		if (filter.workflowId) q.set('workflowId', filter.workflowId);
		if (filter.status) q.set('status', filter.status);
		if (filter.includeData) q.set('includeData', 'true');
		q.set('limit', String(filter.limit ?? 250));
		const out: N8nExecution[] = [];
		let cursor: string | undefined;
		do {
			if (cursor) q.set('cursor', cursor);
			const page = await this.pub<{ data: N8nExecution[]; nextCursor?: string | null }>('GET', `/executions?${q}`);
			out.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor && (!filter.limit || out.length < filter.limit));
		return out;
	}

	async getExecution(id: string, includeData = true): Promise<N8nExecution> {
		return await this.pub('GET', `/executions/${id}?includeData=${includeData}`);
	}

	/** Poll until the execution reached a final status (success/error/crashed/canceled). */
	async waitForExecution(id: string, timeoutMs = 60_000): Promise<N8nExecution> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			let ex: N8nExecution | undefined;
			try {
				ex = await this.getExecution(id, true);
			} catch (err) {
				// Right after the run starts, the execution may not be readable yet.
				if (!(err instanceof N8nHttpError && err.status === 404)) throw err;
			}
			if (ex && isFinished(ex)) return ex;
			if (Date.now() > deadline) throw new Error(`execution ${id} not finished after ${timeoutMs} ms (status ${ex?.status})`);
			await sleep(200);
		}
	}

	/**
	 * Wait until `count` executions of a workflow exist (optionally: newer than `sinceId`), all finished.
	 * For trigger tests: "a published Pin starts exactly one execution".
	 */
	async waitForExecutions(workflowId: string, count: number, opts: { timeoutMs?: number; sinceId?: string } = {}): Promise<N8nExecution[]> {
		const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
		for (;;) {
			const all = (await this.listExecutions({ workflowId })).filter((e) => !opts.sinceId || Number(e.id) > Number(opts.sinceId));
			if (all.length >= count && all.every((e) => isFinished(e))) {
				return await Promise.all(all.map((e) => this.getExecution(e.id, true)));
			}
			if (Date.now() > deadline) {
				throw new Error(`expected ${count} finished executions of ${workflowId}, have ${all.map((e) => `${e.id}:${e.status}`).join(', ') || 'none'}`);
			}
			await sleep(250);
		}
	}

	/**
	 * Run a stored workflow headlessly, as the editor's "Execute workflow" does, wait for it to finish and return the
	 * output. `trigger` defaults to the workflow's first node whose type ends in 'Trigger' or 'trigger'.
	 * `triggerItems` (optional) replaces the trigger's output with these items (json objects).
	 */
	async runWorkflow(
		workflowId: string,
		opts: { trigger?: string; triggerItems?: any[]; node?: string; timeoutMs?: number } = {},
	): Promise<RunResult> {
		const wf = await this.getWorkflow(workflowId);
		const triggerName = opts.trigger ?? wf.nodes.find((n) => /trigger$/i.test(n.type))?.name;
		if (!triggerName) throw new Error(`workflow ${workflowId} has no trigger node; pass opts.trigger`);
		if (this.conn.legacyApi) {
			// n8n 1.x/2.0 run the workflow sent in the body, with the pin data in it.
			const workflowData = await this.rest<any>('GET', `/workflows/${workflowId}`);
			if (opts.triggerItems) workflowData.pinData = { [triggerName]: opts.triggerItems.map((json) => ({ json })) };
			return await this.startManualRun(workflowId, { workflowData, triggerToStartFrom: { name: triggerName } }, opts);
		}
		if (!opts.triggerItems) return await this.startManualRun(workflowId, { triggerToStartFrom: { name: triggerName } }, opts);
		// Feed the items in as the trigger's pinned data (what "Debug in editor" does), then restore the pin data.
		// (`triggerToStartFrom.data` is accepted by the DTO but ignored by 2.41's full manual run.)
		const previous = await this.setPinData(workflowId, { [triggerName]: opts.triggerItems.map((json) => ({ json })) });
		try {
			return await this.startManualRun(workflowId, { triggerToStartFrom: { name: triggerName } }, opts);
		} finally {
			await this.setPinData(workflowId, previous, true);
		}
	}

	/**
	 * Merge `pinData` into the workflow's pinned data (or replace it when `replace`); returns the previous pin data.
	 * Internal `PATCH /rest/workflows/:id` (partial update).
	 */
	async setPinData(workflowId: string, pinData: Record<string, Array<{ json: any }>> | null, replace = false): Promise<Record<string, any> | null> {
		const wf = await this.rest<any>('GET', `/workflows/${workflowId}`);
		const previous = wf.pinData && Object.keys(wf.pinData).length ? wf.pinData : null;
		const next = replace ? pinData : { ...(previous ?? {}), ...(pinData ?? {}) };
		await this.rest('PATCH', `/workflows/${workflowId}?forceSave=true`, { pinData: next ?? {} });
		return previous;
	}

	private async startManualRun(workflowId: string, body: Record<string, any>, opts: { node?: string; timeoutMs?: number }): Promise<RunResult> {
		const started = await this.rest<{ executionId?: string; waitingForWebhook?: boolean }>('POST', `/workflows/${workflowId}/run`, body);
		if (!started?.executionId) {
			throw new Error(
				`workflow ${workflowId} did not start (${JSON.stringify(started)}): its trigger waits for an external event — activate it instead`,
			);
		}
		const execution = await this.waitForExecution(started.executionId, opts.timeoutMs);
		return toRunResult(execution, opts.node);
	}

	/**
	 * n8n's own "Retry" of an execution (`POST /rest/executions/:id/retry`): only for FAILED executions; runs again
	 * from the failed node with the same inputs, as a new execution (`retryOf` = id). `loadWorkflow: true` uses the
	 * currently saved workflow instead of the one stored with the execution (the editor's "Retry with currently saved
	 * workflow"). Resolves with the new execution, finished.
	 */
	async retryExecution(id: string, opts: { loadWorkflow?: boolean; timeoutMs?: number; node?: string } = {}): Promise<RunResult> {
		const before = await this.getExecution(id, false);
		// The endpoint answers with the *status* of the retry (boolean-ish), not its id; find the new execution by retryOf.
		await this.request('rest', 'POST', `/executions/${id}/retry`, { loadWorkflow: opts.loadWorkflow ?? false });
		const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
		for (;;) {
			const retry = (await this.listExecutions({ workflowId: before.workflowId })).find((e) => String(e.retryOf) === String(id));
			if (retry) {
				const ex = await this.waitForExecution(retry.id, Math.max(1000, deadline - Date.now()));
				return toRunResult(ex, opts.node);
			}
			if (Date.now() > deadline) throw new Error(`no retry execution of ${id} appeared`);
			await sleep(200);
		}
	}

	/**
	 * Run a finished (e.g. successful) execution again with the same trigger output — what a user does with
	 * "Debug in editor" + "Execute workflow". Creates a new manual execution of the currently saved workflow.
	 */
	async rerunExecution(id: string, opts: { node?: string; timeoutMs?: number } = {}): Promise<RunResult> {
		const ex = await this.getExecution(id, true);
		const wf = await this.getWorkflow(ex.workflowId);
		const runData = ex.data?.resultData?.runData ?? {};
		const trigger = wf.nodes.find((n) => /trigger$/i.test(n.type) && runData[n.name]?.length);
		if (!trigger) throw new Error(`execution ${id} has no trigger run data to replay`);
		return await this.runWorkflow(ex.workflowId, { ...opts, trigger: trigger.name, triggerItems: nodeOutput(ex, trigger.name) });
	}

	// ---------------------------------------------------------------- webhooks

	/** Call a production webhook (`/webhook/<path>`) of an active workflow. */
	async callWebhook(path: string, body?: unknown, init: { method?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: any; headers: Headers }> {
		const res = await fetch(`${this.conn.url}/webhook/${path.replace(/^\//, '')}`, {
			method: init.method ?? 'POST',
			headers: { 'content-type': 'application/json', ...init.headers },
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
		});
		const text = await res.text();
		let parsed: any = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			/* keep text */
		}
		return { status: res.status, body: parsed, headers: res.headers };
	}
}
