// In-memory store: every entity of the contract, plus seeding. Ids come from the seeded RNG.
import type { Clock, TimerHandle } from './clock';
import { ACCOUNT_BUCKET, GLOBAL_BUCKET, READ_ALLOWANCE, TokenBucket } from './pacing';
import type { RngStreams } from './rng';

export type Scope = 'read' | 'write' | 'destructive';
export const ALL_SCOPES: Scope[] = ['read', 'write', 'destructive'];

export interface Plan {
	name: string;
	monthly_pins: number;
	max_accounts: number;
	assets: boolean;
	imports: boolean;
}

// [decided] account-connection limits and which plans include assets/imports.
export const PLANS: Record<string, Plan> = {
	free: { name: 'free', monthly_pins: 50, max_accounts: 1, assets: false, imports: false },
	starter: { name: 'starter', monthly_pins: 300, max_accounts: 3, assets: true, imports: true },
	growth: { name: 'growth', monthly_pins: 1000, max_accounts: 10, assets: true, imports: true },
	pro: { name: 'pro', monthly_pins: 5000, max_accounts: 50, assets: true, imports: true },
	enterprise: { name: 'enterprise', monthly_pins: 100000, max_accounts: 1000, assets: true, imports: true },
};
PLANS.playground = { ...PLANS.free, name: 'playground' };

export interface BucketConfig {
	capacity: number;
	refill_per_second: number;
}

export interface Workspace {
	id: string;
	name: string;
	plan: Plan;
	billing_active: boolean;
	created_at: string;
	accountBucketConfig: BucketConfig;
	accountBuckets: Map<string, TokenBucket>;
	globalBucket: TokenBucket;
	readAllowance: TokenBucket;
	quota: Map<string, number>;
	deferred: Map<string, string[]>;
	pumpTimer?: TimerHandle;
	pumpAt?: number;
	idempotency: Map<string, string>;
	importScheduleKeys: Map<string, string>;
	pins: Pin[];
	schedules: Schedule[];
}

export interface ApiKey {
	id: string;
	workspace_id: string;
	name: string;
	scopes: Scope[];
	pinterest_account_ids: string[] | null;
	key: string;
	prefix: string;
	created_at: string;
	last_used_at: string | null;
}

export interface Account {
	id: string;
	workspace_id: string;
	pinterest_user_id: string;
	display_name: string;
	username: string;
	scopes: string;
	created_at: string;
	updated_at: string;
	revoked_at: string | null;
	reconnect_required: boolean;
}

export interface Board {
	id: string;
	account_id: string;
	name: string;
	description: string | null;
	privacy: 'PUBLIC' | 'SECRET';
	access_denied: boolean;
}

export type PinStatus = 'queued' | 'deferred' | 'publishing' | 'published' | 'failed';

export interface Pin {
	id: string;
	workspace_id: string;
	pinterest_account_id: string;
	status: PinStatus;
	media_type: 'image' | 'video';
	title: string;
	description: string | null;
	related_terms: string[];
	alt_text: string | null;
	dominant_color: string | null;
	cover_image_url: string | null;
	link_url: string | null;
	media_url: string;
	image_url: string | null;
	asset_id: string | null;
	board_id: string;
	pinterest_pin_id: string | null;
	error_code: string | null;
	error_message: string | null;
	idempotency_key: string;
	created_at: string;
	updated_at: string;
	published_at: string | null;
}

export interface PinMeta {
	seq: number;
	createdMs: number;
	job_id: string;
	submitted_at: string;
	completed_at: string | null;
	timer?: TimerHandle;
}

export type ScheduleStatus = 'scheduled' | 'queued' | 'running' | 'done' | 'failed' | 'canceled' | 'deferred';

