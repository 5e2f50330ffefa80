/**
 * The answer of a dry run (POST /v1/pins/validate, POST /v1/schedules/validate) as one item a workflow can branch on:
 *   { valid, summary, failedChecks: string[], warnings: string[], ...PinBridge's answer (checks, resolved,
 *     existing_pin_id, headroom, dry_run) }
 * A check line reads `board_access: Board 999 not found (board_not_found). What to do: …`. Checks whose status is
 * `failed` make the body invalid; `warning` ones do not (contract §8.3), e.g. `rate_paced` (§9.3).
 */
import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a check means when PinBridge says no more than its name (contract §9.3). */
const KNOWN_CHECKS: Record<string, string> = {
	rate_paced: 'the Pin would wait for Pinterest’s rate limit before publishing; nothing to fix, it publishes later',
};

function checkLine(check: IDataObject): string {
	const message = check.message ?? KNOWN_CHECKS[String(check.name)];
	const what = [message, check.code ? `(${String(check.code)})` : undefined].filter(Boolean).join(' ');
	const fix = check.remediation ? ` What to do: ${String(check.remediation)}` : '';
	return `${String(check.name ?? 'check')}: ${what || 'no details'}.${fix}`;
}

export async function dryRunOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = isObject(response.body) ? response.body : {};
	const checks = Array.isArray(body.checks) ? body.checks.filter(isObject) : [];
	const failedChecks = checks.filter((check) => check.status === 'failed').map(checkLine);
	const warnings = checks.filter((check) => check.status === 'warning').map(checkLine);
	const valid = typeof body.valid === 'boolean' ? body.valid : failedChecks.length === 0;
	const summary = valid
		? `Valid: PinBridge would accept it${warnings.length ? ` (${warnings.length} warning${warnings.length > 1 ? 's' : ''})` : ''}`
		: `Not valid: ${failedChecks.length} check${failedChecks.length === 1 ? '' : 's'} failed`;
	return [{ json: { valid, summary, failedChecks, warnings, ...body } }];
}
