import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';
import { NOT_FROM_PINBRIDGE } from '../pin/fixtures';

useNock();

const WEBHOOK_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const CHOSEN_VALUE = 'my-own-secret-0123456789';
const webhook = {
	id: WEBHOOK_ID,
	workspace_id: 'a6d1f1c4-0d7e-4a37-9a53-0c2a1f0e9b11',
	url: 'https://example.com/hooks/pinbridge',
	events: ['pin.published', 'pin.failed'],
	is_enabled: true,
	created_at: '2026-11-22T10:00:00Z',
	updated_at: '2026-11-22T10:00:00Z',
};
const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });

describe('Webhook → Create', () => {
	it('sends the secret the user chose and does not repeat it in the output', async () => {
		const scope = api()
			.post('/v1/webhooks', {
				url: webhook.url,
				events: ['pin.published', 'pin.failed'],
				is_enabled: true,
				secret: CHOSEN_VALUE,
			})
			.reply(201, webhook);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'webhook', operation: 'create', url: ` ${webhook.url} `, secret: CHOSEN_VALUE },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: webhook, pairedItem: { item: 0 } }]);
		expect(JSON.stringify(items)).not.toContain(CHOSEN_VALUE);
		scope.done();
	});

	it('generates a 64-hex-character secret when none is given and outputs it once', async () => {
		const sent: Array<Record<string, unknown>> = [];
		const scope = api()
			.post('/v1/webhooks', (body) => {
				sent.push(body);
				return true;
			})
			.times(2)
			.reply(201, { ...webhook, events: ['pin.failed'], is_enabled: false });
		const { items, error } = await runPinBridgeNode({
			parameters: {
				resource: 'webhook',
				operation: 'create',
				url: webhook.url,
				events: ['pin.failed'],
				isEnabled: false,
			},
			items: [{ json: {} }, { json: {} }],
		});
		expect(error).toBeUndefined();
		expect(sent).toHaveLength(2);
		for (const [index, body] of sent.entries()) {
			expect(body).toEqual({
				url: webhook.url,
				events: ['pin.failed'],
				is_enabled: false,
				secret: expect.stringMatching(/^[0-9a-f]{64}$/),
			});
			expect(items[index]).toEqual({
				json: { ...webhook, events: ['pin.failed'], is_enabled: false, secret: body.secret },
				pairedItem: { item: index },
			});
		}
		expect(sent[0].secret).not.toBe(sent[1].secret);
		scope.done();
	});

	it.each([
		['a URL that is not http(s)', { url: 'ftp://example.com/x' }, 'URL: must be an http:// or https:// URL, got "ftp://example.com/x"'],
		['a URL that is not a URL', { url: 'example.com/hook' }, 'URL: must be an http:// or https:// URL, got "example.com/hook"'],
		['an empty URL', { url: '' }, 'URL: is required'],
		['a secret of 15 characters', { secret: 's'.repeat(15) }, 'Secret: must be 16 to 255 characters, got 15'],
		['a secret of 256 characters', { secret: 's'.repeat(256) }, 'Secret: must be 16 to 255 characters, got 256'],
		['no events', { events: [] }, 'Events: choose at least one event'],
		['an unknown event', { events: ['pin.deleted'] }, 'Events: must be pin.published or pin.failed, got "pin.deleted"'],
	])('refuses %s (from an expression) without sending anything', async (_label, values, message) => {
		const scope = api().post('/v1/webhooks').reply(201, webhook);
		const input = { url: webhook.url, events: ['pin.published'], secret: CHOSEN_VALUE, ...values };
		const { error, items } = await runPinBridgeNode({
			parameters: {
				resource: 'webhook',
				operation: 'create',
				url: '={{ $json.url }}',
				events: '={{ $json.events }}',
				secret: '={{ $json.secret }}',
			},
			items: [{ json: input }],
		});
		expect(items).toEqual([]);
		expect(error?.message).toBe(message);
		expect(error?.description).toBe('Nothing was sent to PinBridge for this item.');
		// A rejected secret is described by its length, never echoed.
		expect(JSON.stringify(error)).not.toContain('s'.repeat(15));
		expect(scope.isDone()).toBe(false);
	});
});

describe('Webhook → Get and Get Many', () => {
	it('Get fetches one webhook by ID from an expression', async () => {
		const scope = api().get(`/v1/webhooks/${WEBHOOK_ID}`).reply(200, webhook);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'webhook', operation: 'get', webhookId: '={{ $json.id }}' },
			items: [{ json: { id: ` ${WEBHOOK_ID} ` } }],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: webhook, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('Get refuses an ID that would change the path ("/") without sending anything', async () => {
		const scope = api().get(/.*/).reply(200, webhook);
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'webhook', operation: 'get', webhookId: '../pins' },
		});
		expect(error?.message).toBe('Webhook ID: must not contain "/"');
		expect(scope.isDone()).toBe(false);
	});

	it('Get sends an ID in the quick-start page’s style as it is (contract §9.1.1)', async () => {
		const scope = api().get('/v1/webhooks/wh_3c1d').reply(200, { ...webhook, id: 'wh_3c1d' });
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'webhook', operation: 'get', webhookId: 'wh_3c1d' },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { ...webhook, id: 'wh_3c1d' }, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('Get Many returns every webhook, or up to Limit', async () => {
		const list = [webhook, { ...webhook, id: 'b' }, { ...webhook, id: 'c' }];
		const scope = api().get('/v1/webhooks').reply(200, list).get('/v1/webhooks').reply(200, list);
		const all = await runPinBridgeNode({
			parameters: { resource: 'webhook', operation: 'getAll', returnAll: true },
		});
		expect(all.items).toEqual(list.map((json) => ({ json, pairedItem: { item: 0 } })));
		const some = await runPinBridgeNode({
			parameters: { resource: 'webhook', operation: 'getAll', returnAll: false, limit: 2 },
		});
		expect(some.items.map((item) => item.json.id)).toEqual([WEBHOOK_ID, 'b']);
		scope.done();
	});
});

