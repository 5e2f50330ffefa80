// Pin → Validate, Update, Retry with overrides, Get Many's 1.35 filters against the PinBridge emulator, through
// n8n's execution engine (no nock: every request really goes out).
import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../../harness/emulator';
import { byId, emulatorPinContent } from './fixtures';

const emulator = useEmulator();
const run = emulator.run;

const content = (overrides: IDataObject = {}) => emulatorPinContent(emulator.emu, overrides);
const publish = async (overrides: IDataObject = {}) =>
	(await run({ ...content(overrides), operation: 'publish' })).items[0].json as IDataObject & { id: string };

describe('Pin → Validate, Update, Retry with overrides, Get Many filters against the emulator', () => {
	it('Validate: valid before publishing, then warns that the key names the published Pin; nothing created by it', async () => {
		const first = await run({ ...content(), operation: 'validate' });
		expect(first.items[0].json).toMatchObject({ valid: true, summary: 'Valid: PinBridge would accept it', failedChecks: [] });
		expect(await emulator.emu.control.pins()).toEqual([]);
		const pin = await publish();
		const again = await run({ ...content(), operation: 'validate' });
		expect(again.items[0].json).toMatchObject({ valid: true, existing_pin_id: pin.id });
		expect((again.items[0].json.warnings as string[])[0]).toContain('duplicate_idempotency_key');
		const bad = await run({ ...content({ board: byId('999') }), operation: 'validate' });
		expect(bad.items[0].json).toMatchObject({ valid: false, summary: 'Not valid: 1 check failed' });
		expect((bad.items[0].json.failedChecks as string[])[0]).toMatch(/^board_access: Board 999 not found \(board_not_found\)\. What to do: /);
	});

	it('Update: changes and clears fields of a queued Pin; a published one is refused with the reason', async () => {
		const pin = await publish();
		const updated = await run({
			resource: 'pin',
			operation: 'update',
			pinId: pin.id,
			updateFields: { title: 'A brass lamp', boardId: emulator.emu.boardIds[1] },
			clearFields: ['description', 'link'],
		});
		expect(updated.items[0].json).toMatchObject({
			id: pin.id,
			title: 'A brass lamp',
			board_id: emulator.emu.boardIds[1],
			description: null,
			link_url: null,
		});
		await emulator.emu.control.publishPin(pin.id);
		const refused = await run({ resource: 'pin', operation: 'update', pinId: pin.id, updateFields: { title: 'Late' } });
		expect(refused.error?.message).toBe(`Pin ${pin.id} is already published: PinBridge cannot edit it any more`);
		expect(refused.error?.description).toContain('PinBridge code: pin_already_published');
	});

	it('Retry on another board; Get Many by error code and by removal on Pinterest', async () => {
		const failed = await publish({ imageUrl: 'https://unreachable.example.com/lamp.jpg', title: 'Broken lamp' });
		await emulator.emu.control.advance(1);
		const byCode = await run({ resource: 'pin', operation: 'getAll', returnAll: true, filters: { errorCode: 'media_unreachable' } });
		expect(byCode.items.map((item) => item.json.id)).toEqual([failed.id]);
		const retried = await run({ resource: 'pin', operation: 'retry', pinId: failed.id, retryOptions: { boardId: emulator.emu.boardIds[2] } });
		expect(retried.items[0].json).toMatchObject({ id: failed.id, board_id: emulator.emu.boardIds[2], status: 'queued' });
		const other = await publish({ title: 'Another lamp' });
		await emulator.emu.control.publishPin(other.id);
		await emulator.emu.control.removeOnPinterest(other.id);
		const removed = await run({ resource: 'pin', operation: 'getAll', returnAll: true, filters: { removed: 'onlyRemoved' } });
		expect(removed.items.map((item) => item.json.id)).toEqual([other.id]);
		const kept = await run({ resource: 'pin', operation: 'getAll', returnAll: true, filters: { removed: 'notRemoved', sort: 'title_asc' } });
		expect(kept.items.map((item) => item.json.id)).toEqual([failed.id]);
	});
});
