/**
 * Rows for Import → From JSON: read from the item, checked, completed with idempotency keys, and split into
 * PinBridge-sized requests. Pure apart from reading the parameter, so the rules are easy to test.
 */
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { canonicalJson, MAX_IDEMPOTENCY_KEY_LENGTH, sha256Hex } from '../../shared/idempotency';
import { relatedTermsOf } from '../../shared/pinContent';
import { opaqueIdOf } from '../../../shared/opaqueId';
import { characterCount, textOf } from '../../../shared/values';
import { invalidField } from '../../shared/validation';
import { resolveRunAt } from '../../shared/runAt';
import { transportRuntime } from '../../../shared/transport/request';

/** PinBridge takes at most this many rows per JSON import (contract §6). */
export const MAX_ROWS_PER_IMPORT = 500;

export const ROWS_FIELD = 'Rows';

/** The ID fields of a row: a number there becomes its digits, or is refused when it cannot be exact (beyond 2^53). */
const ROW_ID_FIELDS = ['account_id', 'board_id', 'asset_id', 'cover_image_asset_id'];

/**
 * A row's default idempotency key: a hash of everything in the row. Re-running the execution sends the same keys,
 * so PinBridge reports those rows as existing instead of creating them twice; changing anything in a row makes it
 * a new Pin. Rows that bring their own `idempotency_key` (e.g. a spreadsheet row id) keep it.
 */
export function rowIdempotencyKey(row: IDataObject): string {
	const content = { ...row };
	delete content.idempotency_key;
	return `n8n-import-${sha256Hex(canonicalJson(content))}`;
}

/** The Rows parameter as an array: an expression's array, or JSON text typed into the field. */
function readRowsParameter(ctx: IExecuteSingleFunctions): unknown {
	const raw = ctx.getNodeParameter('rows', '') as unknown;
	if (typeof raw !== 'string') return raw;
	if (raw.trim() === '') return undefined;
	try {
		return JSON.parse(raw) as unknown;
	} catch {
		throw invalidField(ctx, ROWS_FIELD, 'must be a JSON array of Pin rows, and the text is not valid JSON');
	}
}

/** Checks every row and returns the rows as they are sent (keys added, related terms as a list, run_at with offset). */
export function prepareRows(ctx: IExecuteSingleFunctions): IDataObject[] {
	const value = readRowsParameter(ctx);
	if (value === undefined || value === null) {
		throw invalidField(ctx, ROWS_FIELD, 'is required: an array of Pin rows, e.g. {{ $json.rows }}');
	}
	if (!Array.isArray(value)) {
		const kind = typeof value === 'object' ? 'an object' : `a ${typeof value}`;
		throw invalidField(
			ctx,
			ROWS_FIELD,
			`must be an array of Pin rows, got ${kind}. To import many items, gather them first with the Aggregate node.`,
		);
	}
	if (value.length === 0) throw invalidField(ctx, ROWS_FIELD, 'must contain at least one row');

	const timeZone = ctx.getTimezone();
	const now = transportRuntime.now();
	return value.map((row: unknown, index) => {
		const rowNumber = index + 1;
		if (!row || typeof row !== 'object' || Array.isArray(row)) {
			const kind = Array.isArray(row) ? 'an array' : row === null ? 'null' : `a ${typeof row}`;
			throw invalidField(ctx, ROWS_FIELD, `row ${rowNumber} must be an object of Pin fields, got ${kind}`);
		}
		const prepared: IDataObject = { ...(row as IDataObject) };
		// The old PinBridge node sent related terms as one string; PinBridge wants a list.
		if (typeof prepared.related_terms === 'string') prepared.related_terms = relatedTermsOf(prepared.related_terms);
		if (prepared.run_at !== undefined && prepared.run_at !== null && prepared.run_at !== '') {
			const runAt = resolveRunAt(prepared.run_at, timeZone, now);
			if (!runAt.ok) throw invalidField(ctx, ROWS_FIELD, `row ${rowNumber}: run_at ${runAt.rule}`);
			prepared.run_at = runAt.value;
		}
		for (const field of ROW_ID_FIELDS) {
			const id = prepared[field];
			if (id === undefined || id === null || typeof id === 'string') continue;
			const result = textOf(id, 'id');
			if (!result.ok) throw invalidField(ctx, ROWS_FIELD, `row ${rowNumber}: ${field} ${result.rule}`);
			prepared[field] = result.text;
		}
		checkRowIds(ctx, prepared, rowNumber);
		const ownKey = prepared.idempotency_key;
		if (ownKey !== undefined && ownKey !== null && ownKey !== '') {
			const key = textOf(ownKey);
			if (!key.ok) throw invalidField(ctx, ROWS_FIELD, `row ${rowNumber}: idempotency_key ${key.rule}`);
			prepared.idempotency_key = typeof ownKey === 'string' ? ownKey : key.text;
			const length = characterCount(String(prepared.idempotency_key));
			if (length > MAX_IDEMPOTENCY_KEY_LENGTH) {
				throw invalidField(
					ctx,
					ROWS_FIELD,
					`row ${rowNumber}: idempotency_key must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters (it has ${length})`,
				);
			}
		} else {
			prepared.idempotency_key = rowIdempotencyKey(prepared);
		}
		return prepared;
	});
}

/** The ids a row names must be able to be ids (contract §9.1.1: opaque strings; PinBridge judges the rest). */
function checkRowIds(ctx: IExecuteSingleFunctions, row: IDataObject, rowNumber: number): void {
	for (const field of ['account_id', 'board_id', 'asset_id', 'cover_image_asset_id']) {
		const result = opaqueIdOf(row[field]);
		if (!result.ok) throw invalidField(ctx, ROWS_FIELD, `row ${rowNumber}: ${field} ${result.rule}`);
	}
}

export function chunk<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size) chunks.push(list.slice(start, start + size));
	return chunks;
}
