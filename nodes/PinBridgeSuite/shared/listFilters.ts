import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { resolveDateTime } from './runAt';
import { idParameter, invalidField } from './validation';

/** The optional account picker of a list or report operation, as `account_id`, checked first. */
export function accountQuery(ctx: IExecuteSingleFunctions): IDataObject {
	const accountId = idParameter(ctx, 'account', 'Pinterest Account');
	return accountId ? { account_id: accountId } : {};
}

/** The optional account and board pickers of a list operation, as `account_id` / `board_id`, checked first. */
export function accountAndBoardQuery(ctx: IExecuteSingleFunctions): IDataObject {
	const qs: IDataObject = accountQuery(ctx);
	const boardId = idParameter(ctx, 'board', 'Board');
	if (boardId) qs.board_id = boardId;
	return qs;
}

/** A since/until filter as ISO 8601 with an offset; a value without one is read in the workflow's time zone. */
export function filterTime(ctx: IExecuteSingleFunctions, field: string, raw: unknown): string {
	const result = resolveDateTime(raw, ctx.getTimezone());
	if (!result.ok) throw invalidField(ctx, field, result.rule);
	return result.value;
}
