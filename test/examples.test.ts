/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// The example workflows people import (test/e2e/workflows/*.json) only name what the nodes really have: every
// PinBridge node (action, its AI-tool variant, trigger) uses an existing resource and operation, and every parameter
// it sets is one the node shows for them. n8n imports a misspelt operation without complaint and then sends nothing
// useful, so this is checked here rather than discovered in the editor.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { NodeHelpers, type INodeParameters, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { PinBridgeSuite } from '../nodes/PinBridgeSuite/PinBridgeSuite.node';
import { PinBridgeSuiteTrigger } from '../nodes/PinBridgeSuiteTrigger/PinBridgeSuiteTrigger.node';
import { exampleWorkflowFiles, PACKAGE_NODE_PREFIX } from './e2e/n8n/workflows';
import type { WorkflowJson } from './e2e/n8n/client';

const descriptions: Record<string, INodeTypeDescription> = {
	pinBridgeSuite: new PinBridgeSuite().description,
	pinBridgeSuiteTool: new PinBridgeSuite().description,
	pinBridgeSuiteTrigger: new PinBridgeSuiteTrigger().description,
};
// n8n adds these to every tool variant of a node (its tool-generation code).
const TOOL_PARAMETERS = ['descriptionType', 'toolDescription'];

function optionValues(property: INodeProperties | undefined): string[] {
	return (property?.options ?? []).map((option) => String((option as { value: unknown }).value));
}

/** The names of the properties n8n shows for these parameter values (display options applied). */
function shownProperties(description: INodeTypeDescription, parameters: INodeParameters): Set<string> {
	const node = { parameters, typeVersion: 1 } as never;
	return new Set(
		description.properties
			.filter((property) => NodeHelpers.displayParameter(parameters, property, node, description))
			.map((property) => property.name),
	);
}

const examples = exampleWorkflowFiles().map((file) => ({
	name: path.basename(file),
	workflow: JSON.parse(readFileSync(file, 'utf8')) as WorkflowJson,
}));

describe('example workflows', () => {
	it('are there, each with at least one PinBridge node', () => {
		expect(examples.length).toBeGreaterThanOrEqual(4);
		for (const { workflow } of examples) {
			expect(workflow.nodes.some((node) => node.type.startsWith(PACKAGE_NODE_PREFIX))).toBe(true);
		}
	});

	describe.each(examples)('$name', ({ workflow }) => {
		const pinBridgeNodes = workflow.nodes.filter((node) => node.type.startsWith(PACKAGE_NODE_PREFIX));

		it.each(pinBridgeNodes.map((node) => [node.name, node] as const))(
			'%s: resource, operation and every parameter exist on the node',
			(_name, node) => {
				const typeName = node.type.slice(PACKAGE_NODE_PREFIX.length);
				const description = descriptions[typeName];
				expect(description).toBeDefined();
				const parameters = node.parameters as INodeParameters;
				const byName = (name: string) => description.properties.find((property) => property.name === name);
				if (typeName !== 'pinBridgeSuiteTrigger') {
					expect(optionValues(byName('resource'))).toContain(parameters.resource);
					const operations = description.properties.filter(
						(property) =>
							property.name === 'operation' &&
							(property.displayOptions?.show?.resource ?? []).includes(parameters.resource as string),
					);
					expect(operations.flatMap(optionValues)).toContain(parameters.operation);
				}
				const shown = shownProperties(description, parameters);
				const unknown = Object.keys(parameters).filter(
					(name) => !shown.has(name) && !(typeName.endsWith('Tool') && TOOL_PARAMETERS.includes(name)),
				);
				expect(unknown).toEqual([]);
			},
		);
	});
});
