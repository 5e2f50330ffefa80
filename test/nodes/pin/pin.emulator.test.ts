// Pin operations against the local PinBridge emulator (a real HTTP server), through n8n's execution
// engine. No nock here: every request really goes out. The emulator's clock is manual; the node's waits advance it.
import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../../harness/emulator';
import { binaryItem, byId, emulatorPinContent, PNG_BYTES } from './fixtures';

const emulator = useEmulator();
const run = emulator.run;

const publish = (overrides: IDataObject = {}) =>
	emulatorPinContent(emulator.emu, {
		operation: 'publish',
		pinDetails: { relatedTerms: ['lamp', 'brass'], dominantColor: '#E60023', altText: 'A brass lamp' },
		...overrides,
	});

describe('Pin against the emulator', () => {
	it('Publish with Wait for Publish ends published; running it again returns the same Pin, not a new one', async () => {
		const parameters = publish({ publishOptions: { waitForPublish: true, waitTimeoutSeconds: 60 } });
		const first = await run(parameters);
		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(1);
		const pin = first.items[0].json;
		expect(pin).toMatchObject({
			status: 'published',
			pinterest_pin_id: expect.stringMatching(/^\d+$/),
			board_id: emulator.emu.boardIds[0],
			related_terms: ['lamp', 'brass'],
			dominant_color: '#E60023',
			idempotency_key: expect.stringMatching(/^n8n-pin-[0-9a-f]{64}$/),
		});
		expect(emulator.sleeps.length).toBeGreaterThan(0);

		const again = await run(parameters);
		expect(again.items[0].json.id).toBe(pin.id);
		const counters = await emulator.emu.control.counters();
		expect(counters.pins_created).toBe(1);
		expect(counters.idempotent_replays).toBe(1);
	});

	it('Publish says whether this run created the Pin: yes the first time, no when a later run replays its key', async () => {
		const first = await run(publish());
		expect(first.items[0].json).toMatchObject({ created_by_this_call: true });
		await emulator.emu.control.advance(60); // the same workflow, run again a minute later
		const again = await run(publish());
		expect(again.items[0].json).toMatchObject({ id: first.items[0].json.id, created_by_this_call: false });
		expect((await emulator.emu.control.counters()).idempotent_replays).toBe(1);
	});

	it('a dropped answer to Publish is resent with the same key: one Pin, one item', async () => {
		await emulator.emu.control.addFault({ method: 'POST', path: '/v1/pins', mode: 'commit-then-drop', count: 1 });
		const { items, error } = await run(publish());
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const requests = await emulator.emu.control.requests({ method: 'POST', path: '/v1/pins' });
		expect(requests).toHaveLength(2);
		const counters = await emulator.emu.control.counters();
		expect(counters.pins_created).toBe(1);
		expect(counters.idempotent_replays).toBe(1);
		expect((await emulator.emu.control.pins()).map((pin) => pin.id)).toEqual([items[0].json.id]);
		// The lost first attempt belonged to this call: the Pin counts as created by it, not as an earlier one.
		expect(items[0].json.created_by_this_call).toBe(true);
	});

	it('Publish from a binary uploads the image first and publishes its asset', async () => {
		const { items, error } = await run(publish({ mediaSource: 'imageBinary', binaryPropertyName: 'data' }), {
			items: [binaryItem('data', PNG_BYTES, 'image/png', 'lamp.png')],
		});
		expect(error).toBeUndefined();
		const pin = items[0].json as IDataObject & { asset: IDataObject };
		expect(pin.asset).toMatchObject({ asset_type: 'image', content_type: 'image/png', file_size_bytes: PNG_BYTES.length });
		expect(pin.asset_id).toBe(pin.asset.id);
	});

	it('a Pin that fails becomes an item error with PinBridge’s code; Retry re-queues it; Retry of a queued Pin is refused', async () => {
		const failing = await run(
			publish({ imageUrl: 'https://media.unreachable.invalid/x.jpg', publishOptions: { waitForPublish: true, waitTimeoutSeconds: 60 } }),
			{ nodeSettings: { continueOnFail: true } },
		);
		expect(String(failing.items[0].json.error)).toContain('(media_unreachable)');
		const [failed] = await emulator.emu.control.pins();
		expect(failed.status).toBe('failed');

		const status = await run({ resource: 'pin', operation: 'getStatus', pinId: failed.id });
		expect(status.items[0].json).toMatchObject({ pin_id: failed.id, status: 'failed', error_code: 'media_unreachable' });

		const retried = await run({ resource: 'pin', operation: 'retry', pinId: failed.id });
		expect(retried.items[0].json).toMatchObject({ id: failed.id, status: expect.stringMatching(/^(queued|deferred)$/) });

		const refused = await run({ resource: 'pin', operation: 'retry', pinId: failed.id });
		expect(refused.error?.message).toBe(`Only a failed Pin can be retried: Pin ${failed.id} is not in status "failed"`);
	});

	it('Get, Get Many with filters, and Delete (with and without Pinterest)', async () => {
		const a = (await run(publish({ title: 'Brass lamp' }))).items[0].json;
		const b = (await run(publish({ title: 'Oak table', board: byId(emulator.emu.boardIds[1]) }))).items[0].json;

		const got = await run({ resource: 'pin', operation: 'get', pinId: a.id });
		expect(got.items).toEqual([{ json: expect.objectContaining({ id: a.id, title: 'Brass lamp' }), pairedItem: { item: 0 } }]);

		const onBoard = await run({
			resource: 'pin',
			operation: 'getAll',
			returnAll: true,
			account: byId(emulator.emu.accountId),
			board: byId(emulator.emu.boardIds[1]),
		});
		expect(onBoard.items.map((item) => item.json.id)).toEqual([b.id]);
		const searched = await run({ resource: 'pin', operation: 'getAll', returnAll: false, limit: 5, filters: { search: 'BRASS' } });
		expect(searched.items.map((item) => item.json.id)).toEqual([a.id]);
		const all = await run({ resource: 'pin', operation: 'getAll', returnAll: true, filters: { sort: 'created_at' } });
		expect(all.items.map((item) => item.json.id)).toEqual([a.id, b.id]);

		await emulator.emu.control.publishPin(String(a.id));
		const removed = await run({ resource: 'pin', operation: 'delete', pinId: a.id, deleteFromPinterest: true });
		expect(removed.items[0].json).toMatchObject({ id: a.id, deleted: true, removed_from_pinterest: true });
		const deleted = await run({ resource: 'pin', operation: 'delete', pinId: b.id });
		expect(deleted.items).toEqual([{ json: { id: b.id, deleted: true }, pairedItem: { item: 0 } }]);
		expect(await emulator.emu.control.pins()).toEqual([]);
	});

	it('an invalid item reaches nothing: no request at the emulator', async () => {
		await emulator.emu.control.clearRequests();
		const { error } = await run(publish({ title: 'x'.repeat(101) }));
		expect(error?.message).toContain('Title: must be at most 100 characters');
		expect(await emulator.emu.control.requests()).toEqual([]);
	});
});
