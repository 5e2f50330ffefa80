// Asset → Get Many, Delete, Download (API 1.34+ asset library): exact requests and output items (nock).
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { ASSET_ID, PNG_BYTES, recordRequests } from '../pin/fixtures';

useNock();

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
const asset = (n: number) => ({ id: `asset-${n}`, asset_type: 'image', original_filename: `${n}.png`, referenced_by_pin_count: 0 });
const page = (from: number, count: number, total: number) => ({
	assets: Array.from({ length: count }, (_, i) => asset(from + i)),
	total,
	storage_used_bytes: 1,
	storage_quota_bytes: 10,
	storage_used_percent: 10,
});
const run = (parameters: Record<string, unknown>) => runPinBridgeNode({ parameters: { resource: 'asset', ...parameters }, timezone: 'UTC' });

describe('Asset → Get Many', () => {
	it('sends the filters and pages the {assets, total} object until total: one item per asset', async () => {
		const filters = { asset_type: 'image', in_use: 'false', q: 'lamp', since: '2026-11-01T00:00:00+00:00', sort: 'size_desc' };
		const scope = api()
			.get('/v1/assets')
			.query({ ...filters, limit: '200', offset: '0' })
			.reply(200, page(0, 200, 250))
			.get('/v1/assets')
			.query({ ...filters, limit: '200', offset: '200' })
			.reply(200, page(200, 50, 250));
		const { items, error } = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { assetType: 'image', inUse: 'notInUse', search: ' lamp ', since: '2026-11-01T00:00:00', sort: 'size_desc' },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(250);
		expect(items[249]).toEqual({ json: asset(249), pairedItem: { item: 0 } });
		scope.done();
	});

	it('Limit asks for no more than it needs; a bad sort is refused before sending', async () => {
		const scope = api().get('/v1/assets').query({ limit: '3', offset: '0' }).reply(200, page(0, 3, 90));
		expect((await run({ operation: 'getAll', limit: 3 })).items).toHaveLength(3);
		scope.done();
		const requests = recordRequests(api().persist().get(/.*/).reply(200, {}));
		const { error } = await run({ operation: 'getAll', limit: 3, filters: { sort: '={{ "biggest" }}' } });
		expect(error?.message).toContain('Sort: must be one of created_at_desc');
		expect(requests).toEqual([]);
	});
});

describe('Asset → Delete', () => {
	it('in use: not deleted, and the item says so; with Delete Even If In Use → ?confirm=true', async () => {
		api()
			.delete(`/v1/assets/${ASSET_ID}`)
			.reply(200, { deleted: false, requires_confirmation: true, referenced_pin_count: 2, freed_bytes: 0 })
			.delete(`/v1/assets/${ASSET_ID}`)
			.query({ confirm: 'true' })
			.reply(200, { deleted: true, requires_confirmation: false, referenced_pin_count: 2, freed_bytes: 2048 });
		const kept = await run({ operation: 'delete', assetId: ASSET_ID });
		expect(kept.items[0].json).toMatchObject({ id: ASSET_ID, deleted: false, requires_confirmation: true });
		expect(kept.items[0].json.message).toBe(
			`Asset ${ASSET_ID} was NOT deleted: 2 Pins or schedules still use it. Turn on Delete Even If In Use to delete it anyway (unpublished Pins and schedules using it will then fail to publish).`,
		);
		const gone = await run({ operation: 'delete', assetId: ASSET_ID, confirm: true });
		expect(gone.items[0].json).toMatchObject({ deleted: true, message: `Asset ${ASSET_ID} deleted (2,048 bytes freed)` });
	});
});

describe('Asset → Download', () => {
	it('GET …/content → the bytes as binary data, named and typed from PinBridge’s headers', async () => {
		const scope = api()
			.get(`/v1/assets/${ASSET_ID}/content`)
			.reply(200, PNG_BYTES, { 'Content-Type': 'image/png', 'Content-Disposition': "inline; filename*=UTF-8''brass%20lamp.png" });
		const { items, error } = await run({ operation: 'download', assetId: ASSET_ID, binaryPropertyName: 'file' });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ id: ASSET_ID, file_name: 'brass lamp.png', mime_type: 'image/png', file_size_bytes: PNG_BYTES.length });
		expect(items[0].binary?.file).toMatchObject({ fileName: 'brass lamp.png', mimeType: 'image/png' });
		expect(Buffer.from(items[0].binary!.file.data, 'base64')).toEqual(PNG_BYTES);
		scope.done();
	});

	it('maps a 404 to PinBridge’s message', async () => {
		api().get(`/v1/assets/${ASSET_ID}/content`).reply(404, { detail: 'Asset not found' }, { 'Content-Type': 'application/json' });
		const { error } = await run({ operation: 'download', assetId: ASSET_ID });
		expect(error?.message).toBe('Asset not found');
		expect(error?.httpCode).toBe('404');
	});
});
