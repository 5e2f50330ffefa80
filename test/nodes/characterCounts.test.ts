// Lengths are counted as PinBridge counts them (code points, pydantic's len()), not in UTF-16 units: inputs within a
// limit in characters are sent, everywhere the node checks a length (issue 13, kind 2). The refusals (one character
// too many, a secret one character too short) are rows of the bad-input matrix.
import type { IDataObject } from 'n8n-workflow';

import { transportRuntime } from '../../nodes/shared/transport/request';
import { nock, useNock } from '../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../harness/runWorkflow';
import { ACCOUNT_ID, BOARD_ID, PIN_ID, pinResponse, publishParameters } from './pin/fixtures';

useNock();

const original = { ...transportRuntime };
beforeEach(() => {
	transportRuntime.now = () => Date.parse('2026-06-01T12:00:00Z');
	transportRuntime.sleep = async () => {};
});
afterEach(() => Object.assign(transportRuntime, original));

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
const WEBHOOK_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
/** 200 characters, 400 UTF-16 units: within 255 characters, over 255 units. */
const KEY_200_EMOJI = '🔑'.repeat(200);

/** Runs the node with one interceptor that records the body; returns the body sent (or fails on the node's error). */
async function sentBody(method: 'post' | 'patch', path: string, parameters: IDataObject, reply: IDataObject = {}) {
	const bodies: IDataObject[] = [];
	const interceptor = api()[method](path, (body: IDataObject) => bodies.push(body) > 0);
	const scope = interceptor.reply(method === 'post' ? 201 : 200, reply);
	const { error } = await runPinBridgeNode({ parameters });
	expect(error?.message).toBeUndefined();
	scope.done();
	return bodies[0];
}

describe('lengths in characters, not UTF-16 units', () => {
	it('Publish sends a custom idempotency key of 200 emoji (200 characters, within 255)', async () => {
		const body = await sentBody(
			'post',
			'/v1/pins',
			publishParameters({ publishOptions: { idempotencyKey: KEY_200_EMOJI } }),
			pinResponse(),
		);
		expect(body.idempotency_key).toBe(KEY_200_EMOJI);
	});

	it('Publish sends a title of 100 emoji and a description of 800', async () => {
		const body = await sentBody(
			'post',
			'/v1/pins',
			publishParameters({
				title: '😀'.repeat(100),
				description: '🌿'.repeat(800),
				pinDetails: { altText: '🪔'.repeat(500) },
			}),
			pinResponse(),
		);
		expect([body.title, body.description, body.alt_text]).toEqual([
			'😀'.repeat(100),
			'🌿'.repeat(800),
			'🪔'.repeat(500),
		]);
	});

	it('Import From JSON sends a row whose own idempotency_key is 200 emoji', async () => {
		const row = {
			account_id: ACCOUNT_ID,
			board_id: BOARD_ID,
			title: 'a',
			image_url: 'https://img.example/1.jpg',
			idempotency_key: KEY_200_EMOJI,
		};
		const bodies: unknown[] = [];
		const scope = api()
			.post('/v1/pins/imports/json', (body: unknown) => bodies.push(body) > 0)
			.reply(201, {
				id: PIN_ID,
				status: 'completed',
				total_rows: 1,
				results: [],
			});
		const { error } = await runPinBridgeNode({
			parameters: {
				resource: 'import',
				operation: 'fromJson',
				rows: JSON.stringify([row]),
			},
		});
		expect(error?.message).toBeUndefined();
		scope.done();
		expect(bodies).toEqual([[row]]);
	});

	it('Webhook Create sends a secret of 200 emoji (200 characters, within 16–255)', async () => {
		const secret = '🔐'.repeat(200);
		const body = await sentBody(
			'post',
			'/v1/webhooks',
			{
				resource: 'webhook',
				operation: 'create',
				url: 'https://example.com/h',
				secret,
			},
			{ id: WEBHOOK_ID },
		);
		expect(body.secret).toBe(secret);
	});

	it('Webhook Update sends a secret of 200 emoji', async () => {
		const secret = '🔐'.repeat(200);
		const body = await sentBody(
			'patch',
			`/v1/webhooks/${WEBHOOK_ID}`,
			{
				resource: 'webhook',
				operation: 'update',
				webhookId: WEBHOOK_ID,
				updateFields: { secret },
			},
			{ id: WEBHOOK_ID },
		);
		expect(body).toEqual({ secret });
	});

	it('Board Create sends a name of 180 emoji', async () => {
		const name = '📌'.repeat(180);
		const body = await sentBody(
			'post',
			'/v1/pinterest/boards',
			{
				resource: 'board',
				operation: 'create',
				account: { __rl: true, mode: 'id', value: ACCOUNT_ID },
				name,
			},
			{ id: BOARD_ID },
		);
		expect(body.name).toBe(name);
	});
});

describe('IDs as numbers', () => {
	it('a board ID that arrives as a safe JSON number is sent as its exact digits', async () => {
		const body = await sentBody(
			'post',
			'/v1/pins',
			publishParameters({
				board: { __rl: true, mode: 'id', value: '={{ 549755885175 }}' },
			}),
			pinResponse(),
		);
		expect(body.board_id).toBe(BOARD_ID);
	});
});
