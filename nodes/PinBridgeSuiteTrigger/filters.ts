/**
 * The trigger's optional account and board filters, read under the same rules as the node's ID fields
 * (nodes/shared/values.ts): an expression giving true or an object, or a board ID that arrived as a JSON number
 * beyond 2^53 (already another number), would otherwise filter silently on the wrong value or on nothing at all.
 * Checked on activation (the workflow does not activate, the error names the field) and again on every delivery.
 */
import { NodeOperationError, type INode } from 'n8n-workflow';

import { NUMERIC_ID_PATTERN, textOf, UUID_PATTERN } from '../shared/values';

export const ACCOUNT_FILTER_LABEL = 'Only for Pinterest Account';
export const BOARD_FILTER_LABEL = 'Only for Board';

/** '' for "no filter". The account ID lower-cased: a UUID names the same account in either case. */
export interface TriggerFilters {
	accountId: string;
	boardId: string;
}

interface ParameterReader {
	getNode(): INode;
	getNodeParameter(name: string, fallback: unknown, options?: { extractValue?: boolean }): unknown;
}

function filterValue(ctx: ParameterReader, name: string, label: string, pattern: RegExp, shape: string): string {
	const result = textOf(ctx.getNodeParameter(name, '', { extractValue: true }), 'id');
	const problem = !result.ok
		? result.rule
		: result.text !== '' && !pattern.test(result.text)
			? `must be ${shape}, got "${result.text}"`
			: '';
	if (problem) {
		throw new NodeOperationError(ctx.getNode(), `${label}: ${problem}`, {
			description: 'Leave it empty to start for every one, or give the ID as text.',
		});
	}
	return result.ok ? result.text : '';
}

export function readFilters(ctx: ParameterReader): TriggerFilters {
	return {
		accountId: filterValue(ctx, 'account', ACCOUNT_FILTER_LABEL, UUID_PATTERN, 'a PinBridge ID (a UUID)').toLowerCase(),
		boardId: filterValue(ctx, 'board', BOARD_FILTER_LABEL, NUMERIC_ID_PATTERN, 'a Pinterest board ID (digits only)'),
	};
}