export interface Schedule {
	id: string;
	workspace_id: string;
	pinterest_account_id: string;
	run_at: string;
	status: ScheduleStatus;
	payload: {
		board_id: string;
		title: string;
		description: string | null;
		link_url: string | null;
		media_type: 'image' | 'video';
		media_url: string;
		image_url: string | null;
		asset_id: string | null;
		cover_image_url: string | null;
	};
	last_error: string | null;
	pin_id: string | null;
	created_at: string;
	updated_at: string;
}

export const WEBHOOK_EVENTS = ['pin.published', 'pin.failed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface Webhook {
	id: string;
	workspace_id: string;
	url: string;
	secret: string;
	events: WebhookEvent[];
	is_enabled: boolean;
	created_at: string;
	updated_at: string;
}

export interface DeliveryAttempt {
	attempt: number;
	at: string;
	status_code: number | null;
	error: string | null;
	duration_ms: number;
}

export interface Delivery {
	id: string;
	webhook_id: string;
	workspace_id: string;
	event: WebhookEvent;
	pin_id: string;
	url: string;
	body: string;
	status: 'pending' | 'delivered' | 'failed';
	attempts: DeliveryAttempt[];
	next_attempt_at: string | null;
	created_at: string;
}

export interface Asset {
	id: string;
	workspace_id: string;
	asset_type: 'image' | 'video';
	original_filename: string;
	content_type: string;
	file_size_bytes: number;
	public_url: string;
	created_at: string;
	data: Buffer;
}

export interface ImportRowResult {
	row_number: number;
	status: 'created' | 'existing' | 'failed';
	pin_id: string | null;
	schedule_id: string | null;
	idempotency_key: string | null;
	error_code: string | null;
	error_message: string | null;
}

export interface ImportJob {
	id: string;
	workspace_id: string;
	source: 'json' | 'csv';
	filename: string | null;
	status: 'completed';
	total_rows: number;
	processed_rows: number;
	created_rows: number;
	existing_rows: number;
	failed_rows: number;
	results: ImportRowResult[];
	created_at: string;
	updated_at: string;
	completed_at: string;
}

export interface OAuthClient {
	client_id: string;
	client_secret: string;
	name: string;
	redirect_uris: string[] | null;
	workspace_id: string;
}

export interface OAuthCode {
	code: string;
	client_id: string;
	redirect_uri: string;
	code_challenge: string;
	scope: string;
	workspace_id: string;
	expires_at: number;
	used: boolean;
}

export interface OAuthToken {
	access_token: string;
	refresh_token: string;
	client_id: string;
	workspace_id: string;
	scope: string;
	expires_at: number;
	revoked: boolean;
}

export interface PinterestConsent {
	state: string;
	workspace_id: string;
	redirect_uri: string | null;
	code: string | null;
	account_id: string | null;
}

export interface SeedAccount {
	display_name?: string;
	username?: string;
	boards?: number | Array<{ name: string; description?: string; privacy?: 'PUBLIC' | 'SECRET'; access_denied?: boolean }>;
}

export interface SeedRequest {
	workspace_id?: string;
	plan?: string;
	billing_active?: boolean;
	buckets?: { account?: BucketConfig; global?: BucketConfig; read_allowance?: BucketConfig };
	accounts?: SeedAccount[];
	api_keys?: Array<{ name?: string; scopes?: Scope[]; pinterest_account_ids?: Array<string | number> | null }>;
	oauth_clients?: Array<{ client_id?: string; client_secret?: string; name?: string; redirect_uris?: string[] | null }>;
}

export interface SeedResult {
	workspace_id: string;
	plan: string;
	accounts: Array<{ id: string; username: string; board_ids: string[] }>;
	api_keys: Array<{ id: string; api_key: string; scopes: Scope[]; pinterest_account_ids: string[] | null }>;
	oauth_clients: Array<{ client_id: string; client_secret: string }>;
}

const BOARD_NAMES = ['Recipes', 'Travel Ideas', 'DIY Projects', 'Home Decor', 'Fitness', 'Gardening'];

