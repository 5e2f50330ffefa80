/* eslint-disable @typescript-eslint/no-explicit-any */
// Test helpers: a tiny fetch wrapper around an emulator instance.
import type { StartedEmulator } from './server';

export interface Res<T = any> {
	status: number;
	headers: Headers;
	body: T;
	text: string;
}

export type Caller = <T = any>(
	method: string,
	path: string,
	body?: unknown,
	headers?: Record<string, string>,
) => Promise<Res<T>>;

/** Calls the emulator with the given key (default: the seeded all-scopes key). */
export function api(emu: StartedEmulator, key?: string | null): Caller {
	return async (method, path, body, headers = {}) => {
		const h: Record<string, string> = { ...headers };
		const k = key === undefined ? emu.apiKey : key;
		if (k !== null && !('authorization' in h) && !('x-api-key' in h)) h['x-api-key'] = k;
		let payload: BodyInit | undefined;
		if (body !== undefined) {
			if (typeof body === 'string' || body instanceof FormData) payload = body;
			else {
				payload = JSON.stringify(body);
				h['content-type'] = 'application/json';
			}
		}
		const res = await fetch(`${emu.url}${path}`, { method, headers: h, body: payload, redirect: 'manual' });
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			/* not JSON */
		}
		return { status: res.status, headers: res.headers, body: parsed as any, text };
	};
}

let n = 0;
/** A valid POST /v1/pins body for the seeded account. */
export function pinBody(emu: StartedEmulator, extra: Record<string, unknown> = {}): Record<string, unknown> {
	n++;
	return {
		account_id: emu.accountId,
		board_id: emu.boardIds[0],
		title: `Pin ${n}`,
		image_url: `https://images.example.com/${n}.jpg`,
		idempotency_key: `key-${n}-${Date.now()}`,
		...extra,
	};
}

/** A Pin created through the API and published on the emulator's worker; its id. */
export async function publishedPin(emu: StartedEmulator): Promise<string> {
	const created = await api(emu)('POST', '/v1/pins', pinBody(emu));
	await emu.control.publishPin(created.body.id);
	return created.body.id as string;
}

/** An ISO time `seconds` after the emulator's current time, with an offset. */
export async function inFuture(emu: StartedEmulator, seconds: number): Promise<string> {
	return new Date((await emu.control.now()) + seconds * 1000).toISOString();
}
