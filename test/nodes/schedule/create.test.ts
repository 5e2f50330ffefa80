import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { ACCOUNT_ID, BOARD_ID, createParameters, expectedBody, scheduleFor, scheduleOutput, useTestClock } from './fixtures';

useNock();
useTestClock();

type Body = Record<string, unknown>;
const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
/** PinBridge has no schedule yet: the one listing Create makes before creating (createOnce.test.ts checks its query). */
const nothingScheduled = () => api().get('/v1/schedules').query(true).reply(200, [], { 'X-Total-Count': '0' });
const createdNow = (json: Body) => ({ ...json, created_by_this_call: true });

/** Runs Create with `runAt` in `timezone` and returns the run_at the node sent. */
async function sentRunAt(runAt: unknown, timezone?: string): Promise<{ runAt?: unknown; error?: unknown }> {
	let sent: Body | undefined;
	const listing = nothingScheduled();
	const scope = api()
		.post('/v1/schedules', (body: Body) => {
			sent = body;
			return true;
		})
		.reply(201, (_uri, body) => scheduleFor(body as Body));
	const { error } = await runPinBridgeNode({ parameters: createParameters({ runAt: runAt as string }), timezone });
	if (!error) listing.done();
	if (!error) scope.done();
	return { runAt: sent?.run_at, error };
}

