/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console, @n8n/community-nodes/require-node-api-error */
/**
 * `npm run dev` (gulpfile.js → these functions): a real n8n with this package loaded, against the local PinBridge
 * emulator, with an owner, a "PinBridge (emulator)" credential and the example workflows already there.
 *
 * Everything persistent lives outside the repo, in `${cacheRoot()}/dev-user-folder` (the n8n DB, its settings, the
 * public API key); the emulator is in-memory and seeded (same seed → same account/board ids every run), so the
 * credential and workflows created in an earlier run keep working: they are re-pointed at the current emulator
 * URL/key if those changed.
 */
import path from 'node:path';

import { N8nClient, type WorkflowJson } from './client';
import { cacheRoot, installN8n } from './install';
import { startN8n, type N8nInstance, type N8nOwner } from './instance';
import { checkDevPorts, devPorts, EMULATOR_PORT_VARIABLE, N8N_PORT_VARIABLE } from './devPorts';
import { exampleWorkflowFiles, loadExampleWorkflow, PACKAGE_NODE_PREFIX, pickerNames } from './workflows';

export { installN8n } from './install';
export { checkDevPorts, devPorts, DEV_EMULATOR_PORT, DEV_PORT } from './devPorts';

export const DEV_EMULATOR_SEED = 1;
export const DEV_CREDENTIAL_NAME = 'PinBridge (emulator)';
export const DEV_OWNER: N8nOwner = {
	email: 'dev@pinbridge.local',
	password: 'PinBridge-dev-1',
	firstName: 'PinBridge',
	lastName: 'Developer',
};

export interface DevEnvironment {
	n8n: N8nInstance;
	emulatorUrl: string;
	/** The running emulator (its control API and seeded ids), for checks that drive the dev set-up. */
	emulator: Awaited<ReturnType<ReturnType<typeof loadEmulator>['startEmulator']>>;
	/** n8n's default time zone (GENERIC_TIMEZONE), used by every workflow that sets none of its own. */
	timeZone: string;
	stop(): Promise<void>;
}

/**
 * The time zone n8n gets: GENERIC_TIMEZONE if set (as given), else this machine's, else Etc/UTC. Left unset, n8n
 * would use America/New_York whatever the machine says, and a Run At of 09:00 would not be 09:00 here (issue 23).
 * The machine's zone is named as n8n's editor lists it (Workflow Settings → Timezone): Node's Intl says "UTC" for
 * every UTC/GMT alias and ICU's older names for a few zones, which that list lacks ("Default Timezone not valid").
 */
export function devTimeZone(env: NodeJS.ProcessEnv = process.env, machineZone: () => string | undefined = machineTimeZone): string {
	const chosen = env.GENERIC_TIMEZONE?.trim();
	if (chosen) return chosen;
	const machine = machineZone();
	if (!machine || machine === 'Etc/Unknown' || UTC_ALIAS.test(machine)) return 'Etc/UTC';
	return N8N_ZONE_NAME[machine] ?? machine;
}

function machineTimeZone(): string | undefined {
	try {
		return Intl.DateTimeFormat().resolvedOptions().timeZone;
	} catch {
		return undefined;
	}
}

const UTC_ALIAS = /^(Etc\/)?(UTC|UCT|Universal|Zulu|GMT([+-]?0)?|Greenwich)$/;
/** ICU's name → the one in n8n 2.41.1's list (dist/timezones.json), for the zones where they differ. */
const N8N_ZONE_NAME: Record<string, string> = {
	'Africa/Asmera': 'Africa/Asmara',
	'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
	'America/Coral_Harbour': 'America/Atikokan',
	'America/Godthab': 'America/Nuuk',
	'Asia/Calcutta': 'Asia/Kolkata',
	'Asia/Katmandu': 'Asia/Kathmandu',
	'Asia/Rangoon': 'Asia/Yangon',
	'Asia/Saigon': 'Asia/Ho_Chi_Minh',
	'Atlantic/Faeroe': 'Atlantic/Faroe',
	'Europe/Kiev': 'Europe/Kyiv',
	'Pacific/Enderbury': 'Pacific/Kanton',
	'Pacific/Truk': 'Pacific/Chuuk',
};

