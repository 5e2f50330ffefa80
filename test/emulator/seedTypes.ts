// What control.seed() takes and returns (POST /__emulator/seed).
import type { AccountHealthStatus, BoardPrivacy, BucketConfig, Scope } from './types';

export interface SeedAccount {
	display_name?: string;
	username?: string;
	boards?: number | Array<{ name: string; description?: string; privacy?: BoardPrivacy; access_denied?: boolean }>;
	/** §8.11 health as seeded: e.g. `{health_status: 'scope_missing', missing_scopes: ['boards:write_secret']}` */
	health_status?: AccountHealthStatus;
	missing_scopes?: string[];
	reconnect_required?: boolean;
	token_expires_at?: string | null;
	/** Ids of existing boards this account also holds (group boards): publishing there needs `account_id` (§9.1.3). */
	shared_boards?: string[];
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
