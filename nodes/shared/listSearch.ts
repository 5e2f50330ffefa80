import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { healthNote } from './accountHealth';
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
	const accounts = (Array.isArray(body) ? body : []).filter((account) => !account.revoked_at);
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

export async function searchBoards(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const accountId = this.getCurrentNodeParameter('account', { extractValue: true }) as string | undefined;
	if (!accountId) return { results: [] };
	const { body } = await pinBridgeRequest<IDataObject[]>(this as unknown as PinBridgeContext, {
		method: 'GET',
		path: '/v1/pinterest/boards',
		qs: { account_id: accountId },
	});
	return {
		results: (Array.isArray(body) ? body : [])
			.filter((board) => matches(filter, board.name, board.id))
			.map((board) => ({ name: String(board.name ?? board.id), value: String(board.id) })),
	};
}
