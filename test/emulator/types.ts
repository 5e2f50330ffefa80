// Entity types of the contract (as stored) and the plan table.
import type { TimerHandle } from './clock';
import type { TokenBucket } from './pacing';

export type Scope = 'read' | 'write' | 'destructive';
export const ALL_SCOPES: Scope[] = ['read', 'write', 'destructive'];

export interface Plan {
	name: string;
	monthly_pins: number;
	max_accounts: number;
	assets: boolean;
	imports: boolean;
	/** POST /v1/pins/batch (§8.16 item 4: not on free and starter) */
	batch: boolean;
	/** asset storage, bytes ([decided]) */
	storage_quota_bytes: number;
}

const GIB = 1024 ** 3;

// [decided] account-connection limits and which plans include assets/imports.
export const PLANS: Record<string, Plan> = {
	free: { name: 'free', monthly_pins: 50, max_accounts: 1, assets: false, imports: false, batch: false, storage_quota_bytes: 0 },
	starter: { name: 'starter', monthly_pins: 300, max_accounts: 3, assets: true, imports: true, batch: false, storage_quota_bytes: GIB },
	growth: { name: 'growth', monthly_pins: 1000, max_accounts: 10, assets: true, imports: true, batch: true, storage_quota_bytes: 10 * GIB },
	pro: { name: 'pro', monthly_pins: 5000, max_accounts: 50, assets: true, imports: true, batch: true, storage_quota_bytes: 100 * GIB },
	enterprise: { name: 'enterprise', monthly_pins: 100000, max_accounts: 1000, assets: true, imports: true, batch: true, storage_quota_bytes: 1024 * GIB },
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
	// §8.11 health fields
	token_expires_at: string | null;
	health_status: AccountHealthStatus;
	health_message: string | null;
	health_checked_at: string | null;
	missing_scopes: string[];
}

export type AccountHealthStatus = 'healthy' | 'refresh_due' | 'reconnect_required' | 'scope_missing';
export type BoardPrivacy = 'PUBLIC' | 'PROTECTED' | 'SECRET';
export const BOARD_PRIVACY: BoardPrivacy[] = ['PUBLIC', 'PROTECTED', 'SECRET'];

export interface Board {
	id: string;
	account_id: string;
	name: string;
	description: string | null;
	privacy: BoardPrivacy;
	access_denied: boolean;
	/** Other accounts of the workspace that also hold the board (a Pinterest group board); seeded only. */
	shared_with: string[];
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
	failed_at: string | null;
	removed_from_pinterest_at: string | null;
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
	stored_filename: string;
	workspace_environment: string;
	created_at: string;
	updated_at: string;
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

export type ImportJobStatus = 'queued' | 'processing' | 'completed' | 'completed_with_errors' | 'failed';
export const IMPORT_JOB_STATUSES: ImportJobStatus[] = ['queued', 'processing', 'completed', 'completed_with_errors', 'failed'];

export interface ImportJob {
	id: string;
	workspace_id: string;
	source_type: 'json' | 'csv';
	source_filename: string | null;
	status: ImportJobStatus;
	error_message: string | null;
	started_at: string | null;
	total_rows: number;
	processed_rows: number;
	created_rows: number;
	existing_rows: number;
	failed_rows: number;
	results: ImportRowResult[];
	created_at: string;
	updated_at: string;
	completed_at: string | null;
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

export type { SeedAccount, SeedRequest, SeedResult } from './seedTypes';
