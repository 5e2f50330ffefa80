// Schedule operations against the local PinBridge emulator (a real HTTP server, manual clock), through
// n8n's execution engine. No nock here: every request really goes out.
import { formatWithOffset } from '../../../nodes/PinBridgeSuite/shared/runAt';
import { useEmulator } from '../../harness/emulator';

const emulator = useEmulator({ timezone: 'Europe/Berlin' });
const run = emulator.run;

/** An hour after the emulator's (and this machine's) now, whole minutes; and how a Berlin date picker writes it. */
async function runTimeInBerlin(hours = 1): Promise<{ instant: number; wallClock: string }> {
	const now = Math.max(await emulator.emu.control.now(), Date.now());
	const instant = Math.ceil((now + hours * 3_600_000) / 60_000) * 60_000;
	return {
		instant,
		wallClock: formatWithOffset(instant, 'Europe/Berlin').slice(0, 19),
	};
}

function createParameters(runAt: string, title = 'Scheduled by a test') {
	return {
		resource: 'schedule',
		operation: 'create',
		account: { __rl: true, mode: 'list', value: emulator.emu.accountId },
		board: { __rl: true, mode: 'id', value: emulator.emu.boardIds[0] },
		runAt,
		mediaSource: 'imageUrl',
		imageUrl: 'https://images.example.com/cat.jpg',
		title,
		link: 'https://example.com/cats',
	};
}

describe('Schedule against the emulator', () => {
	it('Create (time without offset read in Berlin), fires on the clock, Get shows the Pin, Cancel then explains', async () => {
		const { instant, wallClock } = await runTimeInBerlin();
		const created = await run(createParameters(wallClock));
		expect(created.error).toBeUndefined();
		const schedule = created.items[0].json;
		expect(schedule).toMatchObject({
			status: 'scheduled',
			pinterest_account_id: emulator.emu.accountId,
			payload: expect.objectContaining({
				board_id: emulator.emu.boardIds[0],
				title: 'Scheduled by a test',
			}),
		});
		expect(Date.parse(String(schedule.run_at))).toBe(instant);
		expect(created.items[0].pairedItem).toEqual({ item: 0 });

		await emulator.emu.control.advance(2 * 3600);
		const fetched = await run({
			resource: 'schedule',
			operation: 'get',
			scheduleId: String(schedule.id),
		});
		expect(fetched.error).toBeUndefined();
		expect(fetched.items[0].json).toMatchObject({
			id: schedule.id,
			pin_id: expect.any(String),
		});
		expect(['queued', 'running', 'done']).toContain(fetched.items[0].json.status);

		await emulator.emu.control.advance(60);
		const cancel = await run({
			resource: 'schedule',
			operation: 'cancel',
			scheduleId: String(schedule.id),
		});
		expect(cancel.error?.message).toBe(
			`Schedule ${String(schedule.id)} can no longer be canceled: it has already run or was canceled before`,
		);
		expect(cancel.error?.httpCode).toBe('400');
	});

	it('Get Many filters by account, board, status and run time; Cancel cancels', async () => {
		const early = await runTimeInBerlin(1);
		const late = await runTimeInBerlin(30);
		const first = await run(createParameters(early.wallClock, 'Early'));
		const second = await run(createParameters(new Date(late.instant).toISOString(), 'Late'));
		expect(first.error ?? second.error).toBeUndefined();

		const listed = await run({
			resource: 'schedule',
			operation: 'getAll',
			returnAll: true,
			account: { __rl: true, mode: 'list', value: emulator.emu.accountId },
			board: { __rl: true, mode: 'id', value: emulator.emu.boardIds[0] },
			filters: {
				status: 'scheduled',
				until: formatWithOffset(early.instant + 60_000, 'Europe/Berlin').slice(0, 19),
			},
		});
		expect(listed.error).toBeUndefined();
		expect(listed.items.map((item) => item.json.id)).toEqual([first.items[0].json.id]);

		const canceled = await run({
			resource: 'schedule',
			operation: 'cancel',
			scheduleId: String(second.items[0].json.id),
		});
		expect(canceled.error).toBeUndefined();
		expect(canceled.items[0].json).toMatchObject({
			id: second.items[0].json.id,
			status: 'canceled',
		});

		const limited = await run({
			resource: 'schedule',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
		});
		expect(limited.items).toHaveLength(1);
	});

	it('a create whose answer is lost after PinBridge committed it is found, not made twice', async () => {
		await emulator.emu.control.addFault({
			method: 'POST',
			path: '/v1/schedules',
			mode: 'commit-then-drop',
			count: 1,
		});
		const { wallClock } = await runTimeInBerlin();
		const created = await run(createParameters(wallClock));
		expect(created.error).toBeUndefined();
		const schedules = await emulator.emu.control.schedules();
		expect(schedules).toHaveLength(1);
		expect(created.items[0].json.id).toBe(schedules[0].id);
		expect(await emulator.emu.control.requests({ method: 'POST', path: '/v1/schedules' })).toHaveLength(1);
		// the listing before creating (none yet), then the look-up that found it
		expect(await emulator.emu.control.requests({ method: 'GET', path: '/v1/schedules' })).toHaveLength(2);
	});

	it('running the same workflow twice leaves exactly one schedule per row; the re-run returns them, created_by_this_call false', async () => {
		const early = await runTimeInBerlin(1);
		const late = await runTimeInBerlin(2);
		const parameters = { ...createParameters('={{ $json.when }}', '={{ $json.title }}') };
		const items = [
			{ json: { title: 'Banana bread for tomorrow morning', when: early.wallClock } },
			{ json: { title: 'Apple pie', when: late.wallClock } },
		];
		const first = await run(parameters, { items });
		expect(first.error).toBeUndefined();
		const again = await run(parameters, { items });
		expect(again.error).toBeUndefined();

		expect(first.items.map((item) => item.json.created_by_this_call)).toEqual([true, true]);
		expect(again.items.map((item) => item.json.created_by_this_call)).toEqual([false, false]);
		expect(again.items.map((item) => item.json.id)).toEqual(first.items.map((item) => item.json.id));
		const schedules = await emulator.emu.control.schedules();
		expect(schedules.map((schedule) => [schedule.payload.title, Date.parse(schedule.run_at)]).sort()).toEqual(
			[
				['Apple pie', late.instant],
				['Banana bread for tomorrow morning', early.instant],
			],
		);
		expect(await emulator.emu.control.requests({ method: 'POST', path: '/v1/schedules' })).toHaveLength(2);
		expect(await emulator.emu.control.requests({ method: 'GET', path: '/v1/schedules' })).toHaveLength(2); // one per run
	});
});
