/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * POSTs JSON to one of the soak's webhooks on a connection of its own, and resolves with n8n's answer once its run
 * has ended. A fresh connection per call, because fetch reuses idle keep-alive connections: when n8n's side closes
 * one (5 s idle) just as the next call goes out on it — likelier the busier the machine — the call fails with
 * "other side closed" without n8n having seen it, and a POST that may have started a run cannot be sent again.
 */
import http from 'node:http';

export async function callWebhook(url: string, body: unknown): Promise<{ status: number; text: string }> {
	const payload = Buffer.from(JSON.stringify(body));
	return await new Promise((resolve, reject) => {
		const req = http.request(
			url,
			{ method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': String(payload.length) } },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(payload);
	});
}
