// /v1/schedules (no idempotency key: a blind retry creates a second schedule, contract §5).
import type { FastifyInstance } from 'fastify';

import { permits, requireAccount, type Principal } from '../auth';
import { scheduleEvent } from '../activity';
import { badRequest, notFound } from '../errors';
import type { Emulator } from '../emulator';
import { json, route, type Ctx } from '../http';
import type { Schedule, ScheduleStatus, Workspace } from '../state';
import { sortBy } from '../sorting';
import { pageQuery, queryOneOf, queryStr, queryTime, validatePinLike, Validator, type PinInput } from '../validate';
import { jsonBody } from './pins';

const STATUSES: ScheduleStatus[] = ['scheduled', 'queued', 'running', 'done', 'failed', 'canceled', 'deferred'];
/** §8.5: sort values of GET /v1/schedules; the API default is run_at_desc. */
export const SCHEDULE_SORTS = [
	'run_at_desc',
	'run_at_asc',
	'created_at_desc',
	'created_at_asc',
	'title_asc',
	'title_desc',
	'status_asc',
	'status_desc',
] as const;

/** Validated + resolved input -> stored schedule (also used by imports). */
export function createSchedule(emu: Emulator, ws: Workspace, input: PinInput, principal: Principal | null): Schedule {
	const p = emu.lifecycle.prepare(ws, input, principal);
	const iso = emu.clock.iso();
	const s: Schedule = {
		id: emu.store.id('schedule'),
		workspace_id: ws.id,
		pinterest_account_id: p.account.id,
		run_at: new Date(input.run_at!).toISOString(),
		status: 'scheduled',
		payload: {
			board_id: input.board_id,
			title: input.title,
			description: input.description,
			link_url: input.link_url,
			media_type: p.media_type,
			media_url: p.media_url,
			image_url: input.image_url,
			asset_id: input.asset_id,
			cover_image_url: p.cover_image_url,
		},
		last_error: null,
		pin_id: null,
		created_at: iso,
		updated_at: iso,
	};
	emu.store.schedules.set(s.id, s);
	ws.schedules.push(s);
	emu.counters.schedules_created++;
	emu.lifecycle.armSchedule(s);
	return s;
}

export function getSchedule(ctx: Ctx): Schedule {
	const s = ctx.emu.store.schedules.get(ctx.params.id);
	if (!s || s.workspace_id !== ctx.principal.ws.id) throw notFound('Schedule');
	requireAccount(ctx.principal, s.pinterest_account_id);
	return s;
}

export function registerScheduleRoutes(app: FastifyInstance, emu: Emulator): void {
	route(app, emu, 'POST', '/v1/schedules', { scope: 'write' }, (ctx) => {
		const v = new Validator(jsonBody(ctx));
		const input = validatePinLike(v, { idempotency: 'none', runAt: 'required', now: emu.clock.now(), ids: emu.store.ids.format });
		v.throwIfErrors();
		const schedule = createSchedule(emu, ctx.principal.ws, input, ctx.principal);
		emu.activity.byRequest(ctx, scheduleEvent(schedule, 'schedule.created'));
		return json(201, schedule);
	});

	route(app, emu, 'GET', '/v1/schedules', { scope: 'read' }, (ctx) => {
		const v = new Validator(ctx.query, ['query']);
		const page = pageQuery(v);
		const status = queryStr(v, 'status');
		if (status !== null && !STATUSES.includes(status as ScheduleStatus))
			v.add('status', `Input should be ${STATUSES.map((s) => `'${s}'`).join(', ')}`, 'enum', status);
		const accountId = queryStr(v, 'account_id');
		const boardId = queryStr(v, 'board_id');
		// [decided] since/until filter on run_at
		const since = queryTime(v, 'since');
		const until = queryTime(v, 'until');
		// q: the pin's title, description and link URL (§8.5), case-insensitive, % and _ plain
		const q = queryStr(v, 'q')?.toLowerCase() ?? null;
		const sort = queryOneOf(v, 'sort', SCHEDULE_SORTS) ?? 'run_at_desc';
		v.throwIfErrors();
		if (accountId) requireAccount(ctx.principal, accountId);
		const out: Schedule[] = [];
		const all = ctx.principal.ws.schedules;
		for (let i = all.length - 1; i >= 0; i--) {
			const s = all[i];
			if (status && s.status !== status) continue;
			if (accountId && s.pinterest_account_id !== accountId) continue;
			if (!permits(ctx.principal, s.pinterest_account_id)) continue;
			if (boardId && s.payload.board_id !== boardId) continue;
			const t = Date.parse(s.run_at);
			if (since !== null && t < since) continue;
			if (until !== null && t >= until) continue; // since inclusive, until exclusive (as for pins)
			if (q && !`${s.payload.title}\n${s.payload.description ?? ''}\n${s.payload.link_url ?? ''}`.toLowerCase().includes(q))
				continue;
			out.push(s);
		}
		const sorted = sortBy(out, sort, {
			run_at: (s) => s.run_at,
			created_at: (s) => s.created_at,
			title: (s) => s.payload.title,
			status: (s) => s.status,
		});
		return json(200, sorted.slice(page.offset, page.offset + page.limit), { 'X-Total-Count': String(sorted.length) });
	});

	route(app, emu, 'GET', '/v1/schedules/:id', { scope: 'read' }, (ctx) => json(200, getSchedule(ctx)));

	route(app, emu, 'POST', '/v1/schedules/:id/cancel', { scope: 'write' }, (ctx) => {
		const s = getSchedule(ctx);
		if (s.status !== 'scheduled' && s.status !== 'queued')
			throw badRequest(`Schedule is ${s.status} and can no longer be canceled`, 'Only scheduled or queued schedules can be canceled.');
		s.status = 'canceled';
		s.updated_at = emu.clock.iso();
		emu.activity.byRequest(ctx, scheduleEvent(s, 'schedule.canceled'));
		return json(200, s);
	});
}
