// The opaque-id rule shared by the node and the trigger (nodes/shared/opaqueId.ts, contract §9.1.1): refuse only
// what can be no id, accept every other text.
import { opaqueIdOf, opaqueIdRule } from '../../nodes/shared/opaqueId';

describe('opaqueIdRule: ids are opaque strings', () => {
	it.each([
		['the quick-start page board', 'b_78f2a9'],
		['the quick-start page Pin', 'pin_8fa2'],
		['a UUID', '3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b'],
		['a Pinterest board id (digits)', '549755885175'],
		['dots, dashes, colons, unicode', 'acc.1-x:ü'],
	])('accepts %s', (_label, id) => {
		expect(opaqueIdRule(id)).toBeUndefined();
	});

	it.each([
		['empty', '', 'must not be empty'],
		['a space inside', 'b_78 f2a9', 'must not contain spaces'],
		['a tab inside', 'b\t1', 'must not contain spaces'],
		['a zero-width space inside', 'b\u200B1', 'must not contain spaces'],
		['a control character', 'b\u00011', 'must not contain control characters'],
		['a DEL', 'b\u007F1', 'must not contain control characters'],
		['a slash', 'b/1', 'must not contain "/"'],
		['a question mark', 'b?1', 'must not contain "?"'],
		['a hash', 'b#1', 'must not contain "#"'],
	])('refuses %s', (_label, id, rule) => {
		expect(opaqueIdRule(id)).toBe(rule);
	});

	it.each([
		['https://app.pinbridge.io/boards/b_78f2a9?tab=pins', 'b_78f2a9'],
		['pinbridge.io/pins/pin_8fa2/', 'pin_8fa2'],
	])('a pasted URL %s gets a hint naming the id in it', (url, id) => {
		const rule = opaqueIdRule(url);
		expect(rule).toContain('not an address');
		expect(rule).toContain(`"${id}"`);
	});
});

describe('opaqueIdOf: any parameter value as an id', () => {
	it.each([
		['text, trimmed', '  b_78f2a9 ', 'b_78f2a9'],
		['null', null, ''],
		['blank text', '   ', ''],
		['a safe integer', 549755885175, '549755885175'],
	])('accepts %s', (_label, value, text) => {
		expect(opaqueIdOf(value)).toEqual({ ok: true, text });
	});

	it.each([
		['true', true, 'must be text, got a boolean'],
		['an object', { id: 'b_1' }, 'must be text, got an object'],
		['a list', ['b_1'], 'must be text, got a list'],
		['a number beyond 2^53', 2 ** 60, 'beyond 2^53'],
		['a space inside', 'b 1', 'must not contain spaces'],
	])('refuses %s', (_label, value, rule) => {
		const result = opaqueIdOf(value);
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.rule).toContain(rule);
	});
});