export class Store {
	workspaces = new Map<string, Workspace>();
	apiKeys = new Map<string, ApiKey>(); // by id
	keyIndex = new Map<string, ApiKey>(); // by secret key
	accounts = new Map<string, Account>();
	boards = new Map<string, Board>();
	pins = new Map<string, Pin>();
	pinMeta = new Map<string, PinMeta>();
	schedules = new Map<string, Schedule>();
	webhooks = new Map<string, Webhook>();
	deliveries = new Map<string, Delivery>();
	assets = new Map<string, Asset>();
	imports = new Map<string, ImportJob>();
	oauthClients = new Map<string, OAuthClient>();
	oauthCodes = new Map<string, OAuthCode>();
	accessTokens = new Map<string, OAuthToken>();
	refreshTokens = new Map<string, OAuthToken>();
	consents = new Map<string, PinterestConsent>();
	pinSeq = 0;

	constructor(
		readonly rng: RngStreams,
		readonly clock: Clock,
	) {}

	id(): string {
		return this.rng.ids.uuid();
	}

	nowIso(): string {
		return this.clock.iso();
	}

	plan(name: string | undefined): Plan {
		const p = PLANS[(name ?? 'growth').toLowerCase()];
		if (!p) throw new Error(`unknown plan ${name}; one of ${Object.keys(PLANS).join(', ')}`);
		return p;
	}

	createWorkspace(planName?: string): Workspace {
		const now = this.clock.now();
		const ws: Workspace = {
			id: this.id(),
			name: 'Emulator workspace',
			plan: this.plan(planName),
			billing_active: true,
			created_at: this.clock.iso(now),
			accountBucketConfig: { capacity: ACCOUNT_BUCKET.capacity, refill_per_second: ACCOUNT_BUCKET.refill },
			accountBuckets: new Map(),
			globalBucket: new TokenBucket(GLOBAL_BUCKET.capacity, GLOBAL_BUCKET.refill, now),
			readAllowance: new TokenBucket(READ_ALLOWANCE.capacity, READ_ALLOWANCE.refill, now),
			quota: new Map(),
			deferred: new Map(),
			idempotency: new Map(),
			importScheduleKeys: new Map(),
			pins: [],
			schedules: [],
		};
		this.workspaces.set(ws.id, ws);
		return ws;
	}

	accountBucket(ws: Workspace, accountId: string): TokenBucket {
		let b = ws.accountBuckets.get(accountId);
		if (!b) {
			const c = ws.accountBucketConfig;
			b = new TokenBucket(c.capacity, c.refill_per_second, this.clock.now());
			ws.accountBuckets.set(accountId, b);
		}
		return b;
	}

	monthKey(): string {
		return this.clock.iso().slice(0, 7);
	}

	quotaUsed(ws: Workspace): number {
		return ws.quota.get(this.monthKey()) ?? 0;
	}

	createAccount(ws: Workspace, opts: SeedAccount = {}): Account {
		const now = this.nowIso();
		const n = [...this.accounts.values()].filter((a) => a.workspace_id === ws.id).length + 1;
		const username = opts.username ?? (n === 1 ? 'emulator_studio' : `emulator_studio_${n}`);
		const acct: Account = {
			id: this.id(),
			workspace_id: ws.id,
			pinterest_user_id: this.rng.ids.digits(18),
			display_name: opts.display_name ?? (n === 1 ? 'Emulator Studio' : `Emulator Studio ${n}`),
			username,
			scopes: 'boards:read,boards:write,pins:read,pins:write,user_accounts:read',
			created_at: now,
			updated_at: now,
			revoked_at: null,
			reconnect_required: false,
		};
		this.accounts.set(acct.id, acct);
		const boards = opts.boards ?? 3;
		const list = typeof boards === 'number' ? BOARD_NAMES.slice(0, boards).map((name) => ({ name })) : boards;
		for (const b of list) this.createBoard(acct, b);
		return acct;
	}

