// In-memory store: every entity of the contract, plus seeding. Ids come from the seeded RNG.
import type { Clock } from './clock';
import { IdMaker, type EmulatorProfile, type IdKind } from './ids';
import { ACCOUNT_BUCKET, GLOBAL_BUCKET, READ_ALLOWANCE, TokenBucket } from './pacing';
import type { RngStreams } from './rng';
import {
	ALL_SCOPES,
	PLANS,
	type Account,
	type ApiKey,
	type Asset,
	type Board,
	type BoardPrivacy,
	type Delivery,
	type ImportJob,
	type OAuthClient,
	type OAuthCode,
	type OAuthToken,
	type Pin,
	type PinMeta,
	type PinterestConsent,
	type Plan,
	type Schedule,
	type Scope,
	type SeedAccount,
	type SeedRequest,
	type SeedResult,
	type Webhook,
	type Workspace,
} from './types';

export * from './types';

/** [decided] the health_message shown for each health_status (null when healthy). */
export function healthMessage(a: Pick<Account, 'health_status' | 'missing_scopes'>): string | null {
	switch (a.health_status) {
		case 'refresh_due':
			return 'The Pinterest token expires soon; PinBridge will refresh it.';
		case 'reconnect_required':
			return 'Pinterest no longer accepts this connection: reconnect the account in the PinBridge dashboard.';
		case 'scope_missing':
			return `The Pinterest connection lacks ${a.missing_scopes.join(', ') || 'a permission'}: reconnect the account to grant it.`;
		default:
			return null;
	}
}

/** The account owns the board or it is shared with it (a group board). */
export function holdsBoard(board: Board, accountId: string): boolean {
	return board.account_id === accountId || board.shared_with.includes(accountId);
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
	/** ids of boards deleted through the API (the access check answers board_deleted for them) */
	deletedBoards = new Set<string>();
	/** board access verdicts by `${account_id}:${board_id}` (GET …/access answers source "cache" from here) */
	boardAccess = new Map<string, Record<string, unknown>>();
	pinSeq = 0;
	readonly ids: IdMaker;

	constructor(
		readonly rng: RngStreams,
		readonly clock: Clock,
		profile: EmulatorProfile = 'full',
	) {
		this.ids = new IdMaker(profile, rng.ids);
	}

	/** A new id of this kind in the profile's style (seeded). */
	id(kind: IdKind): string {
		return this.ids.next(kind);
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
			id: this.id('workspace'),
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
			id: this.id('account'),
			workspace_id: ws.id,
			pinterest_user_id: this.rng.ids.digits(18),
			display_name: opts.display_name ?? (n === 1 ? 'Emulator Studio' : `Emulator Studio ${n}`),
			username,
			scopes: 'boards:read,boards:write,pins:read,pins:write,user_accounts:read',
			created_at: now,
			updated_at: now,
			revoked_at: null,
			reconnect_required: opts.reconnect_required ?? opts.health_status === 'reconnect_required',
			// [decided] seeded tokens last 30 days; health checked at connection time
			token_expires_at:
				opts.token_expires_at === undefined ? this.clock.iso(this.clock.now() + 30 * 86_400_000) : opts.token_expires_at,
			health_status: opts.health_status ?? (opts.missing_scopes?.length ? 'scope_missing' : 'healthy'),
			health_message: null,
			health_checked_at: now,
			missing_scopes: opts.missing_scopes ?? [],
		};
		acct.health_message = healthMessage(acct);
		this.accounts.set(acct.id, acct);
		const boards = opts.boards ?? 3;
		const list = typeof boards === 'number' ? BOARD_NAMES.slice(0, boards).map((name) => ({ name })) : boards;
		for (const b of list) this.createBoard(acct, b);
		for (const id of opts.shared_boards ?? []) {
			const shared = this.boards.get(id);
			if (!shared) throw new Error(`unknown board ${id}`);
			shared.shared_with.push(acct.id);
		}
		return acct;
	}

	createBoard(
		acct: Account,
		b: { name: string; description?: string | null; privacy?: BoardPrivacy; access_denied?: boolean },
	): Board {
		const board: Board = {
			id: this.id('board'),
			account_id: acct.id,
			name: b.name,
			description: b.description ?? null,
			privacy: b.privacy ?? 'PUBLIC',
			access_denied: b.access_denied ?? false,
			shared_with: [],
		};
		this.boards.set(board.id, board);
		return board;
	}

	/** The boards an account holds: its own, then the group boards shared with it. */
	boardsOf(accountId: string): Board[] {
		const all = [...this.boards.values()];
		return [...all.filter((b) => b.account_id === accountId), ...all.filter((b) => b.shared_with.includes(accountId))];
	}

	createApiKey(ws: Workspace, name: string, scopes: Scope[], accountIds: string[] | null): ApiKey {
		const key = this.ids.apiKeySecret(this.rng.secrets);
		const k: ApiKey = {
			id: this.id('api_key'),
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
