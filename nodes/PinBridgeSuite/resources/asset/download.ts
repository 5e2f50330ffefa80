import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { pinBridgeRequest, type PinBridgeContext } from '../../../shared/transport/request';
import { checkText, invalidField, textParameter } from '../../shared/validation';
import type { OperationDefinition } from '../operation';
import { assetIdField, assetUrl, requireAssetId } from './assetId';

const header = (headers: IDataObject, name: string): string =>
	String(Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1] ?? '');

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
async function downloadAsset(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const property = checkText(this, 'Put Output File in Field', this.getNodeParameter('binaryPropertyName', 'data'));
	if (!property) throw invalidField(this, 'Put Output File in Field', 'is required');
	const id = textParameter(this, 'assetId', 'Asset ID');
	const { body, headers } = await pinBridgeRequest<Buffer>(this as unknown as PinBridgeContext, {
		method: 'GET',
		path: requestData.options.url ?? `/v1/assets/${id}/content`,
		binaryResponse: true,
		itemIndex,
	});
	const data = Buffer.isBuffer(body) ? body : Buffer.from(body as unknown as ArrayBuffer);
	const mimeType = header(headers, 'content-type').split(';')[0].trim() || 'application/octet-stream';
	const fileName = fileNameOf(header(headers, 'content-disposition')) ?? id;
	const binary = await this.helpers.prepareBinaryData(data, fileName, mimeType);
	return [{ json: { id, file_name: fileName, mime_type: mimeType, file_size_bytes: data.length }, binary: { [property]: binary }, pairedItem: { item: itemIndex } }];
}

export const downloadAssetOperation: OperationDefinition = {
	option: {
		name: 'Download',
		value: 'download',
		action: 'Download an asset',
		description: 'Download an uploaded image or video as binary data, e.g. to store or edit it',
		routing: {
			request: { method: 'GET', url: assetUrl('/content') },
			send: { preSend: [requireAssetId] },
			operations: { pagination: downloadAsset },
		},
	},
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
