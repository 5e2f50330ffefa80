import { api, pinBody, type Caller } from './helpers';
import { startEmulator, type StartedEmulator } from './server';

// counters().max_in_flight_by_route: the most API requests a route had open at once (benchmarks report it).
let emu: StartedEmulator;
let call: Caller;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, latencyMs: 100, plan: 'enterprise' });
	call = api(emu);
});
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

describe('requests in flight', () => {
	test('concurrent requests raise the maximum; all finished brings the current count back to 0', async () => {
		const answers = await Promise.all(Array.from({ length: 7 }, async () => await call('POST', '/v1/pins', pinBody(emu))));
		expect(answers.map((a) => a.status)).toEqual(Array(7).fill(201));
		const counters = await emu.control.counters();
		expect(counters.max_in_flight_by_route['POST /v1/pins']).toBe(7);
		expect(counters.in_flight_by_route['POST /v1/pins']).toBe(0);
	});

	test('requests one after another never count more than 1; reset() clears the maximum', async () => {
		await Promise.all(Array.from({ length: 3 }, async () => await call('GET', '/v1/pins')));
		expect((await emu.control.counters()).max_in_flight_by_route['GET /v1/pins']).toBe(3);
		await emu.control.reset();
		for (let i = 0; i < 3; i++) await call('GET', '/v1/pins');
		const counters = await emu.control.counters();
		expect(counters.max_in_flight_by_route['GET /v1/pins']).toBe(1);
		expect(counters.max_in_flight_by_route['POST /v1/pins']).toBeUndefined();
	});

	test('fault answers and dropped connections leave the route too', async () => {
		await emu.control.addFault({ method: 'POST', path: '/v1/pins', status: 503, count: 2 });
		await emu.control.addFault({ method: 'POST', path: '/v1/pins', mode: 'drop', count: 2 });
		const outcomes = await Promise.allSettled(Array.from({ length: 4 }, async () => await call('POST', '/v1/pins', pinBody(emu))));
		expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(2);
		const counters = await emu.control.counters();
		expect(counters.max_in_flight_by_route['POST /v1/pins']).toBe(4);
		expect(counters.in_flight_by_route['POST /v1/pins']).toBe(0);
	});
});
