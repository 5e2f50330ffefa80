// The four error-body shapes of contract §2, and the mapping the emulator uses (decided):
//   401, 404 ............ plain   {"detail": "Invalid API key"} / {"detail": "Pin not found"}
//   422 validation ...... list    {"detail": [{"loc": ["body", "title"], "msg": "...", "type": "..."}]}
//   402 ................. business{"detail": {"error": {"code", "message", "upgrade_url"}}}
//   400, 403, 409, 429 .. envelope{"error": {"code", "message", "remediation", "retry_after_seconds"?}}
//   422 board_* codes ... envelope + detail string ("possibly together with detail")
//   500 ................. {"detail": "Internal Server Error", "request_id": "..."}
// API 1.41 (§8.2): every `error` envelope also carries `request_id` (added when the reply is sent, http.ts), and a
// 422 validation list comes with the envelope too: {"detail": [...], "error": {"code": "validation_error",
// "message", "errors": [{loc, msg, type}]}} — old clients read `detail`, new ones `error`.

export interface ValidationItem {
	loc: Array<string | number>;
	msg: string;
	type: string;
	input?: unknown;
}

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly body: unknown,
		readonly headers: Record<string, string> = {},
	) {
		super(typeof body === 'object' ? JSON.stringify(body) : String(body));
	}
}

export const UPGRADE_URL = 'https://pinbridge.io/pricing';

export function detail(status: number, message: string): ApiError {
	return new ApiError(status, { detail: message });
}

export const notFound = (what: string): ApiError => detail(404, `${what} not found`);
export const invalidKey = (): ApiError => detail(401, 'Invalid API key');

/** "title: String should have at most 100 characters" — the first problem, named by its field. */
function validationMessage(items: ValidationItem[]): string {
	const first = items[0];
	if (!first) return 'Validation failed';
	const loc = first.loc.filter((part) => part !== 'body').join('.');
	return loc ? `${loc}: ${first.msg}` : first.msg;
}

export function validation(items: ValidationItem[]): ApiError {
	return new ApiError(422, {
		detail: items,
		error: {
			code: 'validation_error',
			message: validationMessage(items),
			remediation: 'Fix the fields listed in errors and send the request again.',
			errors: items.map(({ loc, msg, type }) => ({ loc, msg, type })),
		},
	});
}

/** Where a user reconnects a Pinterest account ([decided]: PinBridge's dashboard page; never fetched). */
export const CONNECT_URL = 'https://pinbridge.io/dashboard/connections';

/** 409 scope_missing (§8.14 item 3): the Pinterest connection lacks a permission, not the API key. */
export function scopeMissing(scope: string): ApiError {
	return envelope(
		409,
		'scope_missing',
		`The Pinterest connection lacks the ${scope} permission`,
		'Reconnect the Pinterest account in PinBridge to grant it (connections made before API 1.37 lack it).',
		{ connect_url: CONNECT_URL, missing_scopes: [scope] },
	);
}

/** 404 board_not_found in the envelope, with a detail string (the delete and update calls). */
export const boardNotFound = (boardId: string): ApiError =>
	envelope(404, 'board_not_found', `Board ${boardId} not found`, 'List the boards of the account and use one of their ids.', {}, true);

export function business(status: number, code: string, message: string): ApiError {
	return new ApiError(status, { detail: { error: { code, message, upgrade_url: UPGRADE_URL } } });
}

/**
 * The plan features of §9.2 and what works without each. `flag` names the `GET /v1/billing/status` flag where the
 * emulator's plans match it (batch has its own [decided] plan line, §8.16 item 4, so no flag is named for it).
 */
const PLAN_FEATURES = {
	uploads: {
		what: 'Uploaded media (uploads, asset_id, video Pins)',
		flag: 'uploaded_media_assets',
		without: 'publish with a public image URL (image_url) instead of an upload',
	},
	imports: { what: 'Bulk imports', flag: 'bulk_imports', without: 'publish one Pin per request (POST /v1/pins) instead' },
	batch: { what: 'Batch publishing', flag: null, without: 'publish one Pin per request (POST /v1/pins) instead' },
} as const;

/**
 * 402 for a feature the plan lacks (§9.2): final; the message names the feature and the way without it. The code
 * stays the one decided for each call (§8.16 item 4 for batch: `feature_not_available`; uploads and imports:
 * `payment_required`), in the business shape with `upgrade_url` and a `remediation`.
 */
export function planFeatureMissing(
	code: 'payment_required' | 'feature_not_available',
	feature: keyof typeof PLAN_FEATURES,
	planName: string,
): ApiError {
	const f = PLAN_FEATURES[feature];
	const message = `${f.what} ${feature === 'imports' ? 'are' : 'is'} not included in the ${planName} plan${f.flag ? ` (${f.flag})` : ''}: ${f.without}`;
	const remediation = `To go on without it, ${f.without}; or upgrade the plan.`;
	return new ApiError(402, { detail: { error: { code, message, remediation, upgrade_url: UPGRADE_URL } } });
}

export function envelope(
	status: number,
	code: string,
	message: string,
	remediation: string,
	extra: Record<string, unknown> = {},
	withDetail = false,
): ApiError {
	const body: Record<string, unknown> = { error: { code, message, remediation, ...extra } };
	if (withDetail) body.detail = message;
	return new ApiError(status, body);
}

export const badRequest = (message: string, remediation = 'Check the request and try again.'): ApiError =>
	envelope(400, 'bad_request', message, remediation, {}, true);

export const boardError = (code: 'board_not_found' | 'board_not_owned' | 'board_access_denied', message: string): ApiError =>
	envelope(422, code, message, 'List the boards of this account with GET /v1/pinterest/boards and use one of their ids.', {}, true);

export const rateLimited = (retryAfterSeconds: number, message = 'Pinterest read allowance exhausted'): ApiError =>
	envelope(429, 'rate_limited', message, `Retry after ${retryAfterSeconds} seconds.`, {
		retry_after_seconds: retryAfterSeconds,
	});

export function serverError(requestId: string): ApiError {
	return new ApiError(500, { detail: 'Internal Server Error', request_id: requestId });
}
