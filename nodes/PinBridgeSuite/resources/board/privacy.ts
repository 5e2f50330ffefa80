import type { INodePropertyOptions } from 'n8n-workflow';

import type { ExplainFailure } from '../../shared/explain';

/** Board privacy values (contract §8.6; PROTECTED as PinBridge's own node offers it, §8.16 item 7). */
export const PRIVACY_VALUES = ['PUBLIC', 'PROTECTED', 'SECRET'] as const;

export const privacyOptions: INodePropertyOptions[] = [
	{ name: 'Protected', value: 'PROTECTED', description: 'Visible to people the account chooses' },
	{ name: 'Public', value: 'PUBLIC', description: 'Anyone on Pinterest can see the board' },
	{
		name: 'Secret',
		value: 'SECRET',
		description: 'Only the account and its collaborators see it; needs the Pinterest permission boards:write_secret',
	},
];

/**
 * What `scope_missing` means (contract §8.14 item 3): the Pinterest *connection* lacks a permission — accounts connected
 * before API 1.37 lack boards:write_secret — not the API key. The fix is reconnecting the account.
 */
export const SCOPE_MISSING_HINT =
	'This is about the Pinterest connection, not your PinBridge API key: the account was connected without a permission Pinterest needs for this (secret boards need boards:write_secret, which connections made before PinBridge API 1.37 lack). Reconnect the account in PinBridge (Pinterest Account → Start Connection, or the dashboard link below) and try again.';

export const explainScopeMissing: ExplainFailure = (_ctx, _error, code) =>
	code === 'scope_missing'
		? { message: 'The Pinterest account is missing a permission for this board (scope_missing)', hint: SCOPE_MISSING_HINT }
		: undefined;
