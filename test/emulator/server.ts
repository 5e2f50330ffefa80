/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// startEmulator(): a real HTTP server (fastify) that behaves like api.pinbridge.io per /work/shared/pinbridge-api.md.
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';

import type { ClockMode } from './clock';
import { EmulatorControl } from './control-client';
import { Emulator, type EmulatorConfig, type WebhookUrlStyle } from './emulator';
import { INVALID_JSON } from './http';
import type { EmulatorProfile } from './ids';
import { registerAccountRoutes } from './routes/accounts';
import { registerAnalyticsRoutes } from './routes/analytics';
import { registerAssetLibraryRoutes } from './routes/assetLibrary';
import { registerAssetRoutes } from './routes/assets';
import { registerBoardRoutes } from './routes/boards';
import { registerControlRoutes } from './routes/control';
import { registerImportRoutes } from './routes/imports';
import { registerMiscRoutes } from './routes/misc';
import { registerOAuthRoutes } from './routes/oauth';
import { registerPinActionRoutes } from './routes/pinActions';
import { registerPinRoutes } from './routes/pins';
import { registerReportRoutes } from './routes/reports';
import { registerScheduleActionRoutes } from './routes/scheduleActions';
import { registerScheduleRoutes } from './routes/schedules';
import { registerWebhookRoutes } from './routes/webhooks';

export interface StartEmulatorOptions {
	/** 0 = random free port (default 0) */
	port?: number;
	host?: '127.0.0.1';
	/** added to every API request (not control calls), real milliseconds; default 0 */
	latencyMs?: number;
	/** queued -> publishing -> published takes this long on the emulator clock; default 200 */
	publishDelayMs?: number;
	/** 'real' (default) follows wall time; 'manual' moves only via control.advance() */
	clock?: ClockMode;
	/** PRNG seed; same seed = same ids; default 1 */
	seed?: number;
	/** plan of the seeded workspace: free|playground|starter|growth|pro|enterprise; default 'growth' */
	plan?: string;
	/** print one line per API request */
	logRequests?: boolean;
	/** webhook delivery timeout in real ms; default 10000 (contract §7) */
	webhookTimeoutMs?: number;
	/** initial emulator time (epoch ms or ISO); default: now */
	startTime?: number | string;
	/** OAuth2 app authorize: redirect at once without the approve page; default false */
	oauthAutoApprove?: boolean;
	/** request log entries kept; default 10000 */
	requestLogLimit?: number;
	/** webhook URLs stored and echoed 'as-sent' (default) or 'normalized' as a URL-typed service would */
	webhookUrls?: WebhookUrlStyle;
	/**
	 * 'full' (default): everything the contract describes. 'documented': PinBridge as its quick-start page shows it
	 * (§9.1.6): `acc_…`/`b_…`/`pin_…` ids, four-field webhook bodies, no Date, X-Total-Count or X-Request-ID header.
	 */
	profile?: EmulatorProfile;
}

export interface StartedEmulator {
	url: string;
	profile: EmulatorProfile;
	apiKey: string;
	apiKeyId: string;
	workspaceId: string;
	accountId: string;
	boardIds: string[];
	oauthClient: { clientId: string; clientSecret: string };
	control: EmulatorControl;
	/** in-process handle (tests may poke it directly; prefer `control`) */
	emulator: Emulator;
	close(): Promise<void>;
}

