/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { api, pinBody } from './helpers';
import { startEmulator, type StartedEmulator } from './server';

let emu: StartedEmulator;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, clock: 'real', publishDelayMs: 40 });
});
afterAll(() => emu.close());

test("'real' clock: due work runs by itself (pin published within a fraction of a second)", async () => {
	const call = api(emu);
	const pin = (await call('POST', '/v1/pins', pinBody(emu))).body;
	expect(pin.status).toBe('queued');
	const deadline = Date.now() + 2000;
	let status = pin.status;
	while (status !== 'published' && Date.now() < deadline) {
		await new Promise((r) => setTimeout(r, 25));
		status = (await call('GET', `/v1/pins/${pin.id}`)).body.status;
	}
	expect(status).toBe('published');
});

test("advance() also works in 'real' mode (shifts the clock)", async () => {
	const before = await emu.control.now();
	await emu.control.advance(3600);
	expect((await emu.control.now()) - before).toBeGreaterThanOrEqual(3600_000);
});

test("'real' clock with a startTime starts there, runs on, and a reset keeps the distance to wall time", async () => {
	const twoDaysAgo = Date.now() - 2 * 86_400_000;
	const behind = await startEmulator({ port: 0, clock: 'real', startTime: twoDaysAgo });
	try {
		const first = await behind.control.now();
		expect(Math.abs(first - twoDaysAgo)).toBeLessThan(5_000);
		await behind.control.reset();
		const afterReset = await behind.control.now();
		expect(afterReset).toBeGreaterThanOrEqual(first);
		expect(Math.abs(afterReset - (Date.now() - 2 * 86_400_000))).toBeLessThan(5_000);
	} finally {
		await behind.close();
	}
});
