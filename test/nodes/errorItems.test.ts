// Continue On Fail items carry PinBridge's errorCode, remediation and requestId (issue 17), for routed operations and
// for the custom Publish, on the regular output and (as the one key `error`, beside the input item) on the error output.
import type { IConnections, INode } from 'n8n-workflow';

import { nock, useNock } from '../harness/nock';
import { ACTION_NODE_TYPE, ITEMS_NODE_TYPE } from '../harness/nodeTypes';
import { defaultCredentials, runPinBridgeNode, runWorkflow, TEST_API_KEY, TEST_BASE_URL } from '../harness/runWorkflow';
import { NOT_FROM_PINBRIDGE, PIN_ID, pinResponse, publishParameters } from './pin/fixtures';

useNock();

const api = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
const forbidden = {
	error: { code: 'account_not_permitted', message: 'Key cannot use this account', remediation: 'Add the account to the key', request_id: 'req-403' },
};

describe('Continue On Fail (regular output): the error item says what PinBridge said', () => {
	it('a routed operation (Pin → Get): errorCode, httpCode, remediation, requestId; a bad ID: all null', async () => {
		api().get(`/v1/pins/${PIN_ID}`).reply(403, forbidden);
		const { items, error } = await runPinBridgeNode({
			parameters: { resource: 'pin', operation: 'get', pinId: '={{ $json.id }}' },
			items: [{ json: { id: PIN_ID } }, { json: { id: 'not an id' } }],
			nodeSettings: { continueOnFail: true },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					error: 'Key cannot use this account',
					errorCode: 'account_not_permitted',
					httpCode: '403',
					remediation: 'Add the account to the key',
					requestId: 'req-403',
				},
				pairedItem: { item: 0 },
			},
			{ json: { error: 'Pin ID: must not contain spaces', ...NOT_FROM_PINBRIDGE }, pairedItem: { item: 1 } },
		]);
	});

	it('the custom Publish: a 402 with its upgrade link, the X-Request-ID header, and what to do when PinBridge says nothing', async () => {
		api()
			.post('/v1/pins')
			.reply(402, { detail: { error: { code: 'quota_exceeded', message: 'Monthly quota reached', upgrade_url: 'https://pinbridge.io/pricing' } } }, { 'X-Request-ID': 'req-402' });
		const { items } = await runPinBridgeNode({ parameters: publishParameters(), nodeSettings: { continueOnFail: true } });
		expect(items[0].json).toEqual({
			error: 'Monthly quota reached',
			errorCode: 'quota_exceeded',
			httpCode: '402',
			// PinBridge sent no remediation: the node's own advice for quota_exceeded (nodes/shared/transport/errorCodes.ts).
			remediation: 'The monthly Pin quota is used up: wait for the next month or upgrade the plan.',
			requestId: 'req-402',
			upgradeUrl: 'https://pinbridge.io/pricing',
		});
		expect(JSON.stringify(items)).not.toContain(TEST_API_KEY);
	});
});

describe('Continue (using error output): the facts under error, beside the input item', () => {
	it('routes the failed item to the error output with its fields and error', async () => {
		api().get(`/v1/pins/${PIN_ID}`).reply(200, pinResponse()).get(`/v1/pins/${PIN_ID.replace('9b', '8b')}`).reply(403, forbidden);
		const node = (name: string, type: string, parameters: INode['parameters'], extra: Partial<INode> = {}): INode => ({
			id: name,
			name,
			type,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			...extra,
		});
		const connections: IConnections = { Items: { main: [[{ node: 'PinBridge', type: 'main', index: 0 }]] } };
		const { run } = await runWorkflow({
			nodes: [
				node('Items', ITEMS_NODE_TYPE, {}),
				node('PinBridge', ACTION_NODE_TYPE, { resource: 'pin', operation: 'get', pinId: '={{ $json.id }}' }, {
					onError: 'continueErrorOutput',
					credentials: { pinBridgeSuiteApi: { id: 'cred-1', name: 'PinBridge test credential' } },
				}),
			],
			connections,
			items: [{ json: { sku: 'A-1', id: PIN_ID } }, { json: { sku: 'B-2', id: PIN_ID.replace('9b', '8b') } }],
			credentials: defaultCredentials(),
			outputNode: 'PinBridge',
		});
		const [success, failed] = run.data.resultData.runData.PinBridge[0].data!.main;
		expect(success!.map((item) => item.json.id)).toEqual([PIN_ID]);
		expect(failed!.map((item) => item.json)).toEqual([
			{
				sku: 'B-2',
				id: PIN_ID.replace('9b', '8b'),
				error: {
					message: 'Key cannot use this account',
					errorCode: 'account_not_permitted',
					httpCode: '403',
					remediation: 'Add the account to the key',
					requestId: 'req-403',
				},
			},
		]);
		expect(failed![0].pairedItem).toEqual({ item: 1 });
	});
});
