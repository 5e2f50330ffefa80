// Asset → Upload, Get, Get Many, Delete and Download against the PinBridge emulator, through n8n's execution engine
// (no nock: every request really goes out).
import { useEmulator } from '../../harness/emulator';
import { binaryItem, PNG_BYTES } from '../pin/fixtures';

const emulator = useEmulator();
const run = emulator.run;

describe('Asset against the emulator', () => {
	it('Upload → Get Many (filters) → Download gives the same bytes → Delete keeps it while a Pin uses it', async () => {
		const upload = async (fileName: string) =>
			(
				await run(
					{ resource: 'asset', operation: 'upload', binaryPropertyName: 'data' },
					{ items: [binaryItem('data', PNG_BYTES, 'image/png', fileName)] },
				)
			).items[0].json as { id: string };
		const lamp = await upload('brass lamp.png');
		const spare = await upload('spare.png');
		await run({
			resource: 'pin',
			operation: 'publish',
			account: { __rl: true, mode: 'id', value: emulator.emu.accountId },
			board: { __rl: true, mode: 'id', value: emulator.emu.boardIds[0] },
			mediaSource: 'imageAsset',
			assetId: lamp.id,
			title: 'A lamp',
		});

		const inUse = await run({ resource: 'asset', operation: 'getAll', returnAll: true, filters: { inUse: 'inUse' } });
		expect(inUse.items.map((item) => item.json.id)).toEqual([lamp.id]);
		expect(inUse.items[0].json).toMatchObject({ referenced_by_pin_count: 1, stored_filename: `${lamp.id}.png` });
		const named = await run({ resource: 'asset', operation: 'getAll', limit: 5, filters: { search: 'SPARE' } });
		expect(named.items.map((item) => item.json.id)).toEqual([spare.id]);

		const downloaded = await run({ resource: 'asset', operation: 'download', assetId: lamp.id });
		expect(downloaded.items[0].json).toEqual({ id: lamp.id, file_name: 'brass lamp.png', mime_type: 'image/png', file_size_bytes: PNG_BYTES.length });
		expect(Buffer.from(downloaded.items[0].binary!.data.data, 'base64')).toEqual(PNG_BYTES);

		const kept = await run({ resource: 'asset', operation: 'delete', assetId: lamp.id });
		expect(kept.items[0].json).toMatchObject({ deleted: false, requires_confirmation: true, referenced_pin_count: 1 });
		expect(kept.items[0].json.message).toContain('was NOT deleted');
		const forced = await run({ resource: 'asset', operation: 'delete', assetId: lamp.id, confirm: true });
		expect(forced.items[0].json).toMatchObject({ deleted: true, freed_bytes: PNG_BYTES.length });
		const left = await run({ resource: 'asset', operation: 'getAll', returnAll: true });
		expect(left.items.map((item) => item.json.id)).toEqual([spare.id]);
	});

	it('Upload an image from binary, then Get it', async () => {
		const uploaded = await run(
			{ resource: 'asset', operation: 'upload', binaryPropertyName: 'data' },
			{ items: [binaryItem('data', PNG_BYTES, 'image/png', 'lamp.png')] },
		);
		expect(uploaded.error).toBeUndefined();
		const asset = uploaded.items[0].json;
		expect(asset).toMatchObject({ asset_type: 'image', original_filename: 'lamp.png', content_type: 'image/png' });
		const got = await run({ resource: 'asset', operation: 'get', assetId: asset.id });
		expect(got.items).toEqual([{ json: asset, pairedItem: { item: 0 } }]);
	});
});
