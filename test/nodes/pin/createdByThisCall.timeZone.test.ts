/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions */
// A time PinBridge writes without an offset is on its clock, UTC (contract §9.1.5), never the n8n host's zone. Read in
// the host's zone, Publish's created_by_this_call turns a replay into "created now" west of UTC (and a new Pin into a
// replay east of it), and a lost Schedule → Create misses its own schedule and sends a duplicate. A process's zone is
// fixed when it starts (setting TZ inside jest does not move it), so each zone runs in a Node process of its own.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Runs the checks below in a process whose zone is `timeZone`, and returns what it printed. */
function runIn(timeZone: string): string {
	const script = [
		'const { createdByThisCall } = require("./nodes/PinBridgeSuite/resources/pin/replay");',
		'const { isSameSchedule } = require("./nodes/PinBridgeSuite/resources/schedule/reconcile");',
		'const answeredAt = { date: new Date("2026-11-22T10:00:01Z").toUTCString() };',
		// created 1 s before PinBridge answered: this call made it
		'const fresh = createdByThisCall({ created_at: "2026-11-22T10:00:00" }, answeredAt, 500);',
		// created an hour before: an earlier run made it, this call got it back for the same key
		'const replay = createdByThisCall({ created_at: "2026-11-22T09:00:00" }, answeredAt, 500);',
		'const sent = { board_id: "b_78f2a9", title: "Summer styles 2026", run_at: "2026-12-01T09:00:00+01:00" };',
		'const listed = { status: "scheduled", run_at: "2026-12-01T08:00:00", payload: { board_id: "b_78f2a9", title: "Summer styles 2026" } };',
		'const found = isSameSchedule(listed, sent, Date.parse(sent.run_at));',
		'console.log(JSON.stringify({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, fresh, replay, found }));',
	].join('\n');
	return execFileSync(path.join('node_modules', '.bin', 'tsx'), ['-e', script], {
		env: { ...process.env, TZ: timeZone },
		encoding: 'utf8',
	}).trim();
}

describe('offset-less times from PinBridge on a host outside UTC', () => {
	it.each(['America/New_York', 'Asia/Tokyo'])('in %s: created_by_this_call and the schedule look-up read them as UTC', (timeZone) => {
		expect(JSON.parse(runIn(timeZone))).toEqual({ zone: timeZone, fresh: true, replay: false, found: true });
	});
});
