// `npm run dev` → `gulp dev`: install n8n (once, cached outside the repo), build, start the PinBridge emulator and
// n8n with this package loaded, rebuild on changes. The logic lives in test/e2e/n8n/*.ts (loaded through tsx).
const { series, watch } = require('gulp');
const { spawn } = require('node:child_process');
const { require: tsxRequire } = require('tsx/cjs/api');

const dev = () => tsxRequire('./test/e2e/n8n/dev.ts', __filename);
let env; // the running dev environment
let watcher;
let finishWatch = () => {};

// A taken port (N8N_PORT, PINBRIDGE_EMULATOR_PORT; test/e2e/n8n/devPorts.ts) is named before minutes of install
// and build, not after.
async function checkPorts() {
	const { checkDevPorts, devPorts } = dev();
	await checkDevPorts(devPorts());
}

async function installN8n() {
	await dev().installN8n();
}

// On a terminal the build's spinner animates in place; written to a file it would be a wall of escape codes, so
// without a TTY the output is collected and printed once, made readable (test/e2e/n8n/devLog.ts).
function build() {
	const toTerminal = Boolean(process.stdout.isTTY);
	return new Promise((resolve, reject) => {
		const child = spawn('npm', ['run', 'build'], { stdio: toTerminal ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
		let output = '';
		if (!toTerminal) {
			for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk));
		}
		child.on('error', reject);
		child.on('exit', (code) => {
			if (!toTerminal) {
				const { readableBuildOutput } = tsxRequire('./test/e2e/n8n/devLog.ts', __filename);
				console.log(readableBuildOutput(output));
			}
			if (code === 0) resolve();
			else reject(new Error(`npm run build exited with ${code}`));
		});
	});
}

async function start() {
	env = await dev().startDevEnvironment();
	let stopping = false;
	const shutdown = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\n[dev] stopping n8n and the emulator…');
		await watcher?.close();
		await env.stop().catch((err) => console.error(err));
		finishWatch();
		setImmediate(() => process.exit(0));
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

function watchSources() {
	// A failed build (e.g. a type error mid-edit) is reported and the watch goes on.
	const rebuild = () => build().catch((err) => console.error(`[dev] ${err.message}`));
	watcher = watch(['nodes/**/*', 'credentials/**/*'], { ignoreInitial: true }, rebuild);
	return new Promise((resolve) => (finishWatch = resolve)); // until Ctrl-C
}

exports.build = build;
exports.installN8n = installN8n;
exports.dev = series(checkPorts, installN8n, build, start, watchSources);
