/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * What the soak reads about n8n once a simulated month: CPU time of the n8n process (/proc), its resident memory,
 * the size of its SQLite database, and its executions since the last look (public API, newest first).
 */
import fs from 'node:fs';
import path from 'node:path';

import { cpuMs } from '../bench/sys';
import type { N8nClient, N8nExecution } from '../e2e/n8n/client';

export { cpuMs };

/** Resident memory of a process in MiB (undefined if it is gone). */
export function rssMiB(pid: number | undefined): number | undefined {
	if (!pid) return undefined;
	try {
		const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
		return kb === undefined ? undefined : Number(kb) / 1024;
	} catch {
		return undefined;
	}
}

/** n8n's SQLite database with its write-ahead log, in MiB. */
export function databaseMiB(userFolder: string): number {
	let bytes = 0;
	for (const name of ['database.sqlite', 'database.sqlite-wal']) {
		try {
			bytes += fs.statSync(path.join(userFolder, '.n8n', name)).size;
		} catch {
			/* not there (yet) */
		}
	}
	return bytes / 1024 ** 2;
}

/** Executions with an id above `afterId` (all workflows), newest first, paged through n8n's public API. */
export async function executionsAfter(client: N8nClient, afterId: number): Promise<N8nExecution[]> {
	const found: N8nExecution[] = [];
	let cursor: string | undefined;
	for (;;) {
		const query = new URLSearchParams({ limit: '250', ...(cursor ? { cursor } : {}) });
		const page = (await client.request<{ data: N8nExecution[]; nextCursor?: string | null }>('public', 'GET', `/executions?${query}`)).body;
		const newer = page.data.filter((execution) => Number(execution.id) > afterId);
		found.push(...newer);
		if (newer.length < page.data.length || !page.nextCursor) return found;
		cursor = page.nextCursor;
	}
}
