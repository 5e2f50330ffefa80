// Pin → Publish Batch (custom operation): requests of ≤ 100 to POST /v1/pins/batch, one output item per input item,
// in order, paired; created / existing (a replay) / failed; a 402 plan refusal explained (nock).
import type { IDataObject } from 'n8n-workflow';

import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { pinResponse, publishParameters } from './fixtures';

useNock();

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ json: { title: `Pin ${i + 1}` } }));
const parameters = publishParameters({ operation: 'publishBatch', title: '={{ $json.title }}' });

/** Answers each batch as PinBridge does: every Pin created, except titles listed in `failing` / `existing`. */
function answerBatches(bodies: IDataObject[][], failing: string[] = [], existing: string[] = []) {
	return (_uri: string, body: { pins: IDataObject[] }) => {
		bodies.push(body.pins);
		const results = body.pins.map((pin, index) => {
			const title = String(pin.title);
			if (failing.includes(title))
				return { index, idempotency_key: pin.idempotency_key, status: 'failed', pin: null, error: { code: 'board_not_found', message: `No board for ${title}`, remediation: 'Pick a board.' } };
			const status = existing.includes(title) ? 'existing' : 'created';
			const published = status === 'existing' ? { status: 'published', pinterest_pin_id: `pi-${index}` } : {};
			return { index, idempotency_key: pin.idempotency_key, status, pin: pinResponse({ id: `pin-${title}`, title, ...published }), error: null };
		});
		return [200, { created_count: 0, existing_count: 0, failed_count: 0, results, headroom: { quota_remaining: 1 } }];
	};
}

describe('Pin → Publish Batch', () => {
	it('250 items → 3 requests of 100, 100 and 50, keyed as Publish keys them; 250 items out, in order, paired', async () => {
		const bodies: IDataObject[][] = [];
		const scope = api().post('/v1/pins/batch').times(3).reply(answerBatches(bodies));
		const { items, error } = await runPinBridgeNode({ parameters, items: rows(250) });
		expect(error).toBeUndefined();
		expect(bodies.map((pins) => pins.length).sort()).toEqual([100, 100, 50].sort());
		const keys = bodies.flat().map((pin) => pin.idempotency_key);
		expect(new Set(keys).size).toBe(250);
		expect(keys.every((key) => /^n8n-pin-[0-9a-f]{64}$/.test(String(key)))).toBe(true);
		expect(items.map((item) => item.json.title)).toEqual(rows(250).map((row) => row.json.title));
		expect(items.map((item) => item.pairedItem)).toEqual(rows(250).map((_, item) => ({ item })));
		expect(items[0].json).toMatchObject({ id: 'pin-Pin 1', batch_status: 'created' });
		scope.done();
	});

	it('keys each Pin as Publish keys the same content, so a re-run with either returns the same Pin', async () => {
		const keys: unknown[] = [];
		api()
			.post('/v1/pins/batch', (body: { pins: IDataObject[] }) => (keys.push(body.pins[0].idempotency_key), true))
			.reply(answerBatches([]) as never);
		api()
			.post('/v1/pins', (body: IDataObject) => (keys.push(body.idempotency_key), true))
			.reply(201, pinResponse());
		await runPinBridgeNode({ parameters, items: rows(1) });
		await runPinBridgeNode({ parameters: publishParameters({ title: '={{ $json.title }}' }), items: rows(1) });
		expect(keys).toHaveLength(2);
		expect(keys[0]).toBe(keys[1]);
	});

	it('existing says replayed; a failed Pin is its item’s error (Continue On Fail) with code and remediation; a bad item is refused before sending', async () => {
		const bodies: IDataObject[][] = [];
		api().post('/v1/pins/batch').reply(answerBatches(bodies, ['Pin 2'], ['Pin 3']));
		const input = [...rows(3), { json: { title: 'x'.repeat(101) } }];
		const { items, error } = await runPinBridgeNode({ parameters, items: input, nodeSettings: { continueOnFail: true } });
		expect(error).toBeUndefined();
		expect(bodies[0].map((pin) => pin.title)).toEqual(['Pin 1', 'Pin 2', 'Pin 3']);
		expect(items[0].json).toMatchObject({ batch_status: 'created' });
		expect(items[1].json).toEqual({ error: 'No board for Pin 2', errorCode: 'board_not_found', httpCode: null, remediation: 'Pick a board.', requestId: null });
		expect(items[2].json).toMatchObject({
			batch_status: 'existing',
			replayed: true,
			pinterest_url: 'https://www.pinterest.com/pin/pi-2/', // an existing Pin published since: its link
		});
		expect(items[0].json).not.toHaveProperty('pinterest_url'); // created now: queued, no link yet
		expect(items[3].json.error).toContain('Title: must be at most 100 characters');
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});

	it('without Continue On Fail the whole batch is still sent, then the execution fails with the first failure', async () => {
		const bodies: IDataObject[][] = [];
		api().post('/v1/pins/batch').reply(answerBatches(bodies, ['Pin 1']));
		const { error } = await runPinBridgeNode({ parameters, items: rows(3) });
		expect(bodies[0]).toHaveLength(3);
		expect(error?.message).toBe('No board for Pin 1');
	});

	it('402 without the plan feature: the message says to use Publish, and is not retried', async () => {
		const scope = api()
			.post('/v1/pins/batch')
			.once()
			.reply(402, { detail: { error: { code: 'feature_not_available', message: 'Batch publishing is not in your plan', upgrade_url: 'https://pinbridge.io/pricing' } } });
		const { error } = await runPinBridgeNode({ parameters, items: rows(2) });
		expect(error?.message).toBe('Batch publishing is not in your plan');
		expect(error?.description).toContain('Pin → Publish publishes the same items one request per Pin');
		expect(error?.description).toContain('Upgrade: https://pinbridge.io/pricing');
		scope.done();
	});
});
