// Paired items on "Continue (using error output)" (issue 12): 3 items, the middle one fails, and the nodes after
// both outputs look up their item's source with `$('Items').item` — what n8n users do, and what failed with
// "Paired item data … is unavailable" when the error item came out of PinBridge unpaired.
import type { IConnections, IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeType } from 'n8n-workflow';

import { nock, useNock } from '../harness/nock';
import { ACTION_NODE_TYPE, ITEMS_NODE_TYPE } from '../harness/nodeTypes';
import { defaultCredentials, runWorkflow, TEST_API_KEY, TEST_BASE_URL } from '../harness/runWorkflow';
import { PIN_ID, pinResponse, publishParameters } from './pin/fixtures';
import { createParameters, useTestClock } from './schedule/fixtures';

useNock();
useTestClock();

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });

/** A node that outputs, per input item, the value of its `source` parameter (an expression) and the item's error. */
const lookupNode: INodeType = {
	description: {
		displayName: 'Look Up Source',
		name: 'lookUpSource',
		group: ['transform'],
		version: 1,
		description: 'Evaluates `source` for every item',
		defaults: { name: 'Look Up Source' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Source', name: 'source', type: 'string', default: '' }],
	},
	async execute(this: IExecuteFunctions) {
		return [
			this.getInputData().map((item, itemIndex) => ({
				json: { source: this.getNodeParameter('source', itemIndex) as string, error: item.json.error },
				pairedItem: { item: itemIndex },
			})),
		];
	},
};

const node = (name: string, type: string, parameters: INode['parameters'], extra: Partial<INode> = {}): INode => ({
	id: name,
	name,
	type,
	typeVersion: 1,
	position: [0, 0],
	parameters,
	...extra,
});

/** Items → PinBridge (error output on) → "Published" (success output) and "Failed" (error output). */
async function runWithErrorOutput(parameters: INode['parameters'], items: INodeExecutionData[]) {
	const source = { source: "={{ $('Items').item.json.sku }}" };
	const nodes = [
		node('Items', ITEMS_NODE_TYPE, {}),
		node('PinBridge', ACTION_NODE_TYPE, parameters, {
			onError: 'continueErrorOutput',
			credentials: { pinBridgeSuiteApi: { id: 'cred-1', name: 'PinBridge test credential' } },
		}),
		node('Published', 'test.lookUpSource', source),
		node('Failed', 'test.lookUpSource', source),
	];
	const connections: IConnections = {
		Items: { main: [[{ node: 'PinBridge', type: 'main', index: 0 }]] },
		PinBridge: {
			main: [[{ node: 'Published', type: 'main', index: 0 }], [{ node: 'Failed', type: 'main', index: 0 }]],
		},
	};
	const result = await runWorkflow({
		nodes,
		connections,
		items,
		credentials: defaultCredentials(),
		extraNodeTypes: { 'test.lookUpSource': lookupNode },
		outputNode: 'PinBridge',
	});
	const outputOf = (name: string) => result.run.data.resultData.runData[name]?.[0]?.data?.main?.[0] ?? [];
	return { error: result.error, published: outputOf('Published'), failed: outputOf('Failed') };
}

/** The looked-up source of a failed item, its error's message and HTTP status (errorItem.ts: the facts under `error`). */
const sourceAndError = (item: INodeExecutionData) => {
	const { message, httpCode } = item.json.error as IDataObject;
	return [item.json.source, message, httpCode];
};

describe('Continue (using error output): failed items stay paired', () => {
	it('Pin → Publish: the bad middle item goes to the error output, paired; the lookups after both outputs work', async () => {
		const scope = api()
			.post('/v1/pins', (body: { title: string }) => body.title === 'First')
			.reply(201, pinResponse({ title: 'First' }))
			.post('/v1/pins', (body: { title: string }) => body.title === 'Third')
			.reply(201, pinResponse({ title: 'Third' }));
		const { error, published, failed } = await runWithErrorOutput(
			publishParameters({ title: '={{ $json.title }}', link: '={{ $json.link }}' }),
			[
				{ json: { sku: 'A-1', title: 'First', link: 'https://shop.example.com/1' } },
				{ json: { sku: 'B-2', title: 'Second', link: 'ftp://shop.example.com/2' } },
				{ json: { sku: 'C-3', title: 'Third', link: 'https://shop.example.com/3' } },
			],
		);
		expect(error).toBeUndefined();
		scope.done();
		expect(published.map((item) => item.json.source)).toEqual(['A-1', 'C-3']);
		expect(failed.map(sourceAndError)).toEqual([
			['B-2', 'Link: must be an http:// or https:// URL, got "ftp://shop.example.com/2"', null],
		]);
	});

	it('Pin → Get (routed): a bad ID (refused before sending) and a 404 both go to the error output, paired', async () => {
		const other = 'aaaaaaaa-4d5a-4b6c-8d7e-0f1a2b3c4d5e';
		const scope = api()
			.get(`/v1/pins/${PIN_ID}`)
			.reply(200, pinResponse())
			.get(`/v1/pins/${other}`)
			.reply(404, { detail: 'Pin not found' });
		const { error, published, failed } = await runWithErrorOutput(
			{ resource: 'pin', operation: 'get', pinId: '={{ $json.pinId }}' },
			[
				{ json: { sku: 'A-1', pinId: PIN_ID } },
				{ json: { sku: 'B-2', pinId: 'not an id' } },
				{ json: { sku: 'C-3', pinId: other } },
			],
		);
		expect(error).toBeUndefined();
		scope.done();
		expect(published.map((item) => item.json.source)).toEqual(['A-1']);
		expect(failed.map(sourceAndError)).toEqual([
			['B-2', 'Pin ID: must not contain spaces', null],
			['C-3', 'Pin not found', '404'],
		]);
	});

	it('Schedule → Create (custom operation): a Run At in the past goes to the error output, paired', async () => {
		const scope = api()
			// the one listing before creating covers the two items that passed their checks (1 and 2 December)
			.get('/v1/schedules')
			.query((query) => query.since === '2026-12-01T08:59:59.000Z' && query.until === '2026-12-02T09:00:01.000Z')
			.reply(200, [])
			.post('/v1/schedules', (body: { title: string }) => body.title === 'First')
			.reply(201, { id: 'schedule-1', status: 'scheduled', title: 'First' })
			.post('/v1/schedules', (body: { title: string }) => body.title === 'Third')
			.reply(201, { id: 'schedule-3', status: 'scheduled', title: 'Third' });
		const { error, published, failed } = await runWithErrorOutput(
			createParameters({ title: '={{ $json.title }}', runAt: '={{ $json.runAt }}' }),
			[
				{ json: { sku: 'A-1', title: 'First', runAt: '2026-12-01T09:00:00Z' } },
				{ json: { sku: 'B-2', title: 'Second', runAt: '2020-01-01T09:00:00Z' } },
				{ json: { sku: 'C-3', title: 'Third', runAt: '2026-12-02T09:00:00Z' } },
			],
		);
		expect(error).toBeUndefined();
		scope.done();
		expect(published.map((item) => item.json.source)).toEqual(['A-1', 'C-3']);
		expect(failed.map((item) => item.json.source)).toEqual(['B-2']);
		expect(failed.map(sourceAndError)).toEqual([['B-2', expect.stringMatching(/^Run At: /), null]]);
	});
});
