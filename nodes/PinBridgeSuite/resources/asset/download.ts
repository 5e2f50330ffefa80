import { headerText } from '../../../shared/transport/headers';
import { pinBridgeRequest } from '../../../shared/transport/request';
import type { SendItem } from '../../shared/routedItem';
import { checkText, invalidField, textParameter } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { assetIdField, assetUrl, requireAssetId } from './assetId';

/** The file name of a Content-Disposition header (RFC 6266: `filename*=UTF-8''…` first, then `filename="…"`). */
export function fileNameOf(disposition: string): string | undefined {
	const extended = /filename\*=(?:UTF-8'[^']*')?([^;]+)/i.exec(disposition)?.[1];
	if (extended) {
		try {
			return decodeURIComponent(extended.trim().replace(/^"|"$/g, ''));
		} catch {
			return extended.trim();
		}
	}
	return /filename="?([^";]+)"?/i.exec(disposition)?.[1]?.trim();
}

/** GET /v1/assets/{id}/content → the file as the item's binary data (name and type from PinBridge's headers). */
const downloadAsset: SendItem = async (ctx, request) => {
	const property = checkText(ctx, 'Put Output File in Field', ctx.getNodeParameter('binaryPropertyName', 'data'));
	if (!property) throw invalidField(ctx, 'Put Output File in Field', 'is required');
	const id = textParameter(ctx, 'assetId', 'Asset ID');
	const { body, headers } = await pinBridgeRequest<Buffer>(ctx, { ...request, binaryResponse: true });
	const data = Buffer.isBuffer(body) ? body : Buffer.from(body as unknown as ArrayBuffer);
	const mimeType = headerText(headers, 'content-type').split(';')[0].trim() || 'application/octet-stream';
	const fileName = fileNameOf(headerText(headers, 'content-disposition')) ?? id;
	const binary = await ctx.helpers.prepareBinaryData(data, fileName, mimeType);
	return [{ json: { id, file_name: fileName, mime_type: mimeType, file_size_bytes: data.length }, binary: { [property]: binary } }];
};

export const downloadAssetOperation: OperationDefinition = {
	option: {
		name: 'Download',
		value: 'download',
		action: 'Download an asset',
		description: 'Download an uploaded image or video as binary data, e.g. to store or edit it',
		routing: {
			request: { method: 'GET', url: assetUrl('/content') },
		},
	},
	prepare: [requireAssetId],
	send: downloadAsset,
	fields: [
		assetIdField,
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the output binary field to put the file in',
		},
	],
};
