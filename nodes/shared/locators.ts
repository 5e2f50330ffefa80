import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/*
 * By ID fields carry no regex validation: n8n runs such a regex in a vm with a 250 ms limit before every execution, and
 * on a starved CPU that limit fails the whole workflow ("Regular expression execution timed out"). The id is checked
 * when the item runs instead (shared/opaqueId.ts: no spaces, `/`, `?` or `#`), naming the field, before anything is sent.
 */

/** A connected Pinterest account: picked from the list (searchable) or given by id. */
export function accountLocator(
	displayOptions: IDisplayOptions,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Pinterest Account',
		name: 'account',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The Pinterest account connected to PinBridge',
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchAccounts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b',
			},
		],
		...overrides,
	};
}

/** A board of the chosen account: the list follows the account picked above it. */
export function boardLocator(
	displayOptions: IDisplayOptions,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Board',
		name: 'board',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'A board of the chosen Pinterest account',
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchBoards', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 549755885175',
			},
		],
		...overrides,
	};
}
