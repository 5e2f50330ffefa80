// Schedule → Validate, Update, Retry, Delete, Get Many search/sort (API 1.30+): exact requests and items (nock).
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { recordRequests } from '../pin/fixtures';
import { createParameters, expectedBody, scheduleFor, SCHEDULE_ID, scheduleOutput, useTestClock } from './fixtures';

useNock();
useTestClock();

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
const schedule = scheduleFor(expectedBody());
const run = (parameters: Record<string, unknown>) =>
	runPinBridgeNode({ parameters: { resource: 'schedule', scheduleId: SCHEDULE_ID, ...parameters }, timezone: 'Europe/Berlin' });

describe('Schedule → Validate', () => {
	it('sends Create’s body to /v1/schedules/validate and reads the checks', async () => {
		let sent: unknown;
		const answer = {
			valid: false,
			checks: [{ name: 'run_at', status: 'failed', code: 'validation_error', message: 'run_at must be in the future', remediation: 'Pick a later time.' }],
		};
		const scope = api()
			.post('/v1/schedules/validate', (body) => ((sent = body), true))
			.reply(200, answer);
		const { items, error } = await runPinBridgeNode({ parameters: createParameters({ operation: 'validate' }), timezone: 'Europe/Berlin' });
		expect(error).toBeUndefined();
		expect(sent).toEqual(expectedBody());
		expect(items[0].json).toMatchObject({
			valid: false,
			summary: 'Not valid: 1 check failed',
			failedChecks: ['run_at: run_at must be in the future (validation_error). What to do: Pick a later time.'],
		});
		scope.done();
	});
});

describe('Schedule → Update', () => {
	it('sends only the fields set, Run At with the zone’s offset, null for cleared fields', async () => {
		let sent: unknown;
		const scope = api()
			.patch(`/v1/schedules/${SCHEDULE_ID}`, (body) => ((sent = body), true))
			.reply(200, schedule);
		const { items, error } = await run({
			operation: 'update',
			updateFields: { runAt: '2026-12-02T08:30:00', title: 'Dog of the day', imageUrl: 'https://img.example/dog.jpg' },
			clearFields: ['link'],
		});
		expect(error).toBeUndefined();
		expect(sent).toEqual({ run_at: '2026-12-02T08:30:00+01:00', title: 'Dog of the day', image_url: 'https://img.example/dog.jpg', link_url: null });
		expect(items).toEqual([{ json: scheduleOutput(schedule, '2026-12-01T09:00:00+01:00'), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it.each([
		[{}, 'Update Fields: choose at least one field to change or clear'],
		[{ runAt: '2020-01-01T00:00:00Z' }, 'Run At: must be in the future'],
		[{ imageUrl: 'https://img.example/a.jpg', assetId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }, 'Asset ID: set Image URL or Asset ID, not both'],
		[{ assetId: 'lamp 1' }, 'Asset ID: must not contain spaces'],
		[{ title: 'x'.repeat(101) }, 'Title: must be at most 100 characters'],
	])('refuses %j without sending', async (updateFields, message) => {
		const requests = recordRequests(api().persist().patch(/.*/).reply(200, {}));
		const { error } = await run({ operation: 'update', updateFields });
		expect(error?.message).toContain(message);
		expect(requests).toEqual([]);
	});

	it('explains 409 schedule_not_editable', async () => {
		api()
			.patch(`/v1/schedules/${SCHEDULE_ID}`)
			.reply(409, { error: { code: 'schedule_not_editable', message: 'Not editable' } });
		const { error } = await run({ operation: 'update', updateFields: { title: 'Late' } });
		expect(error?.message).toBe(`Schedule ${SCHEDULE_ID} can no longer be edited: publishing has started or it is over`);
		expect(error?.description).toContain('Schedule → Retry');
	});
});

describe('Schedule → Retry and Delete', () => {
	it('Retry sends no body, or { run_at } with New Run At; a 400 is explained', async () => {
		const bodies: unknown[] = [];
		api()
			.post(`/v1/schedules/${SCHEDULE_ID}/retry`, (body) => (bodies.push(body), true))
			.twice()
			.reply(200, { ...schedule, status: 'queued' });
		expect((await run({ operation: 'retry' })).items[0].json.status).toBe('queued');
		await run({ operation: 'retry', newRunAt: '2026-12-03T10:00:00Z' });
		expect(bodies).toEqual(['', { run_at: '2026-12-03T10:00:00Z' }]);
		api().post(`/v1/schedules/${SCHEDULE_ID}/retry`).reply(400, { error: { code: 'bad_request', message: 'Schedule is scheduled' } });
		const { error } = await run({ operation: 'retry' });
		expect(error?.message).toBe(`Schedule ${SCHEDULE_ID} cannot be retried: only a failed schedule can`);
	});

	it('Delete outputs { id, deleted } for the 204, and explains the 400 of a pending schedule', async () => {
		api().delete(`/v1/schedules/${SCHEDULE_ID}`).reply(204);
		expect((await run({ operation: 'delete' })).items).toEqual([{ json: { id: SCHEDULE_ID, deleted: true }, pairedItem: { item: 0 } }]);
		api().delete(`/v1/schedules/${SCHEDULE_ID}`).reply(400, { error: { code: 'bad_request', message: 'Cancel it first' } });
		const { error } = await run({ operation: 'delete' });
		expect(error?.message).toBe(`Schedule ${SCHEDULE_ID} is still pending: cancel it before deleting it`);
		expect(error?.description).toContain('PinBridge said: Cancel it first');
	});
});

describe('Schedule → Get Many search and sort', () => {
	it('sends q and sort', async () => {
		const scope = api().get('/v1/schedules').query({ q: 'soup', sort: 'run_at_asc', limit: '50', offset: '0' }).reply(200, [schedule], { 'X-Total-Count': '1' });
		const { items } = await runPinBridgeNode({
			parameters: { resource: 'schedule', operation: 'getAll', filters: { search: ' soup ', sort: 'run_at_asc' } },
		});
		expect(items).toHaveLength(1);
		scope.done();
	});
});
