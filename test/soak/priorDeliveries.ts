/**
 * The example trigger workflow's delivery table as months of earlier deliveries leave it: SOAK_PRIOR_DELIVERIES rows,
 * one delivery id each (UUIDs, the shape the emulator's full profile gives delivery ids), written through n8n's own
 * data-table API before day 1 — so a run of a few simulated days checks each new delivery against a table past
 * 10,000 ids, where a year's run (110 deliveries a day) only arrives after about 90 days. The ids are derived from
 * their index (the same every run); the soak checks that none of them is an id the emulator issued.
 */
import { createHash } from 'node:crypto';

import type { N8nClient } from '../e2e/n8n/client';

/** Rows written per request: n8n inserts a page of `returnType: 'count'` rows in bulk (800 values a statement). */
export const PRIOR_PAGE_SIZE = 1_000;

/** SOAK_PRIOR_DELIVERIES as a count of rows (0 when unset); anything but a whole number ≥ 0 is refused by name. */
export function parsePriorDeliveries(value: string | undefined): number {
	if (value === undefined || value.trim() === '') return 0;
	const count = Number(value);
	if (!Number.isInteger(count) || count < 0) {
		throw new Error(`SOAK_PRIOR_DELIVERIES must be a whole number of rows, 0 or more (got "${value}")`);
	}
	return count;
}

/** `count` distinct delivery ids in UUID v4 shape, the same on every run (the last group: `50a4` and the index in hex). */
export function priorDeliveryIds(count: number): string[] {
	return Array.from({ length: count }, (_, i) => {
		const hex = createHash('sha256').update(`pinbridge-soak-prior-delivery-${i}`).digest('hex');
		const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-50a4${i.toString(16).padStart(8, '0')}`;
	});
}

export interface DeliveryTableRef {
	projectId: string;
	tableId: string;
}

/** Appends one row per id to the delivery table, PRIOR_PAGE_SIZE rows a request (n8n's own insert endpoint). */
export async function fillDeliveryTable(client: N8nClient, table: DeliveryTableRef, ids: string[]): Promise<void> {
	for (let start = 0; start < ids.length; start += PRIOR_PAGE_SIZE) {
		const data = ids.slice(start, start + PRIOR_PAGE_SIZE).map((id) => ({ delivery_id: id }));
		await client.request('rest', 'POST', `/projects/${table.projectId}/data-tables/${table.tableId}/insert`, { data, returnType: 'count' });
	}
}

/** How many rows the delivery table holds (n8n's row listing reports the total with its first page). */
export async function deliveryRowCount(client: N8nClient, table: DeliveryTableRef): Promise<number> {
	const page = await client.request<{ data: { count: number } }>('rest', 'GET', `/projects/${table.projectId}/data-tables/${table.tableId}/rows?skip=0&take=1`);
	return page.body.data.count;
}
