// Wait for Publish, with a fake clock: the polls, their pacing, and each way the wait ends.
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { ACCOUNT_ID, jobResponse, PIN_ID, pinResponse, publishParameters, useFakeClock } from './fixtures';

useNock();
const clock = useFakeClock();

const waiting = (waitTimeoutSeconds = 300) =>
	publishParameters({ publishOptions: { waitForPublish: true, waitTimeoutSeconds } });

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });

describe('Pin → Publish: Wait for Publish', () => {
	it('polls the job through queued → deferred (paced by the rate meter) → published, then outputs the final Pin with its Pinterest link', async () => {
		const published = pinResponse({ status: 'published', pinterest_pin_id: '1122334455', published_at: '2026-11-22T10:00:15Z' });
		const scope = api()
			.post('/v1/pins')
			.reply(201, pinResponse({ status: 'queued' }))
			.get(`/v1/jobs/${PIN_ID}`)
			.reply(200, jobResponse('deferred'))
			.get('/v1/rate-meter')
			.query({ account_id: ACCOUNT_ID })
			.reply(200, {
				account: { account_id: ACCOUNT_ID, tokens_available: 0, capacity: 50, refill_rate: 0.1 },
				global: { tokens_available: 150, capacity: 200, refill_rate: 3 },
			})
			.get(`/v1/jobs/${PIN_ID}`)
			.reply(200, jobResponse('publishing'))
			.get(`/v1/jobs/${PIN_ID}`)
			.reply(200, jobResponse('published', { pinterest_pin_id: '1122334455' }))
			.get(`/v1/pins/${PIN_ID}`)
			.reply(200, published);
		const { items, error } = await runPinBridgeNode({ parameters: waiting() });
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { ...published, pinterest_url: 'https://www.pinterest.com/pin/1122334455/' }, pairedItem: { item: 0 } },
		]);
		// queued: 2 s; deferred: the 10 s the meter says the next token needs; publishing: the grown interval (4.5 s).
		expect(clock.sleeps).toEqual([2000, 10000, 4500]);
		scope.done();
	});

	it('turns a failed Pin into an item error carrying PinBridge’s code and message', async () => {
		const scope = api()
			.post('/v1/pins')
			.reply(201, pinResponse())
			.get(`/v1/jobs/${PIN_ID}`)
			.reply(200, jobResponse('failed', { error_code: 'board_not_found', error_message: 'Board 549755885175 no longer exists' }));
		const { error, items } = await runPinBridgeNode({ parameters: waiting() });
		expect(items).toEqual([]);
		expect(error?.message).toBe('The Pin failed to publish: Board 549755885175 no longer exists (board_not_found)');
		expect(error?.description).toBe(`PinBridge error code: board_not_found. Fix the cause, then use Pin → Retry with Pin ID ${PIN_ID}.`);
		scope.done();
	});

	it('with Continue On Fail, the failed Pin is that item’s error and the next item still publishes', async () => {
		const second = pinResponse({ id: 'aaaaaaaa-4d5a-4b6c-8d7e-0f1a2b3c4d5e', status: 'published' });
		const scope = api()
			.post('/v1/pins', (body: { title: string }) => body.title === 'One')
			.reply(201, pinResponse({ status: 'failed', error_code: 'pinterest_rejected', error_message: 'Image too small' }))
			.post('/v1/pins', (body: { title: string }) => body.title === 'Two')
			.reply(201, second);
		const { error, items } = await runPinBridgeNode({
			parameters: { ...waiting(), title: '={{ $json.title }}' },
			items: [{ json: { title: 'One' } }, { json: { title: 'Two' } }],
			nodeSettings: { continueOnFail: true },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			error: 'The Pin failed to publish: Image too small (pinterest_rejected)',
			errorCode: 'pinterest_rejected',
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
		// Already final when created (e.g. an idempotent replay): output as is, no polling.
		expect(items[1]).toEqual({ json: second, pairedItem: { item: 1 } });
		scope.done();
	});

	it('ends at the timeout with an error saying the Pin was created and where it is', async () => {
		const scope = api()
			.post('/v1/pins')
			.reply(201, pinResponse())
			.get(`/v1/jobs/${PIN_ID}`)
			.times(3)
			.reply(200, jobResponse('queued'));
		const { error } = await runPinBridgeNode({ parameters: waiting(8) });
		expect(error?.message).toBe(`Pin ${PIN_ID} was created but is still queued after 8 seconds`);
		expect(error?.description).toContain('Pin → Get Status');
		// 2 s + 3 s, then the last 3 s left of the 8 s budget; never beyond it.
		expect(clock.sleeps).toEqual([2000, 3000, 3000]);
		scope.done();
	});

	it('without Wait for Publish returns the queued Pin at once', async () => {
		const scope = api().post('/v1/pins').reply(201, pinResponse());
		const { items } = await runPinBridgeNode({ parameters: publishParameters() });
		expect(items).toEqual([{ json: pinResponse(), pairedItem: { item: 0 } }]);
		expect(clock.sleeps).toEqual([]);
		scope.done();
	});
});
