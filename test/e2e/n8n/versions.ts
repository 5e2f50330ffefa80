/**
 * The n8n versions this package is tested against, with what each needs to install and run on a plain machine
 * (facts found by trying; see the README's Compatibility section).
 */

/** An n8n version, the Node it runs on, and the npm `overrides` that make it install from the registry. */
export interface N8nVersionSpec {
	version: string;
	/** Major version of the Node that runs it (installed from npm's `node-<platform>-<arch>` package). */
	nodeMajor: string;
	/** npm `overrides` for its install. */
	overrides: Record<string, string>;
	/**
	 * n8n 1.x and 2.0 APIs: `/healthz/readiness` answers before the `/rest` routes exist; a manual run through REST
	 * sends the workflow (`workflowData`, with its pin data) beside `triggerToStartFrom`; the public API creates a
	 * credential that has `authenticate` only with `"allowedHttpRequestDomains": "all"` in its data.
	 */
	legacyApi: boolean;
}

/** The n8n that `npm run dev`, the e2e suite and the benchmarks use. n8n >= 2.37 refuses Node < 24. */
export const PINNED_N8N: N8nVersionSpec = {
	version: '2.41.1',
	nodeMajor: '24',
	// linkedom 0.18.15 pulls in a package the registry mirror lacks.
	overrides: { linkedom: '0.18.14' },
	legacyApi: false,
};

/**
 * The latest 1.x patch. Node 22: its isolated-vm ships prebuilds for Node 22 and 24 only (on Node 20 n8n stops with
 * "Could not initialize the vm expression engine"). Its n8n-nodes-base asks for an xlsx tarball from a host outside
 * the registry: the registry's xlsx 0.18.5 stands in.
 */
export const N8N_1_123: N8nVersionSpec = {
	version: '1.123.81',
	nodeMajor: '22',
	overrides: { linkedom: '0.18.14', xlsx: '0.18.5' },
	legacyApi: true,
};

/** The last 2.0 patch; runs on Node 20 (Node 22 from npm here, one Node fewer to fetch). Same xlsx override. */
export const N8N_2_0: N8nVersionSpec = {
	version: '2.0.3',
	nodeMajor: '22',
	overrides: { linkedom: '0.18.14', xlsx: '0.18.5' },
	legacyApi: true,
};

export const KNOWN_N8N_VERSIONS: N8nVersionSpec[] = [N8N_1_123, N8N_2_0, PINNED_N8N];

export function knownN8nVersion(version: string | undefined): N8nVersionSpec {
	const spec = KNOWN_N8N_VERSIONS.find((candidate) => candidate.version === version);
	if (!spec) {
		const known = KNOWN_N8N_VERSIONS.map((candidate) => candidate.version).join(', ');
		throw new Error(`No install recipe for n8n ${String(version)} (known: ${known})`);
	}
	return spec;
}
