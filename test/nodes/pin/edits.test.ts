// Pin → Validate, Update, Retry with overrides (API 1.30+): exact requests, output items, errors (nock).
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { ACCOUNT_ID, ASSET_ID, binaryItem, BOARD_ID, OTHER_BOARD_ID, PIN_ID, PNG_BYTES, pinResponse, publishParameters, recordRequests } from './fixtures';

useNock();

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
const check = (name: string, status: string, extra: Record<string, unknown> = {}) => ({
	name,
	status,
	code: null,
	message: `${name} ok`,
	remediation: null,
	details: null,
	...extra,
});

describe('Pin → Validate', () => {
	it('sends the Publish body with its content-derived key to /v1/pins/validate and reads the checks', async () => {
		let sent: Record<string, unknown> = {};
		const answer = {
			valid: false,
			dry_run: true,
			checks: [
				check('account', 'passed'),
				check('board_access', 'failed', { code: 'board_not_found', message: 'Board 549755885175 not found', remediation: 'Pick a board.' }),
				check('rate_limit', 'warning', { code: 'would_defer', message: 'Would wait for tokens' }),
			],
			resolved: {},
			existing_pin_id: null,
			headroom: { quota_remaining: 12 },
		};
		const scope = api()
			.post('/v1/pins/validate', (body) => ((sent = body), true))
			.reply(200, answer);
		const { items, error } = await runPinBridgeNode({ parameters: publishParameters({ operation: 'validate' }) });
		expect(error).toBeUndefined();
		expect(sent).toEqual({
			account_id: ACCOUNT_ID,
			board_id: BOARD_ID,
			title: 'A lamp',
			description: 'Warm light for a cold room',
			link_url: 'https://shop.example.com/lamp',
			image_url: 'https://cdn.example.com/lamp.jpg',
			idempotency_key: expect.stringMatching(/^n8n-pin-[0-9a-f]{64}$/),
		});
		expect(items).toEqual([
			{
				json: {
					...answer,
					summary: 'Not valid: 1 check failed',
					failedChecks: ['board_access: Board 549755885175 not found (board_not_found). What to do: Pick a board.'],
					warnings: ['rate_limit: Would wait for tokens (would_defer).'],
				},
				pairedItem: { item: 0 },
			},
		]);
		scope.done();
	});

	it('the key equals the one Publish derives for the same content', async () => {
		const keys: unknown[] = [];
		api().post('/v1/pins/validate', (body) => (keys.push(body.idempotency_key), true)).reply(200, { valid: true, checks: [] });
		api().post('/v1/pins', (body) => (keys.push(body.idempotency_key), true)).reply(201, pinResponse());
		await runPinBridgeNode({ parameters: publishParameters({ operation: 'validate' }) });
		await runPinBridgeNode({ parameters: publishParameters() });
		expect(keys[0]).toBe(keys[1]);
	});

	it('refuses a binary media source without sending (a dry run uploads nothing)', async () => {
		const requests = recordRequests(api().persist().post(/.*/).reply(200, {}));
		const { error } = await runPinBridgeNode({
			parameters: publishParameters({ operation: 'validate', mediaSource: 'imageBinary', binaryPropertyName: 'data' }),
			items: [binaryItem('data', PNG_BYTES, 'image/png', 'lamp.png')],
		});
		expect(error?.message).toContain('Media Source: Validate checks media given as an image URL or an asset ID');
		expect(requests).toEqual([]);
	});
});

