/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The two ports `npm run dev` listens on (issue 23): n8n's and the PinBridge emulator's, each choosable by an
 * environment variable — N8N_PORT (n8n's own name for it) and PINBRIDGE_EMULATOR_PORT (as `npm run emulator` reads
 * it). A taken port is reported by name before anything is installed, built or started, with the variable to set.
 */
import net from 'node:net';

export const DEV_PORT = 5678; // n8n's default port
export const DEV_EMULATOR_PORT = 4010; // `npm run emulator`'s default port
export const N8N_PORT_VARIABLE = 'N8N_PORT';
export const EMULATOR_PORT_VARIABLE = 'PINBRIDGE_EMULATOR_PORT';

export interface DevPorts {
	n8n: number;
	emulator: number;
}

/**
 * A problem with the dev set-up the user fixes (a port, a variable): gulp prints `showStack: false` errors as their
 * message alone, not as a stack trace.
 */
export class DevSetupError extends Error {
	readonly showStack = false;
}

function portFrom(env: NodeJS.ProcessEnv, variable: string, fallback: number): number {
	const raw = env[variable]?.trim();
	if (!raw) return fallback;
	const port = /^\d+$/.test(raw) ? Number(raw) : NaN;
	if (!(port >= 1 && port <= 65535)) {
		throw new DevSetupError(`${variable} must be a port number from 1 to 65535; it is "${raw}"`);
	}
	return port;
}

/**
 * The ports in `given` (a check picks free ones), else N8N_PORT and PINBRIDGE_EMULATOR_PORT when set, else 5678 and
 * 4010.
 */
export function devPorts(
	env: NodeJS.ProcessEnv = process.env,
	given: { n8n?: number; emulator?: number } = {},
): DevPorts {
	const ports = {
		n8n: given.n8n ?? portFrom(env, N8N_PORT_VARIABLE, DEV_PORT),
		emulator: given.emulator ?? portFrom(env, EMULATOR_PORT_VARIABLE, DEV_EMULATOR_PORT),
	};
	if (ports.n8n === ports.emulator) {
		throw new DevSetupError(
			`${N8N_PORT_VARIABLE} and ${EMULATOR_PORT_VARIABLE} are both ${ports.n8n}: n8n and the emulator need a port each`,
		);
	}
	return ports;
}

/** Why nothing can listen on 127.0.0.1:`port` (an error code such as EADDRINUSE), or undefined when it can. */
export function listenProblem(port: number, host = '127.0.0.1'): Promise<string | undefined> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
		server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(undefined)));
	});
}

/** The first port after `port` that is free and not in `avoid` (a suggestion for the message), if one is near. */
async function nextFreePort(port: number, avoid: number[]): Promise<number | undefined> {
	for (let candidate = port + 1; candidate <= Math.min(port + 100, 65535); candidate++) {
		if (!avoid.includes(candidate) && !(await listenProblem(candidate))) return candidate;
	}
	return undefined;
}

/** Throws a DevSetupError naming the port, what it is for and the variable to set when either port is taken. */
export async function checkDevPorts(ports: DevPorts): Promise<void> {
	const uses = [
		{ what: 'n8n', variable: N8N_PORT_VARIABLE, port: ports.n8n },
		{ what: 'the PinBridge emulator', variable: EMULATOR_PORT_VARIABLE, port: ports.emulator },
	];
	for (const { what, variable, port } of uses) {
		const problem = await listenProblem(port);
		if (!problem) continue;
		const state = problem === 'EADDRINUSE' ? 'is already in use' : `cannot be listened on (${problem})`;
		const other = await nextFreePort(port, [ports.n8n, ports.emulator]);
		throw new DevSetupError(
			`port ${port} (${what}) ${state}: choose another with ${variable}, e.g. ` +
				`\`${variable}=${other ?? port + 1} npm run dev\``,
		);
	}
}
