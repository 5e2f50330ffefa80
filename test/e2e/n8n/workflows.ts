/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * The example workflows in test/e2e/workflows/*.json, and how to point them at a given credential / account / board.
 * The JSON files carry placeholders (PINBRIDGE_CREDENTIAL_ID, PINBRIDGE_ACCOUNT_ID, PINBRIDGE_BOARD_ID) so they
 * import into any n8n; patchWorkflow() fills them in structurally (every PinBridge node gets the credential; every
 * `account` / `board` resource locator gets the id — in From List mode with the name the picker shows, when known,
 * as a user's own choice in the picker is saved).
 */
import fs from 'node:fs';
import path from 'node:path';

import type { WorkflowJson } from './client';

export const WORKFLOWS_DIR = path.resolve(__dirname, '..', 'workflows');
export const PACKAGE_NODE_PREFIX = 'n8n-nodes-pinbridge-suite.';
export const API_KEY_CREDENTIAL_TYPE = 'pinBridgeSuiteApi';

export interface WorkflowTargets {
	credential?: { id: string; name: string; type?: string };
	accountId?: string;
	boardId?: string;
	/** The names the pickers list for them (see pickerNames); without them the locators are set By ID. */
	accountName?: string;
	boardName?: string;
}

/**
 * The names the node's pickers show for an account and a board, read from PinBridge (the emulator) the way the
 * node's list searches read and format them (nodes/shared/listSearch.ts).
 */
export async function pickerNames(
	baseUrl: string,
	apiKey: string,
	accountId: string,
	boardId: string,
): Promise<{ accountName?: string; boardName?: string }> {
	const get = async (pathAndQuery: string) => {
		const response = await fetch(`${baseUrl}${pathAndQuery}`, { headers: { 'X-API-Key': apiKey } });
		return (await response.json()) as Array<Record<string, unknown>>;
	};
	const account = (await get('/v1/pinterest/accounts')).find((a) => a.id === accountId);
	const board = (await get(`/v1/pinterest/boards?account_id=${accountId}`)).find((b) => b.id === boardId);
	const accountName = account
		? `${String(account.display_name ?? account.username ?? account.id)}${account.username ? ` (@${String(account.username)})` : ''}`
		: undefined;
	return { accountName, boardName: board ? String(board.name ?? board.id) : undefined };
}

function locator(obj: Record<string, unknown>, value: string, name: string | undefined): Record<string, unknown> {
	return name ? { ...obj, mode: 'list', value, cachedResultName: name } : { ...obj, mode: 'id', value };
}

export function exampleWorkflowFiles(): string[] {
	return fs
		.readdirSync(WORKFLOWS_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => path.join(WORKFLOWS_DIR, f));
}

/** Load one example by file name (with or without .json), e.g. 'publish-and-wait'. */
export function loadExampleWorkflow(name: string, targets: WorkflowTargets = {}): WorkflowJson {
	const file = path.join(WORKFLOWS_DIR, name.endsWith('.json') ? name : `${name}.json`);
	return patchWorkflow(JSON.parse(fs.readFileSync(file, 'utf8')) as WorkflowJson, targets);
}

function patchLocators(value: unknown, targets: WorkflowTargets, key?: string): unknown {
	if (Array.isArray(value)) return value.map((v) => patchLocators(v, targets));
	if (!value || typeof value !== 'object') return value;
	const obj = value as Record<string, unknown>;
	if (obj.__rl === true) {
		// Only the placeholders: a locator filled by an expression (e.g. `$fromAI`) stays as it is.
		if (key === 'account' && targets.accountId && obj.value === 'PINBRIDGE_ACCOUNT_ID') {
			return locator(obj, targets.accountId, targets.accountName);
		}
		if (key === 'board' && targets.boardId && obj.value === 'PINBRIDGE_BOARD_ID') {
			return locator(obj, targets.boardId, targets.boardName);
		}
		return obj;
	}
	return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, patchLocators(v, targets, k)]));
}

/** Returns a copy with the PinBridge nodes pointed at the targets. */
export function patchWorkflow(wf: WorkflowJson, targets: WorkflowTargets): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(wf)) as WorkflowJson;
	for (const node of copy.nodes) {
		if (!node.type.startsWith(PACKAGE_NODE_PREFIX)) continue;
		node.parameters = patchLocators(node.parameters, targets) as Record<string, unknown>;
		if (targets.credential) {
			const type = targets.credential.type ?? API_KEY_CREDENTIAL_TYPE;
			node.credentials = { [type]: { id: targets.credential.id, name: targets.credential.name } };
		}
	}
	return copy;
}