describe('Pin → Update', () => {
	it('sends only the fields set, and null for each cleared field', async () => {
		let sent: Record<string, unknown> = {};
		const scope = api()
			.patch(`/v1/pins/${PIN_ID}`, (body) => ((sent = body), true))
			.reply(200, pinResponse({ title: 'New', description: null }));
		const { items, error } = await runPinBridgeNode({
			parameters: {
				resource: 'pin',
				operation: 'update',
				pinId: PIN_ID,
				updateFields: { title: ' New ', boardId: OTHER_BOARD_ID },
				clearFields: ['description', 'link'],
			},
		});
		expect(error).toBeUndefined();
		expect(sent).toEqual({ title: 'New', board_id: OTHER_BOARD_ID, description: null, link_url: null });
		expect(items).toEqual([{ json: pinResponse({ title: 'New', description: null }), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it.each([
		[{}, [], 'Update Fields: choose at least one field to change or clear'],
		[{ title: 'x'.repeat(101) }, [], 'Title: must be at most 100 characters'],
		[{ title: '' }, [], 'Title: is empty'],
		[{ link: 'shop.example.com' }, [], 'Link: must be an http:// or https:// URL'],
		[{ boardId: 'my board' }, [], 'Board ID: must not contain spaces'],
		[{ description: 'x' }, ['description'], 'Clear Fields: Description is both set and cleared'],
	])('refuses %j / clear %j without sending', async (updateFields, clearFields, message) => {
		const requests = recordRequests(api().persist().patch(/.*/).reply(200, {}));
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'pin', operation: 'update', pinId: PIN_ID, updateFields, clearFields },
		});
		expect(error?.message).toContain(message);
		expect(requests).toEqual([]);
	});

	it.each([
		['pin_already_published', `Pin ${PIN_ID} is already published: PinBridge cannot edit it any more`, 'delete it'],
		['pin_publishing', `Pin ${PIN_ID} is being published right now and cannot be edited`, 'Pin → Get Status'],
	])('explains a 409 %s, keeping PinBridge’s words, code and request id', async (code, message, hint) => {
		api()
			.patch(`/v1/pins/${PIN_ID}`)
			.reply(409, { error: { code, message: 'Conflict', request_id: 'req-9' } });
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'pin', operation: 'update', pinId: PIN_ID, updateFields: { title: 'New' } },
		});
		expect(error?.message).toBe(message);
		expect(error?.description).toContain('PinBridge said: Conflict');
		expect(error?.description).toContain(hint);
		expect(error?.description).toContain(`PinBridge code: ${code}`);
		expect(error?.description).toContain('Request ID: req-9');
	});
});

describe('Pin → Retry with overrides', () => {
	it('sends no body without overrides, and { account_id, board_id } with them', async () => {
		const bodies: unknown[] = [];
		const scope = api()
			.post(`/v1/pins/${PIN_ID}/retry`, (body) => (bodies.push(body), true))
			.twice()
			.reply(200, pinResponse());
		await runPinBridgeNode({ parameters: { resource: 'pin', operation: 'retry', pinId: PIN_ID } });
		await runPinBridgeNode({
			parameters: { resource: 'pin', operation: 'retry', pinId: PIN_ID, retryOptions: { accountId: ASSET_ID, boardId: OTHER_BOARD_ID } },
		});
		expect(bodies).toEqual(['', { account_id: ASSET_ID, board_id: OTHER_BOARD_ID }]);
		scope.done();
	});

	it('refuses a board override that cannot be an id (a board name with a space)', async () => {
		const requests = recordRequests(api().persist().post(/.*/).reply(200, {}));
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'pin', operation: 'retry', pinId: PIN_ID, retryOptions: { boardId: 'My Recipes' } },
		});
		expect(error?.message).toBe('Board ID: must not contain spaces');
		expect(requests).toEqual([]);
	});

	it('sends overrides that are not UUIDs or digits as they are (ids are opaque, contract §9.1.1)', async () => {
		let sent: unknown;
		const scope = api()
			.post(`/v1/pins/${PIN_ID}/retry`, (body) => ((sent = body), true))
			.reply(200, pinResponse({ board_id: 'b_78f2a9' }));
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'pin', operation: 'retry', pinId: PIN_ID, retryOptions: { accountId: 'acc_9d1e', boardId: 'b_78f2a9' } },
		});
		expect(error).toBeUndefined();
		expect(sent).toEqual({ account_id: 'acc_9d1e', board_id: 'b_78f2a9' });
		scope.done();
	});
});
