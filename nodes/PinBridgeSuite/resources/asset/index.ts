import { resourceProperties } from '../operation';
import { getAsset } from './get';
import { uploadAsset } from './upload';

export const assetProperties = resourceProperties('asset', [uploadAsset, getAsset], 'upload');
