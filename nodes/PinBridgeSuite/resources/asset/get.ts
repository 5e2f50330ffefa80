import type { OperationDefinition } from '../operation';
import { assetIdField, assetUrl, requireAssetId } from './assetId';

export const getAsset: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an asset',
		description: 'Get an uploaded image or video: its type, size, public URL and how many Pins use it',
		routing: {
			request: { method: 'GET', url: assetUrl() },
		},
	},
	prepare: [requireAssetId],
	fields: [assetIdField],
};
