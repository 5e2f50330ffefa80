// Rate Meter → Get against the local PinBridge emulator (a real HTTP server), through n8n's execution engine. No nock
// here: every request really goes out.
import { useEmulator } from '../../harness/emulator';

const emulator = useEmulator();
const run = emulator.run;
const account = () => ({ __rl: true, mode: 'list', value: emulator.emu.accountId });

describe('Rate Meter against the emulator', () => {
	it('Rate Meter → Get reads the account and global buckets', async () => {
		const { items, error } = await run({ resource: 'rateMeter', operation: 'get', account: account() });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			account: { account_id: emulator.emu.accountId, tokens_available: expect.any(Number), capacity: 50, refill_rate: 1 },
			global: { tokens_available: expect.any(Number), capacity: 200, refill_rate: 3 },
		});
	});
});
