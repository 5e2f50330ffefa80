// Schedule → Add to Queue as an AI agent's tool (`queue_pin`), through n8n-core's own tool machinery: n8n runs a tool
// only through the node's routing, never a custom operation, so this is the routed send (addToQueue.ts), which plans
// the one item with one listing and creates as the workflow path does.
import type { IDataObject } from 'n8n-workflow';

import { runAsTool } from '../../harness/aiTool';
import { nock, useNock } from '../../harness/nock';
import { TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { ACCOUNT_ID, BOARD_ID, useTestClock } from './fixtures';

useNock();
useTestClock(); // now: 2026-11-22T10:00:00Z, a Sunday, 11:00 in Berlin

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });

async function queuePin(toolArguments: Record<string, unknown>) {
	return await runAsTool({
		toolName: 'queue_pin',
		parameters: {
			resource: 'schedule',
			operation: 'addToQueue',
			account: { __rl: true, mode: 'id', value: ACCOUNT_ID },
			board: { __rl: true, mode: 'id', value: BOARD_ID },
			postingTimes: { slot: [{ days: ['sunday', 'monday'], times: '09:00, 13:00, 19:00' }] },
			pinsPerSlot: 1,
			mediaSource: 'imageUrl',
			imageUrl: "={{ $fromAI('image_url', 'Public URL of the image', 'string') }}",
			title: "={{ $fromAI('title', 'Title of the Pin, at most 100 characters', 'string') }}",
			queueOptions: { timeZone: 'Europe/Berlin' },
		},
		calls: [toolArguments],
	});
}

function pending(runAt: string, payload: IDataObject, id = 'sch_taken'): IDataObject {
	return {
		id,
		pinterest_account_id: ACCOUNT_ID,
		run_at: runAt,
		status: 'scheduled',
		payload: { board_id: BOARD_ID, description: null, link_url: null, media_type: 'image', asset_id: null, cover_image_url: null, ...payload },
	};
}

describe('Schedule → Add to Queue as an AI agent tool', () => {
	it('reads the queue once, takes the next free slot (13:00 is taken → 19:00 Berlin) and answers with the schedule', async () => {
		const bodies: IDataObject[] = [];
		const taken = pending('2026-11-22T12:00:00Z', { title: 'Already there', image_url: 'https://cdn.example.com/x.jpg' });
		const created = pending('2026-11-22T18:00:00Z', { title: 'Brass lamp', image_url: 'https://cdn.example.com/lamp.jpg' }, 'sch_new');
		const scope = api()
			.get('/v1/schedules')
			.query({ since: '2026-11-21T10:00:00Z', account_id: ACCOUNT_ID, offset: 0, limit: 200 })
			.reply(200, [taken], { 'X-Total-Count': '1' })
			.post('/v1/schedules', (body: IDataObject) => bodies.push(body) > 0)
			.reply(201, created);
		const { items, error } = await queuePin({ title: 'Brass lamp', image_url: 'https://cdn.example.com/lamp.jpg' });
		expect(error).toBeUndefined();
		scope.done();
		expect(bodies).toEqual([
			{
				account_id: ACCOUNT_ID,
				board_id: BOARD_ID,
				title: 'Brass lamp',
				image_url: 'https://cdn.example.com/lamp.jpg',
				run_at: '2026-11-22T19:00:00+01:00',
			},
		]);
		expect(items.map((item) => item.json)).toEqual([
			{
				tool: 'queue_pin',
				answer: [
					expect.objectContaining({
						id: 'sch_new',
						queue_status: 'added',
						slot_local: '2026-11-22T19:00:00+01:00',
						slot_utc: '2026-11-22T18:00:00Z',
						run_at_local: '2026-11-22T19:00:00+01:00',
						time_zone: 'Europe/Berlin',
					}),
				],
			},
		]);
	});

	it('the same Pin again: its schedule comes back, marked, and nothing is created', async () => {
		const mine = pending('2026-11-22T18:00:00Z', { title: 'Brass lamp', image_url: 'https://cdn.example.com/lamp.jpg' }, 'sch_mine');
		// no X-Total-Count (older APIs): the listing reads on until a short page follows a fuller one (contract §9.1.5)
		const scope = api()
			.get('/v1/schedules')
			.query((query) => query.offset === '0')
			.reply(200, [mine])
			.get('/v1/schedules')
			.query((query) => query.offset === '1')
			.reply(200, []);
		const leak = nock(TEST_BASE_URL).post(/.*/).reply(500, {});
		const { items, error } = await queuePin({ title: 'Brass lamp', image_url: 'https://cdn.example.com/lamp.jpg' });
		expect(error).toBeUndefined();
		scope.done();
		expect(leak.isDone()).toBe(false);
		expect(items[0].json.answer).toEqual([expect.objectContaining({ id: 'sch_mine', queue_status: 'already_queued', slot_local: '2026-11-22T19:00:00+01:00' })]);
	});

	it('a title over 100 characters comes back as a tool error naming the field and the rule; nothing is read or sent', async () => {
		const leak = nock(TEST_BASE_URL).get(/.*/).reply(500, {}).post(/.*/).reply(500, {});
		const { error } = await queuePin({ title: 'x'.repeat(101), image_url: 'https://cdn.example.com/lamp.jpg' });
		expect(String(error?.message)).toContain('Title: must be at most 100 characters (it has 101)');
		expect(leak.isDone()).toBe(false);
	});
});
