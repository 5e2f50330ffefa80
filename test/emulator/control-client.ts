// Typed client for the /__emulator control API (used as `emu.control` by tests).
import type { FaultInput, FaultRule } from './faults';
import type { RequestLogEntry } from './http';
import type { Counters, Defaults } from './emulator';
import type { Account, Delivery, ImportJob, Pin, Schedule, SeedRequest, SeedResult, Webhook } from './state';

export type { FaultInput, FaultRule, RequestLogEntry, Counters, Defaults, SeedRequest, SeedResult };
export type { Account, Delivery, ImportJob, Pin, Schedule };
export type WebhookView = Omit<Webhook, 'secret'>;

export interface ClockState {
	now: string;
	epoch_ms: number;
	mode: 'real' | 'manual';
	pending_timers: number;
}

export interface WorkspaceSummary {
	id: string;
	plan: string;
	billing_active: boolean;
	quota_used: number;
	monthly_pins: number;
	deferred: number;
}

export class EmulatorControl {
	constructor(readonly baseUrl: string) {}

	private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
		const res = await fetch(`${this.baseUrl}/__emulator${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`control ${method} ${path} -> ${res.status}: ${text}`);
		return (text ? JSON.parse(text) : undefined) as T;
	}

	private qs(q: Record<string, string | undefined>): string {
		const p = new URLSearchParams();
		for (const [k, v] of Object.entries(q)) if (v !== undefined) p.set(k, v);
		const s = p.toString();
		return s ? `?${s}` : '';
	}

	/** Wipe everything and re-seed the defaults (same ids/key as at start); clears faults, log, counters; resets the manual clock. */
	async reset(): Promise<void> {
		await this.call('POST', '/reset');
	}

	/** Create a workspace (or extend `workspace_id`) with plan, accounts + boards, API keys, OAuth clients. */
	seed(req: SeedRequest): Promise<SeedResult> {
		return this.call('POST', '/seed', req);
	}

	addFault(rule: FaultInput): Promise<FaultRule> {
		return this.call('POST', '/faults', rule);
	}

	faults(): Promise<FaultRule[]> {
		return this.call('GET', '/faults');
	}

	async removeFault(id: string): Promise<void> {
		await this.call('DELETE', `/faults/${encodeURIComponent(id)}`);
	}

	async clearFaults(): Promise<void> {
		await this.call('DELETE', '/faults');
	}

	async setLatency(ms: number): Promise<void> {
		await this.call('PUT', '/latency', { latency_ms: ms });
	}

	/** Runtime knobs: publish delay, webhook timeout, OAuth auto-approve, latency. */
	config(c: {
		publish_delay_ms?: number;
		webhook_timeout_ms?: number;
		oauth_auto_approve?: boolean;
		latency_ms?: number;
		webhook_urls?: 'as-sent' | 'normalized';
	}) {
		return this.call<Record<string, unknown>>('PUT', '/config', c);
	}

	async setOAuthAutoApprove(on: boolean): Promise<void> {
		await this.call('PUT', '/oauth', { auto_approve: on });
	}

	clock(): Promise<ClockState> {
		return this.call('GET', '/clock');
	}

	/** Current emulator time as epoch ms. */
	async now(): Promise<number> {
		return (await this.clock()).epoch_ms;
	}

	/** Move the clock forward and run everything due (buckets, lifecycle, schedules, webhook retries), awaiting deliveries. */
	advance(seconds: number): Promise<{ now: string; epoch_ms: number }> {
		return this.call('POST', '/clock/advance', { seconds });
	}

	/** Run what is due at the current time without moving the clock. */
	flush(): Promise<{ now: string; epoch_ms: number }> {
		return this.call('POST', '/clock/flush', {});
	}

	pins(workspaceId?: string): Promise<Pin[]> {
		return this.call('GET', `/pins${this.qs({ workspace_id: workspaceId })}`);
	}

	/** Publish a pin right now (any status), firing webhooks. */
	publishPin(id: string): Promise<Pin> {
		return this.call('POST', `/pins/${id}/publish`, {});
	}

	failPin(id: string, error?: { error_code?: string; error_message?: string }): Promise<Pin> {
		return this.call('POST', `/pins/${id}/fail`, error ?? {});
	}

	/** The pin is deleted on Pinterest itself: it stays published with removed_from_pinterest_at set. */
	removeOnPinterest(id: string): Promise<Pin> {
		return this.call('POST', `/pins/${id}/remove-on-pinterest`, {});
	}

	schedules(workspaceId?: string): Promise<Schedule[]> {
		return this.call('GET', `/schedules${this.qs({ workspace_id: workspaceId })}`);
	}

	webhooks(workspaceId?: string): Promise<WebhookView[]> {
		return this.call('GET', `/webhooks${this.qs({ workspace_id: workspaceId })}`);
	}

	deliveries(filter: { pin_id?: string; webhook_id?: string; workspace_id?: string } = {}): Promise<Delivery[]> {
		return this.call('GET', `/deliveries${this.qs(filter)}`);
	}

	/**
	 * Deliver `deliveryId` once more as PinBridge's retry would (same bytes and id, signed with the webhook's current
	 * secret) to `url` (default: the webhook's URL); returns the receiver's answer. Not counted as an attempt.
	 */
	resendDelivery(deliveryId: string, url?: string): Promise<{ status_code: number | null; error: string | null; body: string }> {
		return this.call('POST', `/deliveries/${encodeURIComponent(deliveryId)}/resend`, url === undefined ? {} : { url });
	}

	requests(filter: { method?: string; path?: string } = {}): Promise<RequestLogEntry[]> {
		return this.call('GET', `/requests${this.qs(filter)}`);
	}

	async clearRequests(): Promise<void> {
		await this.call('DELETE', '/requests');
	}

	counters(): Promise<Counters> {
		return this.call('GET', '/counters');
	}

	accounts(workspaceId?: string): Promise<Account[]> {
		return this.call('GET', `/accounts${this.qs({ workspace_id: workspaceId })}`);
	}

	imports(workspaceId?: string): Promise<ImportJob[]> {
		return this.call('GET', `/imports${this.qs({ workspace_id: workspaceId })}`);
	}

	workspaces(): Promise<WorkspaceSummary[]> {
		return this.call('GET', '/workspaces');
	}

	info(): Promise<{ url: string; clock: string; now: string; defaults: Defaults }> {
		return this.call('GET', '');
	}
}
