/**
 * The fault suite (issue 7): real n8n against the emulator's fault injection, every check asserting exact counts at
 * the emulator. One emulator and two n8n instances (fixture.ts): the main one for publish and schedules, the trigger's
 * own for the trigger checks. The checks run in this order, and the secrets scan last, over everything the others
 * left behind on both instances.
 *   npx jest --config test/e2e/jest.config.js --runInBand test/e2e/faults
 */
import { useFaultSuite } from './fixture';
import { publishFaults } from './publish-faults';
import { scheduleFaults } from './schedule-faults';
import { secretsScan } from './secrets-scan';
import { triggerFaults } from './trigger-faults';

describe('fault suite (real n8n, emulator faults)', () => {
	const suite = useFaultSuite();
	describe('Pin Publish', () => publishFaults(suite));
	describe('Schedule Create', () => scheduleFaults(suite));
	describe('PinBridge Trigger', () => triggerFaults(suite));
	describe('secrets', () => secretsScan(suite));
});
