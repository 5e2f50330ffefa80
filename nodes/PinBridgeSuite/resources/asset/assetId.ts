import type { INodeProperties } from 'n8n-workflow';

import { requireId } from '../../shared/validation';

/** The Asset ID parameter: an id typed in, or an expression such as `{{ $json.id }}` from Upload or Get Many. */
export const assetIdField: INodeProperties = {
	displayName: 'Asset ID',
	name: 'assetId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 7c9e6679-7425-40de-944b-e07fc1f90ae7',
	description: 'The ID of the asset (the ID in the output of Upload or Get Many)',
};

export const requireAssetId = requireId('assetId', 'Asset ID');

/** The URL of one asset; the id was checked by requireAssetId before this is sent. */
export const assetUrl = (suffix = '') => `=/v1/assets/{{ String($parameter.assetId).trim() }}${suffix}`;
