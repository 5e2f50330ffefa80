import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { textParameter } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { assetIdField, assetUrl, requireAssetId } from './assetId';

/**
 * PinBridge keeps an asset that is in use unless the delete is confirmed, and says so in a 200, not an error
 * (contract §8.7). The item adds `id` and a `message` that says which happened and what to do.
 */
async function deleteOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const answer = (response.body ?? {}) as IDataObject;
	const id = textParameter(this, 'assetId', 'Asset ID');
	const uses = Number(answer.referenced_pin_count ?? 0);
	const message =
		answer.deleted === true
			? `Asset ${id} deleted${answer.freed_bytes ? ` (${Number(answer.freed_bytes).toLocaleString('en-US')} bytes freed)` : ''}`
			: `Asset ${id} was NOT deleted: ${uses} Pin${uses === 1 ? '' : 's'} or schedule${uses === 1 ? '' : 's'} still use it. Turn on Delete Even If In Use to delete it anyway (unpublished Pins and schedules using it will then fail to publish).`;
	return [{ json: { id, ...answer, message } }];
}

export const deleteAsset: OperationDefinition = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete an asset',
		description: 'Delete an uploaded image or video. One still used by a Pin or schedule is kept unless you confirm.',
		routing: {
			request: { method: 'DELETE', url: assetUrl() },
			output: { postReceive: [deleteOutput] },
		},
	},
	prepare: [requireAssetId],
	fields: [
		assetIdField,
		{
			displayName: 'Delete Even If In Use',
			name: 'confirm',
			type: 'boolean',
			default: false,
			description:
				'Whether to delete the asset even when Pins or schedules use it. Published Pins keep their image; unpublished Pins and schedules using it fail to publish.',
			routing: { send: { type: 'query', property: 'confirm', value: '={{ $value ? true : undefined }}' } },
		},
	],
};
