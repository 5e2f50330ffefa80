// The pure time-zone rules behind Run At (the workflow tests cover how the node uses them).
import { resolveDateTime, resolveRunAt } from '../../../nodes/PinBridgeSuite/shared/runAt';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('run_at time zones', () => {
	it.each([
		['2026-03-29T01:30:00', '2026-03-29T01:30:00+01:00'], // before the spring change
		['2026-03-29T02:30:00', '2026-03-29T03:30:00+02:00'], // does not exist in Berlin: moved forward by the gap
		['2026-03-29T03:30:00', '2026-03-29T03:30:00+02:00'],
		['2026-10-25T02:30:00', '2026-10-25T02:30:00+02:00'], // happens twice: the first (summer time) is taken
		['2026-10-25T03:30:00', '2026-10-25T03:30:00+01:00'],
		['2026-12-01', '2026-12-01T00:00:00+01:00'],
		['2026-12-01T09:00:00.250', '2026-12-01T09:00:00.250+01:00'],
	])('Berlin %s → %s', (input, expected) => {
		expect(resolveRunAt(input, 'Europe/Berlin', NOW)).toMatchObject({
			ok: true,
			value: expected,
		});
	});

	it('half-hour zones and the southern hemisphere', () => {
		expect(resolveRunAt('2026-07-01T09:00', 'Asia/Kolkata', NOW)).toMatchObject({ value: '2026-07-01T09:00:00+05:30' });
		expect(resolveRunAt('2026-07-01T09:00', 'Australia/Sydney', NOW)).toMatchObject({
			value: '2026-07-01T09:00:00+10:00',
		});
		expect(resolveRunAt('2026-12-01T09:00', 'Australia/Sydney', NOW)).toMatchObject({
			value: '2026-12-01T09:00:00+11:00',
		});
	});

	it('keeps offsets, writing them the ISO way', () => {
		expect(resolveDateTime('2026-12-01T09:00:00-0330', 'Europe/Berlin')).toMatchObject({
			value: '2026-12-01T09:00:00-03:30',
			instant: Date.parse('2026-12-01T12:30:00Z'),
		});
		expect(resolveDateTime('2026-12-01 09:00z', 'Europe/Berlin')).toMatchObject({ value: '2026-12-01T09:00Z' });
		expect(resolveDateTime(new Date('2026-12-01T09:00:00Z'), 'Europe/Berlin')).toMatchObject({
			value: '2026-12-01T09:00:00.000Z',
		});
	});

	it('names the rule that failed', () => {
		expect(resolveRunAt('2025-12-31T23:00:00Z', 'Europe/Berlin', NOW)).toEqual({
			ok: false,
			rule: 'must be in the future, got 2025-12-31T23:00:00Z (now is 2026-01-01T00:00:00.000Z)',
		});
		expect(resolveRunAt('2026-12-01T09:00', 'Not/AZone', NOW)).toMatchObject({
			ok: false,
			rule: expect.stringContaining('the workflow\'s time zone "Not/AZone" is unknown'),
		});
		expect(resolveRunAt(42, 'Europe/Berlin', NOW)).toMatchObject({
			ok: false,
			rule: expect.stringContaining('must be a date and time'),
		});
		expect(resolveRunAt('2026-12-01T25:00', 'Europe/Berlin', NOW)).toMatchObject({ ok: false });
	});
});
