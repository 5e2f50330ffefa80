import { NodeApiError } from 'n8n-workflow';

import { pinBridgeRequest } from '../../nodes/shared/transport/request';
import { useFakeRuntime } from '../harness/fakeRuntime';
import { nock, useNock } from '../harness/nock';
import { TEST_BASE_URL } from '../harness/runWorkflow';
import { createTransportContext } from '../harness/transportContext';

useNock();
useFakeRuntime();

const api = () => nock(TEST_BASE_URL);
const ctx = () => createTransportContext({ parameters: {} });

async function failureOf(path: string, method: 'GET' | 'POST', status: number, body: object): Promise<NodeApiError> {
	const scope = api().intercept(path, method).reply(status, body);
	const error = await pinBridgeRequest(ctx(), { method, path, body: method === 'POST' ? { idempotency_key: 'k' } : undefined, settings: { maxAttempts: 1 } }).catch((e) => e as NodeApiError);
	scope.done();
	expect(error).toBeInstanceOf(NodeApiError);
	return error as NodeApiError;
}

describe('PinBridge error codes without a remediation of their own (contract §9.2, §9.3)', () => {
	it.each([
		['feature_unavailable', '/v1/pins/batch', 'batch publishing and imports (bulk_imports)', 'one Pin per request'],
		['feature_not_available', '/v1/pins/batch', 'batch publishing and imports (bulk_imports)', 'one Pin per request'],
		['payment_required', '/v1/assets/images', 'uploaded media (uploaded_media_assets)', 'public image URL'],
		['feature_unavailable', '/v1/pins', 'uploaded media (uploaded_media_assets)', 'public image URL'],
	])('%s on %s names the feature and the way without it, and is final', async (code, path, feature, without) => {
		const error = await failureOf(path, 'POST', 402, { error: { code, message: 'Not in your plan' } });
		expect(error.description).toContain(`does not include ${feature}`);
		expect(error.description).toContain(without);
		expect((error.errorResponse as { code?: string }).code).toBe(code);
	});

	it('payment_required outside uploads, imports and batch is a payment problem, not a feature', async () => {
		const error = await failureOf('/v1/pins', 'POST', 402, { detail: { error: { code: 'payment_required', message: 'Payment required' } } });
		expect(error.description).toContain('check billing in the PinBridge dashboard');
		expect(error.description).not.toContain('does not include');
	});

	it.each([
		['pinterest_unavailable', 503, 'about 30 seconds'],
		['credits_exhausted', 402, 'no credits left'],
		['account_revoked', 422, 'reconnect it'],
	])('%s gets what to do', async (code, status, advice) => {
		const error = await failureOf('/v1/pinterest/boards/1/access', 'GET', status, { error: { code, message: 'm' } });
		expect(error.description).toContain(advice);
	});

	it('PinBridge’s own remediation wins over the table', async () => {
		const error = await failureOf('/v1/pins/batch', 'POST', 402, {
			error: { code: 'feature_unavailable', message: 'm', remediation: 'Ask your admin.' },
		});
		expect(error.description).toContain('What to do: Ask your admin.');
		expect(error.description).not.toContain('bulk_imports');
	});
});
