// Test-only: replaces the request helper's sleep, clock and randomness so that no test waits real seconds.
import { transportRuntime } from '../../nodes/shared/transport/request';
import { forgetRateMeterReadings } from '../../nodes/shared/transport/rateMeter';

export interface FakeRuntime {
	/** Every wait the helper asked for, in ms, in order. */
	sleeps: number[];
	/** The fake clock, advanced by every sleep. */
	now: number;
}

/** Installs a fake runtime before each test of the file and restores the real one after. */
export function useFakeRuntime(random = () => 0.5): FakeRuntime {
	const state: FakeRuntime = { sleeps: [], now: Date.parse('2026-11-22T10:00:00Z') };
	const real = { ...transportRuntime };
	beforeEach(() => {
		state.sleeps = [];
		state.now = Date.parse('2026-11-22T10:00:00Z');
		forgetRateMeterReadings();
		transportRuntime.sleep = async (ms: number) => {
			state.sleeps.push(ms);
			state.now += ms;
		};
		transportRuntime.now = () => state.now;
		transportRuntime.random = random;
	});
	afterEach(() => Object.assign(transportRuntime, real));
	return state;
}
