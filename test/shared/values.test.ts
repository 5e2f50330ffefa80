// The value rules shared by the node and the trigger (nodes/shared/values.ts), as pure functions.
import { characterCount, normalizedUrl, sameUrl, textOf } from '../../nodes/shared/values';
import { CHARACTER_COUNTS } from './characterCounts.cases';

describe('characterCount: code points, as pydantic counts (len() of a Python str)', () => {
	it.each(CHARACTER_COUNTS)('%j has %i characters', (text, count) => {
		expect(characterCount(text)).toBe(count);
	});
});

describe('textOf: one rule for text and ID fields', () => {
	it.each([
		['text, trimmed', '  A lamp ', 'A lamp'],
		['null', null, ''],
		['undefined', undefined, ''],
		['a safe integer', 549755885175, '549755885175'],
		['the largest safe integer', Number.MAX_SAFE_INTEGER, '9007199254740991'],
		['a decimal', 12.5, '12.5'],
		['a negative safe integer', -42, '-42'],
	])('accepts %s', (_label, value, text) => {
		expect(textOf(value)).toEqual({ ok: true, text });
	});

	it.each([
		['true', true, 'must be text, got a boolean'],
		['false', false, 'must be text, got a boolean'],
		['an object', { a: 1 }, 'must be text, got an object'],
		['a list', ['a'], 'must be text, got a list'],
		['NaN', Number.NaN, 'must be text, got the number NaN'],
		['Infinity', Number.POSITIVE_INFINITY, 'must be text, got the number Infinity'],
		['2^53', 2 ** 53, 'the number 9007199254740992 is beyond 2^53'],
		[
			'a JSON number of 19 digits',
			JSON.parse('1125899906842624123') as number,
			'the number 1125899906842624100 is beyond 2^53',
		],
	])('refuses %s', (_label, value, rule) => {
		const result = textOf(value);
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.rule).toContain(rule);
	});

	it('tells to pass an ID as text', () => {
		const result = textOf(2 ** 60, 'id');
		expect(result.ok ? '' : result.rule).toContain('Pass the ID as text');
	});
});

describe('sameUrl: URLs compared as a URL-typed service stores them', () => {
	it.each([
		['host case', 'https://N8N.Example.com/webhook/abc', 'https://n8n.example.com/webhook/abc'],
		['scheme case', 'HTTPS://n8n.example.com/webhook/abc', 'https://n8n.example.com/webhook/abc'],
		['default https port', 'https://n8n.example.com:443/webhook/abc', 'https://n8n.example.com/webhook/abc'],
		['default http port', 'http://n8n.example.com:80/webhook/abc', 'http://n8n.example.com/webhook/abc'],
		['empty path', 'https://n8n.example.com', 'https://n8n.example.com/'],
		['all at once (issue 13)', 'https://N8N.Example.com:443/webhook/abc', 'https://n8n.example.com/webhook/abc'],
		['surrounding spaces', ' https://n8n.example.com/x ', 'https://n8n.example.com/x'],
	])('the same: %s', (_label, a, b) => {
		expect(sameUrl(a, b)).toBe(true);
		expect(sameUrl(b, a)).toBe(true);
	});

	it.each([
		['another path', 'https://n8n.example.com/webhook/abc', 'https://n8n.example.com/webhook/abd'],
		[
			'a trailing slash on a non-empty path',
			'https://n8n.example.com/webhook/abc',
			'https://n8n.example.com/webhook/abc/',
		],
		['path case', 'https://n8n.example.com/webhook/ABC', 'https://n8n.example.com/webhook/abc'],
		['a non-default port', 'https://n8n.example.com:8443/webhook/abc', 'https://n8n.example.com/webhook/abc'],
		['another scheme', 'http://n8n.example.com/webhook/abc', 'https://n8n.example.com/webhook/abc'],
		['another query', 'https://n8n.example.com/webhook/abc?a=1', 'https://n8n.example.com/webhook/abc?a=2'],
		['not a string', 'https://n8n.example.com/x', undefined],
	])('different: %s', (_label, a, b) => {
		expect(sameUrl(a, b)).toBe(false);
	});

	it('keeps text that is no URL as it is', () => {
		expect(normalizedUrl(' not a url ')).toBe('not a url');
	});
});
