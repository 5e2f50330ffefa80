import {
	NodeConnectionTypes,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { authenticationProperty, pinBridgeCredentials } from '../shared/authentication';
import { PAIR_DESCRIPTION } from '../shared/nodesPanel';
import { searchAccounts, searchBoards } from '../shared/listSearch';
import { requestSettingsProperty } from '../shared/transport/settings';
import { accountProperties } from './resources/account';
import { activityLogProperties } from './resources/activityLog';
import { analyticsProperties } from './resources/analytics';
import { apiKeyProperties } from './resources/apiKey';
import { assetProperties } from './resources/asset';
import { boardProperties } from './resources/board';
import { importProperties } from './resources/import';
import { pinProperties } from './resources/pin';
import { planProperties } from './resources/plan';
import { publishPins } from './resources/pin/publish';
import { publishPinBatches } from './resources/pin/publishBatch';
import { rateMeterProperties } from './resources/rateMeter';
import { relatedTermProperties } from './resources/relatedTerm';
import { scheduleProperties } from './resources/schedule';
import { addToQueue } from './resources/schedule/addToQueue';
import { createSchedules } from './resources/schedule/create';
import { webhookProperties } from './resources/webhook';
import { actionSubtitle } from './shared/subtitle';

/**
 * The resources, Pin and Schedule first: n8n's nodes panel lists the node's actions by resource in this order, and
 * publishing or scheduling a Pin is what most people come for (issue 23). The rest alphabetically.
 */
function resourceOptions(): INodePropertyOptions[] {
	const first = [
		{ name: 'Pin', value: 'pin' },
		{ name: 'Schedule', value: 'schedule' },
	];
	const rest = [
		{ name: 'Activity Log', value: 'activityLog' },
		{ name: 'Analytics', value: 'analytics' },
		{ name: 'API Key', value: 'apiKey' },
		{ name: 'Asset', value: 'asset' },
		{ name: 'Board', value: 'board' },
		{ name: 'Import', value: 'import' },
		{ name: 'Pinterest Account', value: 'account' },
		{ name: 'Plan', value: 'plan' },
		{ name: 'Rate Meter', value: 'rateMeter' },
		{ name: 'Related Term', value: 'relatedTerm' },
		{ name: 'Webhook', value: 'webhook' },
	];
	return [...first, ...rest.sort((a, b) => a.name.localeCompare(b.name))];
}

const properties: INodeProperties[] = [
	authenticationProperty,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resourceOptions(),
		default: 'pin',
	},
	...accountProperties,
	...activityLogProperties,
	...analyticsProperties,
	...apiKeyProperties,
	...assetProperties,
	...boardProperties,
	...importProperties,
	...pinProperties,
	...planProperties,
	...rateMeterProperties,
	...relatedTermProperties,
	...scheduleProperties,
	...webhookProperties,
	requestSettingsProperty,
];

export class PinBridgeSuite implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PinBridge',
		name: 'pinBridgeSuite',
		icon: { light: 'file:../shared/pinbridge.svg', dark: 'file:../shared/pinbridge.dark.svg' },
		group: ['output'],
		version: 1,
		// "Publish a Pin" rather than n8n's usual "publish: pin" (shared/subtitle.ts).
		subtitle: actionSubtitle(properties),
		// Shared with the trigger: see PAIR_DESCRIPTION.
		description: PAIR_DESCRIPTION,
		defaults: { name: 'PinBridge' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: pinBridgeCredentials,
		// n8n recognises a declarative node by `requestDefaults` (a node with `methods` and none is not given n8n's
		// routing `execute`); without it the node's AI-tool variant runs nothing. The base URL comes from the
		// credential, per request, in the request helper. Each operation's routing hands its requests to the
		// request helper: see shared/routedItem.ts.
		requestDefaults: {},
		properties,
	};

	methods = {
		listSearch: { searchAccounts, searchBoards },
	};

	/**
	 * Operations n8n runs without its declarative engine when the node is a workflow step (the node keeps no
	 * `execute`); as an AI agent's tool, n8n runs their routing instead, which hands each item to the same work (see
	 * resources/pin/publish.ts and shared/itemRunner.ts).
	 */
	customOperations = {
		pin: { publish: publishPins, publishBatch: publishPinBatches },
		schedule: { create: createSchedules, addToQueue },
	};
}
