// Activity Log → Get Many against the local PinBridge emulator (a real HTTP server), through n8n's engine: the
// cursor pages as the emulator logged them, and the entries its worker wrote.
import { api, pinBody, publishedPin } from '../../emulator/helpers';
import { useEmulator } from '../../harness/emulator';

const emulator = useEmulator({ timezone: 'UTC' });
const run = emulator.run;

describe('Activity Log against the emulator', () => {
	it('Return All pages through the cursor: every entry once, newest first', async () => {
		const call = api(emulator.emu);
		for (let i = 0; i < 205; i++) await call('POST', '/v1/pins', pinBody(emulator.emu));
		const { items, error } = await run({ resource: 'activityLog', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(205);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(205);
		expect(items.every((item) => item.json.action === 'pin.created' && item.json.actor_type === 'api_key')).toBe(true);
		const pages = await emulator.emu.control.requests({ path: '/v1/activity-logs' });
		expect(pages.map((r) => [r.query.limit, typeof r.query.cursor])).toEqual([
			['200', 'undefined'],
			['200', 'string'],
		]);
	});

	it('filters reach the emulator; a published Pin shows up as pin.published by the worker', async () => {
		const pinId = await publishedPin(emulator.emu);
		const { items } = await run({
			resource: 'activityLog',
			operation: 'getAll',
			returnAll: false,
			limit: 10,
			filters: { status: 'success', resourceType: 'pin' },
		});
		expect(items.map((item) => [item.json.action, item.json.resource_id, item.json.actor_type])).toEqual([
			['pin.published', pinId, 'worker'],
		]);
	});
});
