import { resourceProperties } from '../operation';
import { deleteAsset } from './delete';
import { downloadAssetOperation } from './download';
import { getAsset } from './get';
import { getManyAssets } from './getMany';
import { uploadAsset } from './upload';

export const assetProperties = resourceProperties(
	'asset',
	[uploadAsset, getAsset, getManyAssets, deleteAsset, downloadAssetOperation],
	'upload',
);
