/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * What the README promises about a delivery that arrives more than once, read from its table under "Repeated
 * deliveries — what holds" (section PinBridge Trigger): the queue-mode suite asserts exactly these numbers, so the
 * README and what real n8n in queue mode does cannot drift apart. A row that is missing, or a cell that no longer
 * starts with a number, fails the suite with the README's words.
 */
import fs from 'node:fs';
import path from 'node:path';

import { REPO_DIR } from '../n8n/instance';

const README = fs.readFileSync(path.join(REPO_DIR, 'README.md'), 'utf8');

/** The cells of the table row whose first cell starts with `start` (the "The same signed delivery arrives again…" table). */
function row(start: string): string[] {
	const line = README.split('\n').find((l) => l.startsWith(`| ${start}`));
	if (!line) throw new Error(`README: no row "${start}…" in the trigger's table of repeated deliveries`);
	return line.split('|').slice(1, -1).map((cell) => cell.trim());
}

function count(cell: string, what: string): number {
	const n = /^(\d+)\b/.exec(cell)?.[1];
	if (n === undefined) throw new Error(`README: "${cell}" (${what}) does not start with a count`);
	return Number(n);
}

const sameProcess = row('at the same n8n process');
const tooOld = row('with its signed `occurred_at` older than the Replay Window');
const otherProcess = row('at another n8n process');
if (!/after a restart/.test(otherProcess[0])) throw new Error(`README: the row "${otherProcess[0]}" no longer covers a restart`);

export const DOCUMENTED = {
	/** Executions the trigger starts when the same delivery reaches the same process twice. */
	sameProcess: count(sameProcess[1], 'same process'),
	/** … when it reaches the webhook processor, then main (both serve production webhooks). */
	acrossProcesses: count(otherProcess[1], 'another process'),
	/** … when it is replayed to the webhook processor after that restarted (the same README row). */
	afterRestart: count(otherProcess[1], 'after a restart'),
	/** … when its signed occurred_at is older than the Replay Window. */
	outsideReplayWindow: count(tooOld[1], 'older than the Replay Window'),
	/** Items that pass the example's first-time check (a data table row per delivery id) for a repeat at the same process. */
	downstreamSameProcess: count(sameProcess[2], 'same process, with the first-time check'),
	/** … for a repeat at another process or after a restart, also when executions of the workflow overlap. */
	downstreamAcrossProcesses: count(otherProcess[2], 'another process or after a restart, with the first-time check'),
} as const;
