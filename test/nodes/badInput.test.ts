// The bad-input matrix (issue 7), through n8n-core's real WorkflowExecute: every bad input fails with an error that
// names the field as the node shows it and states the rule, no request of any kind leaves, and the API key is in no
// error. The rows are in badInput.cases.ts.
import type { IDataObject } from 'n8n-workflow';

import { useFakeRuntime } from '../harness/fakeRuntime';
import { nock, useNock } from '../harness/nock';
import { NODE_NAME, runPinBridgeNode, TEST_API_KEY, TEST_BASE_URL } from '../harness/runWorkflow';
import { ACCOUNT_ID, BOARD_ID, cases, publish, type BadInputCase } from './badInput.cases';
import { NOT_FROM_PINBRIDGE } from './pin/fixtures';

useNock();
useFakeRuntime();

interface Sent {
	method: string;
	url: string;
}

/**
 * Records every request that tries to leave: those to PinBridge's test URL (answered by catch-all interceptors, so a
 * leak shows up here rather than as a hang) and those to any other host (nock's "no match", refused by
 * disableNetConnect). Interceptors added before calling this one are matched first.
 */
function trapEveryRequest(): Sent[] {
	const sent: Sent[] = [];
	const scope = nock(TEST_BASE_URL).persist();
	for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']) {
		scope.intercept(/.*/, method).reply(function (uri) {
			sent.push({ method, url: `${TEST_BASE_URL}${uri}` });
			return [500, { detail: 'this request should never have been sent' }];
		});
	}
	const onNoMatch = (request: { method?: string; href?: string; path?: string; host?: string }) => {
		sent.push({ method: String(request.method ?? '?'), url: String(request.href ?? `${request.host}${request.path}`) });
	};
	nock.emitter.on('no match', onNoMatch);
	afterEachCleanups.push(() => nock.emitter.removeListener('no match', onNoMatch));
	return sent;
}

const afterEachCleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of afterEachCleanups.splice(0)) cleanup();
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs one row and checks the three guarantees; throws (fails the test) when one does not hold. */
async function expectRefused(row: BadInputCase): Promise<void> {
	const sent = trapEveryRequest();
	let error: { message?: string; description?: string } | undefined;
	let items: unknown[] = [];
	try {
		({ error, items } = await runPinBridgeNode({ parameters: row.parameters, items: row.items, timezone: row.timezone }));
	} catch (thrown) {
		// n8n's own check before the run (WorkflowHasIssuesError) throws instead of ending the run with an error.
		error = thrown as Error;
	}

	expect(error).toBeDefined();
	const message = String(error?.message);
	// (1) Names the field by its display name and states the rule.
	if (row.stage === 'engine') {
		expect(message).toContain(`The '${NODE_NAME}' node has issues`);
		expect(message).toContain(row.field);
	} else {
		expect(message).toMatch(new RegExp(`^${escapeRegExp(row.field)}: `));
		expect(error?.description).toBe('Nothing was sent to PinBridge for this item.');
		// Not dressed up as PinBridge's answer: n8n's editor lists an error with an HTTP code or raw messages under
		// "From PinBridge → Error code …" (n8n re-wraps other errors with the code "none").
		expect(error?.httpCode ?? null).toBeNull();
		expect(error?.messages ?? []).toEqual([]);
		expect(items).toEqual([]);
	}
	expect(message).toContain(row.rule);
	// (2) Nothing left: not to PinBridge, not anywhere.
	expect(sent).toEqual([]);
	// (3) The API key is in no part of the error.
	expect(message).not.toContain(TEST_API_KEY);
	expect(JSON.stringify(error)).not.toContain(TEST_API_KEY);
}

describe('bad-input matrix: a clear error naming the field, and nothing sent', () => {
	it('has at least 45 distinct cases across the operations', () => {
		expect(cases.length).toBeGreaterThanOrEqual(45);
		expect(new Set(cases.map((row) => row.name)).size).toBe(cases.length);
		const inputs = cases.map((row) => JSON.stringify([row.parameters, row.items ?? null, row.timezone ?? null]));
		expect(new Set(inputs).size).toBe(cases.length);
		const operations = new Set(cases.map((row) => `${String(row.parameters.resource)}.${String(row.parameters.operation)}`));
		expect(operations.size).toBeGreaterThanOrEqual(25);
	});

	it.each(cases.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
		await expectRefused(row);
	});
});

describe('bad-input matrix: Continue On Fail', () => {
	it('3 items, the middle one bad: 1 and 3 are published, 2 carries its error, pairing intact', async () => {
		const bodies: IDataObject[] = [];
		const pin = (id: string, title: string) => ({ id, status: 'queued', title, board_id: BOARD_ID });
		const first = nock(TEST_BASE_URL)
			.post('/v1/pins', (body: IDataObject) => body.title === 'First' && bodies.push(body) > 0)
			.reply(201, pin('9b2f1c3e-4d5a-4b6c-8d7e-0f1a2b3c4d51', 'First'));
		const third = nock(TEST_BASE_URL)
			.post('/v1/pins', (body: IDataObject) => body.title === 'Third' && bodies.push(body) > 0)
			.reply(201, pin('9b2f1c3e-4d5a-4b6c-8d7e-0f1a2b3c4d53', 'Third'));
		const leaked = trapEveryRequest();

		const { items, error } = await runPinBridgeNode({
			parameters: publish({ title: '={{ $json.title }}', link: '={{ $json.link }}' }),
			items: [
				{ json: { title: 'First', link: 'https://shop.example.com/1' } },
				{ json: { title: 'Second', link: 'ftp://shop.example.com/2' } },
				{ json: { title: 'Third', link: 'https://shop.example.com/3' } },
			],
			nodeSettings: { continueOnFail: true },
		});

		expect(error).toBeUndefined();
		first.done();
		third.done();
		expect(leaked).toEqual([]);
		expect(bodies.map((body) => [body.title, body.account_id, body.link_url])).toEqual([
			['First', ACCOUNT_ID, 'https://shop.example.com/1'],
			['Third', ACCOUNT_ID, 'https://shop.example.com/3'],
		]);
		expect(items).toHaveLength(3);
		expect(items[0]).toEqual({ json: pin('9b2f1c3e-4d5a-4b6c-8d7e-0f1a2b3c4d51', 'First'), pairedItem: { item: 0 } });
		expect(items[1].json).toEqual({
			error: 'Link: must be an http:// or https:// URL, got "ftp://shop.example.com/2"',
			...NOT_FROM_PINBRIDGE,
		});
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(JSON.stringify(items[1])).not.toContain(TEST_API_KEY);
		expect(items[2]).toEqual({ json: pin('9b2f1c3e-4d5a-4b6c-8d7e-0f1a2b3c4d53', 'Third'), pairedItem: { item: 2 } });
	});
});
