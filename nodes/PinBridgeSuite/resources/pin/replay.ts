/**
 * Did this call create the Pin, or did PinBridge return one it already had for the idempotency key?
 *
 * PinBridge answers both with 201 and the Pin (contract §5), so the answer itself does not say. What does: the
 * Pin's `created_at` and the answer's `Date` header, both stamped by PinBridge's clock (so n8n's clock, however
 * wrong, plays no part). A Pin this call created was created after the call began, so
 * `Date − created_at ≤ how long the call took` (measured here, retries included). A Pin from an earlier call is
 * older than that — unless that earlier call ended within about a second before this one began, which is the
 * case this test cannot tell apart (it then says "created"). A first attempt of this same call that PinBridge
 * committed but whose answer was lost counts as created by this call, as it should.
 */
import type { IDataObject } from 'n8n-workflow';

import { headerValue } from '../../../shared/transport/headers';
import { instantOf } from '../../../shared/times';

/** The output field. */
export const CREATED_BY_THIS_CALL = 'created_by_this_call';

/** `Date` has whole seconds; the hosts stamping `Date` and `created_at` may differ by a little. */
export const CLOCK_TOLERANCE_MS = 1_000;

/**
 * `true` when the Pin was created during this call, `false` when it is older (an idempotent replay), `undefined`
 * when the answer carries no readable `Date` header or `created_at`.
 */
export function createdByThisCall(pin: IDataObject, headers: IDataObject, elapsedMs: number): boolean | undefined {
	const answeredAt = Date.parse(headerValue(headers, 'date') ?? '');
	const createdAt = instantOf(pin.created_at);
	if (Number.isNaN(answeredAt) || Number.isNaN(createdAt)) return undefined;
	return answeredAt - createdAt <= Math.max(0, elapsedMs) + CLOCK_TOLERANCE_MS;
}
