import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { pinBridgeRequest } from '../../../shared/transport/request';
import type { SendItem } from '../../shared/routedItem';
import type { OperationDefinition } from '../operation';
import { chunk, MAX_ROWS_PER_IMPORT, prepareRows } from './rows';

/**
 * Sends the item's rows in requests of at most 500, all through the request helper, and returns one item per
 * import job. Every chunk is sent by this one loop (rather than the first by the routed request and the rest from a
 * postReceive) so that all chunks get the same treatment and a failure can say which rows were already accepted.
 *
 * Each row carries an idempotency key, so resending a chunk whose answer was lost cannot create a Pin twice (the
 * rows come back as `existing_rows`): such a chunk is resent after a dropped connection or a 5xx. A chunk with
 * `run_at` rows is not: those become schedules, and PinBridge documents no idempotency for schedules.
 */
const hasRunAt = (row: IDataObject) => row.run_at !== undefined && row.run_at !== null && row.run_at !== '';

export const sendImportChunks: SendItem = async (ctx, request) => {
	const itemIndex = ctx.getItemIndex();
	const rows = (request.body ?? []) as IDataObject[];
	const chunks = chunk(rows, MAX_ROWS_PER_IMPORT);
	const jobs: INodeExecutionData[] = [];
	for (const [index, rowsOfChunk] of chunks.entries()) {
		try {
			const { body } = await pinBridgeRequest<IDataObject>(ctx, {
				...request,
				body: rowsOfChunk,
				replaySafe: !rowsOfChunk.some((row) => hasRunAt(row)),
			});
			jobs.push({ json: body ?? {} });
		} catch (error) {
			const failure =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
			if (chunks.length > 1) {
				const first = index * MAX_ROWS_PER_IMPORT + 1;
				const accepted = jobs.map((job) => String(job.json.id)).join(', ');
				const note =
					`Rows ${first}–${first + rowsOfChunk.length - 1} (request ${index + 1} of ${chunks.length}) failed.` +
					(jobs.length ? ` Rows before them were accepted as import job(s) ${accepted}.` : '') +
					' Running again is safe: rows already imported are recognised by their idempotency keys.';
				failure.description = [note, failure.description].filter(Boolean).join('\n');
			}
			throw failure;
		}
	}
	return jobs;
}

/** What the Rows field starts with: one row showing the shape (its ids are placeholders and fail the checks). */
const ROWS_EXAMPLE = JSON.stringify(
	[
		{
			account_id: 'Pinterest account ID (UUID)',
			board_id: 'Board ID (digits)',
			title: 'Pin title',
			image_url: 'https://example.com/image.jpg',
			link_url: 'https://example.com/product',
		},
	],
	null,
	2,
);

export const importFromJson: OperationDefinition = {
	option: {
		name: 'From JSON',
		value: 'fromJson',
		action: 'Import Pins from JSON rows',
		description: 'Create many Pins (or schedules) at once from a list of rows, sent in requests of up to 500 rows',
		routing: {
			request: { method: 'POST', url: '/v1/pins/imports/json' },
		},
	},
	prepare: [
		async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
			requestOptions.body = prepareRows(this);
			return requestOptions;
		},
	],
	send: sendImportChunks,
	fields: [
		{
			displayName: 'Rows',
			name: 'rows',
			type: 'json',
			required: true,
			default: ROWS_EXAMPLE,
			description:
				'The Pins to import: an array of objects with PinBridge’s field names (account_id, board_id, title, image_url or asset_id, description, link_url, alt_text, dominant_color, related_terms, and run_at to schedule instead of publishing now). Rows without an idempotency_key get one made from their content, so running the workflow again never imports a row twice; a run_at without a time zone offset is read in the workflow’s time zone.',
			// In the hint rather than the description: n8n's lint upper-cases every "json" in a description.
			hint: 'Replace the example with your rows, usually an expression such as {{ $json.rows }} after an Aggregate node (Aggregate → All Item Data, put in field "rows")',
		},
	],
};
