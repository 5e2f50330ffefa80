import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { useFakeRuntime, type FakeRuntime } from '../../harness/fakeRuntime';

export const ACCOUNT_ID = '3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b';
export const BOARD_ID = '549755885175';
export const SCHEDULE_ID = '5d1c2b3a-4e5f-4a6b-9c8d-7e6f5a4b3c2d';
/** The tests' "now": a winter date, before every Run At they use. */
export const NOW = Date.parse('2026-11-22T10:00:00Z');

/** Replaces the helper's clock and sleep (no test waits real seconds) and records the waits. */
export const useTestClock = (): FakeRuntime => useFakeRuntime();

export function createParameters(overrides: INodeParameters = {}): INodeParameters {
	return {
		resource: 'schedule',
		operation: 'create',
		account: { __rl: true, mode: 'id', value: ACCOUNT_ID },
		board: { __rl: true, mode: 'id', value: BOARD_ID },
		runAt: '2026-12-01T09:00:00',
		mediaSource: 'imageUrl',
		imageUrl: 'https://img.example/cat.jpg',
		title: 'Cat of the day',
		description: 'A very good cat',
		link: 'https://example.com/cats',
		...overrides,
	};
}

/** The body createParameters() must produce, with the run_at the node is expected to send. */
export function expectedBody(runAt = '2026-12-01T09:00:00+01:00'): IDataObject {
	return {
		account_id: ACCOUNT_ID,
		board_id: BOARD_ID,
		title: 'Cat of the day',
		description: 'A very good cat',
		link_url: 'https://example.com/cats',
		image_url: 'https://img.example/cat.jpg',
		run_at: runAt,
	};
}

/**
 * What the node outputs for a schedule PinBridge returned: the same, with run_at also written in the workflow's time
 * zone and that zone named (Berlin unless said).
 */
export function scheduleOutput(schedule: IDataObject, runAtLocal: string, timeZone = 'Europe/Berlin'): IDataObject {
	return { ...schedule, run_at_local: runAtLocal, time_zone: timeZone };
}

/** A schedule as PinBridge returns it for expectedBody(). */
export function scheduleFor(body: IDataObject, overrides: IDataObject = {}): IDataObject {
	return {
		id: SCHEDULE_ID,
		workspace_id: 'ws-1',
		pinterest_account_id: body.account_id,
		run_at: new Date(Date.parse(String(body.run_at))).toISOString(),
		status: 'scheduled',
		payload: {
			board_id: body.board_id,
			title: body.title,
			description: body.description ?? null,
			link_url: body.link_url ?? null,
			media_type: 'image',
			media_url: body.image_url ?? null,
			image_url: body.image_url ?? null,
			asset_id: body.asset_id ?? null,
			cover_image_url: null,
		},
		last_error: null,
		pin_id: null,
		created_at: new Date(NOW).toISOString(),
		updated_at: new Date(NOW).toISOString(),
		...overrides,
	};
}
