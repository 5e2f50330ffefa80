/**
 * How each kind of n8n process is launched (queue mode, /work/shared/notes/n8n-versions-and-queue-mode.md):
 *  - `main`    `n8n start`: editor, REST and public API; with `EXECUTIONS_MODE=queue` it enqueues executions in Redis
 *              (and, unless N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true, serves production webhooks too);
 *  - `worker`  `n8n worker --concurrency=N`: takes executions from the queue, N at a time. It serves no API: its only
 *              HTTP port is the health server (QUEUE_HEALTH_CHECK_PORT), whose `/healthz/readiness` says when its
 *              database and Redis connections are up;
 *  - `webhook` `n8n webhook`: production webhooks only (`/webhook/…`), enqueueing what they start.
 * The port a StartN8nOptions names is the one the process answers on: n8n's HTTP port for main and webhook, the
 * health server's for a worker.
 */
export type N8nRole = 'main' | 'worker' | 'webhook';

export interface RoleLaunch {
	/** Arguments after n8n's CLI entry. */
	args: string[];
	/** Environment this role needs on top of the common one. */
	env: Record<string, string>;
	/**
	 * Paths that must all answer 200 before the process counts as started. n8n 1.x and 2.0 answer readiness before
	 * main's /rest routes exist, so a main also waits for /rest/settings; workers and webhook processors serve no /rest.
	 */
	readyPaths: string[];
}

export function roleLaunch(role: N8nRole, port: number, concurrency = 5): RoleLaunch {
	if (role === 'worker') {
		return {
			args: ['worker', `--concurrency=${concurrency}`],
			env: { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' },
			readyPaths: ['/healthz/readiness'],
		};
	}
	if (role === 'webhook') return { args: ['webhook'], env: {}, readyPaths: ['/healthz/readiness'] };
	return { args: ['start'], env: {}, readyPaths: ['/healthz/readiness', '/rest/settings'] };
}
