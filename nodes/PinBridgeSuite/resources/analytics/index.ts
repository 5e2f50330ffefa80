import { resourceProperties } from '../operation';
import { collectAccountAnalytics } from './collect';
import { getAccountAnalytics } from './getAccount';
import { getAnalyticsOverview } from './getOverview';
import { getPinAnalytics } from './getPin';
import { getPublishingSummary } from './getSummary';
import { getTopPins } from './getTopPins';

export const analyticsProperties = resourceProperties(
	'analytics',
	[
		getAccountAnalytics,
		getPinAnalytics,
		getAnalyticsOverview,
		getTopPins,
		getPublishingSummary,
		collectAccountAnalytics,
	],
	'getAccount',
);
