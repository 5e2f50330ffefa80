// The one place that makes every operation routable (nodes/PinBridgeSuite/shared/routedItem.ts): each operation's own
// routing hands the request n8n built to the operation's routed send (send.paginate + operations.pagination, the only
// way n8n's RoutingNode hands a built request to node code), no preSend is left for n8n to run outside that send, and
// the node declares nothing that changes how every request is sent (no node-wide requestOperations, no hidden
// parameter with routing).
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { PinBridgeSuite } from '../../nodes/PinBridgeSuite/PinBridgeSuite.node';
import { routedOption } from '../../nodes/PinBridgeSuite/shared/routedItem';

const { description } = new PinBridgeSuite();

/** Every property and option of the description, nested ones included. */
function walk(properties: Array<INodeProperties | INodePropertyOptions>): Array<INodeProperties | INodePropertyOptions> {
	return properties.flatMap((property) => {
		const nested = 'options' in property && Array.isArray(property.options) ? property.options : [];
		const values = nested.flatMap((option) =>
			'values' in option && Array.isArray(option.values) ? option.values : [option],
		) as Array<INodeProperties | INodePropertyOptions>;
		return [property, ...walk(values)];
	});
}

const operationSelectors = description.properties.filter((property) => property.name === 'operation');
const operations = operationSelectors.flatMap((selector) => (selector.options ?? []) as INodePropertyOptions[]);

describe('every operation is sent by its routed send', () => {
	it('has operations to check', () => {
		expect(operations.length).toBeGreaterThan(40);
	});

	it.each(operations.map((option) => [`${option.name} (${String(option.value)})`, option]))(
		'%s: its routing hands the built request to its own send',
		(_name, option) => {
			const routing = (option as INodePropertyOptions).routing;
			expect(routing?.send?.paginate).toBe(true);
			expect(typeof routing?.operations?.pagination).toBe('function');
			expect(routing?.request?.url).toEqual(expect.any(String));
		},
	);

	it('no property or option of the node carries a preSend, nor a routing that sends every request differently', () => {
		const withPreSend = walk(description.properties).filter((property) => property.routing?.send?.preSend?.length);
		expect(withPreSend.map((property) => property.name)).toEqual([]);
		const hidden = description.properties.filter((property) => property.type === 'hidden' && property.routing);
		expect(hidden.map((property) => property.name)).toEqual([]);
		expect(description.requestOperations).toBeUndefined();
	});
});

describe('routedOption refuses what its send would not run', () => {
	const base = { name: 'Get', value: 'get', routing: { request: { method: 'GET' as const, url: '/v1/x' } } };

	it('a preSend left in the routing (n8n would run it outside the send, before anything could pair its failure)', () => {
		const option = { ...base, routing: { ...base.routing, send: { preSend: [async () => ({ url: '' })] } } };
		expect(() => routedOption(option, {})).toThrow("put its preSend functions in the definition's prepare steps");
	});

	it('a postReceive beside an own send (that send shapes its output)', () => {
		const option = { ...base, routing: { ...base.routing, output: { postReceive: [async () => []] } } };
		expect(() => routedOption(option, { send: async () => [] })).toThrow('it shapes its output there');
	});

	it('a pagination function of the operation’s own', () => {
		const option = { ...base, routing: { ...base.routing, operations: { pagination: async () => [] } } };
		expect(() => routedOption(option, {})).toThrow('its pagination function is the routed send');
	});
});
