/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// One operation, one file that sends it, one folder of tests (issue 22), for every operation in the node's
// description: its definition (Operation-list entry, request, steps) is in
// nodes/PinBridgeSuite/resources/<resource>/<operation>.ts and in no other file of that folder, and a test file under
// test/nodes/<resource>/ runs it (`operation: '<value>'` in the parameters it gives the node). An operation added
// without its file or without a test fails here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodePropertyOptions } from 'n8n-workflow';

import { PinBridgeSuite } from '../../nodes/PinBridgeSuite/PinBridgeSuite.node';
import type { OperationDefinition } from '../../nodes/PinBridgeSuite/resources/operation';

const ROOT = path.resolve(__dirname, '../..');
const RESOURCES_DIR = 'nodes/PinBridgeSuite/resources';
const NODE_TESTS_DIR = 'test/nodes';

/**
 * The one exception to "the file is named after the operation's value": n8n's value for Get Many is `getAll` (its
 * convention, kept so workflows and AI tools see n8n's usual names); its file is named after what the user sees.
 */
const FILE_NAME_OF: Record<string, string> = { getAll: 'getMany' };

const description = new PinBridgeSuite().description;
const optionsOf = (name: string, resource?: string) =>
	description.properties
		.filter((property) => property.name === name)
		.filter((property) => !resource || (property.displayOptions?.show?.resource ?? []).includes(resource))
		.flatMap((property) => property.options as INodePropertyOptions[]);

const resources = optionsOf('resource').map((option) => String(option.value));
const operations = resources.flatMap((resource) =>
	optionsOf('operation', resource).map((option) => ({
		resource,
		operation: String(option.value),
		file: `${RESOURCES_DIR}/${resource}/${FILE_NAME_OF[String(option.value)] ?? option.value}.ts`,
		option,
	})),
);

const isDefinition = (value: unknown): value is OperationDefinition =>
	typeof value === 'object' && value !== null && 'option' in value && 'fields' in value;

/** The operation values a source file defines (its exported OperationDefinitions). */
async function definedIn(file: string): Promise<OperationDefinition[]> {
	const module: Record<string, unknown> = await import(path.join(ROOT, file.replace(/\.ts$/, '')));
	return Object.values(module).filter(isDefinition);
}

/** The test files under test/nodes/<resource>/ (any depth) that give the node `operation: '<value>'`. */
function testsRunning(resource: string, operation: string): string[] {
	const dir = path.join(ROOT, NODE_TESTS_DIR, resource);
	if (!existsSync(dir)) return [];
	const mention = new RegExp(`operation:\\s*['"]${operation}['"]`);
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.test.ts'))
		.filter((file) => mention.test(readFileSync(path.join(dir, file), 'utf8')));
}

test('the description lists operations for every resource (the checks below are not vacuous)', () => {
	expect(resources.length).toBeGreaterThan(10);
	for (const resource of resources) expect(optionsOf('operation', resource).length).toBeGreaterThan(0);
});

describe.each(operations)('$resource → $operation', ({ resource, operation, file, option }) => {
	it(`is sent from ${file}: the file defines it, with the request the node makes`, async () => {
		expect({ file, exists: existsSync(path.join(ROOT, file)) }).toEqual({ file, exists: true });
		const definitions = await definedIn(file);
		expect(definitions.map((definition) => definition.option.value)).toEqual([operation]);
		const [definition] = definitions;
		expect(definition.option.name).toBe(option.name);
		expect(definition.option.routing?.request).toEqual(option.routing?.request);
	});

	it(`has a test under ${NODE_TESTS_DIR}/${resource}/ that runs it`, () => {
		expect({ operation, testFiles: testsRunning(resource, operation) }).toEqual({
			operation,
			testFiles: expect.arrayContaining([expect.any(String)]),
		});
	});
});

describe.each(resources)('resource %s', (resource) => {
	it('defines each operation in one file only', async () => {
		const dir = path.join(ROOT, RESOURCES_DIR, resource);
		const files = readdirSync(dir).filter((file) => file.endsWith('.ts'));
		const definedBy: Record<string, string[]> = {};
		for (const file of files) {
			for (const definition of await definedIn(`${RESOURCES_DIR}/${resource}/${file}`)) {
				(definedBy[definition.option.value] ??= []).push(file);
			}
		}
		const expected = Object.fromEntries(
			operations
				.filter((entry) => entry.resource === resource)
				.map((entry) => [entry.operation, [path.basename(entry.file)]]),
		);
		expect(definedBy).toEqual(expected);
	});
});

test('test/nodes holds one folder per resource, and at its top only tests that cross resources', () => {
	const entries = readdirSync(path.join(ROOT, NODE_TESTS_DIR), { withFileTypes: true });
	const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
	expect([...folders].sort()).toEqual([...resources].sort());
	const namedAfterAResource = entries
		.filter((entry) => entry.isFile())
		.map((entry) => entry.name)
		.filter((name) => resources.includes(name.split('.')[0]));
	expect(namedAfterAResource).toEqual([]);
});
