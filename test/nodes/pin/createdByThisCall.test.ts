// Publish's `created_by_this_call` (issue 14 point 4): PinBridge answers a new Pin and an idempotent replay alike
// (201 + the Pin), so the node compares the Pin's created_at with the answer's Date header, both PinBridge's clock.
import { CLOCK_TOLERANCE_MS, createdByThisCall } from '../../../nodes/PinBridgeSuite/resources/pin/replay';
import { useFakeRuntime } from '../../harness/fakeRuntime';
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_BASE_URL } from '../../harness/runWorkflow';
import { pinResponse, publishParameters } from './fixtures';

useNock();
useFakeRuntime();

const CREATED_AT = '2026-11-22T10:00:00.400Z';
const httpDate = (iso: string) => new Date(iso).toUTCString();

async function publishAnsweredAt(date: string | undefined, createdAt = CREATED_AT) {
	const scope = nock(TEST_BASE_URL)
		.post('/v1/pins')
		.reply(201, pinResponse({ created_at: createdAt }), date ? { Date: date } : {});
	const { items, error } = await runPinBridgeNode({ parameters: publishParameters() });
	expect(error).toBeUndefined();
	scope.done();
	return items[0].json;
}

describe('Pin → Publish: created by this call, or an earlier Pin for the same key', () => {
	it('a Pin created while the call ran (Date in the same second, truncated) → true', async () => {
		const json = await publishAnsweredAt(httpDate('2026-11-22T10:00:00.900Z'));
		expect(json).toEqual({ ...pinResponse({ created_at: CREATED_AT }), created_by_this_call: true });
	});

	it('an idempotent replay of a Pin created an hour earlier → false, the Pin as PinBridge returned it', async () => {
		const json = await publishAnsweredAt(httpDate('2026-11-22T11:00:02Z'));
		expect(json).toEqual({ ...pinResponse({ created_at: CREATED_AT }), created_by_this_call: false });
	});

	it('no Date header → the field is left out rather than guessed', async () => {
		const json = await publishAnsweredAt(undefined);
		expect(json).not.toHaveProperty('created_by_this_call');
	});

	it('a first attempt that created the Pin but lost its answer still counts as this call (the wait is in the window)', () => {
		const created = { created_at: '2026-11-22T10:00:00Z' };
		const date = { date: httpDate('2026-11-22T10:00:07Z') };
		expect(createdByThisCall(created, date, 6_500)).toBe(true); // 6.5 s of retries + the 1 s tolerance
		expect(createdByThisCall(created, date, 5_000)).toBe(false);
		expect(CLOCK_TOLERANCE_MS).toBe(1_000);
	});
});
