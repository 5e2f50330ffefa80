import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_IN_FLIGHT } from './inFlight';
import { DEFAULT_RETRY_SETTINGS, type RetrySettings } from './retryPolicy';

export interface RequestSettings extends RetrySettings {
	maxInFlight: number;
}

export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
	...DEFAULT_RETRY_SETTINGS,
	maxInFlight: DEFAULT_MAX_IN_FLIGHT,
};

/** The node parameter through which users tune the request helper. */
export const requestSettingsProperty: INodeProperties = {
	displayName: 'Retries and Pacing',
	name: 'requestSettings',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	description:
		'How the node retries when PinBridge is busy or briefly unavailable. Retries never publish a Pin or create a schedule twice.',
	options: [
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 20 },
			default: 8, // DEFAULT_RETRY_SETTINGS.maxAttempts (lint needs a literal; a test keeps them equal)
			description: 'Attempts per request, the first included. 1 turns retries off.',
		},
		{
			displayName: 'Max Total Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 120, // DEFAULT_RETRY_SETTINGS.maxTotalWaitMs in seconds
			description: 'The most one request may spend waiting between attempts before the item fails',
		},
		{
			displayName: 'Max Requests in Flight',
			name: 'maxInFlight',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 10, // DEFAULT_MAX_IN_FLIGHT
			description:
				'How many requests this credential may have open at PinBridge at once, counted per n8n process (in queue mode each worker has its own: 2 workers at 10 → up to 20); the other items wait their turn',
		},
	],
};

export function readRequestSettings(value: unknown): RequestSettings {
	const raw = (value && typeof value === 'object' ? value : {}) as {
		maxAttempts?: number;
		maxWaitSeconds?: number;
		maxInFlight?: number;
	};
	const positive = (n: unknown, fallback: number) =>
		typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : fallback;
	return {
		...DEFAULT_REQUEST_SETTINGS,
		maxAttempts: Math.max(1, Math.floor(positive(raw.maxAttempts, DEFAULT_REQUEST_SETTINGS.maxAttempts))),
		maxTotalWaitMs: positive(raw.maxWaitSeconds, DEFAULT_REQUEST_SETTINGS.maxTotalWaitMs / 1000) * 1000,
		maxInFlight: Math.max(1, Math.floor(positive(raw.maxInFlight, DEFAULT_REQUEST_SETTINGS.maxInFlight))),
	};
}
