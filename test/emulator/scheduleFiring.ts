// A schedule's run (§6 Schedules): at run_at it becomes a Pin (internal idempotency key `schedule:<id>`), then
// `done` with pin_id; a Pin that cannot be made (quota, account revoked) leaves it `failed` with last_error.
import { scheduleEvent, SCHEDULER } from './activity';
import type { Emulator } from './emulator';
import type { Schedule } from './state';
import type { PinInput } from './validate';

export function fireSchedule(emu: Emulator, s: Schedule): void {
	if (s.status !== 'scheduled' || !emu.store.schedules.has(s.id)) return;
	if (Date.parse(s.run_at) > emu.clock.now()) return; // moved later by PATCH or retry, which armed a new timer
	const ws = emu.store.workspaces.get(s.workspace_id);
	if (!ws) return;
	emu.counters.schedules_fired++;
	s.status = 'running';
	s.updated_at = emu.clock.iso();
	const key = `schedule:${s.id}`;
	try {
		const existing = emu.lifecycle.replay(ws, key);
		const pin =
			existing ??
			(() => {
				const input: PinInput = {
					account_id: s.pinterest_account_id,
					board_id: s.payload.board_id,
					title: s.payload.title,
					description: s.payload.description,
					link_url: s.payload.link_url,
					alt_text: null,
					related_terms: [],
					dominant_color: null,
					image_url: s.payload.image_url,
					asset_id: s.payload.asset_id,
					cover_image_url: s.payload.cover_image_url,
					cover_image_asset_id: null,
					idempotency_key: key,
					run_at: null,
				};
				const prepared = emu.lifecycle.prepare(ws, input, null, false);
				prepared.cover_image_url = s.payload.cover_image_url;
				emu.lifecycle.checkQuota(ws);
				return emu.lifecycle.create(ws, prepared, key);
			})();
		s.pin_id = pin.id;
		s.status = 'done';
	} catch (err) {
		s.status = 'failed';
		const body = (err as { body?: unknown }).body;
		s.last_error = body ? JSON.stringify(body) : String(err);
	}
	s.updated_at = emu.clock.iso();
	emu.activity.record(ws, scheduleEvent(s, s.status === 'done' ? 'schedule.fired' : 'schedule.failed'), SCHEDULER);
}
