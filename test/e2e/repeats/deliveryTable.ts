/**
 * The n8n Data Table the example trigger workflow keeps its delivery ids in (`pinbridge_deliveries`, one text column
 * `delivery_id`), created through n8n's internal API as a user creates it in Overview → Data tables; and what it
 * holds. Works on n8n 1.123 and 2.x (`/rest/projects/:projectId/data-tables`).
 */
import type { N8nClient, WorkflowJson } from '../n8n/client';

export const DELIVERY_TABLE = 'pinbridge_deliveries';

interface DataTable {
	id: string;
	name: string;
}

async function personalProjectId(client: N8nClient): Promise<string> {
	return (await client.request<{ data: { id: string } }>('rest', 'GET', '/projects/personal')).body.data.id;
}

/** The delivery table's id, created (empty, one `delivery_id` text column) if the instance has none yet. */
export async function ensureDeliveryTable(client: N8nClient): Promise<{ projectId: string; tableId: string }> {
	const projectId = await personalProjectId(client);
	const base = `/projects/${projectId}/data-tables`;
	const listed = await client.request<{ data: { data?: DataTable[] } | DataTable[] }>('rest', 'GET', `${base}?take=100`);
	const tables = Array.isArray(listed.body.data) ? listed.body.data : (listed.body.data.data ?? []);
	const existing = tables.find((table) => table.name === DELIVERY_TABLE);
	if (existing) return { projectId, tableId: existing.id };
	const created = await client.request<{ data: DataTable }>('rest', 'POST', base, {
		name: DELIVERY_TABLE,
		columns: [{ name: 'delivery_id', type: 'string' }],
	});
	return { projectId, tableId: created.body.data.id };
}

/** Every delivery id the table holds, one entry per row (paged through n8n's API, which gives at most 250 a page). */
export async function deliveryRows(client: N8nClient, table: { projectId: string; tableId: string }): Promise<string[]> {
	const ids: string[] = [];
	for (;;) {
		const page = await client.request<{ data: { count: number; data: Array<{ delivery_id?: string }> } }>(
			'rest',
			'GET',
			`/projects/${table.projectId}/data-tables/${table.tableId}/rows?skip=${ids.length}&take=250`,
		);
		ids.push(...page.body.data.data.map((row) => String(row.delivery_id)));
		if (page.body.data.data.length === 0 || ids.length >= page.body.data.count) return ids;
	}
}

/** What the example workflows carry where a Data table node names the delivery table (the user picks theirs). */
export const DELIVERY_TABLE_PLACEHOLDER = 'PINBRIDGE_DELIVERY_TABLE_ID';

/**
 * `workflow` with its Data table nodes pointed at this instance's delivery table (created first if needed), as a user
 * importing the example creates the table and picks it; a workflow without the placeholder comes back unchanged.
 */
export async function withDeliveryTable<T extends WorkflowJson>(client: N8nClient, workflow: T): Promise<T> {
	if (!JSON.stringify(workflow.nodes).includes(DELIVERY_TABLE_PLACEHOLDER)) return workflow;
	const { tableId } = await ensureDeliveryTable(client);
	return JSON.parse(JSON.stringify(workflow).split(DELIVERY_TABLE_PLACEHOLDER).join(tableId)) as T;
}