/** The emulator is written by another part of the project; load it lazily so this file works without it. */
// (`require`, not `import()`: tsx's CommonJS loader, used by gulpfile.js, keeps `import()` native and it then
// cannot resolve an extensionless .ts path.)
function loadEmulator(): typeof import('../../emulator/server') {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require('../../emulator/server') as typeof import('../../emulator/server');
}

export async function startDevEnvironment(
	opts: {
		port?: number;
		emulatorPort?: number;
		userFolder?: string;
		/** Reload the package when dist/ changes (default true; a check running beside other builds turns it off). */
		reload?: boolean;
	} = {},
): Promise<DevEnvironment> {
	const ports = devPorts(process.env, { n8n: opts.port, emulator: opts.emulatorPort });
	await checkDevPorts(ports); // a taken port named with its variable, before n8n or the emulator fail on it
	await installN8n(); // no-op when the cache already has it
	const { startEmulator } = loadEmulator();
	const emu = await startEmulator({
		port: ports.emulator,
		clock: 'real',
		seed: DEV_EMULATOR_SEED,
		logRequests: false,
	});
	console.log(`[dev] PinBridge emulator on ${emu.url}`);
	const timeZone = devTimeZone();
	let n8n: N8nInstance;
	try {
		n8n = await startN8n({
			port: ports.n8n,
			userFolder: opts.userFolder ?? path.join(cacheRoot(), 'dev-user-folder'),
			owner: DEV_OWNER,
			env: { N8N_DEV_RELOAD: String(opts.reload ?? true), N8N_LOG_LEVEL: 'info', GENERIC_TIMEZONE: timeZone },
		});
	} catch (err) {
		await emu.close();
		throw err;
	}
	const stop = async () => {
		await n8n.stop();
		await emu.close();
	};
	try {
		const client = new N8nClient(n8n);
		const credential = await ensureCredential(client, { baseUrl: emu.url, apiKey: emu.apiKey });
		const imported = await ensureExampleWorkflows(client, {
			credential,
			accountId: emu.accountId,
			boardId: emu.boardIds[0],
			...(await pickerNames(emu.url, emu.apiKey, emu.accountId, emu.boardIds[0])),
		});
		await reRegisterActiveTriggers(client, credential.id);
		printBanner(n8n, emu.url, imported, timeZone, ports);
	} catch (err) {
		await stop();
		throw err;
	}
	return { n8n, emulatorUrl: emu.url, emulator: emu, timeZone, stop };
}

async function ensureCredential(client: N8nClient, data: { baseUrl: string; apiKey: string }) {
	const existing = (await client.listCredentials()).find(
		(c) => c.name === DEV_CREDENTIAL_NAME && c.type === 'pinBridgeSuiteApi',
	);
	if (existing) {
		// Same seed gives the same key and port normally; re-point anyway in case either changed.
		await client.updateCredential(existing.id, data);
		console.log(`[dev] credential "${DEV_CREDENTIAL_NAME}" exists (${existing.id}); pointed at ${data.baseUrl}`);
		return existing;
	}
	const created = await client.createCredential('pinBridgeSuiteApi', data, DEV_CREDENTIAL_NAME);
	console.log(`[dev] created credential "${DEV_CREDENTIAL_NAME}" (${created.id})`);
	return created;
}

async function ensureExampleWorkflows(
	client: N8nClient,
	targets: Parameters<typeof loadExampleWorkflow>[1],
): Promise<Array<{ id: string; name: string }>> {
	const present = await client.listWorkflows();
	const out: Array<{ id: string; name: string }> = [];
	for (const file of exampleWorkflowFiles()) {
		const wf = loadExampleWorkflow(path.basename(file), targets);
		const found = present.find((w) => w.name === wf.name);
		if (found) {
			// Imported by an earlier version of this set-up with `pinData: null`, which breaks Execute step in the
			// editor: store `{}` as the editor does.
			if (!(await client.getWorkflow(found.id)).pinData) await client.setPinData(found.id, {}, true);
			out.push({ id: found.id, name: found.name });
			continue;
		}
		try {
			const id = await client.importWorkflow(wf);
			console.log(`[dev] imported workflow "${wf.name}" (${id})`);
			out.push({ id, name: wf.name });
		} catch (err) {
			console.warn(`[dev] could not import ${path.basename(file)}: ${(err as Error).message}`);
		}
	}
	return out;
}

