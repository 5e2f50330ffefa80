/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions */
// A delivery's occurred_at without an offset is PinBridge's clock, UTC (contract §9.1.5), never the n8n host's zone.
// The zone is fixed when a process starts, so the check runs in a Node process of its own, in New York (UTC-5).
import { execFileSync } from 'node:child_process';
import path from 'node:path';

it('the replay window reads an occurred_at without an offset as UTC on a host in another zone', () => {
	const script =
		'const { replayVerdict } = require("./nodes/PinBridgeSuiteTrigger/deliveries");' +
		'const now = Date.parse("2026-01-01T12:00:00Z");' +
		'console.log([replayVerdict("2026-01-01T10:00:00", 3, now), replayVerdict("2026-01-01 10:00:00.5", 3, now),' +
		' replayVerdict("2026-01-01T08:00:00", 3, now), replayVerdict("2026-01-01T10:00:00-05:00", 3, now)].join())';
	const out = execFileSync(path.join('node_modules', '.bin', 'tsx'), ['-e', script], {
		env: { ...process.env, TZ: 'America/New_York' },
		encoding: 'utf8',
	});
	// 2 h ago in UTC: inside (read as New York time it would be in the future); 4 h ago: too old (read as New York
	// time, 1 h ahead: inside); an explicit offset still counts (15:00 UTC: in the future, inside).
	expect(out.trim()).toBe('inside,inside,too old,inside');
});
