// The emulator's whole mutable world; reset() rebuilds it from the seed (same ids every time).
import type { FastifyRequest } from 'fastify';

import { ActivityLog } from './activity';
import { Clock, Scheduler, type ClockMode } from './clock';
import { Deliverer } from './deliveries';
import { Faults } from './faults';
import type { RequestLogEntry } from './http';
import { IdMaker, type EmulatorProfile } from './ids';
import { Lifecycle } from './lifecycle';
import { Rng, RngStreams } from './rng';
import { ALL_SCOPES, Store } from './state';

export interface EmulatorConfig {
	host: string;
	port: number;
	latencyMs: number;
	publishDelayMs: number;
	clock: ClockMode;
	seed: number;
	plan: string;
	logRequests: boolean;
	webhookTimeoutMs: number;
	startTime: number;
	/** 'real' clock only: the given start time minus wall time at start, kept across resets (default 0). */
	realOffsetMs?: number;
	oauthAutoApprove: boolean;
	requestLogLimit: number;
	/** How a webhook's URL is stored and echoed: as sent (default), or normalised as a URL-typed field would. */
	webhookUrls: WebhookUrlStyle;
	/** 'full' (default) or 'documented': the quick-start page's ids, four-field deliveries, no optional headers (§9.1.6). */
	profile: EmulatorProfile;
}

/**
 * The contract does not say whether PinBridge keeps a webhook URL as text or through a URL type. 'as-sent' keeps it
 * byte for byte; 'normalized' stores what WHATWG URL parsing gives (pydantic's HttpUrl parses the same way): scheme
 * and host lower-cased, default port dropped, '/' for an empty path.
 */
export type WebhookUrlStyle = 'as-sent' | 'normalized';

export interface Counters {
	requests_total: number;
	requests_by_route: Record<string, number>;
	pins_created: number;
	idempotent_replays: number;
	pins_enqueued: number;
	pins_deferred: number;
	pins_published: number;
	pins_failed: number;
	schedules_created: number;
	schedules_fired: number;
	deliveries_created: number;
	delivery_attempts: number;
	errors_500: number;
	/** API requests being handled right now, per route (`POST /v1/pins`), from arrival until the answer is sent or dropped. */
	in_flight_by_route: Record<string, number>;
	/** The most API requests seen in flight at once per route since the last reset (benchmarks read this). */
	max_in_flight_by_route: Record<string, number>;
}

export interface Defaults {
	workspaceId: string;
	apiKey: string;
	apiKeyId: string;
	accountId: string;
	boardIds: string[];
	oauthClientId: string;
	oauthClientSecret: string;
}

const newCounters = (): Counters => ({
	requests_total: 0,
	requests_by_route: {},
	pins_created: 0,
	idempotent_replays: 0,
	pins_enqueued: 0,
	pins_deferred: 0,
	pins_published: 0,
	pins_failed: 0,
	schedules_created: 0,
	schedules_fired: 0,
	deliveries_created: 0,
	delivery_attempts: 0,
	errors_500: 0,
	in_flight_by_route: {},
	max_in_flight_by_route: {},
});

export class Emulator {
	baseUrl = '';
	rng!: RngStreams;
	clock!: Clock;
	scheduler!: Scheduler;
	store!: Store;
	lifecycle!: Lifecycle;
	deliveries!: Deliverer;
	activity!: ActivityLog;
	/** Last analytics collect per Pinterest account id (emulator ms): at most one per 15 minutes. */
	analyticsCollects = new Map<string, number>();
	faults = new Faults();
	requestLog: RequestLogEntry[] = [];
	counters: Counters = newCounters();
	defaults!: Defaults;
	private logSeq = 0;

	constructor(readonly config: EmulatorConfig) {
		this.reset();
	}

	get documented(): boolean {
		return this.config.profile === 'documented';
	}

	/** Wipe all state and re-seed: the default workspace/key/account/boards get the same ids again. */
	reset(): void {
		this.scheduler?.clear();
		this.rng = new RngStreams(this.config.seed);
		this.clock = new Clock(this.config.clock, this.config.startTime, this.config.realOffsetMs ?? 0);
		this.scheduler = new Scheduler(this.clock);
		this.store = new Store(this.rng, this.clock, this.config.profile);
		this.lifecycle = new Lifecycle(this);
		this.deliveries = new Deliverer(this);
		// Its own id stream, so that logging never shifts the ids of pins, schedules and the rest.
		const activityIds = new IdMaker(this.config.profile, new Rng(this.config.seed ^ 0x2c1b3c6d));
		this.activity = new ActivityLog(
			() => activityIds.next('activity'),
			() => this.clock.now(),
		);
		this.analyticsCollects = new Map();
		this.faults.clear();
		this.requestLog = [];
		this.counters = newCounters();
		this.logSeq = 0;
		const seeded = this.store.seed({
			plan: this.config.plan,
			accounts: [{}],
			api_keys: [{ name: 'Emulator key (all scopes)', scopes: ALL_SCOPES }],
			oauth_clients: [{ client_id: 'pinbridge-emulator-client', name: 'Emulator OAuth app' }],
		});
		this.defaults = {
			workspaceId: seeded.workspace_id,
			apiKey: seeded.api_keys[0].api_key,
			apiKeyId: seeded.api_keys[0].id,
			accountId: seeded.accounts[0].id,
			boardIds: seeded.accounts[0].board_ids,
			oauthClientId: seeded.oauth_clients[0].client_id,
			oauthClientSecret: seeded.oauth_clients[0].client_secret,
		};
	}

	logRequest(req: FastifyRequest, path: string, headers: RequestLogEntry['headers']): RequestLogEntry {
		const ct = String(req.headers['content-type'] ?? '');
		const entry: RequestLogEntry = {
			seq: ++this.logSeq,
			request_id: req.id,
			time: this.clock.iso(),
			method: req.method,
			path,
			query: { ...(req.query as Record<string, unknown>) },
			headers,
			body: ct.startsWith('multipart/') ? { multipart: true } : req.body === undefined ? null : req.body,
			status: null,
			fault_id: null,
		};
		this.requestLog.push(entry);
		if (this.requestLog.length > this.config.requestLogLimit * 1.5)
			this.requestLog = this.requestLog.slice(-this.config.requestLogLimit);
		return entry;
	}
}
