import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { dryRunOutput } from '../../shared/dryRunOutput';
import { contentIdempotencyKey, idempotencyKeyField, MAX_IDEMPOTENCY_KEY_LENGTH } from '../../shared/idempotency';
import { buildPinContent, pinContentFingerprint, readPinContent, type PinContentInput } from '../../shared/pinContent';
import { pinContentFields } from '../../shared/pinContentFields';
import { checkMaxLength, checkText, invalidField } from '../../shared/validation';
import type { OperationDefinition } from '../operation';

/**
 * A dry run sends nothing that creates anything; uploading a binary would create an asset, so binaries are checked
 * here (present, image or video) and then refused with the way forward.
 */
export function refuseBinaries(ctx: IExecuteSingleFunctions, input: PinContentInput): void {
	if (input.file || input.coverFile) {
		throw invalidField(
			ctx,
			input.file ? 'Media Source' : 'Cover Source',
			'Validate checks media given as an image URL or an asset ID; a binary would have to be uploaded, which a dry run does not do. Upload it with Asset → Upload and use its asset ID.',
		);
	}
}

/** Same checks and body as Publish (idempotency key included), to POST /v1/pins/validate. */
async function prepareValidate(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const input = await readPinContent(this);
	refuseBinaries(this, input);
	const options = (this.getNodeParameter('validateOptions', {}) ?? {}) as { idempotencyKey?: unknown };
	const customKey = checkMaxLength(
		this,
		'Idempotency Key',
		checkText(this, 'Idempotency Key', options.idempotencyKey),
		MAX_IDEMPOTENCY_KEY_LENGTH,
	);
	const built = await buildPinContent(this, { uploadBinaries: false, input });
	const idempotencyKey = customKey || contentIdempotencyKey(pinContentFingerprint(input));
	return { ...requestOptions, body: { ...built.body, idempotency_key: idempotencyKey } };
}

const validateOptions: INodeProperties = {
	displayName: 'Options',
	name: 'validateOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [idempotencyKeyField],
};

export const validatePin: OperationDefinition = {
	option: {
		name: 'Validate',
		value: 'validate',
		action: 'Validate a Pin without publishing',
		description:
			'Dry run: PinBridge checks the Pin as Publish would (account, board access, media, quota, rate limits, idempotency key) and says whether it would be accepted. Nothing is created.',
		routing: {
			request: { method: 'POST', url: '/v1/pins/validate' },
			output: { postReceive: [dryRunOutput] },
		},
	},
	prepare: [prepareValidate],
	fields: [...pinContentFields(), validateOptions],
};
