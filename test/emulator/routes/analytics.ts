// Analytics (contract §8.8, §8.16 items 9–10): account, pin, overview, top pins and collect.
import type { FastifyInstance } from 'fastify';

import { originOf } from '../activity';
import { addDays, daysBetween, SORT_BY, type MetricType } from '../analytics/figures';
import { readAnalyticsQuery, type AnalyticsQuery } from '../analytics/range';
import { accountDays, accountReport, pinReport, pinTotals, rowsAndTotals } from '../analytics/reports';
import { permits, requireAccount } from '../auth';
import { envelope, notFound, rateLimited } from '../errors';
import type { Emulator } from '../emulator';
import { json, route, type Ctx } from '../http';
import type { Account, Pin } from '../state';
import { intQuery, queryStr, Validator } from '../validate';
import { getPin } from './pins';

/** One collect per account per 15 minutes (contract §8.8). */
export const COLLECT_INTERVAL_MS = 15 * 60_000;

/** The ranking needs every sortable figure, whatever `metrics` says. */
const RANKED_METRICS: MetricType[] = ['IMPRESSION', 'SAVE', 'PIN_CLICK', 'OUTBOUND_CLICK', 'TOTAL_COMMENTS', 'TOTAL_REACTIONS'];

const conflict = (code: string, message: string, remediation: string) => envelope(409, code, message, remediation);

/** A connected account of the caller's workspace; a disconnected one answers 409 `token_revoked`. */
function connectedAccount(ctx: Ctx, accountId: string): Account {
	requireAccount(ctx.principal, accountId);
	const account = ctx.emu.store.accounts.get(accountId);
	if (!account || account.workspace_id !== ctx.principal.ws.id) throw notFound('Pinterest account');
	if (account.revoked_at)
		throw conflict('token_revoked', 'The Pinterest connection of this account was revoked', 'Reconnect the account in PinBridge.');
	return account;
}

/** `account_id` filter of the overview and the ranking: null = every account the key may see. */
const accountFilter = (emu: Emulator, v: Validator): string | null => v.str('account_id', { id: emu.store.ids.format });

/** `live` asks Pinterest: it spends the workspace's read allowance (429 when empty, as related terms). */
function spendLiveRead(ctx: Ctx, q: AnalyticsQuery): void {
	if (q.served !== 'live') return;
	const ws = ctx.principal.ws;
	const now = ctx.emu.clock.now();
	if (!ws.readAllowance.tryTake(now)) throw rateLimited(Math.max(1, Math.ceil(ws.readAllowance.msUntil(now) / 1000)));
}

function accountsInScope(ctx: Ctx, accountId: string | null): Account[] {
	if (accountId) return [connectedAccount(ctx, accountId)];
	return [...ctx.emu.store.accounts.values()].filter(
		(a) => a.workspace_id === ctx.principal.ws.id && !a.revoked_at && permits(ctx.principal, a.id),
	);
}

function collectStatus(emu: Emulator, account: Account) {
	const at = emu.analyticsCollects.get(account.id);
	return at !== undefined && emu.clock.now() - at < COLLECT_INTERVAL_MS
		? { account_id: account.id, status: 'collecting', message: 'A collect from Pinterest is under way' }
		: { account_id: account.id, status: 'ready', message: 'Stored history is up to date' };
}

