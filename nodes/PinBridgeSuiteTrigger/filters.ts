/**
 * The trigger's optional account and board filters. Ids are opaque strings (contract §9.1.1, nodes/shared/opaqueId.ts):
 * a filter refuses only what can be no id — an expression giving true or an object, a number beyond 2^53 (already
 * another number), text with spaces, `/`, `?`, `#` or control characters — and takes every other text as it is,
 * `b_78f2a9` as well as a UUID or digits. Checked on activation (the workflow does not activate, the error names the
 * field) and again on every delivery.
 */
import { NodeOperationError, type INode } from 'n8n-workflow';

import { opaqueIdOf } from '../shared/opaqueId';

export const ACCOUNT_FILTER_LABEL = 'Only for Pinterest Account';
export const BOARD_FILTER_LABEL = 'Only for Board';

/** '' for "no filter". */
export interface TriggerFilters {
	accountId: string;
	boardId: string;
}

interface ParameterReader {
	getNode(): INode;
	getNodeParameter(name: string, fallback: unknown, options?: { extractValue?: boolean }): unknown;
}

function filterValue(ctx: ParameterReader, name: string, label: string): string {
	const result = opaqueIdOf(ctx.getNodeParameter(name, '', { extractValue: true }));
	if (!result.ok) {
		throw new NodeOperationError(ctx.getNode(), `${label}: ${result.rule}`, {
			description: 'Leave it empty to start for every one, or give the ID as text.',
		});
	}
	return result.text;
}

export function readFilters(ctx: ParameterReader): TriggerFilters {
	return {
		accountId: filterValue(ctx, 'account', ACCOUNT_FILTER_LABEL),
		boardId: filterValue(ctx, 'board', BOARD_FILTER_LABEL),
	};
}

/**
 * Whether the id a delivery (or its Pin) names is the filter's id. Ids are opaque (contract §9.1.1): no format is
 * assumed. The same text matches, and so does text differing only in letter case — a filter typed or pasted in
 * another case (an upper-case UUID, say) must not skip a genuine event; the cost is an extra execution only if
 * PinBridge ever issued two ids that differ in case alone.
 */
export function sameId(filter: string, value: string): boolean {
	return filter === value || filter.toLowerCase() === value.toLowerCase();
}
