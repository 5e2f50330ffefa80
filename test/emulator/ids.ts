// Ids per emulator profile (contract §9.1.6). 'full' keeps the SDK's picture (§1): UUIDs for PinBridge's own records,
// numeric strings for Pinterest boards. 'documented' makes them look like PinBridge's quick-start page (`b_78f2a9`,
// `pin_8fa2`): a short prefix and hex digits. Both come from the seeded id stream, so the same seed gives the same ids.
import type { Rng } from './rng';

/** 'full': everything the contract describes. 'documented': only what PinBridge's quick-start page shows (§9.1.6). */
export type EmulatorProfile = 'full' | 'documented';
export const PROFILES: readonly EmulatorProfile[] = ['full', 'documented'];

export function parseProfile(value: string | undefined, fallback: EmulatorProfile = 'full'): EmulatorProfile {
	if (value === undefined || value === '') return fallback;
	if (!(PROFILES as readonly string[]).includes(value))
		throw new Error(`unknown emulator profile "${value}"; one of ${PROFILES.join(', ')}`);
	return value as EmulatorProfile;
}

export type IdKind =
	| 'workspace'
	| 'account'
	| 'board'
	| 'pin'
	| 'job'
	| 'schedule'
	| 'webhook'
	| 'delivery'
	| 'asset'
	| 'api_key'
	| 'import'
	| 'terms'
	| 'activity';

/** The documented profile's prefixes: the quick-start page's `b_` and `pin_`, and the same style for the rest. */
export const DOCUMENTED_PREFIX: Record<IdKind, string> = {
	workspace: 'ws_',
	account: 'acc_',
	board: 'b_',
	pin: 'pin_',
	job: 'job_',
	schedule: 'sch_',
	webhook: 'wh_',
	delivery: 'dlv_',
	asset: 'ast_',
	api_key: 'key_',
	import: 'imp_',
	terms: 'rt_',
	activity: 'log_',
};

/** How a request's id field is checked (422 otherwise): the check the profile's own ids pass. */
export interface IdFormat {
	test(value: string): boolean;
	msg: string;
	type: string;
}

const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export const UUID_FORMAT: IdFormat = {
	test: (value) => UUID_RE.test(value),
	msg: 'Input should be a valid UUID',
	type: 'uuid_parsing',
};

/**
 * The documented profile treats ids as opaque (§9.1.1): only what can be no id at all is refused — whitespace, `/`,
 * `?`, `#`, control characters; an id of the right shape that names nothing is a 404/422 further on.
 */
// eslint-disable-next-line no-control-regex
const OPAQUE_ID_RE = /^[^\s/?#\u0000-\u001f\u007f]+$/;
export const OPAQUE_FORMAT: IdFormat = {
	test: (value) => OPAQUE_ID_RE.test(value),
	msg: 'Value error, not an id: it must not be empty or hold whitespace, /, ? or #',
	type: 'value_error',
};

export class IdMaker {
	private readonly issued = new Set<string>();

	constructor(
		readonly profile: EmulatorProfile,
		private readonly rng: Rng,
	) {}

	/** The format that this profile's ids pass (and that request fields naming an id are checked against). */
	get format(): IdFormat {
		return this.profile === 'documented' ? OPAQUE_FORMAT : UUID_FORMAT;
	}

	next(kind: IdKind): string {
		if (this.profile === 'full') return kind === 'board' ? this.rng.digits(18) : this.rng.uuid();
		// Six hex digits as in `b_78f2a9`; drawn again on the rare repeat, so ids stay unique and still seeded.
		for (;;) {
			const id = `${DOCUMENTED_PREFIX[kind]}${this.rng.hex(3)}`;
			if (!this.issued.has(id)) {
				this.issued.add(id);
				return id;
			}
		}
	}

	/** An API key's secret: `pbk_…` in the full profile; PinBridge's own `pb_` + 64 hex digits (§9.4) when documented. */
	apiKeySecret(secrets: Rng): string {
		return this.profile === 'documented' ? `pb_${secrets.hex(32)}` : `pbk_${secrets.hex(24)}`;
	}
}
