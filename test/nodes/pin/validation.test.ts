// Every check done before sending: the error names the field and the rule, and nothing reaches PinBridge.
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_BASE_URL } from '../../harness/runWorkflow';
import { binaryItem, byId, MP4_BYTES, NOT_FROM_PINBRIDGE, pinResponse, PNG_BYTES, publishParameters, recordRequests } from './fixtures';

useNock();

/** Anything sent to PinBridge is recorded (and answered, so that a leak shows up as a request, not a hang). */
function trapRequests() {
	const scope = nock(TEST_BASE_URL)
		.persist()
		.post(/.*/)
		.reply(201, pinResponse())
		.get(/.*/)
		.reply(200, pinResponse())
		.delete(/.*/)
		.reply(204);
	return recordRequests(scope);
}

const cases: Array<[string, INodeParameters, string, INodeExecutionData[]?]> = [
	['title empty (from an expression)', { title: '={{ $json.missing }}' }, 'Title: is required'],
	['title over 100', { title: 'x'.repeat(101) }, 'Title: must be at most 100 characters (it has 101)'],
	['description over 800', { description: 'd'.repeat(801) }, 'Description: must be at most 800 characters'],
	['link not http(s)', { link: 'ftp://example.com/file' }, 'Link: must be an http:// or https:// URL'],
	['link not a URL', { link: 'example.com/lamp' }, 'Link: must be an http:// or https:// URL'],
	[
		'link over 2,048',
		{ link: `https://example.com/${'a'.repeat(2030)}` },
		'Link: must be at most 2,048 characters',
	],
	['alt text over 500', { pinDetails: { altText: 'a'.repeat(501) } }, 'Alt Text: must be at most 500 characters'],
	['colour not #RRGGBB', { pinDetails: { dominantColor: 'red' } }, 'Dominant Color: must be a colour written #RRGGBB'],
	['short colour', { pinDetails: { dominantColor: '#FFF' } }, 'Dominant Color: must be a colour written #RRGGBB'],
	['no media: image URL empty', { imageUrl: '={{ $json.missing }}' }, 'Image URL: is required: exactly one media source must be given'],
	['no media: asset id empty', { mediaSource: 'imageAsset', assetId: '={{ $json.missing }}' }, 'Asset ID: is required'],
	['image URL not http(s)', { imageUrl: 'file:///tmp/x.png' }, 'Image URL: must be an http:// or https:// URL'],
	['asset id with a space', { mediaSource: 'imageAsset', assetId: 'ast 1' }, 'Asset ID: must not contain spaces'],
	[
		'video without a cover (contract §9.3)',
		{ mediaSource: 'videoAsset', assetId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' },
		'Cover Image: a video Pin needs a cover image',
	],
	[
		'cover URL not http(s)',
		{ mediaSource: 'videoAsset', assetId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', coverSource: 'url', coverImageUrl: 'nope' },
		'Cover Image URL: must be an http:// or https:// URL',
	],
	['account a name with a space', { account: byId('={{ "Acme Shop" }}') }, 'Pinterest Account: must not contain spaces'],
	[
		'board a pasted address',
		{ board: byId('={{ "https://www.pinterest.com/acme/my-board/" }}') },
		'Board: must be the ID only, not an address (it contains "/"). This looks like a pasted URL: the ID is probably "my-board"',
	],
	[
		'board still the example’s placeholder',
		{ board: byId('PINBRIDGE_BOARD_ID') },
		'Board: is still the example\'s placeholder "PINBRIDGE_BOARD_ID": choose one from the list',
	],
	['board empty (from an expression)', { board: byId('={{ $json.missing }}') }, 'Board: is required'],
	[
		'custom idempotency key over 255',
		{ publishOptions: { idempotencyKey: 'k'.repeat(256) } },
		'Idempotency Key: must be at most 255 characters',
	],
	[
		'binary property missing',
		{ mediaSource: 'imageBinary', binaryPropertyName: 'photo' },
		'Input Binary Field: the input item has no binary property "photo" (it has: data)',
		[binaryItem('data', PNG_BYTES, 'image/png', 'lamp.png')],
	],
	[
		'no binary at all',
		{ mediaSource: 'imageBinary', binaryPropertyName: 'data' },
		'Input Binary Field: the input item has no binary property "data" (it has no binary data at all)',
	],
	[
		'image source given a video',
		{ mediaSource: 'imageBinary', binaryPropertyName: 'data' },
		'Input Binary Field: binary property "data" must hold an image, but it is video/mp4',
		[binaryItem('data', MP4_BYTES, 'video/mp4', 'clip.mp4')],
	],
	[
		'video source given a PDF',
		{ mediaSource: 'videoBinary', binaryPropertyName: 'data' },
		'Input Binary Field: binary property "data" must hold a video, but it is application/pdf',
		[binaryItem('data', Buffer.from('%PDF-1.4'), 'application/pdf', 'doc.pdf')],
	],
	[
		'cover binary not an image',
		{ mediaSource: 'videoBinary', binaryPropertyName: 'data', coverSource: 'binary', coverBinaryPropertyName: 'data' },
		'Cover Input Binary Field: binary property "data" must hold an image, but it is video/mp4',
		[binaryItem('data', MP4_BYTES, 'video/mp4', 'clip.mp4')],
	],
];

describe('Pin → Publish: checks before sending', () => {
	// Rows padded to four columns: jest would take a missing last argument for a done callback.
	it.each(cases.map(([name, overrides, message, items]) => [name, overrides, message, items ?? null] as const))(
		'%s',
		async (_name, overrides, message, items) => {
		const requests = trapRequests();
		const { error, items: output } = await runPinBridgeNode({
			parameters: publishParameters(overrides),
			items: items ?? undefined,
		});
		expect(error?.message).toContain(message);
		expect(error?.description).toBe('Nothing was sent to PinBridge for this item.');
		expect(output).toEqual([]);
		expect(requests).toEqual([]);
		},
	);

	it('accepts the limits exactly (100 / 800 / 500 characters, 2,048-character link)', async () => {
		const requests = trapRequests();
		const { error } = await runPinBridgeNode({
			parameters: publishParameters({
				title: '😀'.repeat(100), // characters, not UTF-16 units
				description: 'd'.repeat(800),
				link: `https://example.com/${'a'.repeat(2048 - 'https://example.com/'.length)}`,
				pinDetails: { altText: 'a'.repeat(500), dominantColor: '#a1B2c3' },
			}),
		});
		expect(error).toBeUndefined();
		expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /v1/pins']);
	});

	it('sends ids that are neither UUIDs nor digits as they are (ids are opaque, contract §9.1.1)', async () => {
		const requests = trapRequests();
		const { error } = await runPinBridgeNode({
			parameters: publishParameters({
				account: byId('={{ "acme" }}'),
				board: byId('={{ "my-board" }}'),
				mediaSource: 'imageAsset',
				assetId: 'abc',
			}),
		});
		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
		expect(requests[0].body).toMatchObject({ account_id: 'acme', board_id: 'my-board', asset_id: 'abc' });
	});

	it('Continue On Fail: the bad item carries its error, the others are published, pairing intact', async () => {
		const requests = trapRequests();
		const { items, error } = await runPinBridgeNode({
			parameters: publishParameters({ title: '={{ $json.title }}' }),
			items: [{ json: { title: 'First' } }, { json: { title: 'y'.repeat(120) } }, { json: { title: 'Third' } }],
			nodeSettings: { continueOnFail: true },
		});
		expect(error).toBeUndefined();
		expect(requests.map((request) => (request.body as { title: string }).title)).toEqual(['First', 'Third']);
		expect(items).toHaveLength(3);
		expect(items[0]).toMatchObject({ json: pinResponse(), pairedItem: { item: 0 } });
		expect(items[1].json).toEqual({ error: expect.stringContaining('Title: must be at most 100 characters'), ...NOT_FROM_PINBRIDGE });
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[2]).toMatchObject({ json: pinResponse(), pairedItem: { item: 2 } });
	});
});
