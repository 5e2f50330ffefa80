// One supported n8n version: real n8n with the package installed as n8n's community-package installer leaves it
// (packed, no dev dependencies, n8n's own n8n-workflow), a credential for the emulator, then every check, the
// PinBridge tools through n8n's MCP Server Trigger included.
import { useE2eEnvironment } from '../e2e/fixture';
import type { N8nVersionSpec } from '../e2e/n8n/versions';
import { mcpChecks } from '../e2e/mcpChecks';
import { actionChecks } from './actionChecks';
import { refusedItemChecks } from './refusedItemChecks';
import { repeatChecks } from './repeatChecks';
import { triggerChecks } from './triggerChecks';
import { compatVersions, packedPackageDir } from './versions';

export function describeCompat(spec: N8nVersionSpec): void {
	if (!compatVersions().includes(spec)) {
		describe.skip(`n8n ${spec.version} (not in COMPAT_N8N_VERSIONS)`, () => it('is not checked in this run', () => {}));
		return;
	}
	const env = useE2eEnvironment(`compat-${spec.version}`, { clock: 'manual' }, { spec, packedPackageDir: packedPackageDir() });
	actionChecks(env, spec.version);
	refusedItemChecks(env, spec.version);
	triggerChecks(env, spec.version);
	repeatChecks(env, spec.version);
	// n8n's MCP Server Trigger ships with every version of the tier (1.123.x and 2.x).
	mcpChecks(env, spec.version);
}
