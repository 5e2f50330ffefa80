import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { multipartFileBody } from '../../shared/media';
import { checkText, invalidField } from '../../shared/validation';
import type { OperationDefinition } from '../operation';

const FIELD = 'Input Binary Field';

/** Reads the CSV from the item and sends it as the multipart field `file` PinBridge expects. */
async function attachCsvFile(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const name = checkText(this, FIELD, this.getNodeParameter('binaryPropertyName', 'data'));
	if (!name) throw invalidField(this, FIELD, 'is required: the name of the input binary property holding the CSV file');
	const binary = this.getInputData().binary?.[name];
	if (!binary) {
		const present = Object.keys(this.getInputData().binary ?? {});
		throw invalidField(
			this,
			FIELD,
			`the input item has no binary property "${name}"${present.length ? ` (it has: ${present.join(', ')})` : ''}`,
		);
	}
	const data = await this.helpers.getBinaryDataBuffer(name);
	if (data.length === 0) throw invalidField(this, FIELD, `binary property "${name}" is empty`);
	const { body, contentType } = multipartFileBody({
		fileName: binary.fileName ?? 'pins.csv',
		mimeType: binary.mimeType && binary.mimeType !== 'application/octet-stream' ? binary.mimeType : 'text/csv',
		data,
	});
	requestOptions.body = body;
	requestOptions.headers = { ...requestOptions.headers, 'Content-Type': contentType };
	return requestOptions;
}

export const importFromCsv: OperationDefinition = {
	option: {
		name: 'From CSV',
		value: 'fromCsv',
		action: 'Import Pins from a CSV file',
		description: 'Create many Pins at once from a CSV file in an input binary property (e.g. from Read/Write Files)',
		routing: {
			request: { method: 'POST', url: '/v1/pins/imports/csv' },
		},
	},
	prepare: [attachCsvFile],
	fields: [
		{
			displayName: FIELD,
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the input binary property holding the CSV file',
			description:
				'The CSV file to import: one Pin per row, with PinBridge’s column names (account_id, board_id, title, image_url, …). The file is sent as is; PinBridge checks each row and reports the outcome per row in the import job.',
		},
	],
};
