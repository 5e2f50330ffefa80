// Schedule → Add to Queue, as a user runs it: rows → the node → schedules at PinBridge (the emulator: a real HTTP
// server with its own clock), through n8n's execution engine. Taken slots are skipped, a re-run creates nothing, a
// large input is planned with one paged listing, and faults still leave exactly one schedule per row.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { formatWithOffset } from '../../../nodes/PinBridgeSuite/shared/runAt';
import { useEmulator } from '../../harness/emulator';
import { api } from '../../emulator/helpers';

const ZONE = 'Europe/Berlin';
const emulator = useEmulator({ timezone: ZONE });
const run = emulator.run;

const rows = (count: number, prefix = 'Row'): INodeExecutionData[] =>
	Array.from({ length: count }, (_, i) => ({
		json: { title: `${prefix} ${i + 1}`, image: `https://images.example.com/${prefix.toLowerCase()}-${i + 1}.jpg` },
	}));

/** Add to Queue, 3 a day (09:00, 13:00, 19:00 every day), fields from the rows. */
function queueParameters(overrides: IDataObject = {}, queueOptions: IDataObject = {}) {
	return {
		resource: 'schedule',
		operation: 'addToQueue',
		account: { __rl: true, mode: 'id', value: emulator.emu.accountId },
		board: { __rl: true, mode: 'id', value: emulator.emu.boardIds[0] },
		postingTimes: {
			slot: [{ days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'], times: '09:00, 13:00, 19:00' }],
		},
		pinsPerSlot: 1,
		mediaSource: 'imageUrl',
		imageUrl: '={{ $json.image }}',
		title: '={{ $json.title }}',
		queueOptions,
		...overrides,
	};
}

/**
 * The plan's slots from the emulator's now (at least a minute ahead), worked out here on their own: Berlin's offsets
 * are whole hours, so its whole hours are UTC's; walk them and keep 09:00, 13:00 and 19:00 local.
 */
async function expectedSlots(count: number, hours = [9, 13, 19]): Promise<string[]> {
	const now = await emulator.emu.control.now();
	const out: string[] = [];
	for (let instant = Math.ceil((now + 60_000) / 3_600_000) * 3_600_000; out.length < count; instant += 3_600_000) {
		const local = formatWithOffset(instant, ZONE);
		if (hours.includes(Number(local.slice(11, 13)))) out.push(local);
	}
	return out;
}

const requests = async (method: string, path: string) => await emulator.emu.control.requests({ method, path });
const json = (items: INodeExecutionData[]) => items.map((item) => item.json);

describe('Schedule → Add to Queue', () => {
	it('rows → the next free slots, 3 a day; one listing; each output names its slot in the plan’s zone and in UTC', async () => {
		const result = await run(queueParameters(), { items: rows(7) });
		expect(result.error).toBeUndefined();
		const slots = await expectedSlots(7);
		expect(json(result.items).map((item) => item.slot_local)).toEqual(slots);
		expect(json(result.items).map((item) => item.slot_utc)).toEqual(slots.map((slot) => new Date(slot).toISOString().replace('.000Z', 'Z')));
		expect(json(result.items).map((item) => item.queue_status)).toEqual(Array(7).fill('added'));
		expect(result.items.map((item) => item.pairedItem)).toEqual(rows(7).map((_, item) => ({ item })));
		expect(result.items[0].json).toMatchObject({ status: 'scheduled', run_at_local: slots[0], time_zone: ZONE, payload: expect.objectContaining({ title: 'Row 1' }) });

		const schedules = await emulator.emu.control.schedules();
		expect(schedules.map((s) => [s.payload.title, Date.parse(s.run_at)]).sort()).toEqual(
			slots.map((slot, i) => [`Row ${i + 1}`, Date.parse(slot)]).sort(),
		);
		expect(await requests('GET', '/v1/schedules')).toHaveLength(1);
		expect(await requests('POST', '/v1/schedules')).toHaveLength(7);
	});

	it('skips slots PinBridge already has Pins in (another workflow, the dashboard), and fills what they leave', async () => {
		const slots = await expectedSlots(4);
		const call = api(emulator.emu);
		for (const [i, runAt] of [slots[0], slots[1], slots[1]].entries()) {
			const made = await call('POST', '/v1/schedules', {
				account_id: emulator.emu.accountId,
				board_id: emulator.emu.boardIds[1], // another board of the account: it counts too
				title: `From the dashboard ${i}`,
				image_url: `https://images.example.com/dashboard-${i}.jpg`,
				run_at: runAt,
			});
			expect(made.status).toBe(201);
		}
		const result = await run(queueParameters({ pinsPerSlot: 2 }), { items: rows(3) });
		expect(result.error).toBeUndefined();
		expect(json(result.items).map((item) => item.slot_local)).toEqual([slots[0], slots[2], slots[2]]);
	});

	it('a re-run creates nothing (each row gets its schedule back); new rows continue after them', async () => {
		const first = await run(queueParameters(), { items: rows(4) });
		expect(first.error).toBeUndefined();
		const again = await run(queueParameters(), { items: rows(4) });
		expect(again.error).toBeUndefined();
		expect(json(again.items).map((item) => item.queue_status)).toEqual(Array(4).fill('already_queued'));
		expect(json(again.items).map((item) => item.id)).toEqual(json(first.items).map((item) => item.id));
		expect(json(again.items).map((item) => item.slot_local)).toEqual(json(first.items).map((item) => item.slot_local));
		expect(await requests('POST', '/v1/schedules')).toHaveLength(4);

		const more = await run(queueParameters(), { items: rows(2, 'New') });
		expect(more.error).toBeUndefined();
		expect(json(more.items).map((item) => item.slot_local)).toEqual((await expectedSlots(6)).slice(4));
		expect(await emulator.emu.control.schedules()).toHaveLength(6);
	});

	it('a row repeated in one input is queued once; the repeat names the row it repeats', async () => {
		const items = [...rows(2), rows(1)[0]];
		const result = await run(queueParameters(), { items });
		expect(result.error).toBeUndefined();
		expect(json(result.items).map((item) => [item.queue_status, item.same_as_item])).toEqual([
			['added', undefined],
			['added', undefined],
			['already_queued', 0],
		]);
		expect(result.items[2].json.id).toBe(result.items[0].json.id);
		expect(await emulator.emu.control.schedules()).toHaveLength(2);
	});

	it('500 rows are planned with one paged listing (existing queue of 250), and each gets its own slot', async () => {
		const call = api(emulator.emu);
		const slots = await expectedSlots(250);
		for (const [i, runAt] of slots.entries()) {
			await call('POST', '/v1/schedules', {
				account_id: emulator.emu.accountId,
				board_id: emulator.emu.boardIds[0],
				title: `Earlier ${i}`,
				image_url: `https://images.example.com/earlier-${i}.jpg`,
				run_at: runAt,
			});
		}
		await emulator.emu.control.clearRequests();
		const result = await run(queueParameters({}, { preview: true }), { items: rows(500) });
		expect(result.error).toBeUndefined();
		const listing = await requests('GET', '/v1/schedules');
		// one listing of 250 in pages of up to 200: offsets 0 and 200 (and none per item)
		expect(listing.map((entry) => String(entry.query.offset))).toEqual(['0', '200']);
		expect(await requests('POST', '/v1/schedules')).toHaveLength(0);
		const planned = json(result.items).map((item) => item.slot_local);
		expect(new Set(planned).size).toBe(500);
		expect(planned[0]).toBe((await expectedSlots(251))[250]);
	});

	it('Preview Only: the plan, the body it would send, nothing created', async () => {
		const result = await run(queueParameters({}, { preview: true }), { items: rows(2) });
		expect(result.error).toBeUndefined();
		const slots = await expectedSlots(2);
		expect(json(result.items)).toEqual([
			expect.objectContaining({ queue_status: 'planned', run_at: slots[0], slot_local: slots[0], title: 'Row 1', board_id: emulator.emu.boardIds[0] }),
			expect.objectContaining({ queue_status: 'planned', run_at: slots[1], slot_local: slots[1], title: 'Row 2' }),
		]);
		expect(await emulator.emu.control.schedules()).toHaveLength(0);
		expect((await emulator.emu.control.requests({})).every((entry) => entry.method === 'GET')).toBe(true);
	});

	it('rows past End are error items naming End (Continue On Fail), the others queued; none dropped', async () => {
		const slots = await expectedSlots(3);
		const result = await run(queueParameters({}, { end: slots[1] }), { items: rows(3), nodeSettings: { continueOnFail: true } });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(json(result.items).slice(0, 2).map((item) => item.slot_local)).toEqual(slots.slice(0, 2));
		expect(result.items[2].json.error).toEqual(expect.stringContaining('no free slot left before End'));
		expect(result.items[2].pairedItem).toEqual({ item: 2 });
		expect(await emulator.emu.control.schedules()).toHaveLength(2);
	});

	it('under faults (answers lost after PinBridge made the schedule, 503s before), exactly one schedule per row', async () => {
		await emulator.emu.control.addFault({ method: 'POST', path: '/v1/schedules', mode: 'commit-then-drop', probability: 0.3 });
		await emulator.emu.control.addFault({ method: 'POST', path: '/v1/schedules', status: 503, probability: 0.2 });
		const result = await run(queueParameters(), { items: rows(20) });
		expect(result.error).toBeUndefined();
		const schedules = await emulator.emu.control.schedules();
		expect(schedules.map((s) => s.payload.title).sort()).toEqual(rows(20).map((row) => String(row.json.title)).sort());
		expect(new Set(json(result.items).map((item) => item.id)).size).toBe(20);
		expect(json(result.items).map((item) => item.slot_local)).toEqual(await expectedSlots(20));
		expect((await emulator.emu.control.faults()).reduce((hits, fault) => hits + fault.hits, 0)).toBeGreaterThan(0);
	});
});
