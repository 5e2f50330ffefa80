import { NodeOperationError, type IDataObject, type ILoadOptionsFunctions, type INodeListSearchResult } from 'n8n-workflow';

import { healthNote } from './accountHealth';
import { listItemsOf } from './transport/lists';
import { credentialTypeOf, pinBridgeRequest } from './transport/request';

/**
 * n8n shows only an error's message under a picker ("Could not load list — …"): when PinBridge refuses the key, the
 * message names the credential to fix, as the node's own errors do. Any other error is returned as it is.
 */
function namingTheCredential(ctx: ILoadOptionsFunctions, error: Error): Error {
	if (String((error as { httpCode?: unknown }).httpCode) !== '401') return error;
	const name = ctx.getNode().credentials?.[credentialTypeOf(ctx)]?.name;
	return new NodeOperationError(
		ctx.getNode(),
		`PinBridge refused the ${name ? `credential "${name}"` : 'selected credential'}: ${error.message}. Open it and paste a current API key (PinBridge dashboard → API keys).`,
		{ description: (error as { description?: string }).description },
	);
}

/** A picker's list: every item PinBridge lists at `path`. */
async function listOf(ctx: ILoadOptionsFunctions, path: string, qs?: IDataObject): Promise<IDataObject[]> {
	const { body } = await pinBridgeRequest(ctx, {
		method: 'GET',
		path,
		...(qs ? { qs } : {}),
	}).catch((error: Error) => {
		throw namingTheCredential(ctx, error);
	});
	return listItemsOf(ctx.getNode(), body, path);
}

function matches(filter: string | undefined, ...fields: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return fields.some((field) => typeof field === 'string' && field.toLowerCase().includes(needle));
}

export async function searchAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const accounts = (await listOf(this, '/v1/pinterest/accounts')).filter((account) => !account.revoked_at);
	return {
		results: accounts
			.filter((account) => matches(filter, account.display_name, account.username, account.id))
			.map((account) => ({
				name: `${String(account.display_name ?? account.username ?? account.id)}${
					account.username ? ` (@${String(account.username)})` : ''
				}${healthNote(account) ? ` — ${healthNote(account)}` : ''}`,
				value: String(account.id),
			})),
	};
}

async function boardsOf(ctx: ILoadOptionsFunctions, accountId: string): Promise<IDataObject[]> {
	return await listOf(ctx, '/v1/pinterest/boards', { account_id: accountId });
}

/**
 * The boards of the chosen account; with no account chosen (Publish may leave it to PinBridge, contract §9.1.3),
 * the boards of every connected account, each named with its account.
 */
export async function searchBoards(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const accountId = this.getCurrentNodeParameter('account', { extractValue: true }) as string | undefined;
	const owners: Array<{ id: string; label?: string }> = [];
	if (accountId) {
		owners.push({ id: accountId });
	} else {
		for (const account of await listOf(this, '/v1/pinterest/accounts')) {
			if (account.revoked_at || account.id === undefined || account.id === null) continue;
			owners.push({ id: String(account.id), label: String(account.username ? `@${String(account.username)}` : account.display_name ?? account.id) });
		}
	}
	const results: INodeListSearchResult['results'] = [];
	for (const owner of owners) {
		for (const board of await boardsOf(this, owner.id)) {
			if (!matches(filter, board.name, board.id)) continue;
			const name = String(board.name ?? board.id);
			results.push({ name: owner.label ? `${name} (${owner.label})` : name, value: String(board.id) });
		}
	}
	return { results };
}
