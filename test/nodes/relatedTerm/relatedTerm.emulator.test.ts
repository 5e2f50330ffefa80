// Related Term → Get Many against the local PinBridge emulator (a real HTTP server), through n8n's execution engine. No
// nock here: every request really goes out.
import { useEmulator } from '../../harness/emulator';

const emulator = useEmulator();
const run = emulator.run;
const account = () => ({ __rl: true, mode: 'list', value: emulator.emu.accountId });

describe('Related Term against the emulator', () => {
	it('Related Term → Get Many gives one item per term, and rides out a 429 by waiting as told', async () => {
		// The helper's waits move the emulator's manual clock instead of real time (useEmulator).
		const sleeps = emulator.sleeps;
		const terms = Array.from({ length: 12 }, (_, index) => ({ json: { keywords: [`term ${index}`, 'picnic'] } }));
		const { items, error } = await run(
			{ resource: 'relatedTerm', operation: 'getAll', account: account(), terms: ['={{ $json.keywords }}'] },
			{ items: terms },
		);
		expect(error).toBeUndefined();
		// 12 look-ups against a read allowance of 10: the last ones were rate limited, waited for, and retried.
		expect(sleeps.length).toBeGreaterThan(0);
		expect(sleeps.every((ms) => ms >= 1000 && ms % 1000 === 0)).toBe(true);
		expect(items).toHaveLength(24);
		expect(items[0].json).toEqual({
			term: 'term 0',
			related_terms: expect.arrayContaining(['term 0 ideas']),
			exact_match: false,
		});
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
			terms.flatMap((_, index) => [index, index]),
		);
	});
});
