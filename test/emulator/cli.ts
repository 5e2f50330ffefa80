/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console */
// npm run emulator [-- --port 4010 --plan growth --seed 1 --latency 0 --publish-delay 200 --manual-clock --log
//                      --profile full|documented]
import { parseProfile } from './ids';
import { startEmulator } from './server';

function arg(name: string): string | undefined {
	const i = process.argv.indexOf(`--${name}`);
	if (i >= 0) return process.argv[i + 1];
	const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
	return eq?.slice(name.length + 3);
}
const flag = (name: string) => process.argv.includes(`--${name}`);

async function main(): Promise<void> {
	const port = Number(arg('port') ?? process.env.PINBRIDGE_EMULATOR_PORT ?? 4010);
	const emu = await startEmulator({
		port,
		plan: arg('plan') ?? 'growth',
		seed: Number(arg('seed') ?? 1),
		latencyMs: Number(arg('latency') ?? 0),
		publishDelayMs: Number(arg('publish-delay') ?? 2000),
		clock: flag('manual-clock') ? 'manual' : 'real',
		logRequests: flag('log') || !flag('quiet'),
		oauthAutoApprove: flag('oauth-auto-approve'),
		profile: parseProfile(arg('profile') ?? process.env.PINBRIDGE_EMULATOR_PROFILE),
	});
	console.log(`PinBridge emulator listening on ${emu.url}

  profile      ${emu.profile}${emu.profile === 'documented' ? '   (quick-start ids, four-field webhook bodies, no Date/X-Total-Count/X-Request-ID)' : ''}
  API key      ${emu.apiKey}   (scopes: read, write, destructive; plan: ${arg('plan') ?? 'growth'})
  workspace    ${emu.workspaceId}
  account id   ${emu.accountId}
  board ids    ${emu.boardIds.join(', ')}
  OAuth client client_id=${emu.oauthClient.clientId}  client_secret=${emu.oauthClient.clientSecret}
               authorize ${emu.url}/oauth/authorize   token ${emu.url}/oauth/token
  control API  ${emu.url}/__emulator   (see test/emulator/README.md)

Try:
  curl -s -H 'X-API-Key: ${emu.apiKey}' ${emu.url}/v1/pinterest/accounts

Ctrl-C to stop.`);
	const stop = async () => {
		await emu.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
