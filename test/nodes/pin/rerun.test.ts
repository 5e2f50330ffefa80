// A re-run of Publish from a binary (issue 21): the same Pin comes back, nothing is published twice, and the file
// uploaded again is not left behind — on both emulator profiles, and against a PinBridge that refuses a key reused
// with another body (nock).
import type { IDataObject } from 'n8n-workflow';

import { useEmulator, type EmulatorFixture } from '../../harness/emulator';
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_BASE_URL } from '../../harness/runWorkflow';
import { binaryItem, BOARD_ID, PIN_ID, PNG_BYTES, pinResponse, publishParameters } from './fixtures';

async function assetIds(emulator: EmulatorFixture): Promise<string[]> {
	const response = await fetch(`${emulator.emu.url}/v1/assets?limit=200`, { headers: { 'X-API-Key': emulator.emu.apiKey } });
	const body = (await response.json()) as { assets: IDataObject[] };
	return body.assets.map((asset) => String(asset.id));
}

describe.each(['full', 'documented'] as const)('binary Publish run twice, emulator profile %s', (profile) => {
	const emulator = useEmulator({}, { profile });
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });

	it('one Pin, the second run says it is the earlier one, and only the first upload remains', async () => {
		const parameters = {
			resource: 'pin',
			operation: 'publish',
			account: byId(''),
			board: byId(emulator.emu.boardIds[0]),
			mediaSource: 'imageBinary',
			binaryPropertyName: 'data',
			title: 'Summer styles 2026',
		};
		const items = [binaryItem('data', PNG_BYTES, 'image/png', 'summer.png')];
		const first = await emulator.run(parameters, { items });
		expect(first.error).toBeUndefined();
		const pin = first.items[0].json as IDataObject & { asset: IDataObject };
		expect(pin.asset_id).toBe(pin.asset.id);

		await emulator.emu.control.advance(60);
		const again = await emulator.run(parameters, { items });
		expect(again.error).toBeUndefined();
		expect(again.items[0].json.id).toBe(pin.id);
		expect(again.items[0].json).not.toHaveProperty('asset');
		expect((await emulator.emu.control.counters()).pins_created).toBe(1);
		expect(await assetIds(emulator)).toEqual([pin.asset.id]);
	});
});

describe('binary Publish re-run against a PinBridge that refuses a key reused with another body', () => {
	useNock();

	it('returns the Pin that holds the key, not created by this call, and deletes the new upload', async () => {
		const existing = { ...pinResponse(), asset_id: 'ast_first', idempotency_key: '' };
		let key = '';
		const scope = nock(TEST_BASE_URL)
			.post('/v1/assets/images')
			.reply(201, { id: 'ast_second', asset_type: 'image' })
			.post('/v1/pins', (body: IDataObject) => ((key = String(body.idempotency_key)), true))
			.reply(409, { error: { code: 'idempotency_key_conflict', message: 'Idempotency key already used with a different body' } })
			.get('/v1/pins')
			.query((query) => query.board_id === BOARD_ID && query.q === 'A lamp')
			.reply(() => [200, [{ ...existing, id: 'other', idempotency_key: 'someone-else' }, { ...existing, idempotency_key: key }]])
			.get('/v1/pins') // no X-Total-Count: a short first page is followed by one more request
			.query(true)
			.reply(200, [])
			.delete('/v1/assets/ast_second')
			.reply(204);
		const { items, error } = await runPinBridgeNode({
			parameters: publishParameters({ mediaSource: 'imageBinary', binaryPropertyName: 'data', imageUrl: '' }),
			items: [binaryItem('data', PNG_BYTES, 'image/png', 'lamp.png')],
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items[0].json).toMatchObject({ id: PIN_ID, asset_id: 'ast_first', created_by_this_call: false });
		expect(items[0].json).not.toHaveProperty('asset');
	});

	it('any other 409 stays the error it is', async () => {
		const scope = nock(TEST_BASE_URL)
			.post('/v1/pins')
			.reply(409, { error: { code: 'pin_publishing', message: 'Pin is publishing' } });
		const { error } = await runPinBridgeNode({ parameters: publishParameters() });
		expect(error).toMatchObject({ httpCode: '409', message: 'Pin is publishing' });
		scope.done();
	});
});
