/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Add to Queue as n8n users look for it: "queue" in the nodes panel search, the action under Schedule, its subtitle.
import { readFileSync } from 'fs';
import path from 'path';

import { PinBridgeSuite } from '../../../nodes/PinBridgeSuite/PinBridgeSuite.node';

const description = new PinBridgeSuite().description;
const codex = JSON.parse(readFileSync(path.join(__dirname, '../../../nodes/PinBridgeSuite/PinBridgeSuite.node.json'), 'utf8')) as {
	alias: string[];
};

describe('Schedule → Add to Queue in the editor', () => {
	it('is found by typing "queue" or "posting queue" in the nodes panel', () => {
		const aliases = codex.alias.map((alias) => alias.toLowerCase());
		expect(aliases).toEqual(expect.arrayContaining(['queue', 'posting queue']));
	});

	it('is a Schedule action, named as users say it, run as a custom operation in workflows', () => {
		const operation = description.properties.find(
			(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.[0] === 'schedule',
		);
		const option = (operation?.options as Array<{ name: string; value: string; action: string }>).find((o) => o.value === 'addToQueue');
		expect(option).toMatchObject({ name: 'Add to Queue', action: 'Add a Pin to the posting queue' });
		expect(typeof new PinBridgeSuite().customOperations.schedule.addToQueue).toBe('function');
	});

	it('shows the plan right after the board, then the Pin content; options last', () => {
		const names = description.properties
			.filter((property) => property.displayOptions?.show?.operation?.[0] === 'addToQueue')
			.map((property) => property.name);
		expect(names.slice(names.indexOf('board'), names.indexOf('board') + 4)).toEqual(['board', 'postingTimes', 'pinsPerSlot', 'countPer']);
		expect(names[names.length - 1]).toBe('queueOptions');
	});
});
