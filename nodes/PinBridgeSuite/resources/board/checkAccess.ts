import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { accountLocator, boardLocator } from '../../../shared/locators';
import { requireId } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { SCOPE_MISSING_HINT } from './privacy';

/**
 * PinBridge's verdict as it is (publishable, status, code, message, remediation, checked_at, source, board,
 * account_health), plus `explanation`: one sentence a workflow can show, with the scope_missing case spelled out.
 */
async function accessOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const verdict = (response.body ?? {}) as IDataObject;
	let explanation: string;
	if (verdict.publishable === true) explanation = 'The account can publish Pins to this board.';
	else if (verdict.status === 'skipped') explanation = 'Pinterest could not be reached to check the board; try again later.';
	else if (verdict.code === 'scope_missing') explanation = SCOPE_MISSING_HINT;
	else explanation = [verdict.message, verdict.remediation].filter(Boolean).map(String).join('. ');
	return [{ json: { ...verdict, explanation } }];
}

export const checkBoardAccess: OperationDefinition = {
	option: {
		name: 'Check Access',
		value: 'checkAccess',
		action: 'Check whether an account can publish to a board',
		description:
			'Ask PinBridge whether the account can publish to the board (publishable, code, remediation). A bad board is an answer, not an error.',
		routing: {
			request: {
				method: 'GET',
				url: '=/v1/pinterest/boards/{{ String($parameter.board).trim() }}/access',
				qs: { account_id: '={{ $parameter.account }}' },
			},
			output: { postReceive: [accessOutput] },
		},
	},
	prepare: [requireId('account', 'Pinterest Account'), requireId('board', 'Board')],
	fields: [
		accountLocator({}, { description: 'The Pinterest account that would publish' }),
		boardLocator({}, { description: 'The board to check; the list shows the boards of the account chosen above' }),
		{
			displayName: 'Skip Cache',
			name: 'fresh',
			type: 'boolean',
			default: false,
			description: 'Whether to ask Pinterest now instead of using PinBridge’s recent verdict',
			routing: { send: { type: 'query', property: 'fresh', value: '={{ $value ? true : undefined }}' } },
		},
	],
};
