// Publish without Wait for Publish (issue 23): the Pin comes back `queued` with no Pinterest id, which looks
// unfinished to a newcomer. n8n's execution hint, shown above the node's output, says why and how to see the outcome;
// a run whose Pins are all published (Wait for Publish) has no such hint.
import { nock, useNock } from '../../harness/nock';
import { NODE_NAME, runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { jobResponse, pinResponse, PIN_ID, publishParameters, useFakeClock } from './fixtures';

useNock();
useFakeClock();

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
const hintsOf = (run: Awaited<ReturnType<typeof runPinBridgeNode>>['run']) =>
	run.data.resultData.runData[NODE_NAME][0].hints ?? [];

describe('Pin → Publish: what a queued result says', () => {
	it('without Wait for Publish, the queued Pins come with a hint saying how to see the outcome', async () => {
		api().post('/v1/pins').times(2).reply(201, pinResponse({ status: 'queued', pinterest_pin_id: null }));
		const { run, items, error } = await runPinBridgeNode({
			parameters: publishParameters({ title: '={{ $json.title }}' }),
			items: [{ json: { title: 'One' } }, { json: { title: 'Two' } }],
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.status)).toEqual(['queued', 'queued']);
		expect(hintsOf(run)).toEqual([
			{
				type: 'info',
				location: 'outputPane',
				message: expect.stringMatching(/^2 Pins are queued at PinBridge, not on Pinterest yet/),
			},
		]);
		const [hint] = hintsOf(run);
		expect(hint.message).toContain('Wait for Publish');
		expect(hint.message).toContain('Pin → Get Status');
		expect(hint.message).toContain('PinBridge Trigger');
	});

	it('with Wait for Publish, the published Pin carries its Pinterest link and no hint', async () => {
		api()
			.post('/v1/pins')
			.reply(201, pinResponse({ status: 'queued' }))
			.get(`/v1/jobs/${PIN_ID}`)
			.reply(200, jobResponse('published', { pinterest_pin_id: '1122334455' }))
			.get(`/v1/pins/${PIN_ID}`)
			.reply(200, pinResponse({ status: 'published', pinterest_pin_id: '1122334455' }));
		const { run, items, error } = await runPinBridgeNode({
			parameters: publishParameters({ publishOptions: { waitForPublish: true } }),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			status: 'published',
			pinterest_url: 'https://www.pinterest.com/pin/1122334455/',
		});
		expect(hintsOf(run)).toEqual([]);
	});

	it('without Wait for Publish, a re-run whose Pin is already published carries its Pinterest link and no hint', async () => {
		api().post('/v1/pins').reply(200, pinResponse({ status: 'published', pinterest_pin_id: '1122334455' }));
		const { run, items, error } = await runPinBridgeNode({ parameters: publishParameters() });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'published', pinterest_url: 'https://www.pinterest.com/pin/1122334455/' });
		expect(hintsOf(run)).toEqual([]);
	});

	it('a re-run PinBridge answers with earlier Pins says that nothing new was published, and how to publish another', async () => {
		const earlier = pinResponse({ status: 'published', pinterest_pin_id: '1122334455', created_at: '2026-11-22T09:00:00Z' });
		api().post('/v1/pins').times(2).reply(201, earlier, { Date: new Date('2026-11-22T11:00:00Z').toUTCString() });
		const { run, items, error } = await runPinBridgeNode({
			parameters: publishParameters({ title: '={{ $json.title }}' }),
			items: [{ json: { title: 'One' } }, { json: { title: 'Two' } }],
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.created_by_this_call)).toEqual([false, false]);
		expect(hintsOf(run)).toEqual([
			{
				type: 'info',
				location: 'outputPane',
				message: expect.stringMatching(/^2 Pins were already at PinBridge \(created_by_this_call: false\)/),
			},
		]);
		expect(hintsOf(run)[0].message).toContain('Options → Idempotency Key');
	});
});
