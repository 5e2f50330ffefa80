import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import {
	ACCOUNT_ID,
	ASSET_ID,
	BOARD_ID,
	binaryItem,
	COVER_ASSET_ID,
	MP4_BYTES,
	multipartText,
	pinResponse,
	PNG_BYTES,
	publishParameters,
	useFakeClock,
} from './fixtures';

useNock();
const clock = useFakeClock();

type Body = Record<string, unknown>;

/** Intercepts POST /v1/pins (API key required), keeping each body sent. */
function acceptPins(bodies: Body[], reply = pinResponse(), times = 1) {
	return nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } })
		.post('/v1/pins', (body: Body) => {
			bodies.push(body);
			return true;
		})
		.times(times)
		.reply(201, reply);
}

const asset = (id: string, type: string) => ({
	id,
	asset_type: type,
	original_filename: type === 'video' ? 'clip.mp4' : 'lamp.png',
	content_type: type === 'video' ? 'video/mp4' : 'image/png',
	file_size_bytes: 16,
	public_url: `https://cdn.pinbridge.test/${id}`,
});

describe('Pin → Publish', () => {
	it('sends the content with a derived idempotency key and outputs the Pin', async () => {
		const bodies: Body[] = [];
		const scope = acceptPins(bodies);
		const { items, error } = await runPinBridgeNode({
			parameters: publishParameters({
				pinDetails: { altText: 'A brass lamp', dominantColor: '#E60023', relatedTerms: ['lamp', 'brass'] },
			}),
		});
		expect(error).toBeUndefined();
		expect(bodies).toEqual([
			{
				account_id: ACCOUNT_ID,
				board_id: BOARD_ID,
				title: 'A lamp',
				description: 'Warm light for a cold room',
				link_url: 'https://shop.example.com/lamp',
				alt_text: 'A brass lamp',
				dominant_color: '#E60023',
				related_terms: ['lamp', 'brass'],
				image_url: 'https://cdn.example.com/lamp.jpg',
				idempotency_key: expect.stringMatching(/^n8n-pin-[0-9a-f]{64}$/),
			},
		]);
		expect(items).toEqual([{ json: pinResponse(), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('sends related terms from an expression as a JSON array, never a comma string', async () => {
		const bodies: Body[] = [];
		const scope = acceptPins(bodies);
		const { error } = await runPinBridgeNode({
			parameters: publishParameters({ pinDetails: { relatedTerms: '={{ $json.terms }}' } }),
			items: [{ json: { terms: ['reading lamp', 'brass decor'] } }],
		});
		expect(error).toBeUndefined();
		expect(bodies[0].related_terms).toEqual(['reading lamp', 'brass decor']);
		scope.done();
	});

	it('uploads an input image as a multipart asset first, then publishes it by asset_id', async () => {
		const order: string[] = [];
		let upload: { body: unknown; contentType: string } = { body: undefined, contentType: '' };
		const bodies: Body[] = [];
		const uploads = nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } })
			.post('/v1/assets/images', function (this: unknown, body: unknown) {
				order.push('upload');
				upload = { body, contentType: '' };
				return true;
			})
			.reply(function () {
				upload.contentType = String(this.req.headers['content-type']);
				return [201, asset(ASSET_ID, 'image')];
			});
		const pins = nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } })
			.post('/v1/pins', (body: Body) => {
				order.push('publish');
				bodies.push(body);
				return true;
			})
			.reply(201, pinResponse({ asset_id: ASSET_ID, image_url: null }));
		const { items, error } = await runPinBridgeNode({
			parameters: publishParameters({ mediaSource: 'imageBinary', binaryPropertyName: 'photo', imageUrl: '' }),
			items: [binaryItem('photo', PNG_BYTES, 'image/png', 'lamp.png')],
		});
		expect(error).toBeUndefined();
		expect(order).toEqual(['upload', 'publish']);
		const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(upload.contentType)?.[1];
		expect(boundary).toBeDefined();
		expect(multipartText(upload.body)).toBe(
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lamp.png"\r\n` +
				`Content-Type: image/png\r\n\r\n${PNG_BYTES.toString('latin1')}\r\n--${boundary}--\r\n`,
		);
		expect(bodies[0]).toMatchObject({ asset_id: ASSET_ID, account_id: ACCOUNT_ID, board_id: BOARD_ID });
		expect(bodies[0]).not.toHaveProperty('image_url');
		expect(items).toEqual([
			{ json: { ...pinResponse({ asset_id: ASSET_ID, image_url: null }), asset: asset(ASSET_ID, 'image') }, pairedItem: { item: 0 } },
		]);
		uploads.done();
		pins.done();
	});

	it('publishes a video from binary with a binary cover: two uploads, then asset_id + cover_image_asset_id', async () => {
		const bodies: Body[] = [];
		const scope = nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } })
			.post('/v1/assets/videos', (body: unknown) => multipartText(body).includes('Content-Type: video/mp4'))
			.reply(201, asset(ASSET_ID, 'video'))
			.post('/v1/assets/images', (body: unknown) => multipartText(body).includes('filename="cover.png"'))
			.reply(201, asset(COVER_ASSET_ID, 'image'));
		// The new Pin names the asset it uses (contract §6): its uploads are kept and shown (see rerun.test.ts for a re-run).
		const pins = acceptPins(bodies, pinResponse({ media_type: 'video', asset_id: ASSET_ID, cover_image_asset_id: COVER_ASSET_ID }));
		const item = binaryItem('data', MP4_BYTES, 'video/mp4', 'clip.mp4');
		item.binary!.cover = { data: PNG_BYTES.toString('base64'), mimeType: 'image/png', fileName: 'cover.png' };
		const { items, error } = await runPinBridgeNode({
			parameters: publishParameters({ mediaSource: 'videoBinary', coverSource: 'binary', coverBinaryPropertyName: 'cover' }),
			items: [item],
		});
		expect(error).toBeUndefined();
		expect(bodies[0]).toMatchObject({ asset_id: ASSET_ID, cover_image_asset_id: COVER_ASSET_ID });
		expect(bodies[0]).not.toHaveProperty('image_url');
		expect(bodies[0]).not.toHaveProperty('cover_image_url');
		expect(items[0].json.asset).toEqual(asset(ASSET_ID, 'video'));
		expect(items[0].json.cover_asset).toEqual(asset(COVER_ASSET_ID, 'image'));
		scope.done();
		pins.done();
	});

	it('publishes an existing video asset with a cover URL', async () => {
		const bodies: Body[] = [];
		const scope = acceptPins(bodies, pinResponse({ media_type: 'video' }));
		const { items, error } = await runPinBridgeNode({
			parameters: publishParameters({
				mediaSource: 'videoAsset',
				assetId: ASSET_ID,
				coverSource: 'url',
				coverImageUrl: 'https://cdn.example.com/cover.jpg',
			}),
		});
		expect(error).toBeUndefined();
		expect(bodies[0]).toMatchObject({ asset_id: ASSET_ID, cover_image_url: 'https://cdn.example.com/cover.jpg' });
		expect(bodies[0]).not.toHaveProperty('image_url');
		expect(items).toEqual([{ json: pinResponse({ media_type: 'video' }), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('publishes an existing image asset by asset_id', async () => {
		const bodies: Body[] = [];
		const scope = acceptPins(bodies);
		const { error } = await runPinBridgeNode({
			parameters: publishParameters({ mediaSource: 'imageAsset', assetId: ASSET_ID }),
		});
		expect(error).toBeUndefined();
		expect(bodies[0]).toMatchObject({ asset_id: ASSET_ID });
		expect(bodies[0]).not.toHaveProperty('image_url');
		scope.done();
	});
});

describe('Pin → Publish: idempotency', () => {
	async function keyOf(parameters = publishParameters(), items?: Parameters<typeof runPinBridgeNode>[0]['items']) {
		const bodies: Body[] = [];
		const scope = acceptPins(bodies);
		const { error } = await runPinBridgeNode({ parameters, items });
		expect(error).toBeUndefined();
		scope.done();
		return bodies[0].idempotency_key as string;
	}

	it('derives the same key from the same content across two runs', async () => {
		const first = await keyOf();
		const second = await keyOf();
		expect(first).toMatch(/^n8n-pin-[0-9a-f]{64}$/);
		expect(second).toBe(first);
	});

	it('derives a different key for a different board, title, link or image', async () => {
		const base = await keyOf();
		const keys = [
			await keyOf(publishParameters({ board: { __rl: true, mode: 'id', value: '549755885176' } })),
			await keyOf(publishParameters({ title: 'Another lamp' })),
			await keyOf(publishParameters({ link: 'https://shop.example.com/other' })),
			await keyOf(publishParameters({ imageUrl: 'https://cdn.example.com/other.jpg' })),
		];
		for (const key of keys) expect(key).not.toBe(base);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('ignores fields outside the fingerprint (alt text) so a tweak does not republish', async () => {
		expect(await keyOf(publishParameters({ pinDetails: { altText: 'new alt text' } }))).toBe(await keyOf());
	});

	it('keys a binary Pin by the file’s bytes, not by the asset id each upload gets', async () => {
		let uploadCount = 0;
		const upload = () =>
			nock(TEST_BASE_URL)
				.post('/v1/assets/images')
				.reply(201, () => ({ id: `00000000-0000-4000-8000-00000000000${++uploadCount}`, asset_type: 'image' }));
		const parameters = publishParameters({ mediaSource: 'imageBinary', binaryPropertyName: 'data' });
		const item = () => [binaryItem('data', PNG_BYTES, 'image/png', 'lamp.png')];
		upload();
		const first = await keyOf(parameters, item());
		upload();
		const second = await keyOf(parameters, item());
		upload();
		const other = await keyOf(parameters, [binaryItem('data', Buffer.from('other bytes'), 'image/png', 'lamp.png')]);
		expect(uploadCount).toBe(3);
		expect(second).toBe(first);
		expect(other).not.toBe(first);
	});

	it('uses a custom key verbatim', async () => {
		const key = await keyOf(publishParameters({ publishOptions: { idempotencyKey: '={{ "row-" + $json.row }}' } }), [
			{ json: { row: 42 } },
		]);
		expect(key).toBe('row-42');
	});

	it('replays a 503 with the same idempotency key and yields one item', async () => {
		const bodies: Body[] = [];
		const scope = nock(TEST_BASE_URL)
			.post('/v1/pins', (body: Body) => {
				bodies.push(body);
				return true;
			})
			.reply(503, { detail: 'Service unavailable' })
			.post('/v1/pins', (body: Body) => {
				bodies.push(body);
				return true;
			})
			.reply(201, pinResponse());
		const { items, error } = await runPinBridgeNode({ parameters: publishParameters() });
		expect(error).toBeUndefined();
		expect(bodies).toHaveLength(2);
		expect(bodies[1].idempotency_key).toBe(bodies[0].idempotency_key);
		expect(bodies[1]).toEqual(bodies[0]);
		expect(items).toEqual([{ json: pinResponse(), pairedItem: { item: 0 } }]);
		expect(clock.sleeps.length).toBeGreaterThanOrEqual(1);
		scope.done();
	});

	it('sends the same key again when n8n’s Retry On Fail re-runs the node after a final error', async () => {
		const bodies: Body[] = [];
		const scope = nock(TEST_BASE_URL)
			.post('/v1/pins', (body: Body) => {
				bodies.push(body);
				return true;
			})
			.reply(402, { detail: { error: { code: 'quota_exceeded', message: 'Monthly quota reached' } } })
			.post('/v1/pins', (body: Body) => {
				bodies.push(body);
				return true;
			})
			.reply(201, pinResponse());
		const { items, error } = await runPinBridgeNode({
			parameters: publishParameters(),
			nodeSettings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
		});
		expect(error).toBeUndefined();
		expect(bodies).toHaveLength(2);
		expect(bodies[1].idempotency_key).toBe(bodies[0].idempotency_key);
		expect(items).toHaveLength(1);
		scope.done();
	});
});
