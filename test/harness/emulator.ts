/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test-only: the profile may come from the environment */
// Test-only: one PinBridge emulator (manual clock) per test file, reset before each test. The request helper's waits
// move the emulator's clock instead of real time, so retries, pacing and polling take no real seconds.
// Profile: `useEmulator({}, { profile: 'documented' })` in a file, or PINBRIDGE_EMULATOR_PROFILE=documented for a
// whole run (contract §9.1.6); default 'full'.
import { parseProfile } from '../emulator/ids';
import { startEmulator, type StartEmulatorOptions, type StartedEmulator } from '../emulator/server';
import { forgetRateMeterReadings } from '../../nodes/shared/transport/rateMeter';
import { transportRuntime } from '../../nodes/shared/transport/request';
import { defaultCredentials, runPinBridgeNode, type RunOptions, type RunResult } from './runWorkflow';

export interface EmulatorFixture {
	/** The running emulator (set in beforeAll). */
	readonly emu: StartedEmulator;
	/** Every wait the helper asked for during the current test, in ms. */
	readonly sleeps: number[];
	/** Runs the PinBridge node against the emulator with its key. */
	run(parameters: RunOptions['parameters'], options?: Partial<RunOptions>): Promise<RunResult>;
}

export function useEmulator(
	defaults: Partial<RunOptions> = {},
	emulator: Omit<StartEmulatorOptions, 'clock'> = {},
): EmulatorFixture {
	let emu: StartedEmulator | undefined;
	const sleeps: number[] = [];
	const real = { ...transportRuntime };
	beforeAll(async () => {
		const profile = emulator.profile ?? parseProfile(process.env.PINBRIDGE_EMULATOR_PROFILE);
		emu = await startEmulator({ port: 0, ...emulator, profile, clock: 'manual' });
	});
	afterAll(async () => await emu?.close());
	beforeEach(async () => {
		const started = emu as StartedEmulator;
		await started.control.reset();
		forgetRateMeterReadings();
		sleeps.length = 0;
		let now = await started.control.now();
		transportRuntime.now = () => now;
		transportRuntime.sleep = async (ms: number) => {
			sleeps.push(ms);
			now = (await started.control.advance(ms / 1000)).epoch_ms;
		};
	});
	afterEach(() => Object.assign(transportRuntime, real));
	return {
		get emu() {
			return emu as StartedEmulator;
		},
		sleeps,
		run: async (parameters, options = {}) =>
			await runPinBridgeNode({
				credentials: defaultCredentials((emu as StartedEmulator).url, (emu as StartedEmulator).apiKey),
				...defaults,
				...options,
				parameters,
			}),
	};
}
