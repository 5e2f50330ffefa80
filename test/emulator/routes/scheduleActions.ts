// API 1.30+ schedule calls (§8.5): dry run, edit, retry, delete.
import type { FastifyInstance } from 'fastify';

import { dryRun } from '../dryRun';
import { badRequest, envelope, validation } from '../errors';
import type { Emulator } from '../emulator';
import { json, route, type Ctx } from '../http';
import type { Schedule } from '../state';
import { validatePinLike, Validator, type PinInput, type StrRule } from '../validate';
import { jsonBody } from './pins';
import { getSchedule } from './schedules';

/** Fields a PATCH may clear with null ([decided]: the optional ones; title, board and media cannot be emptied). */
const CLEARABLE = ['description', 'link_url', 'cover_image_url', 'cover_image_asset_id'] as const;
const TEXT_RULES = {
	title: { min: 1, max: 100 },
	description: { max: 800 },
	link_url: { max: 2048, url: true },
	image_url: { max: 2048, url: true },
	cover_image_url: { max: 2048, url: true },
	board_id: { min: 1 },
} as const;
/** Fields naming an asset: checked against the profile's id format. */
const ASSET_FIELDS = ['asset_id', 'cover_image_asset_id'] as const;

const past = (emu: Emulator, ms: number | null) => ms !== null && ms <= emu.clock.now();

/** The schedule's stored payload as a pin input, with a PATCH body's changes applied. */
function mergedInput(s: Schedule, changes: Record<string, string | null>, runAt: number | null): PinInput {
	const p = s.payload;
	const media =
		'image_url' in changes
			? { image_url: changes.image_url, asset_id: null }
			: 'asset_id' in changes
				? { image_url: null, asset_id: changes.asset_id }
				: { image_url: p.image_url, asset_id: p.asset_id };
	const cover =
		'cover_image_url' in changes || 'cover_image_asset_id' in changes
			? { cover_image_url: changes.cover_image_url ?? null, cover_image_asset_id: changes.cover_image_asset_id ?? null }
			: { cover_image_url: p.cover_image_url, cover_image_asset_id: null };
	return {
		account_id: s.pinterest_account_id,
		board_id: changes.board_id ?? p.board_id,
		title: changes.title ?? p.title,
		description: 'description' in changes ? changes.description : p.description,
		link_url: 'link_url' in changes ? changes.link_url : p.link_url,
		alt_text: null,
		related_terms: [],
		dominant_color: null,
		...media,
		...cover,
		idempotency_key: null,
		run_at: runAt ?? Date.parse(s.run_at),
	};
}

function editSchedule(emu: Emulator, ctx: Ctx, s: Schedule): Schedule {
	const v = new Validator(jsonBody(ctx));
	const changes: Record<string, string | null> = {};
	const rules: Array<[string, StrRule]> = [
		...Object.entries(TEXT_RULES),
		...ASSET_FIELDS.map((field): [string, StrRule] => [field, { id: emu.store.ids.format }]),
	];
	for (const [field, rule] of rules) {
		if (!(field in v.obj)) continue;
		if (v.obj[field] === null && (CLEARABLE as readonly string[]).includes(field)) changes[field] = null;
		else {
			const value = v.str(field, { required: true, ...rule });
			if (value !== null) changes[field] = value;
		}
	}
	const runAt = 'run_at' in v.obj ? v.datetimeWithOffset('run_at', true) : null;
	if (past(emu, runAt)) v.add('run_at', 'Value error, run_at must be in the future', 'value_error', v.obj.run_at);
	if (typeof changes.image_url === 'string' && typeof changes.asset_id === 'string')
		v.add('image_url', 'Value error, send image_url or asset_id, not both', 'value_error');
	if (typeof changes.cover_image_url === 'string' && typeof changes.cover_image_asset_id === 'string')
		v.add('cover_image_url', 'Value error, send cover_image_url or cover_image_asset_id, not both', 'value_error');
	if (v.ok && Object.keys(changes).length === 0 && runAt === null)
		v.add([], 'Value error, send at least one field to change', 'value_error');
	v.throwIfErrors();
	if (s.status !== 'scheduled')
		throw envelope(
			409,
			'schedule_not_editable',
			`This schedule is ${s.status}; only a schedule that has not started publishing can be edited`,
			'Cancel it and create a new schedule, or retry it if it failed.',
		);
	const input = mergedInput(s, changes, runAt);
	const prepared = emu.lifecycle.prepare(ctx.principal.ws, input, ctx.principal, 'board_id' in changes);
	Object.assign(s.payload, {
		board_id: input.board_id,
		title: input.title,
		description: input.description,
		link_url: input.link_url,
		image_url: input.image_url,
		asset_id: input.asset_id,
		media_type: prepared.media_type,
		media_url: prepared.media_url,
		cover_image_url: prepared.cover_image_url,
	});
	if (runAt !== null) {
		s.run_at = new Date(runAt).toISOString();
		emu.lifecycle.armSchedule(s);
	}
	s.updated_at = emu.clock.iso();
	return s;
}

