/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Test-only: a loopback HTTP server that answers from a script, one step per request. A 'reset' step reads the
// request and then destroys the socket without answering — what nock cannot do faithfully with n8n's HTTP client.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Step = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number } | 'reset';

export interface RecordedRequest {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: unknown;
}

export interface ScriptedServer {
	url: string;
	requests: RecordedRequest[];
	/** The most requests the server was answering at once since the last script(). */
	maxConcurrent: number;
	/** Steps are taken in order; when they run out, `fallback` answers. */
	script(steps: Step[], fallback?: Step): void;
	close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
	let steps: Step[] = [];
	let fallback: Step = { status: 500, body: { detail: 'script exhausted' } };
	const requests: RecordedRequest[] = [];
	const stats = { active: 0, maxConcurrent: 0 };
	const server = http.createServer((req, res) => {
		stats.active++;
		stats.maxConcurrent = Math.max(stats.maxConcurrent, stats.active);
		res.on('close', () => stats.active--);
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			let body: unknown = raw;
			try {
				body = raw ? JSON.parse(raw) : undefined;
			} catch {
				body = raw;
			}
			requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
			const step = steps.shift() ?? fallback;
			if (step === 'reset') {
				req.socket.destroy();
				return;
			}
			const answer = () => {
				res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
				res.end(step.body === undefined ? '' : JSON.stringify(step.body));
			};
			if (step.delayMs) setTimeout(answer, step.delayMs);
			else answer();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		get maxConcurrent() {
			return stats.maxConcurrent;
		},
		script(next, nextFallback) {
			stats.maxConcurrent = 0;
			steps = [...next];
			if (nextFallback) fallback = nextFallback;
			requests.length = 0;
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
