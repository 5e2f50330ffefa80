// Asset → Upload (multipart from an input binary) and Get.
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { ASSET_ID, binaryItem, MP4_BYTES, multipartText, NOT_FROM_PINBRIDGE, PNG_BYTES, recordRequests } from '../pin/fixtures';

useNock();

const imageAsset = {
	id: ASSET_ID,
	workspace_id: 'ws-1',
	asset_type: 'image',
	original_filename: 'lamp.png',
	content_type: 'image/png',
	file_size_bytes: PNG_BYTES.length,
	public_url: `https://cdn.pinbridge.test/media/${ASSET_ID}/lamp.png`,
	created_at: '2026-11-22T10:00:00Z',
};

/** Intercepts one upload to `path`, keeping the raw body and its Content-Type. */
function acceptUpload(path: string, reply: object) {
	const seen = { body: undefined as unknown, contentType: '' };
	const scope = nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } })
		.post(path, (body: unknown) => {
			seen.body = body;
			return true;
		})
		.reply(function () {
			seen.contentType = String(this.req.headers['content-type']);
			return [201, reply];
		});
	return { scope, seen };
}

function expectMultipart(seen: { body: unknown; contentType: string }, fileName: string, mimeType: string, bytes: Buffer) {
	const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(seen.contentType)?.[1];
	expect(boundary).toBeDefined();
	expect(multipartText(seen.body)).toBe(
		`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
			`Content-Type: ${mimeType}\r\n\r\n${bytes.toString('latin1')}\r\n--${boundary}--\r\n`,
	);
}

describe('Asset → Upload', () => {
	it('uploads an image (type detected from the file) to /v1/assets/images and outputs the asset', async () => {
		const { scope, seen } = acceptUpload('/v1/assets/images', imageAsset);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'asset', operation: 'upload', binaryPropertyName: 'data' },
			items: [binaryItem('data', PNG_BYTES, 'image/png', 'lamp.png')],
		});
		expect(error).toBeUndefined();
		expectMultipart(seen, 'lamp.png', 'image/png', PNG_BYTES);
		expect(items).toEqual([{ json: imageAsset, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('uploads a video to /v1/assets/videos (MIME type from the file name when missing)', async () => {
		const videoAsset = { ...imageAsset, asset_type: 'video', content_type: 'video/mp4', original_filename: 'clip.mp4' };
		const { scope, seen } = acceptUpload('/v1/assets/videos', videoAsset);
		const item = binaryItem('clip', MP4_BYTES, '', 'clip.mp4');
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'asset', operation: 'upload', binaryPropertyName: 'clip', assetType: 'video' },
			items: [item],
		});
		expect(error).toBeUndefined();
		expectMultipart(seen, 'clip.mp4', 'video/mp4', MP4_BYTES);
		expect(items).toEqual([{ json: videoAsset, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('refuses a file of the wrong type or a missing binary, naming the field; with Continue On Fail each item carries its own error', async () => {
		const { scope } = acceptUpload('/v1/assets/images', imageAsset);
		const trap = recordRequests(nock(TEST_BASE_URL).persist().post(/videos/).reply(201, {}));
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'asset', operation: 'upload', binaryPropertyName: 'data', assetType: 'video' },
			items: [
				binaryItem('data', PNG_BYTES, 'image/png', 'lamp.png'),
				{ json: {} },
			],
			nodeSettings: { continueOnFail: true },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: { error: 'Input Binary Field: binary property "data" must hold a video, but it is image/png', ...NOT_FROM_PINBRIDGE },
				pairedItem: { item: 0 },
			},
			{
				json: {
					error: 'Input Binary Field: the input item has no binary property "data" (it has no binary data at all)',
					...NOT_FROM_PINBRIDGE,
				},
				pairedItem: { item: 1 },
			},
		]);
		expect(trap).toEqual([]);
		expect(scope.isDone()).toBe(false);
	});

	it('reports PinBridge’s 402 (assets not in the plan) with its message', async () => {
		const scope = nock(TEST_BASE_URL)
			.post('/v1/assets/images')
			.reply(402, {
				detail: { error: { code: 'payment_required', message: 'Uploaded assets are not included in the Playground plan' } },
			});
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'asset', operation: 'upload', binaryPropertyName: 'data' },
			items: [binaryItem('data', PNG_BYTES, 'image/png', 'lamp.png')],
		});
		expect(error?.message).toBe('Uploaded assets are not included in the Playground plan');
		expect(error?.description).toContain('PinBridge code: payment_required');
		scope.done();
	});
});

describe('Asset → Get', () => {
	it('sends GET /v1/assets/{id} and outputs the asset', async () => {
		const scope = nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } })
			.get(`/v1/assets/${ASSET_ID}`)
			.reply(200, imageAsset);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'asset', operation: 'get', assetId: ASSET_ID },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: imageAsset, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('refuses the asset’s public URL in place of its ID without sending, with a hint at the ID', async () => {
		const trap = recordRequests(nock(TEST_BASE_URL).persist().get(/.*/).reply(200, {}));
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'asset', operation: 'get', assetId: `https://cdn.pinbridge.test/${ASSET_ID}` },
		});
		expect(error?.message).toBe(
			`Asset ID: must be the ID only, not an address (it contains "/"). This looks like a pasted URL: the ID is probably "${ASSET_ID}"`,
		);
		expect(trap).toEqual([]);
	});

	it('sends an asset ID that is not a UUID as it is (ids are opaque, contract §9.1.1)', async () => {
		const scope = nock(TEST_BASE_URL).get('/v1/assets/ast_5b7c').reply(200, { ...imageAsset, id: 'ast_5b7c' });
		const { items, error } = await runPinBridgeNode({ parameters: { resource: 'asset', operation: 'get', assetId: 'ast_5b7c' } });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(['ast_5b7c']);
		scope.done();
	});
});
