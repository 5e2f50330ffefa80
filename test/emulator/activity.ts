// The activity log (contract §8.10): what really happened in the emulator — pins created, published, failed,
// retried, deleted; schedules created, run, canceled; webhooks, API keys, accounts, boards, imports, analytics
// collects — newest first, paged by an opaque cursor, kept as long as the plan's retention says.
import type { Ctx } from './http';
import type { Workspace } from './state';

export type ActivityCategory = 'security' | 'publishing' | 'billing' | 'configuration' | 'integration';
export type ActivityStatus = 'success' | 'failed' | 'queued' | 'canceled';
export type ActorType = 'user' | 'api_key' | 'system' | 'worker' | 'admin' | 'billing';

export interface Origin {
	actor_type: ActorType;
	actor_label: string;
	actor_user_id: string | null;
	request_id: string | null;
}

/** Outcomes decided by the publishing worker (no request behind them). */
export const WORKER: Origin = { actor_type: 'worker', actor_label: 'Publisher', actor_user_id: null, request_id: null };
/** Schedules firing on the clock. */
export const SCHEDULER: Origin = { actor_type: 'system', actor_label: 'Scheduler', actor_user_id: null, request_id: null };

/** Who made an API call: the key by its name, or an OAuth app's user. */
export function originOf(ctx: Ctx): Origin {
	const p = ctx.principal;
	if (p.kind === 'api_key') {
		const key = p.keyId ? ctx.emu.store.apiKeys.get(p.keyId) : undefined;
		return { actor_type: 'api_key', actor_label: key?.name ?? 'API key', actor_user_id: null, request_id: ctx.requestId };
	}
	return { actor_type: 'user', actor_label: 'OAuth app', actor_user_id: null, request_id: ctx.requestId };
}

export interface ActivityEvent {
	action: string;
	category: ActivityCategory;
	resource_type: string;
	resource_id: string | null;
	status: ActivityStatus;
	message: string;
	metadata?: Record<string, unknown>;
}

export interface ActivityEntry extends ActivityEvent, Origin {
	id: string;
	metadata: Record<string, unknown>;
	retention_days: number;
	expires_at: string;
	created_at: string;
}

/** A publishing event about one pin. */
export function pinEvent(
	pin: { id: string; pinterest_account_id: string; board_id: string },
	action: string,
	status: ActivityStatus,
	message: string,
	metadata: Record<string, unknown> = {},
): ActivityEvent {
	return {
		action,
		category: 'publishing',
		resource_type: 'pin',
		resource_id: pin.id,
		status,
		message,
		metadata: { account_id: pin.pinterest_account_id, board_id: pin.board_id, ...metadata },
	};
}

/** A publishing event about one schedule; the status follows the schedule's. */
export function scheduleEvent(
	s: { id: string; pinterest_account_id: string; status: string; pin_id: string | null; last_error: string | null; run_at: string },
	action: string,
): ActivityEvent {
	const status: ActivityStatus = s.status === 'failed' ? 'failed' : s.status === 'canceled' ? 'canceled' : 'success';
	return {
		action,
		category: 'publishing',
		resource_type: 'schedule',
		resource_id: s.id,
		status,
		message: s.last_error ?? `Schedule for ${s.run_at} ${action.split('.')[1]}`,
		metadata: { account_id: s.pinterest_account_id, run_at: s.run_at, pin_id: s.pin_id },
	};
}

/** [decided] retention per plan (contract: `activity_log_retention_days` depends on the plan). */
export const RETENTION_DAYS: Record<string, number> = {
	free: 7,
	playground: 7,
	starter: 30,
	growth: 90,
	pro: 180,
	enterprise: 365,
};

export const retentionDays = (ws: Workspace): number => RETENTION_DAYS[ws.plan.name] ?? 30;

export interface ActivityFilters {
	category?: string;
	action?: string;
	status?: string;
	resource_type?: string;
	/** Epoch ms; entries at or after it. */
	since?: number;
}

/** `{v:1,b:<seq>}` in base64url: entries older than seq `b`. */
export const encodeCursor = (seq: number): string => Buffer.from(JSON.stringify({ v: 1, b: seq })).toString('base64url');

/** The seq a cursor points before, or null when it is not one of ours. */
export function decodeCursor(cursor: string): number | null {
	if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
	try {
		const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown; b?: unknown };
		return parsed.v === 1 && Number.isInteger(parsed.b) && (parsed.b as number) >= 0 ? (parsed.b as number) : null;
	} catch {
		return null;
	}
}

interface Stored {
	seq: number;
	createdMs: number;
	entry: ActivityEntry;
}

export class ActivityLog {
	private readonly byWorkspace = new Map<string, Stored[]>();
	private seq = 0;

	constructor(
		private readonly ids: () => string,
		private readonly now: () => number,
	) {}

	/** An event caused by an API call: the caller's key (or OAuth app) and the request id. */
	byRequest(ctx: Ctx, event: ActivityEvent): ActivityEntry {
		return this.record(ctx.principal.ws, event, originOf(ctx));
	}

	record(ws: Workspace, event: ActivityEvent, origin: Origin): ActivityEntry {
		const createdMs = this.now();
		const retention = retentionDays(ws);
		const entry: ActivityEntry = {
			id: this.ids(),
			actor_user_id: origin.actor_user_id,
			actor_type: origin.actor_type,
			actor_label: origin.actor_label,
			...event,
			metadata: event.metadata ?? {},
			request_id: origin.request_id,
			retention_days: retention,
			expires_at: new Date(createdMs + retention * 86_400_000).toISOString(),
			created_at: new Date(createdMs).toISOString(),
		};
		let list = this.byWorkspace.get(ws.id);
		if (!list) this.byWorkspace.set(ws.id, (list = []));
		list.push({ seq: ++this.seq, createdMs, entry });
		return entry;
	}

	/**
	 * One page, newest first. `next_cursor` follows a full page; an empty page echoes the cursor it was asked with
	 * (PinBridge does that too, contract §8.10: clients stop on an empty page, not on a null cursor).
	 */
	page(
		ws: Workspace,
		filters: ActivityFilters,
		cursor: string | null,
		before: number | null,
		limit: number,
	): { items: ActivityEntry[]; next_cursor: string | null } {
		const now = this.now();
		const list = this.byWorkspace.get(ws.id) ?? [];
		const items: Stored[] = [];
		for (let i = list.length - 1; i >= 0 && items.length < limit; i--) {
			const s = list[i];
			const e = s.entry;
			if (before !== null && s.seq >= before) continue;
			if (Date.parse(e.expires_at) <= now) break; // older entries have expired too
			if (filters.category !== undefined && e.category !== filters.category) continue;
			if (filters.action !== undefined && e.action !== filters.action) continue;
			if (filters.status !== undefined && e.status !== filters.status) continue;
			if (filters.resource_type !== undefined && e.resource_type !== filters.resource_type) continue;
			if (filters.since !== undefined && s.createdMs < filters.since) break; // newest first: the rest are older
			items.push(s);
		}
		const next =
			items.length === 0 ? cursor : items.length === limit ? encodeCursor(items[items.length - 1].seq) : null;
		return { items: items.map((s) => s.entry), next_cursor: next };
	}
}
