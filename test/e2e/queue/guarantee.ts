/**
 * What the trigger promises about a delivery that arrives more than once, as numbers: how many executions one
 * delivery id starts in all. These are the README's words (section "PinBridge Trigger", what holds in queue mode)
 * turned into counts; the queue-mode suite asserts exactly these, so README and suite cannot drift apart silently.
 *
 * The trigger claims a delivery id in the memory of the n8n process that receives it (nodes/PinBridgeSuiteTrigger/
 * deliveries.ts). n8n does not save static data written in a trigger's webhook() when that call starts an execution
 * (issue 11; /work/shared/notes/n8n-versions-and-queue-mode.md), so no other process, and no process after a
 * restart, knows the id: across processes the repeat is left to the workflow (Remove Duplicates on the delivery id).
 */
export const DOCUMENTED = {
	/** Delivered twice to the same n8n process: the in-process claim drops the repeat. */
	sameProcess: 1,
	/** Once to the webhook processor, once to main (both serve production webhooks): each process claims on its own. */
	acrossProcesses: 2,
	/** Executed, then replayed to the same webhook processor after it restarted: its memory starts empty. */
	afterRestart: 2,
} as const;
