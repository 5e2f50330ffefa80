// API 1.30+ pin calls (§8.3): dry run, batch, edit, retry on another board or account.
import type { FastifyInstance } from 'fastify';

import type { Principal } from '../auth';
import { pinEvent } from '../activity';
import { dryRun } from '../dryRun';
import { ApiError, business, envelope, planFeatureMissing } from '../errors';
import type { Emulator } from '../emulator';
import { json, route, type Ctx } from '../http';
import type { Pin } from '../state';
import { validatePinLike, Validator, type PinInput } from '../validate';
import { errorInfo } from './imports';
import { getPin, jsonBody } from './pins';

/** The API's default PIN_BATCH_MAX_ITEMS (§8.3). */
export const MAX_BATCH_PINS = 100;

const EDITABLE_TEXT = { title: 100, description: 800, link_url: 2048, alt_text: 500 } as const;

interface BatchResult {
	index: number;
	idempotency_key: string | null;
	status: 'created' | 'existing' | 'failed';
	pin: Pin | null;
	error: { code: string; message: string; remediation?: string } | null;
}

/** §8.16 item 5: only queued, deferred or failed pins can be edited. */
function requireEditable(pin: Pin): void {
	if (pin.status === 'published')
		throw envelope(
			409,
			'pin_already_published',
			'This pin is already published and can no longer be edited',
			'Delete it (optionally from Pinterest too) and publish a new pin instead.',
		);
	if (pin.status === 'publishing')
		throw envelope(
			409,
			'pin_publishing',
			'This pin is being published right now',
			'Wait until it is published or failed; a failed pin can be edited.',
		);
}

/** A pin body (or a batch item) → validated input; schema problems throw one 422 (loc prefix as given). */
function pinInput(emu: Emulator, body: unknown, prefix: Array<string | number>, key: 'required' | 'optional'): PinInput {
	const v = new Validator(body, prefix);
	const input = validatePinLike(v, { idempotency: key, runAt: 'none', now: emu.clock.now(), ids: emu.store.ids.format });
	v.throwIfErrors();
	return input;
}

function runBatch(emu: Emulator, p: Principal, bodies: unknown[]) {
	const ws = p.ws;
	const results: BatchResult[] = [];
	const toCreate: Array<{ result: BatchResult; prepared: ReturnType<Emulator['lifecycle']['prepare']> }> = [];
	const fail = (result: BatchResult, err: unknown) => {
		const info = errorInfo(err);
		const remediation = ((err as ApiError).body as { error?: { remediation?: string } } | undefined)?.error?.remediation;
		result.error = { code: info.code, message: info.message, ...(remediation ? { remediation } : {}) };
	};
	// Pass 1: validate and check every item; nothing is created yet, so a quota failure can refuse the whole call.
	bodies.forEach((body, index) => {
		const result: BatchResult = { index, idempotency_key: null, status: 'failed', pin: null, error: null };
		results.push(result);
		try {
			const input = pinInput(emu, body, ['body', 'pins', index], 'required');
			result.idempotency_key = input.idempotency_key;
			const existing = emu.lifecycle.replay(ws, input.idempotency_key!);
			if (existing) {
				Object.assign(result, { status: 'existing', pin: existing });
				return;
			}
			toCreate.push({ result, prepared: emu.lifecycle.prepare(ws, input, p) });
		} catch (err) {
			fail(result, err);
		}
	});
	// [decided] repeated keys inside one call: the first creates, the others are `existing` (replays of it).
	const firstByKey = new Map<string, BatchResult>();
	const fresh = toCreate.filter(({ result }) => {
		const key = result.idempotency_key!;
		if (firstByKey.has(key)) return false;
		firstByKey.set(key, result);
		return true;
	});
	if (fresh.length > 0) {
		if (!ws.billing_active) throw business(402, 'billing_inactive', 'Billing is inactive for this workspace');
		const remaining = ws.plan.monthly_pins - emu.store.quotaUsed(ws);
		if (fresh.length > remaining)
			throw business(
				402,
				'quota_exceeded',
				`This batch would create ${fresh.length} pins; ${Math.max(0, remaining)} are left of the monthly quota of ${ws.plan.monthly_pins}`,
			);
	}
	for (const { result, prepared } of toCreate) {
		const existing = emu.lifecycle.replay(ws, result.idempotency_key!);
		if (existing) Object.assign(result, { status: 'existing', pin: existing });
		else Object.assign(result, { status: 'created', pin: emu.lifecycle.create(ws, prepared, result.idempotency_key!) });
	}
	const count = (status: BatchResult['status']) => results.filter((r) => r.status === status).length;
	return {
		created_count: count('created'),
		existing_count: count('existing'),
		failed_count: count('failed'),
		results,
		headroom: { quota_remaining: Math.max(0, ws.plan.monthly_pins - emu.store.quotaUsed(ws)) },
	};
}

