import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { invalidField, requireId, stringListParameter } from '../../shared/validation';
import { accountLocator } from '../../../shared/locators';
import type { OperationDefinition } from '../operation';

async function sendTerms(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const terms = [...new Set(stringListParameter(this, 'terms', 'Terms'))];
	if (terms.length === 0) throw invalidField(this, 'Terms', 'add at least one term');
	// An array: the request helper repeats the parameter (terms=a&terms=b), as PinBridge expects.
	requestOptions.qs = {
		...requestOptions.qs,
		terms,
		exact_match: this.getNodeParameter('exactMatch', false) as boolean,
	};
	return requestOptions;
}

/**
 * One item per term asked about, each with its related terms: what a workflow loops over next (e.g. to fill a
 * Pin's related terms). "Whole Response" keeps PinBridge's object as returned.
 */
async function splitByTerm(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (this.getNodeParameter('output', 'perTerm') !== 'perTerm') return items;
	const body = (response.body ?? {}) as IDataObject;
	const list = Array.isArray(body.related_terms_list) ? (body.related_terms_list as IDataObject[]) : [];
	return list.map((entry) => ({ json: { ...entry, exact_match: body.exact_match } }));
}

export const getManyRelatedTerms: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many related terms',
		description:
			'Ask Pinterest (through PinBridge) for search terms related to yours, e.g. to choose keywords or a Pin’s related terms',
		routing: {
			request: { method: 'GET', url: '/v1/pinterest/terms/related', qs: { account_id: '={{ $parameter.account }}' } },
			output: { postReceive: [splitByTerm] },
		},
	},
	prepare: [requireId('account', 'Pinterest Account'), sendTerms],
	fields: [
		accountLocator({}, { description: 'The connected Pinterest account whose access is used for the look-up' }),
		{
			displayName: 'Terms',
			name: 'terms',
			type: 'string',
			typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Term' },
			required: true,
			default: [],
			placeholder: 'e.g. summer salad',
			description: 'The search terms to find related terms for, one per value (an expression may give a list)',
		},
		{
			displayName: 'Exact Match',
			name: 'exactMatch',
			type: 'boolean',
			default: false,
			description: 'Whether to return only exact matches of each term instead of broader related terms',
		},
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			options: [
				{
					name: 'One Item per Term',
					value: 'perTerm',
					description: 'Each item: a term you asked about, its related_terms and exact_match',
				},
				{
					name: 'Whole Response',
					value: 'whole',
					description: 'One item: PinBridge’s response as returned, with related_terms_list and related_term_count',
				},
			],
			default: 'perTerm',
		},
	],
};