describe('Schedule → Create', () => {
	it('lists the schedules at that time first, then sends the Pin content with run_at and outputs the schedule', async () => {
		let sent: Body | undefined;
		const scope = api()
			.get('/v1/schedules')
			.query({ account_id: ACCOUNT_ID, board_id: BOARD_ID, since: '2026-12-01T07:59:59.000Z', until: '2026-12-01T08:00:01.000Z', limit: 200, offset: 0 })
			.reply(200, [], { 'X-Total-Count': '0' })
			.post('/v1/schedules', (body: Body) => {
				sent = body;
				return true;
			})
			.reply(201, scheduleFor(expectedBody()));
		const { items, error } = await runPinBridgeNode({
			parameters: createParameters({ pinDetails: { altText: 'A cat', relatedTerms: ['cats', 'pets'] } }),
			timezone: 'Europe/Berlin',
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(sent).toEqual({ ...expectedBody(), alt_text: 'A cat', related_terms: ['cats', 'pets'] });
		expect(items).toEqual([
			{ json: createdNow(scheduleOutput(scheduleFor(expectedBody()), '2026-12-01T09:00:00+01:00')), pairedItem: { item: 0 } },
		]);
	});

	it('outputs run_at in UTC as PinBridge answers, and right after it the time in the workflow’s zone, named', async () => {
		// A newcomer's check (issue 23): 09:00 in New York comes back as 14:00 UTC, which alone cannot be checked.
		nothingScheduled();
		api()
			.post('/v1/schedules')
			.reply(201, (_uri, body) => scheduleFor(body as Body));
		const { items, error } = await runPinBridgeNode({
			parameters: createParameters({ runAt: '2026-12-08T09:00:00' }),
			timezone: 'America/New_York',
		});
		expect(error).toBeUndefined();
		const json = items[0].json;
		expect(json).toMatchObject({
			run_at: '2026-12-08T14:00:00.000Z',
			run_at_local: '2026-12-08T09:00:00-05:00',
			time_zone: 'America/New_York',
		});
		const keys = Object.keys(json);
		expect(keys.slice(keys.indexOf('run_at'), keys.indexOf('run_at') + 3)).toEqual(['run_at', 'run_at_local', 'time_zone']);
	});

	describe('Run At and time zones', () => {
		it('reads a time without offset in the workflow’s time zone: Berlin in winter is +01:00', async () => {
			expect(await sentRunAt('2026-12-01T09:00:00', 'Europe/Berlin')).toEqual({ runAt: '2026-12-01T09:00:00+01:00' });
		});

		it('…and Berlin in summer is +02:00', async () => {
			expect(await sentRunAt('2027-07-01T09:00:00', 'Europe/Berlin')).toEqual({ runAt: '2027-07-01T09:00:00+02:00' });
		});

		it('…and a New York workflow sends -05:00', async () => {
			expect(await sentRunAt('2026-12-01 09:00', 'America/New_York')).toEqual({ runAt: '2026-12-01T09:00:00-05:00' });
		});

		it('keeps an explicit offset and a Z as given', async () => {
			expect(await sentRunAt('2026-12-01T09:00:00+05:30', 'Europe/Berlin')).toEqual({ runAt: '2026-12-01T09:00:00+05:30' });
			expect(await sentRunAt('2026-12-01T09:00:00Z', 'Europe/Berlin')).toEqual({ runAt: '2026-12-01T09:00:00Z' });
		});

		it('takes a luxon DateTime from an expression with its own offset', async () => {
			const { runAt } = await sentRunAt('={{ DateTime.fromISO("2026-12-24T18:30:00", { zone: "Asia/Tokyo" }) }}', 'Europe/Berlin');
			expect(runAt).toBe('2026-12-24T18:30:00.000+09:00');
		});

		it.each([
			['2026-11-22T10:59:00', 'must be in the future, got 2026-11-22T10:59:00+01:00'],
			['2026-11-22T10:00:00Z', 'must be in the future, got 2026-11-22T10:00:00Z'],
			['={{ $json.missing }}', 'is required'],
			['next tuesday', '"next tuesday" is not a date and time PinBridge can read'],
			['2026-02-30T09:00', '"2026-02-30T09:00" is not a valid date and time'],
		])('rejects %j naming Run At, before sending', async (runAt, rule) => {
			const scope = api().post('/v1/schedules').reply(201, {});
			const { error } = await runPinBridgeNode({ parameters: createParameters({ runAt }), timezone: 'Europe/Berlin' });
			expect(error?.message).toContain(`Run At: ${rule}`);
			expect(error?.description).toBe('Nothing was sent to PinBridge for this item.');
			expect(scope.isDone()).toBe(false);
		});
	});

	it('checks the Pin content with the Pin rules before sending (title ≤ 100)', async () => {
		const scope = api().post('/v1/schedules').reply(201, {});
		const { error } = await runPinBridgeNode({ parameters: createParameters({ title: 'x'.repeat(101) }) });
		expect(error?.message).toBe('Title: must be at most 100 characters (it has 101)');
		expect(scope.isDone()).toBe(false);
	});

	it('with Continue On Fail, an item with a past Run At carries its error and the next is scheduled', async () => {
		const bodies: Body[] = [];
		const scope = api()
			.get('/v1/schedules')
			.query((query) => query.since === '2026-12-01T08:59:59.000Z') // the listing covers only the item it checks
			.reply(200, [])
			.post('/v1/schedules', (body: Body) => {
				bodies.push(body);
				return true;
			})
			.reply(201, (_uri, body) => scheduleFor(body as Body));
		const { items, error } = await runPinBridgeNode({
			parameters: createParameters({ runAt: '={{ $json.when }}' }),
			items: [{ json: { when: '2020-01-01T00:00:00Z' } }, { json: { when: '2026-12-01T09:00:00Z' } }],
			nodeSettings: { continueOnFail: true },
			timezone: 'Europe/Berlin',
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(bodies).toEqual([expectedBody('2026-12-01T09:00:00Z')]);
		expect(items).toHaveLength(2);
		expect(String(items[0].json.error)).toContain('Run At: must be in the future');
		expect(items[1]).toEqual({
			json: createdNow(scheduleOutput(scheduleFor(expectedBody('2026-12-01T09:00:00Z')), '2026-12-01T10:00:00+01:00')),
			pairedItem: { item: 1 },
		});
	});

	it('uploads a binary image as an asset first and outputs the schedule with the asset', async () => {
		const asset = { id: '0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e', asset_type: 'image', public_url: 'https://cdn/x.png' };
		let sent: Body | undefined;
		// no listing: an uploaded binary is a new asset every run, so no listed schedule can show it
		const scope = api()
			.post('/v1/assets/images', (body: string) => body.includes('PNGBYTES'))
			.reply(201, asset)
			.post('/v1/schedules', (body: Body) => {
				sent = body;
				return true;
			})
			.reply(201, (_uri, body) => scheduleFor(body as Body));
		const { items, error } = await runPinBridgeNode({
			parameters: createParameters({ mediaSource: 'imageBinary', binaryPropertyName: 'data', imageUrl: '' }),
			items: [
				{ json: {}, binary: { data: { data: Buffer.from('PNGBYTES').toString('base64'), mimeType: 'image/png', fileName: 'x.png' } } },
			],
			timezone: 'Europe/Berlin',
		});
		expect(error).toBeUndefined();
		scope.done();
		const withAsset = { ...expectedBody(), asset_id: asset.id };
		delete withAsset.image_url;
		expect(sent).toEqual(withAsset);
		expect(items).toEqual([
			{ json: createdNow({ ...scheduleOutput(scheduleFor(sent as Body), '2026-12-01T09:00:00+01:00'), asset }), pairedItem: { item: 0 } },
		]);
		expect(items[0].json.pinterest_account_id).toBe(ACCOUNT_ID);
	});
});
