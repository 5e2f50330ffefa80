// Plan → Get Status against the local PinBridge emulator (a real HTTP server), through n8n's engine.
import { publishedPin } from '../../emulator/helpers';
import { useEmulator } from '../../harness/emulator';

const emulator = useEmulator();
const run = emulator.run;

describe('Plan against the emulator', () => {
	it('Plan → Get Status reports the month’s use', async () => {
		await publishedPin(emulator.emu);
		const { items } = await run({ resource: 'plan', operation: 'getStatus' });
		expect((await emulator.emu.control.requests({ path: '/v1/billing/status' })).map((r) => [r.method, r.status])).toEqual([
			['GET', 200],
		]);
		expect(items[0].json).toMatchObject({ plan: 'growth', calls_used: 1, quota_calls_monthly: 1000, quota_exhausted: false });
	});
});
