import type { IDataObject } from 'n8n-workflow';

/**
 * An account's health (contract §8.11) in a few words, for the account picker and the Get Many output:
 * "reconnect required", "missing boards:write_secret", "token refresh due", or undefined when healthy.
 * `reconnect_required` is false and `missing_scopes` empty when PinBridge leaves them out (older APIs).
 */
export function healthNote(account: IDataObject): string | undefined {
	const missing = Array.isArray(account.missing_scopes) ? account.missing_scopes.map(String) : [];
	const notes: string[] = [];
	if (account.reconnect_required === true || account.health_status === 'reconnect_required') notes.push('reconnect required');
	if (missing.length) notes.push(`missing ${missing.join(', ')}`);
	else if (account.health_status === 'scope_missing') notes.push('missing a Pinterest permission');
	if (account.health_status === 'refresh_due') notes.push('token refresh due');
	return notes.length ? notes.join('; ') : undefined;
}

/** The account with the health fields always present, and `health` in words ("healthy" when nothing is wrong). */
export function withHealth(account: IDataObject): IDataObject {
	return {
		...account,
		reconnect_required: account.reconnect_required === true,
		missing_scopes: Array.isArray(account.missing_scopes) ? account.missing_scopes : [],
		health: healthNote(account) ?? 'healthy',
	};
}
