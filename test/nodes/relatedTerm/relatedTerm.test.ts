import { transportRuntime } from '../../../nodes/shared/transport/request';
import { nock, useNock } from '../../harness/nock';
import { runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../../harness/runWorkflow';

useNock();

const ACCOUNT_ID = '3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b';
const PATH = '/v1/pinterest/terms/related';
const response = {
	id: 'b4a1a0f2-5d6e-4f70-8a9b-0c1d2e3f4a5b',
	related_term_count: 4,
	related_terms_list: [
		{ term: 'summer salad', related_terms: ['summer salad ideas', 'summer salad recipes'] },
		{ term: 'picnic', related_terms: ['picnic ideas', 'picnic aesthetic'] },
	],
	exact_match: false,
};
const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
const account = { __rl: true, mode: 'list', value: ACCOUNT_ID };

/** Intercepts the look-up and records the raw path, so the query's exact form can be asserted. */
function interceptRelatedTerms(paths: string[]) {
	return api().get((uri) => {
		if (!uri.startsWith(`${PATH}?`)) return false;
		paths.push(uri);
		return true;
	});
}

const realSleep = transportRuntime.sleep;
afterEach(() => {
	transportRuntime.sleep = realSleep;
});

describe('Related Term → Get Many', () => {
	it('sends the terms as repeated query parameters and outputs one item per term', async () => {
		const paths: string[] = [];
		const scope = interceptRelatedTerms(paths).reply(200, response);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'relatedTerm', operation: 'getAll', account, terms: ['summer salad', ' picnic '] },
		});
		expect(error).toBeUndefined();
		expect(paths).toEqual([
			`${PATH}?account_id=${ACCOUNT_ID}&terms=summer%20salad&terms=picnic&exact_match=false`,
		]);
		expect(items).toEqual([
			{ json: { ...response.related_terms_list[0], exact_match: false }, pairedItem: { item: 0 } },
			{ json: { ...response.related_terms_list[1], exact_match: false }, pairedItem: { item: 0 } },
		]);
		scope.done();
	});

	it('Whole Response outputs PinBridge’s object as returned; Exact Match is sent', async () => {
		const exact = {
			...response,
			related_term_count: 1,
			related_terms_list: [{ term: 'picnic', related_terms: ['picnic'] }],
			exact_match: true,
		};
		const paths: string[] = [];
		const scope = interceptRelatedTerms(paths).reply(200, exact);
		const { items, error } = await runPinBridgeNode({
			parameters: {
				resource: 'relatedTerm',
				operation: 'getAll',
				account,
				terms: ['picnic'],
				exactMatch: true,
				output: 'whole',
			},
		});
		expect(error).toBeUndefined();
		expect(paths).toEqual([`${PATH}?account_id=${ACCOUNT_ID}&terms=picnic&exact_match=true`]);
		expect(items).toEqual([{ json: exact, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('takes the terms of each item from an expression giving a list', async () => {
		const paths: string[] = [];
		const scope = interceptRelatedTerms(paths)
			.reply(200, response)
			.get((uri) => {
				if (!uri.startsWith(`${PATH}?`)) return false;
				paths.push(uri);
				return true;
			})
			.reply(200, { ...response, related_terms_list: [response.related_terms_list[1]] });
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'relatedTerm', operation: 'getAll', account, terms: ['={{ $json.keywords }}'] },
			items: [{ json: { keywords: ['summer salad', 'picnic', 'picnic'] } }, { json: { keywords: 'picnic' } }],
		});
		expect(error).toBeUndefined();
		expect(paths).toEqual([
			`${PATH}?account_id=${ACCOUNT_ID}&terms=summer%20salad&terms=picnic&exact_match=false`,
			`${PATH}?account_id=${ACCOUNT_ID}&terms=picnic&exact_match=false`,
		]);
		expect(items.map((item) => [item.json.term, item.pairedItem])).toEqual([
			['summer salad', { item: 0 }],
			['picnic', { item: 0 }],
			['picnic', { item: 1 }],
		]);
		scope.done();
	});

	it('refuses an empty term list without sending anything', async () => {
		const scope = api().get(/.*/).reply(200, response);
		const { error } = await runPinBridgeNode({
			parameters: { resource: 'relatedTerm', operation: 'getAll', account, terms: ['={{ $json.keywords }}'] },
			items: [{ json: { keywords: ['  ', ''] } }],
		});
		expect(error?.message).toBe('Terms: add at least one term');
		expect(scope.isDone()).toBe(false);
	});

	it('waits the retry_after_seconds of a 429 rate_limited, then retries (no real waiting)', async () => {
		const sleeps: number[] = [];
		transportRuntime.sleep = async (ms: number) => {
			sleeps.push(ms);
		};
		const paths: string[] = [];
		const scope = interceptRelatedTerms(paths)
			.reply(429, {
				error: {
					code: 'rate_limited',
					message: 'Pinterest read allowance exhausted',
					remediation: 'Retry after 7 seconds.',
					retry_after_seconds: 7,
				},
			})
			.get((uri) => {
				if (!uri.startsWith(`${PATH}?`)) return false;
				paths.push(uri);
				return true;
			})
			.reply(200, response);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'relatedTerm', operation: 'getAll', account, terms: ['picnic'] },
		});
		expect(error).toBeUndefined();
		expect(sleeps).toEqual([7000]);
		expect(paths).toHaveLength(2);
		expect(paths[0]).toBe(paths[1]);
		expect(items).toHaveLength(2);
		scope.done();
	});

	it('gives up with PinBridge’s message when the wait would pass the wait budget', async () => {
		const sleeps: number[] = [];
		transportRuntime.sleep = async (ms: number) => {
			sleeps.push(ms);
		};
		const scope = interceptRelatedTerms([]).reply(429, {
			error: { code: 'rate_limited', message: 'Pinterest read allowance exhausted', retry_after_seconds: 600 },
		});
		const { error } = await runPinBridgeNode({
			parameters: {
				resource: 'relatedTerm',
				operation: 'getAll',
				account,
				terms: ['picnic'],
				requestSettings: { maxWaitSeconds: 60 },
			},
		});
		expect(sleeps).toEqual([]);
		expect(error?.message).toBe('Pinterest read allowance exhausted');
		expect(error?.httpCode).toBe('429');
		expect(error?.description).toContain('PinBridge code: rate_limited');
		scope.done();
	});
});
