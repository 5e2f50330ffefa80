import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { assetUploadPath, multipartFileBody, readBinaryMedia, type MediaKind } from '../../shared/media';
import { checkText } from '../../shared/validation';
import type { OperationDefinition } from '../operation';

/** Reads and checks the binary, then makes the request a multipart upload to the images or videos endpoint. */
async function prepareUpload(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const wanted = this.getNodeParameter('assetType', 'auto') as MediaKind | 'auto';
	const propertyName = checkText(this, 'Input Binary Field', this.getNodeParameter('binaryPropertyName', 'data'));
	const file = await readBinaryMedia(this, propertyName, wanted === 'auto' ? 'any' : wanted, 'Input Binary Field');
	const { body, contentType } = multipartFileBody(file);
	return {
		...requestOptions,
		url: assetUploadPath(file.kind),
		body,
		headers: { ...requestOptions.headers, 'Content-Type': contentType },
	};
}

export const uploadAsset: OperationDefinition = {
	option: {
		name: 'Upload',
		value: 'upload',
		action: 'Upload an asset',
		description:
			'Upload an image or video from the input item to PinBridge, to publish or schedule it later by its asset ID',
		routing: {
			request: { method: 'POST', url: '/v1/assets/images' },
		},
	},
	prepare: [prepareUpload],
	fields: [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field containing the file to upload',
			description: 'Name of the binary property of the input item that holds the image or video',
		},
		{
			displayName: 'Asset Type',
			name: 'assetType',
			type: 'options',
			default: 'auto',
			description: 'Whether the file is an image or a video; PinBridge stores them separately',
			options: [
				{ name: 'Detect From File', value: 'auto', description: 'Use the file’s MIME type (image/* or video/*)' },
				{ name: 'Image', value: 'image' },
				{ name: 'Video', value: 'video' },
			],
		},
	],
};