/** PATCH /v1/pins/{id}: only the fields present change; null clears a text field (not the title). */
function editPin(emu: Emulator, ctx: Ctx, pin: Pin): Pin {
	const v = new Validator(jsonBody(ctx));
	const changes: Partial<Record<keyof typeof EDITABLE_TEXT | 'board_id', string | null>> = {};
	for (const [field, max] of Object.entries(EDITABLE_TEXT) as Array<[keyof typeof EDITABLE_TEXT, number]>) {
		if (!(field in v.obj)) continue;
		if (v.obj[field] === null && field !== 'title') changes[field] = null;
		else {
			const value = v.str(field, { required: true, min: field === 'title' ? 1 : 0, max, url: field === 'link_url' });
			if (value !== null) changes[field] = value;
		}
	}
	if ('board_id' in v.obj) {
		const board = v.str('board_id', { required: true, min: 1 });
		if (board !== null) changes.board_id = board;
	}
	if (v.ok && Object.keys(changes).length === 0)
		v.add([], 'Value error, send at least one of title, description, link_url, alt_text, board_id', 'value_error');
	v.throwIfErrors();
	requireEditable(pin);
	if (changes.board_id && changes.board_id !== pin.board_id) checkBoard(emu, ctx.principal, pin, pin.pinterest_account_id, changes.board_id);
	Object.assign(pin, changes);
	pin.updated_at = emu.clock.iso();
	return pin;
}

/** A new board (and account) is checked like a publish (§8.3): same 422 board_* / account errors. */
function checkBoard(emu: Emulator, p: Principal, pin: Pin, accountId: string, boardId: string): void {
	const input = {
		account_id: accountId,
		board_id: boardId,
		image_url: pin.image_url,
		asset_id: pin.asset_id,
		cover_image_url: pin.cover_image_url,
		cover_image_asset_id: null,
	} as PinInput;
	emu.lifecycle.prepare(p.ws, input, p);
}

export function registerPinActionRoutes(app: FastifyInstance, emu: Emulator): void {
	route(app, emu, 'POST', '/v1/pins/validate', { scope: 'read' }, (ctx) => {
		const input = pinInput(emu, jsonBody(ctx), ['body'], 'optional');
		return json(200, dryRun(emu, ctx.principal, input, 'pin'));
	});

	route(app, emu, 'POST', '/v1/pins/batch', { scope: 'write' }, (ctx) => {
		const ws = ctx.principal.ws;
		if (!ws.plan.batch) throw planFeatureMissing('feature_not_available', 'batch', ws.plan.name);
		const v = new Validator(jsonBody(ctx));
		const pins = v.obj.pins;
		if (!Array.isArray(pins)) v.add('pins', pins === undefined ? 'Field required' : 'Input should be a valid list', pins === undefined ? 'missing' : 'list_type');
		else if (pins.length === 0) v.add('pins', 'List should have at least 1 item after validation, not 0', 'too_short');
		else if (pins.length > MAX_BATCH_PINS)
			v.add('pins', `List should have at most ${MAX_BATCH_PINS} items after validation, not ${pins.length}`, 'too_long');
		v.throwIfErrors();
		return json(200, runBatch(emu, ctx.principal, pins as unknown[]));
	});

	route(app, emu, 'PATCH', '/v1/pins/:id', { scope: 'write' }, (ctx) => {
		const pin = editPin(emu, ctx, getPin(ctx, ctx.params.id));
		emu.activity.byRequest(ctx, pinEvent(pin, 'pin.updated', 'success', `Pin "${pin.title}" updated`));
		return json(200, pin);
	});

	// Optional body {board_id?, account_id?} (§8.14 item 5); no body = retry where it was.
	route(app, emu, 'POST', '/v1/pins/:id/retry', { scope: 'write' }, (ctx) => {
		const pin = getPin(ctx, ctx.params.id);
		const body = ctx.body === undefined ? {} : jsonBody(ctx);
		const v = new Validator(body);
		const accountId = v.str('account_id', { id: emu.store.ids.format });
		const boardId = v.str('board_id', { min: 1 });
		v.throwIfErrors();
		if (pin.status === 'failed' && (accountId || boardId)) {
			const account = accountId ?? pin.pinterest_account_id;
			const board = boardId ?? pin.board_id;
			checkBoard(emu, ctx.principal, pin, account, board);
			pin.pinterest_account_id = account;
			pin.board_id = board;
		}
		emu.lifecycle.retry(pin);
		emu.activity.byRequest(ctx, pinEvent(pin, 'pin.retried', 'queued', `Pin "${pin.title}" sent to publish again`));
		return json(200, pin);
	});
}
