import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { healthNote } from './accountHealth';
import { listItemsOf } from './transport/lists';
import { pinBridgeRequest, type PinBridgeContext } from './transport/request';

function matches(filter: string | undefined, ...fields: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return fields.some((field) => typeof field === 'string' && field.toLowerCase().includes(needle));
}

export async function searchAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { body } = await pinBridgeRequest<IDataObject[]>(this as unknown as PinBridgeContext, {
		method: 'GET',
		path: '/v1/pinterest/accounts',
	});
	const accounts = listItemsOf(this.getNode(), body, '/v1/pinterest/accounts').filter((account) => !account.revoked_at);
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
	const { body } = await pinBridgeRequest(ctx as unknown as PinBridgeContext, {
		method: 'GET',
		path: '/v1/pinterest/boards',
		qs: { account_id: accountId },
	});
	return listItemsOf(ctx.getNode(), body, '/v1/pinterest/boards');
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
		const { body } = await pinBridgeRequest(this as unknown as PinBridgeContext, {
			method: 'GET',
			path: '/v1/pinterest/accounts',
		});
		for (const account of listItemsOf(this.getNode(), body, '/v1/pinterest/accounts')) {
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
