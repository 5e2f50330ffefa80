// Shared fixtures of the Pin and Asset tests.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

export const ACCOUNT_ID = '3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b';
export const BOARD_ID = '549755885175';
export const OTHER_BOARD_ID = '549755885176';
export const PIN_ID = '9b2f1c3e-4d5a-4b6c-8d7e-0f1a2b3c4d5e';
export const ASSET_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
export const COVER_ASSET_ID = '1c9e6679-7425-40de-944b-e07fc1f90ae8';

/** The facts of a Continue On Fail item whose failure is not PinBridge's answer (a field refused before sending). */
export const NOT_FROM_PINBRIDGE = { errorCode: null, httpCode: null, remediation: null, requestId: null };

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** An image Pin's parameters on the emulator's seeded account and first board (no operation set). */
export const emulatorPinContent = (emu: { accountId: string; boardIds: string[] }, overrides: IDataObject = {}): IDataObject => ({
	resource: 'pin',
	account: byId(emu.accountId),
	board: byId(emu.boardIds[0]),
	mediaSource: 'imageUrl',
	imageUrl: 'https://images.example.com/lamp.jpg',
	title: 'A lamp',
	description: 'Warm light',
	link: 'https://shop.example.com/lamp',
	...overrides,
});

/** Publish parameters for an image-URL Pin; override any. */
export function publishParameters(overrides: INodeParameters = {}): INodeParameters {
	return {
		resource: 'pin',
		operation: 'publish',
		account: byId(ACCOUNT_ID),
		board: byId(BOARD_ID),
		mediaSource: 'imageUrl',
		imageUrl: 'https://cdn.example.com/lamp.jpg',
		title: 'A lamp',
		description: 'Warm light for a cold room',
		link: 'https://shop.example.com/lamp',
		...overrides,
	};
}

export function pinResponse(overrides: IDataObject = {}): IDataObject {
	return {
		id: PIN_ID,
		workspace_id: 'ws-1',
		pinterest_account_id: ACCOUNT_ID,
		board_id: BOARD_ID,
		status: 'queued',
		media_type: 'image',
		title: 'A lamp',
		pinterest_pin_id: null,
		error_code: null,
		error_message: null,
		...overrides,
	};
}

export function jobResponse(status: string, overrides: IDataObject = {}): IDataObject {
	return {
		job_id: 'job-1',
		pin_id: PIN_ID,
		status,
		submitted_at: '2026-11-22T10:00:00Z',
		completed_at: null,
		pinterest_pin_id: null,
		error_code: null,
		error_message: null,
		...overrides,
	};
}

export const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
export const MP4_BYTES = Buffer.from('000000186674797069736f6d', 'hex');

export function binaryItem(
	property: string,
	bytes: Buffer,
	mimeType: string,
	fileName: string,
	json: IDataObject = {},
): INodeExecutionData {
	return { json, binary: { [property]: { data: bytes.toString('base64'), mimeType, fileName } } };
}

/** The raw multipart body nock received, as text (binary bytes shown as latin1). */
export function multipartText(body: unknown): string {
	if (Buffer.isBuffer(body)) return body.toString('latin1');
	// nock hands over bodies that are not valid UTF-8 as hex, others as text.
	if (typeof body === 'string' && /^(?:[0-9a-f]{2})+$/i.test(body)) return Buffer.from(body, 'hex').toString('latin1');
	if (typeof body === 'string') return body;
	return String(body);
}

import { useFakeRuntime, type FakeRuntime } from '../../harness/fakeRuntime';

export type FakeClock = FakeRuntime;

/** Replaces the helper's sleep/clock/randomness for each test of the file (no real waiting) and restores them. */
export const useFakeClock = (): FakeClock => useFakeRuntime();

export interface RecordedRequest {
	method: string;
	path: string;
	headers: Record<string, unknown>;
	body: unknown;
}

/** Records every request nock answers in `scope` (method, path incl. query, headers, body). */
export function recordRequests(scope: { on(event: 'request', listener: (...args: unknown[]) => void): unknown }) {
	const requests: RecordedRequest[] = [];
	scope.on('request', (...args: unknown[]) => {
		const [req, interceptor, body] = args as [
			{ method: string; path: string; headers: Record<string, unknown> },
			unknown,
			unknown,
		];
		void interceptor;
		let parsed = body;
		if (typeof body === 'string' && body !== '') {
			try {
				parsed = JSON.parse(body) as unknown;
			} catch {
				parsed = body;
			}
		}
		requests.push({ method: req.method, path: req.path, headers: req.headers, body: parsed });
	});
	return requests;
}
