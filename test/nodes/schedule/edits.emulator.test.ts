// Schedule → Validate, Update, Retry, Delete, Get Many search/sort against the PinBridge emulator, through n8n's
// execution engine (no nock: every request really goes out; the emulator's clock is manual).
import { useEmulator } from '../../harness/emulator';

const emulator = useEmulator({ timezone: 'UTC' });
const run = emulator.run;

/** An ISO time `hours` after the later of the emulator's and this machine's clock (the node checks "future" on both). */
async function later(hours: number): Promise<string> {
	const now = Math.max(await emulator.emu.control.now(), Date.now());
	return new Date(Math.ceil((now + hours * 3_600_000) / 60_000) * 60_000).toISOString();
}

const content = async (title: string, hours = 1, imageUrl = 'https://images.example.com/cat.jpg') => ({
	resource: 'schedule',
	account: { __rl: true, mode: 'id', value: emulator.emu.accountId },
	board: { __rl: true, mode: 'id', value: emulator.emu.boardIds[0] },
	runAt: await later(hours),
	mediaSource: 'imageUrl',
	imageUrl,
	title,
});

describe('Schedule → Validate, Update, Retry, Delete, Get Many search and sort against the emulator', () => {
	it('Validate stores nothing; Update moves it and clears the link; Get Many finds it by search, sorted', async () => {
		const checked = await run({ ...(await content('Soup of the day')), operation: 'validate' });
		expect(checked.items[0].json).toMatchObject({ valid: true, summary: 'Valid: PinBridge would accept it' });
		expect(await emulator.emu.control.schedules()).toEqual([]);
		const first = (await run({ ...(await content('Soup of the day', 2)), operation: 'create', link: 'https://e.com/soup' })).items[0].json;
		const second = (await run({ ...(await content('Salad', 1)), operation: 'create' })).items[0].json;
		const runAt = await later(5);
		const updated = await run({ resource: 'schedule', operation: 'update', scheduleId: first.id, updateFields: { runAt, title: 'Soup!' }, clearFields: ['link'] });
		expect(updated.items[0].json).toMatchObject({ id: first.id, run_at: runAt.replace(/\.\d+Z$/, '.000Z'), status: 'scheduled' });
		expect(updated.items[0].json.payload).toMatchObject({ title: 'Soup!', link_url: null });
		const found = await run({ resource: 'schedule', operation: 'getAll', returnAll: true, filters: { search: 'SOUP' } });
		expect(found.items.map((item) => item.json.id)).toEqual([first.id]);
		const sorted = await run({ resource: 'schedule', operation: 'getAll', returnAll: true, filters: { sort: 'run_at_asc' } });
		expect(sorted.items.map((item) => item.json.id)).toEqual([second.id, first.id]);
	});

	it('a schedule whose Pin failed: Retry publishes it again (queued); Delete refuses while pending, then deletes', async () => {
		const created = (await run({ ...(await content('Broken', 1, 'https://unreachable.example.com/x.jpg')), operation: 'create' })).items[0].json;
		await emulator.emu.control.advance(4 * 3600);
		const failed = await run({ resource: 'schedule', operation: 'get', scheduleId: created.id });
		expect(failed.items[0].json).toMatchObject({ status: 'failed', pin_id: expect.any(String) });
		const retried = await run({ resource: 'schedule', operation: 'retry', scheduleId: created.id });
		expect(retried.items[0].json).toMatchObject({ status: 'queued', pin_id: failed.items[0].json.pin_id });
		const again = await run({ resource: 'schedule', operation: 'retry', scheduleId: created.id });
		expect(again.error?.message).toBe(`Schedule ${created.id} cannot be retried: only a failed schedule can`);
		const pending = (await run({ ...(await content('Pending', 10)), operation: 'create' })).items[0].json;
		const refused = await run({ resource: 'schedule', operation: 'delete', scheduleId: pending.id });
		expect(refused.error?.message).toBe(`Schedule ${pending.id} is still pending: cancel it before deleting it`);
		await run({ resource: 'schedule', operation: 'cancel', scheduleId: pending.id });
		const deleted = await run({ resource: 'schedule', operation: 'delete', scheduleId: pending.id });
		expect(deleted.items[0].json).toEqual({ id: pending.id, deleted: true });
		expect((await emulator.emu.control.schedules()).map((s) => s.id)).toEqual([created.id]);
	});
});
