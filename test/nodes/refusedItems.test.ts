// A refused item sends nothing, and the other items go on, paired (issue 22): three items, the middle one breaks a
// rule the node checks before sending; with "Continue" (regular output) and with "Continue (using error output)";
// for routed operations (Pin → Get, Pin → Update) and the bulk ones (Publish, Publish Batch, Schedule Create, which
// run as custom operations in a workflow); in a workflow and as an AI agent's tool (n8n runs a tool only through
// the routing). Every request that reaches "PinBridge" is recorded: the refused item's must never be among them.
import type { IDataObject, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runAsTool } from '../harness/aiTool';
import { nock, useNock } from '../harness/nock';
import { runPinBridgeNode, TEST_BASE_URL } from '../harness/runWorkflow';
import { NOT_FROM_PINBRIDGE, PIN_ID, pinResponse, publishParameters } from './pin/fixtures';
import { createParameters, useTestClock } from './schedule/fixtures';

useNock();
useTestClock();

const TOO_LONG = 'x'.repeat(101);
const TITLE_RULE = 'Title: must be at most 100 characters (it has 101)';

/** What each request carried that names its item: a title (or, for Pin → Get, the Pin ID in the path). */
let sent: string[] = [];

beforeEach(() => {
	sent = [];
	const titleOf = (body: unknown) => String((body as IDataObject).title);
	nock(TEST_BASE_URL)
		.persist()
		.post('/v1/pins')
		.reply(201, (_uri, body) => (sent.push(titleOf(body)), pinResponse({ title: titleOf(body) })))
		.post('/v1/pins/batch')
		.reply(200, (_uri, body) => {
			const pins = (body as { pins: IDataObject[] }).pins;
			sent.push(...pins.map(titleOf));
			return { results: pins.map((pin, index) => ({ index, status: 'created', pin: pinResponse({ title: pin.title }) })) };
		})
		.get('/v1/schedules') // Schedule → Create's listing before it creates: nothing scheduled yet
		.query(true)
		.reply(200, [])
		.post('/v1/schedules')
		.reply(201, (_uri, body) => (sent.push(titleOf(body)), { id: 'schedule-1', status: 'scheduled', ...(body as IDataObject) }))
		.patch(`/v1/pins/${PIN_ID}`)
		.reply(200, (_uri, body) => (sent.push(titleOf(body)), pinResponse({ title: titleOf(body) })))
		.get(/^\/v1\/pins\/[^/]+$/)
		.reply(200, (uri) => {
			const id = decodeURIComponent(uri.split('/').pop() ?? '');
			sent.push(id);
			return pinResponse({ id, title: id });
		});
});

interface Case {
	name: string;
	/** The node's parameters; `value` is where each item's title (or ID) goes. */
	parameters: (value: string) => INodeParameters;
	/** The three items' titles (or IDs); the middle one is refused with `rule`. */
	values: [string, string, string];
	rule: string;
}

const CASES: Case[] = [
	{
		name: 'Pin → Get (routed)',
		parameters: (value) => ({ resource: 'pin', operation: 'get', pinId: value }),
		values: ['pin_first', 'not an id', 'pin_third'],
		rule: 'Pin ID: must not contain spaces',
	},
	{
		name: 'Pin → Update (routed, body built by its checks)',
		parameters: (value) => ({ resource: 'pin', operation: 'update', pinId: PIN_ID, updateFields: { title: value } }),
		values: ['First', TOO_LONG, 'Third'],
		rule: TITLE_RULE,
	},
	{
		name: 'Pin → Publish',
		parameters: (value) => publishParameters({ title: value }),
		values: ['First', TOO_LONG, 'Third'],
		rule: TITLE_RULE,
	},
	{
		name: 'Pin → Publish Batch',
		parameters: (value) => publishParameters({ operation: 'publishBatch', title: value }),
		values: ['First', TOO_LONG, 'Third'],
		rule: TITLE_RULE,
	},
	{
		name: 'Schedule → Create',
		parameters: (value) => createParameters({ title: value }),
		values: ['First', TOO_LONG, 'Third'],
		rule: TITLE_RULE,
	},
];

/** What names an output item: its title (for Pin → Get, its id, which is also its title). */
const nameOf = (item: INodeExecutionData) => item.json.title;

const MODES: Array<INode['onError']> = ['continueRegularOutput', 'continueErrorOutput'];

describe.each(CASES)('$name: a refused item is not sent, the others go on', ({ parameters, values, rule }) => {
	const [first, , third] = values;

	it.each(MODES)('in a workflow, onError %s: paired, on the right output', async (onError) => {
		const { run, error } = await runPinBridgeNode({
			parameters: parameters('={{ $json.value }}'),
			items: values.map((value) => ({ json: { value } })),
			nodeSettings: { onError },
		});
		expect(error).toBeUndefined();
		expect(sent.sort()).toEqual([first, third].sort());
		const [success = [], failure = []] = run.data.resultData.runData.PinBridge[0].data!.main;
		if (onError === 'continueErrorOutput') {
			expect(success.map((item) => [nameOf(item), item.pairedItem])).toEqual([
				[first, { item: 0 }],
				[third, { item: 2 }],
			]);
			// The facts under `error`, and the input item's fields beside it (n8n adds them on the error output).
			expect(failure).toEqual([
				{
					json: { value: values[1], error: { message: rule, ...NOT_FROM_PINBRIDGE } },
					pairedItem: { item: 1 },
				},
			]);
		} else {
			const failed = { json: { error: rule, ...NOT_FROM_PINBRIDGE }, pairedItem: { item: 1 } };
			expect(success).toHaveLength(3);
			expect([nameOf(success[0]), success[0].pairedItem]).toEqual([first, { item: 0 }]);
			expect(success[1]).toEqual(failed);
			expect([nameOf(success[2]), success[2].pairedItem]).toEqual([third, { item: 2 }]);
		}
	});

	it.each(MODES)('as an AI tool, onError %s: the refused call answers its error, the others their result', async (onError) => {
		const { items, error } = await runAsTool({
			parameters: parameters("={{ $fromAI('value', 'the title', 'string') }}"),
			calls: values.map((value) => ({ value })),
			nodeSettings: { onError },
		});
		expect(error).toBeUndefined();
		expect(sent.sort()).toEqual([first, third].sort());
		const answers = items.map((item) => item.json.answer as IDataObject[]);
		expect(answers.map((answer) => answer.map((json) => json.title))).toEqual([[first], [undefined], [third]]);
		// The tool answers the failed item as the node outputs it: the facts beside `error`, or under it on the error output.
		const failure =
			onError === 'continueErrorOutput'
				? { error: { message: rule, ...NOT_FROM_PINBRIDGE } }
				: { error: rule, ...NOT_FROM_PINBRIDGE };
		expect(answers[1]).toEqual([failure]);
	});
});
