// The example publish workflow as the e2e and compat suites use it: one Pin per input item, titled from the item.
import type { WorkflowJson } from './n8n/client';

export const PUBLISH_EXAMPLE = 'publish-pin-from-image-url';
export const PUBLISH_NODE = 'Publish Pin';

/** The example publishes one fixed title; to publish one Pin per item the title comes from the item instead. */
export function titleFromItem(wf: WorkflowJson): void {
	const node = wf.nodes.find((n) => n.name === PUBLISH_NODE);
	if (!node) throw new Error(`example has no "${PUBLISH_NODE}" node`);
	node.parameters.title = '={{ $json.title }}';
	// The bulk tests count requests, not outcomes: they publish without the example's Wait for Publish
	// (examples.e2e.ts runs the example as it ships).
	node.parameters.publishOptions = {};
}

/** `n` input items titled "<prefix> 1" … "<prefix> n". */
export const itemsTitled = (prefix: string, n = 20) =>
	Array.from({ length: n }, (_, i) => ({ title: `${prefix} ${i + 1}` }));
