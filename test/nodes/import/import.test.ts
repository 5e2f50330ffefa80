import { createHash } from 'node:crypto';

import { transportRuntime } from '../../../nodes/shared/transport/request';
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { NOT_FROM_PINBRIDGE } from '../pin/fixtures';

useNock();

const ACCOUNT_ID = '3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b';
const IMPORT_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const NOW = Date.parse('2026-06-01T12:00:00Z');

const original = { ...transportRuntime };
let sleeps: number[] = [];
beforeEach(() => {
	sleeps = [];
	transportRuntime.sleep = async (ms: number) => {
		sleeps.push(ms);
	};
	transportRuntime.now = () => NOW;
	transportRuntime.random = () => 0.5;
});
afterEach(() => Object.assign(transportRuntime, original));

function row(n: number) {
	return { account_id: ACCOUNT_ID, board_id: '549755885175', title: `Pin ${n}`, image_url: `https://img.example/${n}.jpg` };
}
const job = (id: string, total: number) => ({ id, status: 'pending', total_rows: total, processed_rows: 0, results: [] });

/** The key the node must derive, computed here independently: sha256 over the row's JSON with sorted keys. */
function expectedKey(content: Record<string, unknown>): string {
	const sorted = Object.fromEntries(Object.entries(content).sort(([a], [b]) => (a < b ? -1 : 1)));
	return `n8n-import-${createHash('sha256').update(JSON.stringify(sorted)).digest('hex')}`;
}

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });

