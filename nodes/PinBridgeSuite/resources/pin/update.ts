import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { applyClearFields, clearFieldsProperty, type Clearable } from '../../shared/clearFields';
import type { ExplainFailure } from '../../shared/explain';
import { checkHttpUrl, LIMITS } from '../../shared/pinContent';
import { checkId, checkMaxLength, checkText, invalidField, textParameter } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { pinIdField, requirePinId } from './pinId';

/** Text fields of PATCH /v1/pins/{id}: parameter → [API field, label, limit]. */
const TEXT_FIELDS: Record<string, [string, string, number]> = {
	title: ['title', 'Title', LIMITS.title],
	description: ['description', 'Description', LIMITS.description],
	link: ['link_url', 'Link', LIMITS.link],
	altText: ['alt_text', 'Alt Text', LIMITS.altText],
};
const CLEARABLE: Clearable = { description: ['description', 'Description'], link: ['link_url', 'Link'], altText: ['alt_text', 'Alt Text'] };

/** Only the fields set are sent; Clear Fields sends null for each chosen field; an empty change is refused. */
export async function prepareUpdate(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const fields = (this.getNodeParameter('updateFields', {}) ?? {}) as IDataObject;
	const body: IDataObject = {};
	for (const [name, [apiField, label, max]] of Object.entries(TEXT_FIELDS)) {
		if (!(name in fields)) continue;
		const value = checkMaxLength(this, label, checkText(this, label, fields[name]), max);
		if (value === '') throw invalidField(this, label, 'is empty: to remove it, choose it under Clear Fields instead');
		if (name === 'link') checkHttpUrl(this, label, value, max);
		body[apiField] = value;
	}
	if ('boardId' in fields) {
		body.board_id = checkId(this, 'Board ID', fields.boardId);
		if (body.board_id === '') throw invalidField(this, 'Board ID', 'is empty: leave it out to keep the board');
	}
	applyClearFields(this, body, CLEARABLE);
	if (Object.keys(body).length === 0) {
		throw invalidField(this, 'Update Fields', 'choose at least one field to change or clear');
	}
	return { ...requestOptions, body };
}

/** The 409s of an edit (contract §8.3, §8.16 item 5), said with what to do instead. */
const explainEdit: ExplainFailure = (ctx, error, code) => {
	const pinId = textParameter(ctx, 'pinId', 'Pin ID');
	if (code === 'pin_already_published' || (error.httpCode === '409' && !code)) {
		return {
			message: `Pin ${pinId} is already published: PinBridge cannot edit it any more`,
			hint: 'Edits are possible while a Pin is queued, deferred or failed. To change a published Pin, delete it (Pin → Delete, Also Delete From Pinterest) and publish it again.',
		};
	}
	if (code === 'pin_publishing') {
		return {
			message: `Pin ${pinId} is being published right now and cannot be edited`,
			hint: 'Wait until it is published or failed (Pin → Get Status); a failed Pin can be edited, then retried.',
		};
	}
	return undefined;
};

export const updatePin: OperationDefinition = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a Pin',
		description:
			'Change the title, description, link, alt text or board of a Pin that is not published yet (queued, deferred or failed). Only the fields you set are sent.',
		routing: {
			request: { method: 'PATCH', url: '=/v1/pins/{{ String($parameter.pinId).trim() }}' },
		},
	},
	prepare: [requirePinId, prepareUpdate],
	explain: explainEdit,
	fields: [
		pinIdField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Alt Text',
					name: 'altText',
					type: 'string',
					default: '',
					description: 'Up to 500 characters',
				},
				{
					displayName: 'Board ID',
					name: 'boardId',
					type: 'string',
					default: '',
					description: 'Move the Pin to another board of the same Pinterest account (digits only); checked like a publish',
				},
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					typeOptions: { rows: 3 },
					default: '',
					description: 'Up to 800 characters',
				},
				{
					displayName: 'Link',
					name: 'link',
					type: 'string',
					default: '',
					description: 'An http(s) URL, up to 2,048 characters',
				},
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					description: 'Up to 100 characters',
				},
			],
		},
		clearFieldsProperty(CLEARABLE, 'Pin'),
	],
};
