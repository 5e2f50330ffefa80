import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_IN_FLIGHT } from '../../nodes/shared/transport/inFlight';
import { DEFAULT_RETRY_SETTINGS } from '../../nodes/shared/transport/retryPolicy';
import { readRequestSettings, requestSettingsProperty } from '../../nodes/shared/transport/settings';

const defaultOf = (name: string) =>
	(requestSettingsProperty.options as INodeProperties[]).find((option) => option.name === name)?.default;

describe('Retries and Pacing settings', () => {
	it('shows the helper’s own defaults in the editor (the lint rule wants literals there)', () => {
		expect(defaultOf('maxAttempts')).toBe(DEFAULT_RETRY_SETTINGS.maxAttempts);
		expect(defaultOf('maxWaitSeconds')).toBe(DEFAULT_RETRY_SETTINGS.maxTotalWaitMs / 1000);
		expect(defaultOf('maxInFlight')).toBe(DEFAULT_MAX_IN_FLIGHT);
	});

	it('reads the user’s values and falls back to the defaults for missing or nonsensical ones', () => {
		expect(readRequestSettings({ maxAttempts: 3, maxWaitSeconds: 5, maxInFlight: 2 })).toMatchObject({
			maxAttempts: 3,
			maxTotalWaitMs: 5000,
			maxInFlight: 2,
		});
		expect(readRequestSettings({ maxAttempts: -1, maxWaitSeconds: 'soon', maxInFlight: 0 })).toMatchObject({
			maxAttempts: DEFAULT_RETRY_SETTINGS.maxAttempts,
			maxTotalWaitMs: DEFAULT_RETRY_SETTINGS.maxTotalWaitMs,
			maxInFlight: 1,
		});
		expect(readRequestSettings(undefined)).toMatchObject({ maxAttempts: 8, maxTotalWaitMs: 120_000, maxInFlight: 10 });
	});
});