	createBoard(
		acct: Account,
		b: { name: string; description?: string | null; privacy?: 'PUBLIC' | 'SECRET'; access_denied?: boolean },
	): Board {
		const board: Board = {
			id: this.rng.ids.digits(18),
			account_id: acct.id,
			name: b.name,
			description: b.description ?? null,
			privacy: b.privacy ?? 'PUBLIC',
			access_denied: b.access_denied ?? false,
		};
		this.boards.set(board.id, board);
		return board;
	}

	boardsOf(accountId: string): Board[] {
		return [...this.boards.values()].filter((b) => b.account_id === accountId);
	}

	createApiKey(ws: Workspace, name: string, scopes: Scope[], accountIds: string[] | null): ApiKey {
		const key = `pbk_${this.rng.secrets.hex(24)}`;
		const k: ApiKey = {
			id: this.id(),
			workspace_id: ws.id,
			name,
			scopes: ALL_SCOPES.filter((s) => scopes.includes(s)),
			pinterest_account_ids: accountIds,
			key,
			prefix: key.slice(0, 12),
			created_at: this.nowIso(),
			last_used_at: null,
		};
		this.apiKeys.set(k.id, k);
		this.keyIndex.set(key, k);
		return k;
	}

	createOAuthClient(ws: Workspace, o: NonNullable<SeedRequest['oauth_clients']>[number] = {}): OAuthClient {
		const c: OAuthClient = {
			client_id: o.client_id ?? `pbc_${this.rng.secrets.hex(8)}`,
			client_secret: o.client_secret ?? `pbcs_${this.rng.secrets.hex(20)}`,
			name: o.name ?? 'Emulator OAuth app',
			redirect_uris: o.redirect_uris ?? null,
			workspace_id: ws.id,
		};
		this.oauthClients.set(c.client_id, c);
		return c;
	}

	/** Create or update a workspace and add accounts / keys / OAuth clients to it. */
	seed(req: SeedRequest): SeedResult {
		let ws: Workspace;
		if (req.workspace_id) {
			const found = this.workspaces.get(req.workspace_id);
			if (!found) throw new Error(`unknown workspace ${req.workspace_id}`);
			ws = found;
			if (req.plan) ws.plan = this.plan(req.plan);
		} else ws = this.createWorkspace(req.plan);
		if (req.billing_active !== undefined) ws.billing_active = req.billing_active;
		const now = this.clock.now();
		if (req.buckets?.account) {
			ws.accountBucketConfig = { ...req.buckets.account };
			ws.accountBuckets.clear();
		}
		if (req.buckets?.global) {
			ws.globalBucket = new TokenBucket(req.buckets.global.capacity, req.buckets.global.refill_per_second, now);
		}
		if (req.buckets?.read_allowance) {
			const r = req.buckets.read_allowance;
			ws.readAllowance = new TokenBucket(r.capacity, r.refill_per_second, now);
		}
		const accounts = (req.accounts ?? []).map((a) => this.createAccount(ws, a));
		const keys = (req.api_keys ?? []).map((k) => {
			const ids =
				k.pinterest_account_ids == null
					? null
					: k.pinterest_account_ids.map((x) => (typeof x === 'number' ? accounts[x].id : x));
			return this.createApiKey(ws, k.name ?? 'Seeded key', k.scopes ?? ALL_SCOPES, ids);
		});
		const clients = (req.oauth_clients ?? []).map((c) => this.createOAuthClient(ws, c));
		return {
			workspace_id: ws.id,
			plan: ws.plan.name,
			accounts: accounts.map((a) => ({ id: a.id, username: a.username, board_ids: this.boardsOf(a.id).map((b) => b.id) })),
			api_keys: keys.map((k) => ({ id: k.id, api_key: k.key, scopes: k.scopes, pinterest_account_ids: k.pinterest_account_ids })),
			oauth_clients: clients.map((c) => ({ client_id: c.client_id, client_secret: c.client_secret })),
		};
	}
}