export function registerAnalyticsRoutes(app: FastifyInstance, emu: Emulator): void {
	route(app, emu, 'GET', '/v1/pinterest/accounts/:id/analytics', { scope: 'read' }, (ctx) => {
		const q = readAnalyticsQuery(new Validator(ctx.query, ['query']), emu.clock.now());
		const account = connectedAccount(ctx, ctx.params.id);
		spendLiveRead(ctx, q);
		return json(200, accountReport(account, q, emu.clock.now()));
	});

	route(app, emu, 'GET', '/v1/pins/:id/analytics', { scope: 'read' }, (ctx) => {
		const q = readAnalyticsQuery(new Validator(ctx.query, ['query']), emu.clock.now());
		const pin = getPin(ctx, ctx.params.id);
		if (pin.status !== 'published')
			throw conflict('pin_not_published', `The pin is ${pin.status}; analytics exist once it is published`, 'Wait until the pin is published.');
		spendLiveRead(ctx, q);
		return json(200, pinReport(pin, q, emu.clock.now()));
	});

	route(app, emu, 'GET', '/v1/analytics/overview', { scope: 'read' }, (ctx) => {
		const v = new Validator(ctx.query, ['query']);
		const accountId = accountFilter(emu, v);
		const q = readAnalyticsQuery(v, emu.clock.now());
		const accounts = accountsInScope(ctx, accountId);
		const span = daysBetween(q.start, q.end) + 1;
		const previousEnd = addDays(q.start, -1);
		const previousStart = addDays(previousEnd, -(span - 1));
		const subjects = accounts.map(accountDays);
		const current = rowsAndTotals(subjects, q.start, q.end, q);
		const previous = rowsAndTotals(subjects, previousStart, previousEnd, q);
		return json(200, {
			start_date: q.start,
			end_date: q.end,
			previous_start_date: previousStart,
			previous_end_date: previousEnd,
			metrics: q.metrics.map((m) => m.toLowerCase()),
			totals: current.totals,
			previous_totals: previous.totals,
			daily: q.includeDaily ? current.daily : [],
			history_start: q.historyStart,
			data_as_of: `${q.today}T00:00:00.000Z`,
			accounts: accounts.map((a) => collectStatus(emu, a)),
		});
	});

	// [decided] default sort_by impression, default limit 50, largest limit 100 (the pages PinBridge's own node asks for).
	route(app, emu, 'GET', '/v1/analytics/pins', { scope: 'read' }, (ctx) => {
		const v = new Validator(ctx.query, ['query']);
		const accountId = accountFilter(emu, v);
		const sortBy = queryStr(v, 'sort_by') ?? 'impression';
		if (!SORT_BY.includes(sortBy)) v.add('sort_by', `Input should be ${SORT_BY.map((s) => `'${s}'`).join(', ')}`, 'enum', sortBy);
		const limit = intQuery(v, 'limit', 50, 1, 100);
		const offset = intQuery(v, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
		const q = { ...readAnalyticsQuery(v, emu.clock.now()), metrics: RANKED_METRICS };
		const accountIds = new Set(accountsInScope(ctx, accountId).map((a) => a.id));
		const ranked = ctx.principal.ws.pins
			.filter((pin: Pin) => pin.status === 'published' && accountIds.has(pin.pinterest_account_id))
			.map((pin) => ({ pin, totals: pinTotals(pin, q) }))
			// Stable: ties keep the order the pins were created in.
			.sort((a, b) => b.totals[sortBy] - a.totals[sortBy]);
		return json(200, {
			items: ranked.slice(offset, offset + limit).map(({ pin, totals }) => ({
				pin_id: pin.id,
				pinterest_pin_id: pin.pinterest_pin_id,
				account_id: pin.pinterest_account_id,
				title: pin.title,
				link_url: pin.link_url,
				thumbnail_url: pin.image_url ?? pin.media_url,
				media_type: pin.media_type,
				published_at: pin.published_at,
				totals,
			})),
			total: ranked.length,
		});
	});

	route(app, emu, 'POST', '/v1/analytics/accounts/:id/collect', { scope: 'write' }, (ctx) => {
		const account = connectedAccount(ctx, ctx.params.id);
		const now = emu.clock.now();
		const last = emu.analyticsCollects.get(account.id);
		if (last !== undefined && now - last < COLLECT_INTERVAL_MS) {
			const wait = Math.ceil((last + COLLECT_INTERVAL_MS - now) / 1000);
			throw rateLimited(wait, 'Analytics for this account were collected less than 15 minutes ago');
		}
		emu.analyticsCollects.set(account.id, now);
		emu.activity.record(
			ctx.principal.ws,
			{
				action: 'analytics.collect_requested',
				category: 'integration',
				resource_type: 'pinterest_account',
				resource_id: account.id,
				status: 'queued',
				message: `Analytics collect queued for @${account.username}`,
			},
			originOf(ctx),
		);
		return json(202, { account_id: account.id, status: 'queued', message: 'Analytics collection queued' });
	});
}
