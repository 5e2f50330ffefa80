/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * Counting what a workflow lets through, without reading thousands of executions back: a local HTTP endpoint that
 * counts calls per delivery id, and an HTTP Request node appended after the workflow's last step that calls it once
 * per item. The workflow's own steps are not changed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { WorkflowJson } from '../n8n/client';

export interface Sink {
	url: string;
	/** Calls per delivery id. */
	readonly seen: Map<string, number>;
	total(): number;
	close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
	const seen = new Map<string, number>();
	let total = 0;
	const server = http.createServer((req, res) => {
		const id = new URL(req.url ?? '/', 'http://sink').searchParams.get('delivery_id') ?? '';
		seen.set(id, (seen.get(id) ?? 0) + 1);
		total++;
		res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/record`,
		seen,
		total: () => total,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** `workflow` with one HTTP Request node after `after` that reports each item's `delivery_id` to the sink. */
export function reportingTo(workflow: WorkflowJson, after: string, sink: Sink): WorkflowJson {
	const report = {
		id: 'b7e1c2d3-0000-4000-8000-00000000a001',
		name: 'Report to Test Sink',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [1560, 0] as [number, number],
		parameters: {
			url: `={{ '${sink.url}?delivery_id=' + encodeURIComponent($json.delivery_id) }}`,
			options: {},
		},
	};
	const connections = {
		...workflow.connections,
		[after]: { main: [[{ node: report.name, type: 'main', index: 0 }]] },
	};
	return { ...workflow, nodes: [...workflow.nodes, report], connections } as WorkflowJson;
}
