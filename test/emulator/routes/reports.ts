// Dashboard summary (contract §8.9), activity log (§8.10) and billing status (§8.12).
import type { FastifyInstance } from 'fastify';

import { decodeCursor, retentionDays, type ActivityFilters } from '../activity';
import { buildSummary, readSummaryQuery } from '../analytics/summary';
import { permits, requireAccount } from '../auth';
import { notFound } from '../errors';
import type { Emulator } from '../emulator';
import { json, route } from '../http';
import type { Workspace } from '../state';
import { intQuery, parseIsoDate, queryStr, Validator } from '../validate';

const GIB = 1024 ** 3;
// [decided] storage per plan (free plans have no uploads).
const STORAGE_BYTES: Record<string, number> = { free: 0, starter: GIB, growth: 10 * GIB, pro: 100 * GIB, enterprise: 1024 * GIB };

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

function billingStatus(emu: Emulator, ws: Workspace) {
	const plan = ws.plan.name === 'playground' ? 'free' : ws.plan.name;
	const now = new Date(emu.clock.now());
	const periodStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
	const periodEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
	const used = emu.store.quotaUsed(ws);
	const storageQuota = STORAGE_BYTES[plan] ?? 0;
	const storageUsed = [...emu.store.assets.values()]
		.filter((a) => a.workspace_id === ws.id)
		.reduce((sum, a) => sum + a.file_size_bytes, 0);
	const storagePercent = percent(storageUsed, storageQuota);
	return {
		plan,
		billing_provider: plan === 'free' ? null : 'stripe',
		billing_cycle: plan === 'free' ? null : 'monthly',
		billing_status: ws.billing_active ? 'active' : 'past_due',
		trial_active: false,
		trial_ends_at: null,
		current_period_start: periodStart.toISOString(),
		current_period_end: periodEnd.toISOString(),
		subscription_cancel_at: null,
		// [decided] the monthly quota is the pin quota of §4; calls_used counts new pins this month.
		quota_calls_monthly: ws.plan.monthly_pins,
		calls_used: used,
		quota_reset_at: periodEnd.toISOString(),
		credits_remaining: 0,
		credits_enabled: false,
		credits_purchase_allowed: plan !== 'free',
		quota_exhausted: used >= ws.plan.monthly_pins,
		plan_consumption_percent: percent(used, ws.plan.monthly_pins),
		storage_quota_bytes: storageQuota,
		storage_used_bytes: storageUsed,
		storage_used_percent: storagePercent,
		storage_warning: storagePercent >= 80,
		pinterest_accounts_limit: ws.plan.max_accounts,
		uploaded_media_assets: ws.plan.assets,
		bulk_imports: ws.plan.imports,
	};
}

export function registerReportRoutes(app: FastifyInstance, emu: Emulator): void {
	route(app, emu, 'GET', '/v1/dashboard/summary', { scope: 'read' }, (ctx) => {
		const q = readSummaryQuery(new Validator(ctx.query, ['query']), emu.clock.now(), emu.store.ids.format);
		if (q.accountId) {
			requireAccount(ctx.principal, q.accountId);
			const account = emu.store.accounts.get(q.accountId);
			if (!account || account.workspace_id !== ctx.principal.ws.id) throw notFound('Pinterest account');
		}
		return json(200, buildSummary(emu, ctx.principal.ws.id, (id) => permits(ctx.principal, id), q));
	});

	// Unknown filter values give an empty page; a malformed cursor or since is a validation error (contract §8.10).
	route(app, emu, 'GET', '/v1/activity-logs', { scope: 'read' }, (ctx) => {
		const v = new Validator(ctx.query, ['query']);
		const limit = intQuery(v, 'limit', 50, 1, 200);
		const cursor = queryStr(v, 'cursor');
		const before = cursor === null ? null : decodeCursor(cursor);
		if (cursor !== null && before === null) v.add('cursor', 'Invalid cursor', 'value_error', cursor);
		const sinceText = queryStr(v, 'since');
		const since = sinceText === null ? null : parseIsoDate(sinceText);
		if (sinceText !== null && since === null) v.add('since', 'Input should be a valid datetime', 'datetime_parsing', sinceText);
		v.throwIfErrors();
		const filters: ActivityFilters = {};
		for (const name of ['category', 'action', 'status', 'resource_type'] as const) {
			const value = queryStr(v, name);
			if (value !== null) filters[name] = value;
		}
		if (since !== null) filters.since = since;
		const ws = ctx.principal.ws;
		const page = emu.activity.page(ws, filters, cursor, before, limit);
		const days = retentionDays(ws);
		return json(200, { ...page, current_retention_days: days, current_retention_label: `${days} days` });
	});

	// [decided] scope read.
	route(app, emu, 'GET', '/v1/billing/status', { scope: 'read' }, (ctx) => json(200, billingStatus(emu, ctx.principal.ws)));
}
