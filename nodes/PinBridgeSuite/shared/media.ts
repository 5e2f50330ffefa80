/**
 * Input binaries → PinBridge assets.
 *
 * - `readBinaryMedia(ctx, propertyName, kind, fieldLabel)` checks that the item carries the binary property and that
 *   it is an image / a video, and returns its bytes (no request is sent; errors name the field).
 * - `multipartFileBody(file)` builds the `multipart/form-data` body PinBridge expects (one field, `file`) by hand,
 *   so the package needs no runtime dependency.
 * - `uploadAsset(ctx, file)` sends it through the request helper: POST /v1/assets/images or /v1/assets/videos.
 */
import { randomBytes } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { pinBridgeRequest } from '../../shared/transport/request';
import type { ItemContext } from './itemContext';
import { invalidField } from './validation';

export type MediaKind = 'image' | 'video';

export interface BinaryMedia {
	kind: MediaKind;
	fileName: string;
	mimeType: string;
	data: Buffer;
	/** The input binary property it came from, for error messages. */
	propertyName: string;
}

// A binary without a MIME type still has a name: enough to tell an image from a video.
const MIME_BY_EXTENSION: Record<string, string> = {
	gif: 'image/gif',
	jpeg: 'image/jpeg',
	jpg: 'image/jpeg',
	m4v: 'video/x-m4v',
	mov: 'video/quicktime',
	mp4: 'video/mp4',
	png: 'image/png',
	webm: 'video/webm',
	webp: 'image/webp',
};

function mimeTypeOf(mimeType: string | undefined, fileName: string): string {
	if (mimeType && mimeType !== 'application/octet-stream') return mimeType.toLowerCase();
	const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
	return MIME_BY_EXTENSION[extension] ?? mimeType ?? 'application/octet-stream';
}

/** The kind a binary is, or undefined when it is neither an image nor a video. */
export function mediaKindOf(mimeType: string): MediaKind | undefined {
	if (mimeType.startsWith('image/')) return 'image';
	if (mimeType.startsWith('video/')) return 'video';
	return undefined;
}

/**
 * The bytes of an input binary property, checked to be of the wanted kind (`'any'`: an image or a video).
 * `fieldLabel` is the display name of the parameter that named the property.
 */
export async function readBinaryMedia(
	ctx: ItemContext,
	propertyName: string,
	kind: MediaKind | 'any',
	fieldLabel: string,
): Promise<BinaryMedia> {
	const name = propertyName.trim();
	if (!name) throw invalidField(ctx, fieldLabel, 'is required: the name of the input binary property holding the file');
	const binary = ctx.getInputData().binary?.[name];
	if (!binary) {
		const present = Object.keys(ctx.getInputData().binary ?? {});
		throw invalidField(
			ctx,
			fieldLabel,
			`the input item has no binary property "${name}"${
				present.length ? ` (it has: ${present.join(', ')})` : ' (it has no binary data at all)'
			}`,
		);
	}
	const fileName = binary.fileName ?? `${kind === 'video' ? 'video' : 'image'}`;
	const mimeType = mimeTypeOf(binary.mimeType, fileName);
	const actual = mediaKindOf(mimeType);
	if (!actual || (kind !== 'any' && actual !== kind)) {
		const wanted = kind === 'any' ? 'an image or a video' : `a${kind === 'image' ? 'n image' : ' video'}`;
		throw invalidField(ctx, fieldLabel, `binary property "${name}" must hold ${wanted}, but it is ${mimeType}`);
	}
	const data = await ctx.helpers.getBinaryDataBuffer(name);
	if (data.length === 0) throw invalidField(ctx, fieldLabel, `binary property "${name}" is empty`);
	return { kind: actual, fileName, mimeType, data, propertyName: name };
}

/** A multipart/form-data body with the single file field `file`. */
export function multipartFileBody(file: Pick<BinaryMedia, 'fileName' | 'mimeType' | 'data'>): {
	body: Buffer;
	contentType: string;
} {
	const boundary = `----PinBridgeN8nBoundary${randomBytes(12).toString('hex')}`;
	// Quotes and line breaks would end the header early; PinBridge only keeps the name for display.
	const safeName = file.fileName.replace(/["\r\n\\]/g, '_');
	const head =
		`--${boundary}\r\n` +
		`Content-Disposition: form-data; name="file"; filename="${safeName}"\r\n` +
		`Content-Type: ${file.mimeType}\r\n\r\n`;
	const body = Buffer.concat([Buffer.from(head, 'utf8'), file.data, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]);
	return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

export function assetUploadPath(kind: MediaKind): string {
	return kind === 'video' ? '/v1/assets/videos' : '/v1/assets/images';
}

/** Uploads the file as a PinBridge asset and returns the asset (`id`, `public_url`, …). */
export async function uploadAsset(ctx: ItemContext, file: BinaryMedia): Promise<IDataObject> {
	const { body, contentType } = multipartFileBody(file);
	const response = await pinBridgeRequest<IDataObject>(ctx, {
		method: 'POST',
		path: assetUploadPath(file.kind),
		body,
		headers: { 'Content-Type': contentType },
		itemIndex: ctx.getItemIndex(),
	});
	return response.body;
}
