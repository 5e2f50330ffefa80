// Pin → Validate: a `rate_paced` check (contract §9.3) is a warning that keeps the Pin valid, said in words.
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_BASE_URL } from '../../harness/runWorkflow';
import { publishParameters } from './fixtures';

useNock();

it('Validate: rate_paced with only its name is a warning with its meaning, and the Pin stays valid', async () => {
	const scope = nock(TEST_BASE_URL)
		.post('/v1/pins/validate')
		.reply(200, { valid: true, dry_run: true, checks: [{ name: 'account', status: 'passed' }, { name: 'rate_paced', status: 'warning' }] });
	const { items, error } = await runPinBridgeNode({ parameters: publishParameters({ operation: 'validate' }) });
	expect(error).toBeUndefined();
	scope.done();
	expect(items[0].json).toMatchObject({
		valid: true,
		summary: 'Valid: PinBridge would accept it (1 warning)',
		failedChecks: [],
		warnings: ['rate_paced: the Pin would wait for Pinterest’s rate limit before publishing; nothing to fix, it publishes later.'],
	});
});
