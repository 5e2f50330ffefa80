/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// What a newcomer sees of the node in the editor (issue 23), read from the descriptions n8n loads and evaluated
// with n8n-workflow's own expression engine: the canvas subtitle, the nodes-panel search words (codex aliases) and
// action order, the Cover Image fields only for video media, and where the credential says to get a key.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { NodeHelpers, Workflow, type INode, type INodeParameters, type INodeProperties } from 'n8n-workflow';

import { PinBridgeSuiteApi } from '../../credentials/PinBridgeSuiteApi.credentials';
import { PinBridgeSuite } from '../../nodes/PinBridgeSuite/PinBridgeSuite.node';
import { useNock, nock } from '../harness/nock';
import { ACTION_NODE_TYPE, createNodeTypes } from '../harness/nodeTypes';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../harness/runWorkflow';
import { publishParameters, pinResponse } from './pin/fixtures';

useNock();

const description = new PinBridgeSuite().description;

/** The subtitle n8n's canvas shows for a node with these parameters (the editor's own call). */
function subtitleFor(parameters: INodeParameters): unknown {
	const node: INode = {
		id: '1',
		name: 'PinBridge',
		type: ACTION_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: createNodeTypes() });
	return workflow.expression.getSimpleParameterValue(node, description.subtitle, 'internal', {});
}

const operationLists = description.properties.filter((property) => property.name === 'operation');
const operationsOf = (resource: string) =>
	operationLists.find((property) => property.displayOptions?.show?.resource?.includes(resource))?.options as Array<{
		value: string;
		action?: string;
	}>;

describe('canvas subtitle', () => {
	it.each([
		['pin', 'publish', 'Publish a Pin'],
		['analytics', 'getSummary', 'Get a publishing summary'],
		['analytics', 'getTopPins', 'Get the top Pins'],
		['schedule', 'create', 'Create a schedule'],
	])('%s / %s reads "%s", not "operation: resource"', (resource, operation, expected) => {
		expect(subtitleFor({ resource, operation })).toBe(expected);
	});

	it('names every operation of every resource by its action', () => {
		const resources = (description.properties.find((p) => p.name === 'resource')?.options ?? []) as Array<{ value: string }>;
		let checked = 0;
		for (const { value: resource } of resources) {
			for (const option of operationsOf(resource)) {
				expect(subtitleFor({ resource, operation: option.value })).toBe(option.action);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(40);
	});
});

describe('nodes panel', () => {
	const codex = JSON.parse(
		readFileSync(path.join(__dirname, '../../nodes/PinBridgeSuite/PinBridgeSuite.node.json'), 'utf8'),
	) as { alias: string[] };

	it('is found by what a newcomer types: publish, publish pin, schedule pin, pinterest pin', () => {
		const aliases = codex.alias.map((alias) => alias.toLowerCase());
		for (const words of ['publish', 'publish pin', 'schedule pin', 'pinterest pin']) expect(aliases).toContain(words);
	});

	it('lists Publish a Pin first: Pin is the first resource, Publish its first action; then Schedule, Create first', () => {
		const resources = (description.properties.find((p) => p.name === 'resource')?.options ?? []) as Array<{ value: string }>;
		expect(resources.slice(0, 2).map((option) => option.value)).toEqual(['pin', 'schedule']);
		expect(operationsOf('pin')[0].action).toBe('Publish a Pin');
		expect(operationsOf('schedule')[0].action).toBe('Create a schedule');
	});
});

describe('Cover Image', () => {
	const shown = (parameters: INodeParameters) =>
		description.properties
			.filter((property: INodeProperties) =>
				NodeHelpers.displayParameter(parameters, property, { typeVersion: 1 } as never, description),
			)
			.map((property) => property.name);

	it.each(['imageUrl', 'imageAsset', 'imageBinary'])('is not shown for %s media', (mediaSource) => {
		const names = shown(publishParameters({ mediaSource, coverSource: 'url' }));
		expect(names).toContain('title');
		expect(names.filter((name) => name.startsWith('cover'))).toEqual([]);
	});

	it.each(['videoAsset', 'videoBinary'])('is shown for %s media, with the field the chosen cover needs', (mediaSource) => {
		expect(shown(publishParameters({ mediaSource, coverSource: 'url' })).filter((name) => name.startsWith('cover'))).toEqual(
			['coverSource', 'coverImageUrl'],
		);
	});

	it('a cover left from a video choice is not sent with an image Pin', async () => {
		let sent: Record<string, unknown> | undefined;
		nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } })
			.post('/v1/pins', (body: Record<string, unknown>) => ((sent = body), true))
			.reply(201, pinResponse());
		const { error } = await runPinBridgeNode({
			parameters: publishParameters({ coverSource: 'url', coverImageUrl: 'https://cdn.example.com/c.jpg' }),
		});
		expect(error).toBeUndefined();
		expect(sent).toBeDefined();
		expect(sent).not.toHaveProperty('cover_image_url');
	});
});

describe('credential', () => {
	it('the API Key field says, under the field, where to get a key', () => {
		const apiKey = new PinBridgeSuiteApi().properties.find((property) => property.name === 'apiKey');
		expect(apiKey?.hint).toMatch(/PinBridge dashboard → API keys/);
	});
});

describe('options a newcomer adds to ask for them are on once added (issue 23)', () => {
	const optionOf = (collection: string, option: string) => {
		const field = description.properties.find((property) => property.name === collection);
		return (field?.options as INodeProperties[] | undefined)?.find((entry) => entry.name === option);
	};

	it.each([
		['publishOptions', 'waitForPublish'],
		['createOptions', 'createEvenIfScheduled'],
	])('%s → %s: a boolean whose value when added is true', (collection, option) => {
		expect(optionOf(collection, option)).toMatchObject({ type: 'boolean', default: true });
	});
});