describe('Import → From JSON', () => {
	async function importRows(rows: unknown[]) {
		const bodies: Array<Array<Record<string, unknown>>> = [];
		const scope = api()
			.post('/v1/pins/imports/json', (body: Array<Record<string, unknown>>) => {
				bodies.push(body);
				return true;
			})
			.times(3)
			.reply(201, () => job(`job-${bodies.length}`, bodies[bodies.length - 1].length));
		const result = await runPinBridgeNode({
			parameters: { resource: 'import', operation: 'fromJson', rows: '={{ $json.rows }}' },
			items: [{ json: { rows } }],
		});
		return { ...result, bodies, scope };
	}

	it('splits 1,201 rows into requests of 500, 500 and 201 with stable per-row keys, one item per job', async () => {
		const rows = Array.from({ length: 1201 }, (_, index) => row(index + 1));
		const first = await importRows(rows);
		expect(first.error).toBeUndefined();
		first.scope.done();
		expect(first.bodies.map((body) => body.length)).toEqual([500, 500, 201]);
		expect(first.bodies.flat().map((sent) => sent.title)).toEqual(rows.map((r) => r.title));
		expect(first.bodies[0][0]).toEqual({ ...row(1), idempotency_key: expectedKey(row(1)) });
		const keys = first.bodies.flat().map((sent) => sent.idempotency_key);
		expect(new Set(keys).size).toBe(1201);
		expect(first.items.map((item) => item.json)).toEqual([job('job-1', 500), job('job-2', 500), job('job-3', 201)]);
		expect(first.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);

		// Re-running the same rows (keys in another order) sends the same keys: PinBridge reports them as existing.
		const reordered = rows.map(({ title, image_url, board_id, account_id }) => ({ title, image_url, board_id, account_id }));
		const second = await importRows(reordered);
		expect(second.bodies.flat().map((sent) => sent.idempotency_key)).toEqual(keys);
	});

	it('keeps a row’s own idempotency key, sends related terms as a list and reads run_at in the workflow’s time zone', async () => {
		let sent: Array<Record<string, unknown>> = [];
		const scope = api()
			.post('/v1/pins/imports/json', (body: Array<Record<string, unknown>>) => {
				sent = body;
				return true;
			})
			.reply(201, job(IMPORT_ID, 2));
		const rows = [
			{ ...row(1), idempotency_key: 'sheet-row-1', related_terms: 'cats, dogs ,' },
			{ ...row(2), run_at: '2026-12-01T09:00:00' },
		];
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'import', operation: 'fromJson', rows: '={{ $json.rows }}' },
			items: [{ json: { rows } }],
			timezone: 'Europe/Berlin',
		});
		expect(error).toBeUndefined();
		scope.done();
		const second = { ...row(2), run_at: '2026-12-01T09:00:00+01:00' };
		expect(sent).toEqual([
			{ ...row(1), idempotency_key: 'sheet-row-1', related_terms: ['cats', 'dogs'] },
			{ ...second, idempotency_key: expectedKey(second) },
		]);
		expect(items).toEqual([{ json: job(IMPORT_ID, 2), pairedItem: { item: 0 } }]);
	});

	it('accepts JSON text typed into the field', async () => {
		let sent: unknown;
		const scope = api()
			.post('/v1/pins/imports/json', (body) => {
				sent = body;
				return true;
			})
			.reply(201, job(IMPORT_ID, 1));
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'import', operation: 'fromJson', rows: JSON.stringify([row(1)]) },
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(sent).toEqual([{ ...row(1), idempotency_key: expectedKey(row(1)) }]);
	});

	it.each([
		[{ rows: 'not json' }, 'Rows: must be a JSON array of Pin rows, and the text is not valid JSON'],
		[{ rows: { title: 'x' } }, 'Rows: must be an array of Pin rows, got an object'],
		[{ rows: [] }, 'Rows: must contain at least one row'],
		[{ rows: [row(1), 'oops'] }, 'Rows: row 2 must be an object of Pin fields, got a string'],
		[{ rows: [row(1), row(2), [row(3)]] }, 'Rows: row 3 must be an object of Pin fields, got an array'],
		[{ rows: [{ ...row(1), run_at: '2026-05-01T09:00:00Z' }] }, 'Rows: row 1: run_at must be in the future'],
		[{}, 'Rows: is required'],
	])('rejects %j before sending anything', async (json, message) => {
		const scope = api().post('/v1/pins/imports/json').reply(201, {});
		const { error, items } = await runPinBridgeNode({
			parameters: { resource: 'import', operation: 'fromJson', rows: '={{ $json.rows }}' },
			items: [{ json }],
		});
		expect(error?.message).toContain(message);
		expect(items).toEqual([]);
		expect(scope.isDone()).toBe(false);
	});

	it('with Continue On Fail, an invalid item carries its error and the next item is imported', async () => {
		let sent: unknown;
		const scope = api()
			.post('/v1/pins/imports/json', (body) => {
				sent = body;
				return true;
			})
			.once()
			.reply(201, job(IMPORT_ID, 1));
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'import', operation: 'fromJson', rows: '={{ $json.rows }}' },
			items: [{ json: { rows: 42 } }, { json: { rows: [row(7)] } }],
			nodeSettings: { continueOnFail: true },
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(sent).toEqual([{ ...row(7), idempotency_key: expectedKey(row(7)) }]);
		expect(items).toHaveLength(2);
		expect(items[0].json).toEqual({
			error: 'Rows: must be an array of Pin rows, got a number. To import many items, gather them first with the Aggregate node.',
			...NOT_FROM_PINBRIDGE,
		});
		expect(items[1]).toEqual({ json: job(IMPORT_ID, 1), pairedItem: { item: 1 } });
	});

	// A 503 may come after PinBridge took the rows; the rows' idempotency keys make sending them again safe.
	it('resends a chunk after an ambiguous 503 (its rows carry idempotency keys)', async () => {
		const bodies: unknown[] = [];
		const scope = api()
			.post('/v1/pins/imports/json', (body) => {
				bodies.push(body);
				return true;
			})
			.reply(503, { detail: 'Service unavailable' })
			.post('/v1/pins/imports/json', (body) => {
				bodies.push(body);
				return true;
			})
			.reply(201, job(IMPORT_ID, 1));
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'import', operation: 'fromJson', rows: '={{ $json.rows }}' },
			items: [{ json: { rows: [row(1)] } }],
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(bodies).toHaveLength(2);
		expect(bodies[1]).toEqual(bodies[0]);
		expect(sleeps).toHaveLength(1);
		expect(items.map((item) => item.json)).toEqual([job(IMPORT_ID, 1)]);
	});

	// Rows with run_at become schedules, for which PinBridge documents no idempotency: no blind resend.
	it('does not resend a chunk holding run_at rows after an ambiguous 503', async () => {
		const scope = api().post('/v1/pins/imports/json').reply(503, { detail: 'Service unavailable' });
		const spare = api().post('/v1/pins/imports/json').reply(201, job(IMPORT_ID, 1));
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'import', operation: 'fromJson', rows: '={{ $json.rows }}' },
			items: [{ json: { rows: [{ ...row(1), run_at: '2026-12-01T09:00:00+01:00' }] } }],
		});
		scope.done();
		expect(error?.httpCode).toBe('503');
		expect(spare.isDone()).toBe(false);
		expect(sleeps).toHaveLength(0);
	});

	it('says which rows failed and which jobs were already accepted when a later chunk fails', async () => {
		const scope = api()
			.post('/v1/pins/imports/json')
			.reply(201, job('job-1', 500))
			.post('/v1/pins/imports/json')
			.reply(402, { detail: { error: { code: 'payment_required', message: 'Bulk imports need a paid plan' } } });
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'import', operation: 'fromJson', rows: '={{ $json.rows }}' },
			items: [{ json: { rows: Array.from({ length: 600 }, (_, index) => row(index)) } }],
		});
		scope.done();
		expect(error?.message).toBe('Bulk imports need a paid plan');
		expect(error?.description).toContain('Rows 501–600 (request 2 of 2) failed. Rows before them were accepted as import job(s) job-1.');
	});
});

