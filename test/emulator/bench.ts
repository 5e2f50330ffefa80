/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console */
// npm run bench:emulator [-- --seconds 3 --concurrency 32 --latency 0]
// Requests/s for POST /v1/pins on loopback, beside a GET /healthz baseline from the same server and run.
import http from 'node:http';

import { startEmulator } from './server';

function arg(name: string, dflt: number): number {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function request(url: URL, method: string, headers: Record<string, string>, body?: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method, agent, headers }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
		req.end(body);
	});
}

async function run(
	label: string,
	seconds: number,
	concurrency: number,
	make: (i: number) => Promise<number>,
	expect: number,
): Promise<number> {
	let n = 0;
	let bad = 0;
	const deadline = Date.now() + seconds * 1000;
	const started = Date.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (Date.now() < deadline) {
				const status = await make(n++);
				if (status !== expect) bad++;
			}
		}),
	);
	const rps = n / ((Date.now() - started) / 1000);
	console.log(`${label.padEnd(22)} ${rps.toFixed(0).padStart(7)} req/s  (${n} requests, ${bad} unexpected statuses)`);
	if (bad > 0) process.exitCode = 1;
	return rps;
}

async function main(): Promise<void> {
	const seconds = arg('seconds', 3);
	const concurrency = arg('concurrency', 32);
	const emu = await startEmulator({ port: 0, plan: 'enterprise', latencyMs: arg('latency', 0), requestLogLimit: 2000 });
	const base = new URL(emu.url);
	const headers = { 'x-api-key': emu.apiKey, 'content-type': 'application/json' };
	console.log(`PinBridge emulator bench on ${emu.url}: ${seconds}s per run, concurrency ${concurrency}, latency ${arg('latency', 0)} ms`);
	// warm-up
	await run('warm-up GET /healthz', 0.5, concurrency, () => request(new URL('/healthz', base), 'GET', {}), 200);
	const baseline = await run('GET /healthz', seconds, concurrency, () => request(new URL('/healthz', base), 'GET', {}), 200);
	const pinsUrl = new URL('/v1/pins', base);
	const pins = await run(
		'POST /v1/pins',
		seconds,
		concurrency,
		(i) =>
			request(
				pinsUrl,
				'POST',
				headers,
				JSON.stringify({
					account_id: emu.accountId,
					board_id: emu.boardIds[i % emu.boardIds.length],
					title: `Bench pin ${i}`,
					description: 'Benchmark',
					link_url: 'https://example.com/bench',
					image_url: `https://images.example.com/bench/${i}.jpg`,
					idempotency_key: `bench-${i}`,
				}),
			),
		201,
	);
	const c = await emu.control.counters();
	console.log(
		`POST /v1/pins = ${((pins / baseline) * 100).toFixed(0)}% of baseline; pins created ${c.pins_created}, deferred ${c.pins_deferred}`,
	);
	agent.destroy();
	await emu.close();
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