/** A workflow with a PinBridge Trigger on the dev credential (its webhook is registered at the emulator). */
export function hasEmulatorTrigger(workflow: Pick<WorkflowJson, 'nodes'>, credentialId: string): boolean {
	return workflow.nodes.some(
		(node) =>
			node.type === `${PACKAGE_NODE_PREFIX}pinBridgeSuiteTrigger` &&
			Object.values(node.credentials ?? {}).some((c) => c.id === credentialId),
	);
}

/**
 * The emulator starts empty every run, and n8n does not redo an active trigger's webhook registration when it starts
 * (2.41.1: no checkExists/create reach PinBridge): a trigger workflow left active by an earlier run would get no
 * deliveries. Deactivating and activating it registers its webhook again, at this run's emulator and n8n URL.
 */
async function reRegisterActiveTriggers(client: N8nClient, credentialId: string): Promise<void> {
	for (const listed of (await client.listWorkflows()).filter((w) => w.active)) {
		if (!hasEmulatorTrigger(await client.getWorkflow(listed.id), credentialId)) continue;
		try {
			await client.deactivate(listed.id);
			await client.activate(listed.id);
			console.log(`[dev] active workflow "${listed.name}": its trigger registered its webhook at the emulator again`);
		} catch (err) {
			console.warn(`[dev] could not re-activate "${listed.name}" (activate it in the editor): ${(err as Error).message}`);
		}
	}
}

function printBanner(
	n8n: N8nInstance,
	emulatorUrl: string,
	workflows: Array<{ id: string; name: string }>,
	timeZone: string,
	ports: { n8n: number; emulator: number },
): void {
	const lines = [
		'',
		'  PinBridge dev environment is ready',
		'',
		`  n8n editor   ${n8n.url}/   (open it in your browser; nothing is opened for you)`,
		`  login        ${n8n.owner.email}  /  ${n8n.owner.password}`,
		`  emulator     ${emulatorUrl}   (credential "${DEV_CREDENTIAL_NAME}")`,
		`  ports        n8n ${ports.n8n} (${N8N_PORT_VARIABLE}), emulator ${ports.emulator} (${EMULATOR_PORT_VARIABLE}); set either`,
		'               before `npm run dev` to use another port',
		`  time zone    ${timeZone}   (n8n's GENERIC_TIMEZONE: a Run At without an offset is read in it; set`,
		'               GENERIC_TIMEZONE before `npm run dev`, or a workflow\'s own in Workflow Settings → Timezone)',
		'  workflows',
		...workflows.map((w) => `    ${n8n.url}/workflow/${w.id}   ${w.name}`),
		...emulatorCommands(emulatorUrl),
		`  n8n log      ${n8n.logFile}`,
		'',
		'  Editing nodes/ or credentials/ rebuilds the package; n8n reloads it (refresh the editor).',
		'  Ctrl-C stops n8n and the emulator.',
		'',
	];
	console.log(lines.join('\n'));
}

/** The two emulator calls a user needs to see a schedule fire and its webhook delivered, on the port in use. */
export function emulatorCommands(emulatorUrl: string): string[] {
	return [
		`  emulator's clock (a schedule fires when it reaches run_at; the clock stays ahead until the next start):`,
		`    curl -X POST ${emulatorUrl}/__emulator/clock/advance -H 'content-type: application/json' -d '{"to": "<run_at>"}'`,
		`    (<run_at>: copy run_at from the schedule's output in n8n; or -d '{"seconds": 3600}' to move it on by that)`,
		'  deliveries   (every webhook delivery, its URL, status and attempts)',
		`    curl ${emulatorUrl}/__emulator/deliveries`,
	];
}
