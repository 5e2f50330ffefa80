/**
 * The account and board filters against a delivery. PinBridge documents only that a delivery carries the ids needed
 * for a look-up (contract §7, §9.1.2): `account_id` is often absent, `board_id` may be. A filter the body cannot
 * answer is decided from the Pin (`GET /v1/pins/{pin_id}`: `pinterest_account_id`, `board_id`) — never guessed.
 * When neither the body nor the Pin names it (no pin_id, or the Pin is gone), the delivery is skipped with a reason
 * that says so: a filter means "only for this account", and an unprovable match must not run the workflow.
 */
import { NodeApiError, type IDataObject } from 'n8n-workflow';

import { pinBridgeRequest, type PinBridgeContext } from '../shared/transport/request';
import { ACCOUNT_FILTER_LABEL, BOARD_FILTER_LABEL, sameId, type TriggerFilters } from './filters';
import type { SkippedDelivery } from './skipped';

/** PinBridge waits 10 s for an answer: a Pin look-up gets a short budget, and a failure makes PinBridge retry later. */
const PIN_LOOKUP_SETTINGS = { maxAttempts: 2, maxTotalWaitMs: 2_000 };
const PIN_LOOKUP_TIMEOUT_MS = 5_000;

/**
 * `pin`: the Pin as PinBridge has it now; null when the delivery names none, PinBridge has none (404), or the
 * look-up failed otherwise (`failure`: the caller fails the call, so PinBridge retries).
 */
export interface PinLookup {
	pin: IDataObject | null;
	why?: 'no pin_id' | 'not found';
	failure?: unknown;
}

function idText(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
	return undefined;
}

const accountOf = (record: IDataObject | null | undefined) =>
	idText(record?.pinterest_account_id) ?? idText(record?.account_id);
const boardOf = (record: IDataObject | null | undefined) => idText(record?.board_id);

/** Whether this delivery needs its Pin: Fetch Full Pin, or a filter the body cannot answer. */
export function needsPin(body: IDataObject, filters: TriggerFilters, fetchFullPin: boolean): boolean {
	return (
		fetchFullPin ||
		(filters.accountId !== '' && accountOf(body) === undefined) ||
		(filters.boardId !== '' && boardOf(body) === undefined)
	);
}

/** The Pin, or null for a delivery without pin_id or a Pin PinBridge no longer has; other failures in `failure`. */
export async function lookUpPin(ctx: PinBridgeContext, pinId: string | undefined): Promise<PinLookup> {
	if (pinId === undefined) return { pin: null, why: 'no pin_id' };
	try {
		const { body } = await pinBridgeRequest<IDataObject>(ctx, {
			method: 'GET',
			path: `/v1/pins/${encodeURIComponent(pinId)}`,
			settings: PIN_LOOKUP_SETTINGS,
			timeoutMs: PIN_LOOKUP_TIMEOUT_MS,
		});
		return { pin: body !== null && typeof body === 'object' ? body : null };
	} catch (error) {
		if (error instanceof NodeApiError && String(error.httpCode) === '404') return { pin: null, why: 'not found' };
		return { pin: null, failure: error };
	}
}

function unknownBecause(lookup: PinLookup | undefined, pinId: unknown, field: string): string {
	if (lookup?.why === 'no pin_id') return `The delivery has no ${field} and no pin_id to look the Pin up.`;
	if (lookup?.why === 'not found') {
		return `The delivery has no ${field}, and PinBridge has no Pin ${String(pinId)} any more (404), so it cannot be checked.`;
	}
	return `Neither the delivery nor its Pin at PinBridge names the ${field}.`;
}

/** Why the filters skip this delivery, or undefined when it passes (or no filter is set). */
export function filterVerdict(
	body: IDataObject,
	filters: TriggerFilters,
	lookup: PinLookup | undefined,
): SkippedDelivery | undefined {
	const extra = lookup ? { pin: lookup.pin } : undefined;
	const checks = [
		{ filter: filters.accountId, value: accountOf(body) ?? accountOf(lookup?.pin), label: ACCOUNT_FILTER_LABEL, field: 'account_id', other: 'other Pinterest account', noun: 'account' },
		{ filter: filters.boardId, value: boardOf(body) ?? boardOf(lookup?.pin), label: BOARD_FILTER_LABEL, field: 'board_id', other: 'other board', noun: 'board' },
	];
	for (const check of checks) {
		if (check.filter === '') continue;
		if (check.value === undefined) {
			return { reason: `${check.noun} unknown`, detail: unknownBecause(lookup, body.pin_id, check.field), extra };
		}
		if (!sameId(check.filter, check.value)) {
			return {
				reason: check.other,
				detail: `The Pin's ${check.noun} is ${check.value}; ${check.label} is ${check.filter}.`,
				extra,
			};
		}
	}
	return undefined;
}
