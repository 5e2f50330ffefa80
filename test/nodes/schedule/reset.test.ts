// A real dropped connection (nock cannot reset a socket faithfully under n8n's HTTP client): a loopback server
// reads the POST, then destroys the socket without answering, as when PinBridge created the schedule but the
// answer was lost.
import { runPinBridgeNode, TEST_API_KEY } from '../../harness/runWorkflow';
import { startScriptedServer, type ScriptedServer } from '../../harness/scriptedServer';
import { ACCOUNT_ID, BOARD_ID, createParameters, expectedBody, scheduleFor, scheduleOutput, useTestClock } from './fixtures';

useTestClock();
let server: ScriptedServer;
beforeAll(async () => {
	server = await startScriptedServer();
});
afterAll(async () => await server.close());

const credentials = () => ({ pinBridgeSuiteApi: { baseUrl: server.url, apiKey: TEST_API_KEY } });
const lookupUrl =
	`/v1/schedules?account_id=${ACCOUNT_ID}&board_id=${BOARD_ID}` +
	'&since=2026-12-01T07%3A59%3A59.000Z&until=2026-12-01T08%3A00%3A01.000Z&offset=0&limit=200';

/** Create's listing before it creates (the same query as the look-up): nothing scheduled yet. */
const NOTHING_YET = { status: 200, body: [], headers: { 'x-total-count': '0' } };
/** A schedule the reset attempt made was created by this call. */
const createdNow = (json: Record<string, unknown>) => ({ ...json, created_by_this_call: true });

describe('Schedule → Create after a connection reset', () => {
	it('finds the schedule the reset attempt created: one POST, and that schedule as output', async () => {
		const created = scheduleFor(expectedBody());
		server.script([NOTHING_YET, 'reset', { status: 200, body: [created], headers: { 'x-total-count': '1' } }]);
		const { items, error } = await runPinBridgeNode({
			parameters: createParameters(),
			credentials: credentials(),
			timezone: 'Europe/Berlin',
		});
		expect(error).toBeUndefined();
		expect(server.requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
			`GET ${lookupUrl}`,
			'POST /v1/schedules',
			`GET ${lookupUrl}`,
		]);
		expect(server.requests[1].body).toEqual(expectedBody());
		expect(server.requests.map((request) => request.headers['x-api-key'])).toEqual([TEST_API_KEY, TEST_API_KEY, TEST_API_KEY]);
		expect(items).toEqual([{ json: createdNow(scheduleOutput(created, '2026-12-01T09:00:00+01:00')), pairedItem: { item: 0 } }]);
	});

	it('finds nothing: sends the POST once more', async () => {
		const created = scheduleFor(expectedBody());
		server.script([
			NOTHING_YET,
			'reset',
			{ status: 200, body: [], headers: { 'x-total-count': '0' } },
			{ status: 201, body: created },
		]);
		const { items, error } = await runPinBridgeNode({
			parameters: createParameters(),
			credentials: credentials(),
			timezone: 'Europe/Berlin',
		});
		expect(error).toBeUndefined();
		expect(server.requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
			`GET ${lookupUrl}`,
			'POST /v1/schedules',
			`GET ${lookupUrl}`,
			'POST /v1/schedules',
		]);
		expect(server.requests[3].body).toEqual(expectedBody());
		expect(items).toEqual([{ json: createdNow(scheduleOutput(created, '2026-12-01T09:00:00+01:00')), pairedItem: { item: 0 } }]);
	});
});
