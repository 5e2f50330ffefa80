/* eslint-disable @typescript-eslint/no-explicit-any, @n8n/community-nodes/no-restricted-imports */
// The emulator validates as the real service does where public bug reports found it did not (issue 13):
// every length limit counts characters (code points, as pydantic), not UTF-16 units; an API key is compared as sent,
// with only HTTP's own whitespace (spaces, tabs) around the header value ignored.
import { request } from 'node:http';

import { CHARACTER_COUNTS } from '../shared/characterCounts.cases';
import { api, pinBody, type Caller } from './helpers';
import { startEmulator, type StartedEmulator } from './server';
import { characters } from './validate';

let emu: StartedEmulator;
let call: Caller;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, clock: 'manual' });
	call = api(emu);
});
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

describe('lengths: characters (code points), the same table as the node', () => {
	it.each(CHARACTER_COUNTS)('%j has %i characters', (text, count) => {
		expect(characters(text)).toBe(count);
	});
});

describe('every length limit counts emoji as one character', () => {
	const emoji = (n: number) => '😀'.repeat(n);
	const cases: Array<[string, readonly [string, string, () => Record<string, unknown>], number, string]> = [
		['pin title', ['POST', '/v1/pins', () => pinBody(emu, { title: emoji(100) })], 100, 'title'],
		['pin description', ['POST', '/v1/pins', () => pinBody(emu, { description: emoji(800) })], 800, 'description'],
		['pin alt_text', ['POST', '/v1/pins', () => pinBody(emu, { alt_text: emoji(500) })], 500, 'alt_text'],
		[
			'pin idempotency_key',
			['POST', '/v1/pins', () => pinBody(emu, { idempotency_key: emoji(255) })],
			255,
			'idempotency_key',
		],
		[
			'board name',
			['POST', '/v1/pinterest/boards', () => ({ account_id: emu.accountId, name: emoji(180) })],
			180,
			'name',
		],
		[
			'webhook secret',
			['POST', '/v1/webhooks', () => ({ url: 'https://example.com/h', secret: emoji(255) })],
			255,
			'secret',
		],
		['API key name', ['POST', '/v1/api-keys', () => ({ name: emoji(100) })], 100, 'name'],
	];

	it.each(cases)(
		'%s: the limit in emoji is accepted, one more is refused',
		async (_label, [method, path, body], max, field) => {
			const atLimit = await call(method, path, body());
			expect(atLimit.status).toBe(201);
			const over = body();
			over[field] = emoji(max + 1);
			const refused = await call(method, path, over);
			expect(refused.status).toBe(422);
			expect(refused.body.detail.map((d: any) => [d.loc.join('.'), d.type])).toEqual([
				[`body.${field}`, 'string_too_long'],
			]);
		},
	);

	it('a 60-emoji title is accepted (120 UTF-16 units)', async () => {
		const r = await call('POST', '/v1/pins', pinBody(emu, { title: emoji(60) }));
		expect(r.status).toBe(201);
		expect(r.body.title).toBe(emoji(60));
	});

	it('a webhook secret of 8 emoji (16 UTF-16 units, 8 characters) is too short', async () => {
		const r = await call('POST', '/v1/webhooks', { url: 'https://example.com/h', secret: emoji(8) });
		expect(r.status).toBe(422);
		expect(r.body.detail.map((d: any) => [d.loc.join('.'), d.type])).toEqual([['body.secret', 'string_too_short']]);
	});
});

/** GET /v1/pinterest/accounts with the header exactly as given (raw bytes, latin1), as a client would send it. */
function statusWithRawKeyHeader(value: string): Promise<number> {
	const url = new URL('/v1/pinterest/accounts', emu.url);
	return new Promise((resolve, reject) => {
		const req = request(url, { method: 'GET' }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
		req.setHeader('X-API-Key', value);
		req.end();
	});
}

describe('API key: compared as sent, as the real service does', () => {
	it('the exact key is accepted', async () => {
		expect(await statusWithRawKeyHeader(emu.apiKey)).toBe(200);
	});

	it.each([
		['a trailing no-break space (U+00A0)', (key: string) => `${key}\u00a0`],
		['a leading no-break space', (key: string) => `\u00a0${key}`],
	])('a key with %s is refused (401): the emulator does not hide it', async (_label, pasted) => {
		expect(await statusWithRawKeyHeader(pasted(emu.apiKey))).toBe(401);
	});

	it('spaces and tabs around the header value are HTTP whitespace: ignored, as any HTTP server does', async () => {
		expect(await statusWithRawKeyHeader(`${emu.apiKey}\t`)).toBe(200);
		expect(await statusWithRawKeyHeader(` ${emu.apiKey} `)).toBe(200);
	});

	it('a no-break space after a Bearer token is refused too', async () => {
		const r = await call('GET', '/v1/pinterest/accounts', undefined, { authorization: `Bearer ${emu.apiKey}\u00a0` });
		expect(r.status).toBe(401);
	});
});
