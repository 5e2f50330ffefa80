import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { transportRuntime } from '../../../shared/transport/request';
import { applyClearFields, clearFieldsProperty, type Clearable } from '../../shared/clearFields';
import type { ExplainFailure } from '../../shared/explain';
import { checkHttpUrl, LIMITS } from '../../shared/pinContent';
import { resolveRunAt } from '../../shared/runAt';
import { checkId, checkMaxLength, checkText, invalidField, textParameter } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { requireScheduleId, scheduleIdField, scheduleUrl } from './scheduleId';

type Rule = 'text' | 'url' | 'id';
/** Fields of PATCH /v1/schedules/{id} (contract §8.5): parameter → [API field, label, rule, limit]. */
const FIELDS: Record<string, [string, string, Rule, number]> = {
	title: ['title', 'Title', 'text', LIMITS.title],
	description: ['description', 'Description', 'text', LIMITS.description],
	link: ['link_url', 'Link', 'url', LIMITS.link],
	boardId: ['board_id', 'Board ID', 'id', 0],
	imageUrl: ['image_url', 'Image URL', 'url', LIMITS.mediaUrl],
	assetId: ['asset_id', 'Asset ID', 'id', 0],
	coverImageUrl: ['cover_image_url', 'Cover Image URL', 'url', LIMITS.mediaUrl],
	coverAssetId: ['cover_image_asset_id', 'Cover Asset ID', 'id', 0],
};
const CLEARABLE: Clearable = { description: ['description', 'Description'], link: ['link_url', 'Link'], cover: ['cover_image_url', 'Cover Image'] };

function fieldValue(ctx: IExecuteSingleFunctions, raw: unknown, [, label, rule, max]: [string, string, Rule, number]) {
	const value = rule === 'text' || rule === 'url' ? checkText(ctx, label, raw) : checkId(ctx, label, raw);
	if (value === '') throw invalidField(ctx, label, 'is empty: leave it out to keep it, or use Clear Fields');
	if (rule === 'url') checkHttpUrl(ctx, label, value, max);
	if (rule === 'text') checkMaxLength(ctx, label, value, max);
	return value;
}

/** Only the fields set are sent; image URL and asset ID replace each other, so both at once is refused. */
async function prepareUpdate(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const fields = (this.getNodeParameter('updateFields', {}) ?? {}) as IDataObject;
	const body: IDataObject = {};
	if ('runAt' in fields) {
		const runAt = resolveRunAt(fields.runAt, this.getTimezone(), transportRuntime.now());
		if (!runAt.ok) throw invalidField(this, 'Run At', runAt.rule);
		body.run_at = runAt.value;
	}
	for (const [name, field] of Object.entries(FIELDS)) if (name in fields) body[field[0]] = fieldValue(this, fields[name], field);
	if ('image_url' in body && 'asset_id' in body) throw invalidField(this, 'Asset ID', 'set Image URL or Asset ID, not both');
	if ('cover_image_url' in body && 'cover_image_asset_id' in body) {
		throw invalidField(this, 'Cover Asset ID', 'set Cover Image URL or Cover Asset ID, not both');
	}
	applyClearFields(this, body, CLEARABLE);
	if (Object.keys(body).length === 0) throw invalidField(this, 'Update Fields', 'choose at least one field to change or clear');
	return { ...requestOptions, body };
}

const explainEdit: ExplainFailure = (ctx, _error, code) =>
	code === 'schedule_not_editable'
		? {
				message: `Schedule ${textParameter(ctx, 'scheduleId', 'Schedule ID')} can no longer be edited: publishing has started or it is over`,
				hint: 'Only a schedule with status "scheduled" can be edited. A failed one can be retried (Schedule → Retry); otherwise create a new schedule.',
			}
		: undefined;

const text = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});

export const updateSchedule: OperationDefinition = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a schedule',
		description: 'Change the run time, board, text or media of a schedule that has not started publishing. Only the fields you set are sent.',
		routing: {
			request: { method: 'PATCH', url: scheduleUrl() },
		},
	},
	prepare: [requireScheduleId, prepareUpdate],
	explain: explainEdit,
	fields: [
		scheduleIdField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				text('Asset ID', 'assetId', 'Use this uploaded asset as the media (replaces the image URL)'),
				text('Board ID', 'boardId', 'Publish on this board of the same account (digits only)'),
				text('Cover Asset ID', 'coverAssetId', 'Video Pins: this uploaded image as the cover'),
				text('Cover Image URL', 'coverImageUrl', 'Video Pins: the cover image URL'),
				text('Description', 'description', 'Up to 800 characters'),
				text('Image URL', 'imageUrl', 'Use this image URL as the media (replaces the asset ID)'),
				text('Link', 'link', 'An http(s) URL, up to 2,048 characters'),
				{
					displayName: 'Run At',
					name: 'runAt',
					type: 'dateTime',
					default: '',
					description: 'The new run time, in the future; without an offset it is read in the workflow’s time zone',
				},
				text('Title', 'title', 'Up to 100 characters'),
			],
		},
		clearFieldsProperty(CLEARABLE, 'schedule'),
	],
};
