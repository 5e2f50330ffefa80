import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * What the editor checks in a By ID field: the opaque-id rule of shared/opaqueId.ts in regex form (no spaces, `/`, `?`
 * or `#`). PinBridge's ids are opaque (contract §9.1.1: `b_78f2a9`, UUIDs, digits): the format is PinBridge's to judge.
 */
const ID = '^[^\\s/?#]*$';

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
				validation: [
					{
						type: 'regex',
						properties: { regex: ID, errorMessage: 'Pinterest Account: the account ID only, without spaces, "/", "?" or "#"' },
					},
				],
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
				validation: [
					{
						type: 'regex',
						properties: { regex: ID, errorMessage: 'Board: the board ID only, without spaces, "/", "?" or "#"' },
					},
				],
			},
		],
		...overrides,
	};
}
