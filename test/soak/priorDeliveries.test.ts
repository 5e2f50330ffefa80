import { parsePriorDeliveries, priorDeliveryIds } from './priorDeliveries';

describe('soak: the delivery table as earlier deliveries left it', () => {
	it('reads SOAK_PRIOR_DELIVERIES as a whole number of rows, 0 when unset, and names the variable when it is not one', () => {
		expect(parsePriorDeliveries(undefined)).toBe(0);
		expect(parsePriorDeliveries('')).toBe(0);
		expect(parsePriorDeliveries('10000')).toBe(10_000);
		for (const bad of ['-1', '1.5', 'ten', '1e400']) {
			expect(() => parsePriorDeliveries(bad)).toThrow(/SOAK_PRIOR_DELIVERIES must be a whole number of rows, 0 or more/);
		}
	});

	it('gives distinct delivery ids in the UUID v4 shape of the emulator’s, the same on every run', () => {
		const ids = priorDeliveryIds(10_000);
		expect(ids).toHaveLength(10_000);
		expect(new Set(ids).size).toBe(10_000);
		const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
		expect(ids.filter((id) => !uuidV4.test(id))).toEqual([]);
		expect(priorDeliveryIds(3)).toEqual(ids.slice(0, 3));
	});
});
