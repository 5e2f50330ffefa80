import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { authenticationProperty, pinBridgeCredentials } from '../shared/authentication';
import { PAIR_DESCRIPTION } from '../shared/nodesPanel';
import { searchAccounts, searchBoards } from '../shared/listSearch';
import { accountLocator, boardLocator } from '../shared/locators';
import { receiveDelivery } from './receive';
import { skippedDeliveriesProperties, TRIGGER_OUTPUTS } from './skipped';
import { createWebhook, deleteWebhook, webhookExists } from './webhookLifecycle';

export class PinBridgeSuiteTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PinBridge Trigger',
		name: 'pinBridgeSuiteTrigger',
		icon: { light: 'file:../shared/pinbridge.svg', dark: 'file:../shared/pinbridge.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves exactly as 1. n8n's webhook handling evaluates an extra expression on every call for a start node
		// of typeVersion 1 (a legacy Webhook-node option); from 1.1 on each delivery is spared that sandbox.
		// 1.2 only changes a default: skipped deliveries go to the Skipped output (saved 1 and 1.1 nodes keep answering
		// them only, so a saved workflow gets no executions it never had).
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		// Shared with the action node: n8n's nodes panel shows the pair as one entry with this text (see PAIR_DESCRIPTION).
		description: PAIR_DESCRIPTION,
		defaults: { name: 'PinBridge Trigger' },
		inputs: [],
		// One output, plus "Skipped" when Skipped Deliveries says so (skipped.ts).
		outputs: TRIGGER_OUTPUTS,
		credentials: pinBridgeCredentials,
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			authenticationProperty,
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					// `action` is the event's name in n8n's nodes panel, which otherwise lower-cases it ("On pin failed").
					{
						name: 'Pin Failed',
						value: 'pin.failed',
						action: 'On Pin failed',
						description: 'PinBridge gave up publishing a Pin',
					},
					{
						name: 'Pin Published',
						value: 'pin.published',
						action: 'On Pin published',
						description: 'A Pin went live on Pinterest',
					},
				],
				default: ['pin.published', 'pin.failed'],
				description: 'Which outcomes start the workflow. Choose at least one.',
			},
			accountLocator(
				{},
				{
					displayName: 'Only for Pinterest Account',
					required: false,
					description:
						'Start only for Pins of this account. Leave empty for all accounts. When a delivery does not name its account, the trigger asks PinBridge for the Pin (one API call).',
				},
			),
			boardLocator(
				{},
				{
					displayName: 'Only for Board',
					required: false,
					description:
						'Start only for Pins on this board. Leave empty for all boards. The list shows the boards of the account chosen above. When a delivery does not name its board, the trigger asks PinBridge for the Pin.',
				},
			),
			...skippedDeliveriesProperties,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Fetch Full Pin',
						name: 'fetchFullPin',
						type: 'boolean',
						default: false,
						description:
							'Whether to look the Pin up at PinBridge when the event arrives and add it as "pin" to the output (one extra API call per event)',
					},
					{
						displayName: 'Replay Window (Hours)',
						name: 'replayWindowHours',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0, // DEFAULT_REPLAY_WINDOW_HOURS (lint needs a literal; a test keeps them equal)
						description:
							'0 (the default) means no window. Otherwise a delivery whose signed time (occurred_at) is older than this many hours is acknowledged and skipped, so a captured delivery cannot be replayed later. Only deliveries that carry an occurred_at can be judged: one without it always passes. PinBridge retries a delivery until it gets an answer, with no documented end, so a window can also skip a genuine retry after a long n8n outage.',
					},
				],
			},
		],
	};

	methods = {
		listSearch: { searchAccounts, searchBoards },
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhookExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createWebhook(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhook(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery(this);
	}
}