export function buildApp(emu: Emulator): FastifyInstance {
	const app = Fastify({
		logger: false,
		genReqId: () => emu.rng.requests.uuid(),
		requestIdHeader: false,
		routerOptions: { ignoreTrailingSlash: true },
		bodyLimit: 64 * 1024 * 1024,
		forceCloseConnections: true,
	});
	app.addHook('onRequest', (req, reply, done) => {
		// §9.1.6: the documented profile sends none of the optional headers (Node would add Date on its own).
		if (emu.documented) reply.raw.sendDate = false;
		else reply.header('X-Request-ID', req.id);
		done();
	});
	app.removeContentTypeParser('application/json');
	const parseJson = (_req: unknown, body: string, done: (err: Error | null, body?: unknown) => void) => {
		if (body.trim() === '') return done(null, undefined);
		try {
			done(null, JSON.parse(body));
		} catch {
			done(null, INVALID_JSON);
		}
	};
	app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJson);
	app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
		done(null, Object.fromEntries(new URLSearchParams(body as string)));
	});
	app.addContentTypeParser('*', { parseAs: 'string' }, (req, body, done) => parseJson(req, body as string, done));
	app.register(multipart, { limits: { fileSize: 512 * 1024 * 1024, files: 1 } });
	app.setNotFoundHandler((_req, reply) => {
		reply.code(404).send({ detail: 'Not Found' });
	});
	app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
		const status = err.statusCode ?? 500;
		if (status < 500) reply.code(status).send({ detail: err.message });
		else reply.code(500).send({ detail: 'Internal Server Error', request_id: req.id });
	});
	app.register(async (scope) => {
		registerMiscRoutes(scope, emu);
		registerAccountRoutes(scope, emu);
		registerBoardRoutes(scope, emu);
		registerPinRoutes(scope, emu);
		registerPinActionRoutes(scope, emu);
		registerImportRoutes(scope, emu);
		registerAssetRoutes(scope, emu);
		registerAssetLibraryRoutes(scope, emu);
		registerScheduleRoutes(scope, emu);
		registerScheduleActionRoutes(scope, emu);
		registerWebhookRoutes(scope, emu);
		registerOAuthRoutes(scope, emu);
		registerAnalyticsRoutes(scope, emu);
		registerReportRoutes(scope, emu);
		registerControlRoutes(scope, emu);
	});
	return app;
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<StartedEmulator> {
	const host = options.host ?? '127.0.0.1';
	const start =
		options.startTime === undefined
			? Date.now()
			: typeof options.startTime === 'number'
				? options.startTime
				: Date.parse(options.startTime);
	const config: EmulatorConfig = {
		host,
		port: options.port ?? 0,
		latencyMs: options.latencyMs ?? 0,
		publishDelayMs: options.publishDelayMs ?? 200,
		clock: options.clock ?? 'real',
		seed: options.seed ?? 1,
		plan: options.plan ?? 'growth',
		logRequests: options.logRequests ?? false,
		webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
		startTime: start,
		// A real clock starts at startTime too and runs on from there (resets keep the distance to wall time).
		realOffsetMs: options.startTime === undefined ? 0 : start - Date.now(),
		oauthAutoApprove: options.oauthAutoApprove ?? false,
		requestLogLimit: options.requestLogLimit ?? 10_000,
		webhookUrls: options.webhookUrls ?? 'as-sent',
		profile: options.profile ?? 'full',
	};
	const emu = new Emulator(config);
	const app = buildApp(emu);
	await app.listen({ host, port: config.port });
	const addr = app.server.address();
	const port = typeof addr === 'object' && addr ? addr.port : config.port;
	emu.baseUrl = `http://${host}:${port}`;
	let ticker: ReturnType<typeof setInterval> | undefined;
	if (config.clock === 'real') {
		let busy = false;
		ticker = setInterval(() => {
			if (busy) return;
			busy = true;
			void emu.scheduler.flush(false).finally(() => {
				busy = false;
			});
		}, 20);
		ticker.unref();
	}
	const d = emu.defaults;
	return {
		url: emu.baseUrl,
		profile: config.profile,
		get apiKey() {
			return emu.defaults.apiKey;
		},
		apiKeyId: d.apiKeyId,
		workspaceId: d.workspaceId,
		accountId: d.accountId,
		boardIds: d.boardIds,
		oauthClient: { clientId: d.oauthClientId, clientSecret: d.oauthClientSecret },
		control: new EmulatorControl(emu.baseUrl),
		emulator: emu,
		close: async () => {
			if (ticker) clearInterval(ticker);
			emu.scheduler.clear();
			await app.close();
		},
	};
}
