import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { ACCOUNT_ID, BOARD_ID, pinResponse, publishParameters } from './fixtures';

useNock();

describe('Pin → Publish', () => {
	it('sends the content with an idempotency key and outputs the Pin', async () => {
		let sent: Record<string, unknown> = {};
		const scope = nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } })
			.post('/v1/pins', (body: Record<string, unknown>) => {
				sent = body;
				return true;
			})
			.reply(201, pinResponse());
		const { items, error } = await runPinBridgeNode({
			parameters: publishParameters({ pinDetails: { altText: 'A brass lamp', dominantColor: '#E60023', relatedTerms: ['lamp', 'brass'] } }),
		});
		expect(error).toBeUndefined();
		expect(sent).toEqual({
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
		});
		expect(items).toEqual([{ json: pinResponse(), pairedItem: { item: 0 } }]);
		scope.done();
	});
});
