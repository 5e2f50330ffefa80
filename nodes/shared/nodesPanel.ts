/**
 * The description both PinBridge nodes carry. n8n's nodes panel merges a node `x` and its trigger `xTrigger` into one
 * entry (actions and triggers listed inside) and shows the trigger's description for that entry, also when the user
 * is adding an action. So the sentence has to describe the pair — as n8n's own n8n / n8n Trigger and Form / Form
 * Trigger pairs do — and it is set on both nodes so that whichever n8n shows, it reads right.
 */
export const PAIR_DESCRIPTION =
	'Publish, schedule and track Pinterest Pins through PinBridge, and start workflows when a Pin goes live or fails';
