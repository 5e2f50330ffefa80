import type { INodeProperties } from 'n8n-workflow';

import { requireId } from '../../shared/validation';

/** The Pin ID parameter: an id typed in, or an expression such as `{{ $json.id }}` from a previous Publish. */
export const pinIdField: INodeProperties = {
	displayName: 'Pin ID',
	name: 'pinId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 9b2f1c3e-4d5a-4b6c-8d7e-0f1a2b3c4d5e',
	description: 'The PinBridge ID of the Pin (the "ID" in the output of Publish), not the Pinterest Pin ID',
};

export const requirePinId = requireId('pinId', 'Pin ID');
