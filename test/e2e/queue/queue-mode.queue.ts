/**
 * The queue-mode suite (issue 11): real n8n 2.41.1 as main + worker + webhook processor on Postgres and Redis
 * (fixture.ts), against the emulator, every check asserting exact counts. Run: `npm run test:queue`.
 */
import { useQueueSuite } from './fixture';
import { queuePublish } from './queue-publish';
import { queueTrigger } from './queue-trigger';

describe('queue mode (real n8n main + worker + webhook processor, Postgres, Redis)', () => {
	const suite = useQueueSuite();
	describe('Pin Publish on the worker', () => queuePublish(suite));
	describe('PinBridge Trigger at the webhook processor and main', () => queueTrigger(suite));
});
