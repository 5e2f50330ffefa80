// POST /__emulator/clock/advance {"to": instant} (issue 23): a user moves the clock to a schedule's run_at. A day of
// seconds from 01:30 stops at 01:30 the next day, before a 09:00 schedule; `to` lands on it.
import { api, type Caller } from './helpers';
import { startEmulator, type StartedEmulator } from './server';

let emu: StartedEmulator;
let call: Caller;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, clock: 'manual', startTime: '2025-03-01T01:30:00Z' });
	call = api(emu);
});
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

const advance = (body: Record<string, unknown>) => call('POST', '/__emulator/clock/advance', body);
const schedule = async (runAt: string) =>
	(
		await call('POST', '/v1/schedules', {
			account_id: emu.accountId,
			board_id: emu.boardIds[0],
			title: 'At nine tomorrow',
			image_url: 'https://images.example.com/s.jpg',
			run_at: runAt,
		})
	).body as { id: string; status: string };
const statusOf = async (id: string) => (await call('GET', `/v1/schedules/${id}`)).body.status;

test('a day of seconds from 01:30 leaves a 09:00 schedule of the next day waiting; {to: its run_at} fires it', async () => {
	const s = await schedule('2025-03-02T09:00:00Z');
	expect((await advance({ seconds: 86_400 })).body.now).toBe('2025-03-02T01:30:00.000Z');
	expect(await statusOf(s.id)).toBe('scheduled');

	const moved = await advance({ to: '2025-03-02T10:00:00+01:00' }); // the same instant, written with an offset
	expect(moved.status).toBe(200);
	expect(moved.body.now).toBe('2025-03-02T09:00:00.000Z');
	expect(await statusOf(s.id)).toBe('done');
});

test('to without an offset, not a date, or before now: 400 naming to and the rule, clock unmoved', async () => {
	const before = await emu.control.now();
	for (const [to, rule] of [
		['2025-03-02T09:00:00', /to must be an ISO 8601 instant with an offset/],
		['tomorrow', /to must be an ISO 8601 instant with an offset/],
		[86_400, /to must be an ISO 8601 instant with an offset/],
		['2025-03-01T01:00:00Z', /to must not be before the emulator's now \(2025-03-01T01:30:00\.000Z\)/],
	] as const) {
		const answer = await advance({ to });
		expect(answer.status).toBe(400);
		expect(answer.body.detail).toMatch(rule);
	}
	expect(await emu.control.now()).toBe(before);
});
