/**
 * Deliveries the trigger acknowledges (200, so PinBridge stops retrying) without passing them on: an event not
 * chosen, another account or board, a repeat, one older than the replay window, one whose Pin cannot be tied to the
 * filtered account or board. n8n's log is not where a user looks, so they go to a second output, "Skipped": an
 * execution starts that runs only what is connected there (often nothing — the execution list still shows the item
 * and its reason). The main output receives nothing, so the workflow's own branch never runs for them.
 *
 * Why an output and not an error or a log line: n8n users find "why did my workflow not run?" in the execution list,
 * and can branch on a second output (alert, count, store) like on If's "false" or Switch's fallback. Why a choice:
 * every skipped delivery costs one execution. Saved workflows (typeVersion 1, 1.1) keep "Answer Only", the behaviour
 * they were saved with; new nodes (1.2) start with the output. Repeats of one delivery could be many (a replay, a
 * PinBridge loop): each delivery id goes to Skipped at most once per n8n process (deliveries.ts `firstReport`).
 */
import type { IDataObject, INodeProperties, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { firstReport } from './deliveries';

export const SKIPPED_OUTPUT = 'output';
export const ANSWER_ONLY = 'answerOnly';

/** The outputs as n8n computes them from the node's parameters: "Skipped" only when chosen. */
export const TRIGGER_OUTPUTS = `={{ $parameter.skippedDeliveries === "${SKIPPED_OUTPUT}" ? [{ type: "main", displayName: "Pin Event" }, { type: "main", displayName: "Skipped" }] : ["main"] }}`;

const choice: INodeProperties = {
	displayName: 'Skipped Deliveries',
	name: 'skippedDeliveries',
	type: 'options',
	noDataExpression: true,
	default: SKIPPED_OUTPUT,
	options: [
		{
			name: 'Send to Skipped Output',
			value: SKIPPED_OUTPUT,
			description:
				'A second output, "Skipped", gets one item per skipped delivery (reason, delivery_id, event, pin_id, …). Each starts an execution that runs only that branch; a delivery ID at most once per n8n process.',
		},
		{
			name: 'Answer Only',
			value: ANSWER_ONLY,
			description: "Acknowledge them without an execution: they show only in n8n's log",
		},
	],
	description:
		'What to do with a delivery that is acknowledged but does not start the workflow: an event not chosen, another account or board, a repeat, one older than the replay window',
};

/** Default per version: saved 1 / 1.1 nodes keep answering only; new 1.2 nodes show skipped deliveries. */
export const skippedDeliveriesProperties: INodeProperties[] = [
	{ ...choice, default: SKIPPED_OUTPUT, displayOptions: { show: { '@version': [{ _cnd: { gte: 1.2 } }] } } },
	{ ...choice, default: ANSWER_ONLY, displayOptions: { show: { '@version': [1, 1.1] } } },
];

export interface SkippedDelivery {
	/** Short and stable, also the 200 answer's `ignored`: e.g. "other board". */
	reason: string;
	/** A sentence for the user: what was compared, what to change. */
	detail: string;
	/** More fields for the Skipped item (e.g. `pin`). */
	extra?: IDataObject;
}

export interface DeliveryFacts {
	scope: string;
	body: IDataObject;
	event: string | undefined;
	deliveryId: string | undefined;
}

/** The Skipped item: the reason first, then the delivery as the main output would have had it. */
export function skippedItem(facts: DeliveryFacts, skipped: SkippedDelivery): IDataObject {
	const item: IDataObject = {
		reason: skipped.reason,
		detail: skipped.detail,
		...facts.body,
		event: facts.event ?? null,
		delivery_id: facts.deliveryId ?? null,
		...skipped.extra,
	};
	// A body field of the same name never hides why the delivery was skipped.
	item.reason = skipped.reason;
	item.detail = skipped.detail;
	return item;
}

/**
 * Answers a skipped delivery 200 `{received: true, ignored: reason}` and, when the node has the Skipped output and
 * this delivery id was not shown there before in this process, puts it there (the main output stays empty).
 */
export function skip(ctx: IWebhookFunctions, facts: DeliveryFacts, skipped: SkippedDelivery): IWebhookResponseData {
	const webhookResponse = { received: true, ignored: skipped.reason };
	const id = facts.deliveryId ?? '(no id)';
	ctx.logger.info(`PinBridge Trigger: delivery ${id} acknowledged without starting the workflow: ${skipped.reason}`);
	const mode = ctx.getNodeParameter('skippedDeliveries', ANSWER_ONLY);
	if (mode !== SKIPPED_OUTPUT || !firstReport(facts.scope, facts.deliveryId)) return { webhookResponse };
	return { webhookResponse, workflowData: [[], [{ json: skippedItem(facts, skipped) }]] };
}

/** What the main output gets when the delivery is passed on: one array per output the node has. */
export function passOn(ctx: IWebhookFunctions, item: IDataObject): IWebhookResponseData {
	const withSkipped = ctx.getNodeParameter('skippedDeliveries', ANSWER_ONLY) === SKIPPED_OUTPUT;
	return { workflowData: withSkipped ? [[{ json: item }], []] : [[{ json: item }]] };
}