/** §8.16 item 6: `queued` when the schedule has a pin (retried at once), else `scheduled` again. */
function retrySchedule(emu: Emulator, ctx: Ctx, s: Schedule): Schedule {
	if (s.status !== 'failed')
		throw badRequest(`Schedule is ${s.status}; only failed schedules can be retried`, 'Retry only failed schedules.');
	const body = ctx.body === undefined ? {} : jsonBody(ctx);
	const v = new Validator(body);
	const runAt = v.datetimeWithOffset('run_at', false);
	if (past(emu, runAt)) v.add('run_at', 'Value error, run_at must be in the future', 'value_error', v.obj.run_at);
	v.throwIfErrors();
	const pin = s.pin_id ? emu.store.pins.get(s.pin_id) : undefined;
	if (pin) {
		if (pin.status === 'failed') emu.lifecycle.retry(pin);
		s.status = pin.status === 'published' ? 'done' : 'queued';
	} else {
		if (runAt === null && past(emu, Date.parse(s.run_at)))
			throw validation([
				{ loc: ['body', 'run_at'], msg: 'Value error, the run time has passed: send a new run_at in the future', type: 'value_error' },
			]);
		if (runAt !== null) s.run_at = new Date(runAt).toISOString();
		s.status = 'scheduled';
		s.pin_id = null;
		emu.lifecycle.armSchedule(s);
	}
	s.last_error = null;
	s.updated_at = emu.clock.iso();
	return s;
}

export function registerScheduleActionRoutes(app: FastifyInstance, emu: Emulator): void {
	route(app, emu, 'POST', '/v1/schedules/validate', { scope: 'read' }, (ctx) => {
		const v = new Validator(jsonBody(ctx));
		// a past run_at is a failed `run_at` check here, not a 422: hence "now" at -∞ for the schema pass
		const input = validatePinLike(v, {
			idempotency: 'none',
			runAt: 'required',
			now: Number.NEGATIVE_INFINITY,
			ids: emu.store.ids.format,
		});
		v.throwIfErrors();
		return json(200, dryRun(emu, ctx.principal, input, 'schedule'));
	});

	route(app, emu, 'PATCH', '/v1/schedules/:id', { scope: 'write' }, (ctx) => json(200, editSchedule(emu, ctx, getSchedule(ctx))));

	route(app, emu, 'POST', '/v1/schedules/:id/retry', { scope: 'write' }, (ctx) =>
		json(200, retrySchedule(emu, ctx, getSchedule(ctx))),
	);

	route(app, emu, 'DELETE', '/v1/schedules/:id', { scope: 'destructive' }, (ctx) => {
		const s = getSchedule(ctx);
		if (!['done', 'failed', 'canceled'].includes(s.status))
			throw badRequest(`Schedule is ${s.status}; cancel it before deleting it`, 'Cancel the schedule first, then delete it.');
		emu.store.schedules.delete(s.id);
		ctx.principal.ws.schedules = ctx.principal.ws.schedules.filter((x) => x.id !== s.id);
		return json(204);
	});
}