describe('Import → From CSV', () => {
	const csv = 'account_id,board_id,title,image_url\n' + `${ACCOUNT_ID},549755885175,Hello,https://img.example/1.jpg\n`;

	it('sends the binary as the multipart field "file" and outputs the import job', async () => {
		let contentType = '';
		let sent = '';
		const scope = api()
			.post('/v1/pins/imports/csv', (body: string) => {
				sent = body;
				return true;
			})
			.reply(function () {
				contentType = String(this.req.headers['content-type']);
				return [201, job(IMPORT_ID, 1)];
			});
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'import', operation: 'fromCsv', binaryPropertyName: 'sheet' },
			items: [
				{
					json: {},
					binary: { sheet: { data: Buffer.from(csv).toString('base64'), mimeType: 'text/csv', fileName: 'pins.csv' } },
				},
			],
		});
		expect(error).toBeUndefined();
		scope.done();
		const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(contentType)?.[1];
		expect(boundary).toBeDefined();
		expect(sent).toBe(
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pins.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
		);
		expect(items).toEqual([{ json: job(IMPORT_ID, 1), pairedItem: { item: 0 } }]);
	});

	it('names the field when the item has no such binary property, and sends nothing', async () => {
		const scope = api().post('/v1/pins/imports/csv').reply(201, {});
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'import', operation: 'fromCsv', binaryPropertyName: 'sheet' },
			items: [{ json: {}, binary: { data: { data: 'YQ==', mimeType: 'text/csv', fileName: 'a.csv' } } }],
		});
		expect(error?.message).toBe('Input Binary Field: the input item has no binary property "sheet" (it has: data)');
		expect(scope.isDone()).toBe(false);
	});
});

describe('Import → Get and Get Many', () => {
	it('Get fetches one import job by id', async () => {
		const body = { ...job(IMPORT_ID, 2), status: 'completed', results: [{ row_number: 1, status: 'created' }] };
		const scope = api().get(`/v1/pins/imports/${IMPORT_ID}`).reply(200, body);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'import', operation: 'get', importId: ` ${IMPORT_ID} ` },
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([{ json: body, pairedItem: { item: 0 } }]);
	});

	it('Get rejects an id that cannot be one ("?") without sending', async () => {
		const scope = api().get(/.*/).reply(200, {});
		const { error } = await runPinBridgeNode({ parameters: { resource: 'import', operation: 'get', importId: '42?page=2' } });
		expect(error?.message).toBe('Import ID: must not contain "?"');
		expect(scope.isDone()).toBe(false);
	});

	it('Get sends an id of digits as it is (ids are opaque, contract §9.1.1)', async () => {
		const body = { ...job('42', 1), status: 'completed' };
		const scope = api().get('/v1/pins/imports/42').reply(200, body);
		const { items, error } = await runPinBridgeNode({ parameters: { resource: 'import', operation: 'get', importId: '42' } });
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([{ json: body, pairedItem: { item: 0 } }]);
	});

	it('Get Many with a limit asks for that many', async () => {
		const scope = api()
			.get('/v1/pins/imports')
			.query({ limit: 2, offset: 0 })
			.reply(200, [job('a', 1), job('b', 1)]);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'import', operation: 'getAll', returnAll: false, limit: 2 },
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([
			{ json: job('a', 1), pairedItem: { item: 0 } },
			{ json: job('b', 1), pairedItem: { item: 0 } },
		]);
	});

	it('Get Many with Return All pages through every job', async () => {
		const page1 = Array.from({ length: 200 }, (_, index) => job(`p1-${index}`, 1));
		const scope = api()
			.get('/v1/pins/imports')
			.query({ limit: 200, offset: 0 })
			.reply(200, page1)
			.get('/v1/pins/imports')
			.query({ limit: 200, offset: 200 })
			.reply(200, [job('last', 1)]);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'import', operation: 'getAll', returnAll: true },
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toHaveLength(201);
		expect(items[200]).toEqual({ json: job('last', 1), pairedItem: { item: 0 } });
	});
});
