// Webhook operations against the local PinBridge emulator (a real HTTP server), through n8n's execution engine. No nock
// here: every request really goes out.
import { useEmulator } from '../../harness/emulator';

const emulator = useEmulator();
const run = emulator.run;

describe('Webhook against the emulator', () => {
	it('Create with a generated secret, Get, Get Many, Update (rotate) and Delete', async () => {
		const created = await run({ resource: 'webhook', operation: 'create', url: 'https://example.com/hook' });
		expect(created.error).toBeUndefined();
		const hook = created.items[0].json as { id: string; secret: string };
		expect(hook).toMatchObject({
			url: 'https://example.com/hook',
			events: ['pin.published', 'pin.failed'],
			is_enabled: true,
			secret: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
		// The secret output once is the one PinBridge signs with.
		expect(emulator.emu.emulator.store.webhooks.get(hook.id)?.secret).toBe(hook.secret);

		const got = await run({ resource: 'webhook', operation: 'get', webhookId: hook.id });
		expect(got.items[0].json).toEqual({ ...hook, secret: undefined });
		expect(got.items[0].json).not.toHaveProperty('secret');

		const many = await run({ resource: 'webhook', operation: 'getAll', returnAll: true });
		expect(many.items.map((item) => item.json.id)).toContain(hook.id);

		const updated = await run({
			resource: 'webhook',
			operation: 'update',
			webhookId: hook.id,
			updateFields: { events: ['pin.failed'], isEnabled: false, rotateSecret: true },
		});
		expect(updated.error).toBeUndefined();
		const rotated = updated.items[0].json as { secret: string };
		expect(rotated).toMatchObject({ id: hook.id, events: ['pin.failed'], is_enabled: false });
		expect(rotated.secret).toMatch(/^[0-9a-f]{64}$/);
		expect(rotated.secret).not.toBe(hook.secret);
		expect(emulator.emu.emulator.store.webhooks.get(hook.id)?.secret).toBe(rotated.secret);

		const deleted = await run({ resource: 'webhook', operation: 'delete', webhookId: hook.id });
		expect(deleted.items[0].json).toEqual({ id: hook.id, deleted: true });
		const gone = await run({ resource: 'webhook', operation: 'get', webhookId: hook.id });
		expect(gone.error?.message).toBe('Webhook not found');
		expect(gone.error?.httpCode).toBe('404');
	});
});
