/* eslint-disable @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-explicit-any */
// The shapes the n8n REST client (client.ts) sends and receives, and two small polling helpers it and the tests use.
export interface N8nConnection {
	url: string;
	apiKey: string;
	cookie: string;
	/** n8n 1.x / 2.0 API differences (see N8nVersionSpec.legacyApi). */
	legacyApi?: boolean;
}

export interface CredentialRef {
	id: string;
	name: string;
	type: string;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export type ExecutionStatus =
	| 'canceled'
	| 'crashed'
	| 'error'
	| 'new'
	| 'running'
	| 'success'
	| 'unknown'
	| 'waiting';

export interface N8nExecution {
	id: string;
	workflowId: string;
	mode: string;
	status: ExecutionStatus;
	finished: boolean;
	startedAt: string;
	stoppedAt: string | null;
	retryOf?: string | null;
	retrySuccessId?: string | null;
	/** Present with includeData: the run data. */
	data?: {
		resultData: {
			runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: any; binary?: any }> | null> }; error?: any }>>;
			lastNodeExecuted?: string;
			error?: { message: string; description?: string; [k: string]: any };
		};
		[k: string]: any;
	};
	workflowData?: WorkflowJson;
	[k: string]: any;
}

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, any>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	disabled?: boolean;
	[k: string]: any;
}

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, any>;
	settings?: Record<string, any>;
	staticData?: any;
	active?: boolean;
	[k: string]: any;
}

export interface RunResult {
	executionId: string;
	execution: N8nExecution;
	status: ExecutionStatus;
	/** Output items (json only) of `node` (default: the last node executed), output 0, last run. */
	items: any[];
	/** Output items of any node by name (output 0, last run). */
	itemsOf(nodeName: string, outputIndex?: number): any[];
	/** The error message if the execution failed. */
	error?: string;
}

export class N8nHttpError extends Error {
	constructor(
		readonly method: string,
		readonly path: string,
		readonly status: number,
		readonly body: any,
	) {
		super(`${method} ${path} → ${status}: ${typeof body === 'string' ? body.slice(0, 500) : JSON.stringify(body)?.slice(0, 500)}`);
	}
}

/** A plain timer wait (test tooling; shipped code uses n8n-workflow's sleep). */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Poll `probe` until it returns a truthy value (returned) or the timeout passes (throws, with the last value).
 * Needed because in n8n 2.41 activate/deactivate answer BEFORE the trigger's webhook is created/deleted
 * (≈0.3–0.5 s later), so "exactly one webhook at the emulator" must be awaited, not read right away.
 */
export async function waitFor<T>(probe: () => Promise<T> | T, opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {}): Promise<NonNullable<T>> {
	const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
	let last: T | undefined;
	for (;;) {
		last = await probe();
		if (last) return last as NonNullable<T>;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${opts.what ?? 'condition'} (last: ${JSON.stringify(last)})`);
		await sleep(opts.intervalMs ?? 100);
	}
}

/** Output items (json) of one node in an execution's run data. */
export function nodeOutput(execution: N8nExecution, nodeName: string, outputIndex = 0): any[] {
	const runs = execution.data?.resultData?.runData?.[nodeName];
	if (!runs?.length) return [];
	const last = runs[runs.length - 1];
	return (last.data?.main?.[outputIndex] ?? []).map((i) => i.json);
}

const FINAL_STATUSES: ExecutionStatus[] = ['success', 'error', 'crashed', 'canceled'];

/** Whether an execution has finished (successfully or not). */
export function isFinished(execution: N8nExecution): boolean {
	return FINAL_STATUSES.includes(execution.status) || Boolean(execution.finished && execution.stoppedAt);
}

/** A finished execution as a RunResult: `node`'s output (default: the last node executed) and the error, if any. */
export function toRunResult(execution: N8nExecution, node?: string): RunResult {
	const last = node ?? execution.data?.resultData?.lastNodeExecuted ?? '';
	const err = execution.data?.resultData?.error;
	return {
		executionId: String(execution.id),
		execution,
		status: execution.status,
		items: last ? nodeOutput(execution, last) : [],
		itemsOf: (name: string, outputIndex = 0) => nodeOutput(execution, name, outputIndex),
		error: err ? [err.message, err.description].filter(Boolean).join(' — ') : undefined,
	};
}