describe('Webhook → Update', () => {
	it('sends only the fields chosen', async () => {
		const updated = { ...webhook, url: 'http://example.org/new', is_enabled: false, events: ['pin.published'] };
		const scope = api()
			.patch(`/v1/webhooks/${WEBHOOK_ID}`, {
				url: 'http://example.org/new',
				events: ['pin.published'],
				is_enabled: false,
			})
			.reply(200, updated);
		const { items, error } = await runPinBridgeNode({
			parameters: {
				resource: 'webhook',
				operation: 'update',
				webhookId: WEBHOOK_ID,
				updateFields: { url: 'http://example.org/new', isEnabled: false, events: ['pin.published'] },
			},
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: updated, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('Rotate Secret sends a new random secret and outputs it once', async () => {
		let sent: Record<string, unknown> = {};
		const scope = api()
			.patch(`/v1/webhooks/${WEBHOOK_ID}`, (body) => {
				sent = body;
				return true;
			})
			.reply(200, webhook);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'webhook', operation: 'update', webhookId: WEBHOOK_ID, updateFields: { rotateSecret: true } },
		});
		expect(error).toBeUndefined();
		expect(sent).toEqual({ secret: expect.stringMatching(/^[0-9a-f]{64}$/) });
		expect(items).toEqual([{ json: { ...webhook, secret: sent.secret }, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('a secret of the user’s own is sent but not output', async () => {
		const scope = api().patch(`/v1/webhooks/${WEBHOOK_ID}`, { secret: CHOSEN_VALUE }).reply(200, webhook);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'webhook', operation: 'update', webhookId: WEBHOOK_ID, updateFields: { secret: CHOSEN_VALUE } },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: webhook, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it.each([
		['no field to change', {}, 'Update Fields: add at least one field to change'],
		['Rotate Secret off and nothing else', { rotateSecret: false }, 'Update Fields: add at least one field to change'],
		['an empty event list', { events: [] }, 'Events: choose at least one event'],
		['a mailto URL', { url: 'mailto:me@example.com' }, 'URL: must be an http:// or https:// URL, got "mailto:me@example.com"'],
		['a short secret', { secret: 'short' }, 'Secret: must be 16 to 255 characters, got 5'],
		[
			'both a secret and Rotate Secret',
			{ secret: CHOSEN_VALUE, rotateSecret: true },
			'Rotate Secret: cannot be combined with Secret: set your own secret or let the node generate one',
		],
	])('refuses %s without sending anything', async (_label, updateFields, message) => {
		const scope = api().patch(/.*/).reply(200, webhook);
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'webhook', operation: 'update', webhookId: WEBHOOK_ID, updateFields },
		});
		expect(error?.message).toBe(message);
		expect(scope.isDone()).toBe(false);
	});
});

describe('Webhook → Delete', () => {
	it('sends DELETE and says which webhook went', async () => {
		const scope = api().delete(`/v1/webhooks/${WEBHOOK_ID}`).reply(204);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'webhook', operation: 'delete', webhookId: WEBHOOK_ID },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { id: WEBHOOK_ID, deleted: true }, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('maps 403 insufficient_scope (newer envelope) to a final error, without retrying', async () => {
		const scope = api()
			.delete(`/v1/webhooks/${WEBHOOK_ID}`)
			.once()
			.reply(403, {
				error: {
					code: 'insufficient_scope',
					message: `This API key (${TEST_API_KEY}) lacks the destructive scope`,
					remediation: 'Create a key with the destructive scope.',
				},
			});
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'webhook', operation: 'delete', webhookId: WEBHOOK_ID },
		});
		expect(items).toEqual([]);
		expect(error?.message).toBe('This API key ([redacted]) lacks the destructive scope');
		expect(error?.httpCode).toBe('403');
		expect(error?.description).toContain('PinBridge code: insufficient_scope');
		expect(error?.description).toContain('What to do: Create a key with the destructive scope.');
		expect(JSON.stringify(error)).not.toContain(TEST_API_KEY);
		scope.done();
	});

	it('with Continue On Fail, an invalid ID fails only its own item', async () => {
		const scope = api().delete(`/v1/webhooks/${WEBHOOK_ID}`).reply(204);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'webhook', operation: 'delete', webhookId: '={{ $json.id }}' },
			items: [{ json: { id: 'not an id' } }, { json: { id: WEBHOOK_ID } }],
			nodeSettings: { continueOnFail: true },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json).toEqual({ error: 'Webhook ID: must not contain spaces', ...NOT_FROM_PINBRIDGE });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1]).toEqual({ json: { id: WEBHOOK_ID, deleted: true }, pairedItem: { item: 1 } });
		scope.done();
	});
});
