// Pin → Publish Batch against the PinBridge emulator, through n8n's engine: 230 rows in three requests, a re-run
// creates 0 new Pins, a plan without batch publishing gets the explained 402.
import { useEmulator } from '../../harness/emulator';

const emulator = useEmulator();
const run = emulator.run;

const parameters = (account: string, board: string) => ({
	resource: 'pin',
	operation: 'publishBatch',
	account: { __rl: true, mode: 'id', value: account },
	board: { __rl: true, mode: 'id', value: board },
	mediaSource: 'imageUrl',
	imageUrl: '={{ $json.image }}',
	title: '={{ $json.title }}',
});
const rows = (n: number) =>
	Array.from({ length: n }, (_, i) => ({ json: { title: `Row ${i + 1}`, image: `https://images.example.com/${i + 1}.jpg` } }));

describe('Pin → Publish Batch against the emulator', () => {
	it('230 rows → 3 batch requests, 230 Pins in order; the re-run creates 0 new Pins and says replayed', async () => {
		const first = await run(parameters(emulator.emu.accountId, emulator.emu.boardIds[0]), { items: rows(230) });
		expect(first.error).toBeUndefined();
		expect(first.items.map((item) => item.json.title)).toEqual(rows(230).map((row) => row.json.title));
		expect(first.items.every((item) => item.json.batch_status === 'created')).toBe(true);
		expect((await emulator.emu.control.requests({ path: '/v1/pins/batch' })).length).toBe(3);
		expect((await emulator.emu.control.pins()).length).toBe(230);

		const again = await run(parameters(emulator.emu.accountId, emulator.emu.boardIds[0]), { items: rows(230) });
		expect(again.items.every((item) => item.json.batch_status === 'existing' && item.json.replayed === true)).toBe(true);
		expect(again.items.map((item) => item.json.id)).toEqual(first.items.map((item) => item.json.id));
		expect((await emulator.emu.control.pins()).length).toBe(230);
	});

	it('503s and a lost answer on the batch endpoint: sent again (every Pin keyed), every Pin exactly once', async () => {
		await emulator.emu.control.addFault({ method: 'POST', path: '/v1/pins/batch', status: 503, count: 2, mode: 'respond' });
		await emulator.emu.control.addFault({ method: 'POST', path: '/v1/pins/batch', mode: 'commit-then-drop', count: 1 });
		const { items, error } = await run(parameters(emulator.emu.accountId, emulator.emu.boardIds[0]), { items: rows(150) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(150);
		const pins = await emulator.emu.control.pins();
		expect(pins).toHaveLength(150);
		expect(new Set(pins.map((pin) => pin.title)).size).toBe(150);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(150);
		expect((await emulator.emu.control.requests({ path: '/v1/pins/batch' })).length).toBeGreaterThan(2);
	});

	it('a starter plan: 402 feature_not_available, explained, nothing created', async () => {
		const starter = await emulator.emu.control.seed({ plan: 'starter', accounts: [{}], api_keys: [{}] });
		const account = starter.accounts[0];
		const { error } = await run(parameters(account.id, account.board_ids[0]), {
			items: rows(2),
			credentials: { pinBridgeSuiteApi: { baseUrl: emulator.emu.url, apiKey: starter.api_keys[0].api_key } },
		});
		expect(error?.message).toMatch(/^Batch publishing is not included in the starter plan/);
		expect(error?.description).toContain('Pin → Publish publishes the same items one request per Pin');
		expect(await emulator.emu.control.pins(starter.workspace_id)).toEqual([]);
	});
});
