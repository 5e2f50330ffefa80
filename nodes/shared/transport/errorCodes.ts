/**
 * What to do about a PinBridge error code, for codes PinBridge may send without a `remediation` of its own
 * (contract §8.2, §9.2, §9.3). PinBridge's own remediation always wins; this only fills the gap.
 */

/** The plan feature a call needs (contract §9.2: `uploaded_media_assets`, `bulk_imports`), from its path. */
function featureOf(path: string): { name: string; without: string } | undefined {
	if (/^\/v1\/pins\/(batch|imports)/.test(path)) {
		return { name: 'batch publishing and imports (bulk_imports)', without: 'publish one Pin per request with Pin → Publish' };
	}
	if (/^\/v1\/(assets|pins|schedules)/.test(path)) {
		return {
			name: 'uploaded media (uploaded_media_assets)',
			without: 'give the image as a public image URL instead of an upload or asset (video Pins need the feature)',
		};
	}
	return undefined;
}

/** Codes that all mean "this plan lacks the feature" (contract §9.2, §8.15 item 4). */
const FEATURE_CODES = ['feature_unavailable', 'feature_not_available', 'plan_required'];

const REMEDIATIONS: Record<string, string> = {
	payment_required:
		'The workspace’s plan or payment does not allow this: check billing in the PinBridge dashboard (Plan → Get Status shows the plan and its features).',
	billing_inactive: 'Billing is inactive: update the payment method in the PinBridge dashboard; publishing resumes after.',
	credits_exhausted: 'The workspace has no credits left: buy credits or upgrade in the PinBridge dashboard.',
	storage_quota_exceeded: 'Asset storage is full: delete unused assets (Asset → Get Many, Use: Not in Use) or upgrade.',
	file_too_large: 'The file is larger than the plan allows: send a smaller file, or give a public image URL instead.',
	invalid_image: 'The file is broken or truncated: check the binary that reaches this node (open it in the input panel).',
	token_expired: 'The Pinterest connection expired: reconnect the account in the PinBridge dashboard.',
	token_revoked: 'The Pinterest connection was revoked: reconnect the account in the PinBridge dashboard.',
	account_revoked: 'The Pinterest account was disconnected: reconnect it in the PinBridge dashboard.',
	pinterest_not_connected: 'No Pinterest account is connected: connect one in the PinBridge dashboard (or Pinterest Account → Start Connection).',
	pinterest_unavailable: 'Pinterest is not answering: try again in about 30 seconds (n8n’s Retry On Fail does this).',
	service_unavailable: 'PinBridge is briefly unavailable: try again shortly.',
	internal_error: 'PinBridge failed on its side: try again; if it persists, send the request ID to PinBridge support.',
	pinterest_feature_unavailable: 'Pinterest refuses this for the account; reconnecting will not help.',
	pinterest_not_permitted: 'Pinterest does not permit this for the account; reconnecting will not help.',
	board_deleted: 'The board was deleted on Pinterest: choose another board.',
	pin_removed_on_pinterest: 'The Pin was deleted on Pinterest: it cannot be edited, and analytics exist only for the time before.',
	pin_not_published: 'The Pin has not been published yet: analytics start once it is (Pin → Get Status).',
	rate_limited: 'PinBridge asked to slow down: the node already waited as long as its Retries settings allow; raise them or try later.',
	// Pin error codes (a Pin's `error_code`, contract §9.3).
	resource_not_found: 'Something the Pin refers to (board, account or asset) no longer exists: fix it, then Pin → Retry.',
	media_url_unreachable: 'PinBridge could not download the image: make the Image URL public (no login, no expiring link), then Pin → Retry.',
	media_url_temporarily_unavailable: 'The image host did not answer in time: Pin → Retry shortly.',
	asset_not_found: 'The asset was deleted: upload it again, then publish with the new asset.',
	missing_video_asset: 'A video Pin needs an uploaded video asset: upload the video first (Asset → Upload).',
	invalid_payload: 'PinBridge refused the Pin’s content: check the fields named in the message, then publish again.',
	transient_upstream: 'Pinterest failed briefly: Pin → Retry.',
	publish_timeout: 'Pinterest took too long: check the board on Pinterest before Pin → Retry, so that nothing is published twice.',
	quota_exceeded: 'The monthly Pin quota is used up: wait for the next month or upgrade the plan.',
};

/** What to do about `code` at `path`, when PinBridge sent no remediation; undefined when there is nothing to add. */
export function remediationFor(code: string | undefined, path: string): string | undefined {
	if (!code) return undefined;
	// payment_required is the older code for a missing feature on uploads, imports and batch (contract §2, §9.2);
	// elsewhere it is a payment problem.
	const featureCall = /^\/v1\/(assets|pins\/(batch|imports))/.test(path);
	if (FEATURE_CODES.includes(code) || (code === 'payment_required' && featureCall)) {
		const feature = featureOf(path);
		return feature
			? `The workspace’s plan does not include ${feature.name}. Without it: ${feature.without}. Or upgrade the plan.`
			: 'The workspace’s plan does not include this feature: upgrade the plan, or do without this operation.';
	}
	return REMEDIATIONS[code];
}
