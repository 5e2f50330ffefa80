// itemContexts(): a custom operation's items as the per-item code sees them. A parameter without an expression is
// read from n8n once per execution; one with an expression (anywhere inside it) for every item.
import type { IExecuteFunctions, INodeParameters } from 'n8n-workflow';

import { itemContexts } from '../../nodes/PinBridgeSuite/shared/itemContext';

function fakeExecution(parameters: INodeParameters, items: number) {
	const reads: Array<[string, number]> = [];
	const exec = {
		getNode: () => ({ parameters }),
		getInputData: () => Array.from({ length: items }, (_, i) => ({ json: { i } })),
		getNodeParameter: (name: string, itemIndex: number) => {
			reads.push([name, itemIndex]);
			return `${name}@${itemIndex}`;
		},
	} as unknown as IExecuteFunctions;
	return { contextOf: itemContexts(exec), reads };
}

describe('itemContexts', () => {
	it('reads a parameter without an expression once, one with an expression per item', () => {
		const { contextOf, reads } = fakeExecution(
			{
				title: '={{ $json.title }}',
				board: { __rl: true, mode: 'id', value: '549755885175' },
				account: { __rl: true, mode: 'id', value: '={{ $json.account }}' },
			},
			3,
		);
		const values = [0, 1, 2].map((i) => {
			const ctx = contextOf(i);
			return [ctx.getNodeParameter('title'), ctx.getNodeParameter('board'), ctx.getNodeParameter('account')];
		});
		expect(values).toEqual([
			['title@0', 'board@0', 'account@0'],
			['title@1', 'board@0', 'account@1'],
			['title@2', 'board@0', 'account@2'],
		]);
		expect(reads.filter(([name]) => name === 'board')).toEqual([['board', 0]]);
		expect(reads.filter(([name]) => name === 'title')).toHaveLength(3);
	});

	it('each item sees its own input item and index', () => {
		const { contextOf } = fakeExecution({}, 2);
		expect(contextOf(1).getInputData()).toEqual({ json: { i: 1 } });
		expect(contextOf(1).getItemIndex()).toBe(1);
	});
});
