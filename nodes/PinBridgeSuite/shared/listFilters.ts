import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { resolveDateTime } from './runAt';
import { invalidField, NUMERIC_ID_PATTERN, textParameter, UUID_PATTERN } from './validation';

/** The optional account and board pickers of a list operation, as `account_id` / `board_id`, checked first. */
export function accountAndBoardQuery(ctx: IExecuteSingleFunctions): IDataObject {
	const qs: IDataObject = {};
	const accountId = textParameter(ctx, 'account', 'Pinterest Account');
	if (accountId) {
		if (!UUID_PATTERN.test(accountId)) {
			throw invalidField(ctx, 'Pinterest Account', `must be a PinBridge ID (a UUID), got "${accountId}"`);
		}
		qs.account_id = accountId;
	}
	const boardId = textParameter(ctx, 'board', 'Board');
	if (boardId) {
		if (!NUMERIC_ID_PATTERN.test(boardId)) {
			throw invalidField(ctx, 'Board', `must be a Pinterest board ID (digits only), got "${boardId}"`);
		}
		qs.board_id = boardId;
	}
	return qs;
}

/** A since/until filter as ISO 8601 with an offset; a value without one is read in the workflow's time zone. */
export function filterTime(ctx: IExecuteSingleFunctions, field: string, raw: unknown): string {
	const result = resolveDateTime(raw, ctx.getTimezone());
	if (!result.ok) throw invalidField(ctx, field, result.rule);
	return result.value;
}
