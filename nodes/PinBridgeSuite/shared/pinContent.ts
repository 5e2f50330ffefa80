/**
 * A Pin's content, shared by Pin → Publish and Schedule → Create.
 *
 *   pinContentFields(): INodeProperties[]   (in pinContentFields.ts)
 *     The content parameters, without resource/operation displayOptions (resourceProperties() adds them; the
 *     cover fields keep their own `coverSource` conditions). Parameter names: account, board, mediaSource,
 *     imageUrl, binaryPropertyName, assetId, coverSource, coverImageUrl, coverBinaryPropertyName, coverAssetId,
 *     title, description, link, pinDetails.{altText, dominantColor, relatedTerms}.
 *
 *   readPinContent(ctx): Promise<PinContentInput>
 *     Reads and checks every content parameter of the current item (no request is sent). A failed rule throws
 *     invalidField() naming the field and the rule. Binaries are read and checked here (exists, image/video).
 *
 *   pinContentFingerprint(input): IDataObject
 *     What makes two Pins "the same": account, board, media (URL / asset id / sha256 of the binary), cover,
 *     title, description, link. Feed it to contentIdempotencyKey() (shared/idempotency.ts).
 *
 *   buildPinContent(ctx, { uploadBinaries, input? }): Promise<BuiltPinContent>
 *     readPinContent() (unless `input` is given), then — when uploadBinaries — uploads binaries through
 *     shared/media.ts and returns the PinBridge body fields: account_id, board_id, title, description, link_url,
 *     alt_text, dominant_color, related_terms (array), image_url | asset_id, cover_image_url |
 *     cover_image_asset_id; plus the uploaded asset objects. Without uploadBinaries a binary's asset_id is left out.
 */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { sha256Hex } from './idempotency';
import type { ItemContext } from './itemContext';
import { readBinaryMedia, uploadAsset, type BinaryMedia } from './media';
import {
	checkMaxLength,
	checkText,
	idParameter,
	requiredIdParameter,
	invalidField,
	textParameter,
} from './validation';
import { textOf } from '../../shared/values';

export type MediaSource = 'imageUrl' | 'imageBinary' | 'imageAsset' | 'videoBinary' | 'videoAsset';
export type CoverSource = 'none' | 'url' | 'binary' | 'asset';

export const LIMITS = { title: 100, description: 800, link: 2048, altText: 500, mediaUrl: 2048 } as const;
const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
const VIDEO_SOURCES: MediaSource[] = ['videoBinary', 'videoAsset'];

export interface PinContentInput {
	accountId: string;
	boardId: string;
	title: string;
	description?: string;
	link?: string;
	altText?: string;
	dominantColor?: string;
	relatedTerms: string[];
	mediaSource: MediaSource;
	imageUrl?: string;
	assetId?: string;
	file?: BinaryMedia;
	coverImageUrl?: string;
	coverAssetId?: string;
	coverFile?: BinaryMedia;
}

export interface BuiltPinContent {
	input: PinContentInput;
	/** PinBridge body fields (no idempotency_key, no run_at). */
	body: IDataObject;
	/** The asset made from the media binary, when one was uploaded. */
	asset?: IDataObject;
	/** The asset made from the cover binary, when one was uploaded. */
	coverAsset?: IDataObject;
}

/** An http(s) URL of at most `max` characters (Link, image and cover URLs). */
export function checkHttpUrl(ctx: ItemContext, field: string, value: string, max: number): void {
	checkMaxLength(ctx, field, value, max);
	let protocol = '';
	try {
		protocol = new URL(value).protocol;
	} catch {
		protocol = '';
	}
	if (protocol !== 'http:' && protocol !== 'https:') {
		throw invalidField(ctx, field, `must be an http:// or https:// URL, got "${value}"`);
	}
}

/** A choice or binary-field name read under the text rule (an expression may give anything). */
function choiceOf(ctx: ItemContext, name: string, fallback: string, label: string): string {
	return checkText(ctx, label, ctx.getNodeParameter(name, fallback));
}

/** Related terms as an array of strings, from a list, an expression returning a list, or (leniently) a string. */
export function relatedTermsOf(raw: unknown): string[] {
	if (raw === null || raw === undefined || raw === '') return [];
	if (Array.isArray(raw)) return raw.flatMap((entry) => relatedTermsOf(entry));
	if (typeof raw === 'string') {
		const text = raw.trim();
		if (text.startsWith('[')) {
			try {
				return relatedTermsOf(JSON.parse(text) as unknown);
			} catch {
				// not JSON after all: read it as a comma-separated list below
			}
		}
		return text
			.split(/[,\n]/)
			.map((term) => term.trim())
			.filter((term) => term !== '');
	}
	return [String(raw)];
}

function optional(value: string): string | undefined {
	return value === '' ? undefined : value;
}

async function readCover(ctx: ItemContext, input: PinContentInput, isVideo: boolean): Promise<void> {
	const coverSource = choiceOf(ctx, 'coverSource', 'none', 'Cover Image') as CoverSource;
	if (coverSource === 'none' || (coverSource as string) === '') {
		// PinBridge requires a cover for every video Pin (contract §9.3): refused here rather than by PinBridge.
		if (isVideo) throw invalidField(ctx, 'Cover Image', 'a video Pin needs a cover image: choose an image URL, a binary or an asset');
		return;
	}
	if (!isVideo) throw invalidField(ctx, 'Cover Image', 'only a video Pin takes a cover image; set it to None');
	if (coverSource === 'url') {
		const url = textParameter(ctx, 'coverImageUrl', 'Cover Image URL');
		if (!url) throw invalidField(ctx, 'Cover Image URL', 'is required when the cover is an image URL');
		checkHttpUrl(ctx, 'Cover Image URL', url, LIMITS.mediaUrl);
		input.coverImageUrl = url;
	} else if (coverSource === 'asset') {
		const id = idParameter(ctx, 'coverAssetId', 'Cover Asset ID');
		if (!id) throw invalidField(ctx, 'Cover Asset ID', 'is required when the cover is an existing asset');
		input.coverAssetId = id;
	} else if (coverSource === 'binary') {
		const name = choiceOf(ctx, 'coverBinaryPropertyName', 'cover', 'Cover Input Binary Field');
		input.coverFile = await readBinaryMedia(ctx, name, 'image', 'Cover Input Binary Field');
	} else {
		throw invalidField(ctx, 'Cover Image', `unknown cover source "${String(coverSource)}"`);
	}
}

async function readMedia(ctx: ItemContext, input: PinContentInput): Promise<void> {
	const source = input.mediaSource;
	if (source === 'imageUrl') {
		const url = textParameter(ctx, 'imageUrl', 'Image URL');
		if (!url) throw invalidField(ctx, 'Image URL', 'is required: exactly one media source must be given');
		checkHttpUrl(ctx, 'Image URL', url, LIMITS.mediaUrl);
		input.imageUrl = url;
	} else if (source === 'imageAsset' || source === 'videoAsset') {
		const id = idParameter(ctx, 'assetId', 'Asset ID');
		if (!id) throw invalidField(ctx, 'Asset ID', 'is required: exactly one media source must be given');
		input.assetId = id;
	} else if (source === 'imageBinary' || source === 'videoBinary') {
		const name = choiceOf(ctx, 'binaryPropertyName', 'data', 'Input Binary Field');
		input.file = await readBinaryMedia(ctx, name, source === 'videoBinary' ? 'video' : 'image', 'Input Binary Field');
	} else {
		throw invalidField(ctx, 'Media Source', `must be one of imageUrl, imageBinary, imageAsset, videoBinary, videoAsset`);
	}
}

export async function readPinContent(ctx: ItemContext): Promise<PinContentInput> {
	// Optional (contract §9.1.3): PinBridge's quick start publishes with the board alone.
	const accountId = idParameter(ctx, 'account', 'Pinterest Account');
	const boardId = requiredIdParameter(ctx, 'board', 'Board');

	const title = textParameter(ctx, 'title', 'Title');
	if (!title) throw invalidField(ctx, 'Title', 'is required');
	checkMaxLength(ctx, 'Title', title, LIMITS.title);
	const description = textParameter(ctx, 'description', 'Description');
	checkMaxLength(ctx, 'Description', description, LIMITS.description);
	const link = textParameter(ctx, 'link', 'Link');
	if (link) checkHttpUrl(ctx, 'Link', link, LIMITS.link);

	const details = (ctx.getNodeParameter('pinDetails', {}) ?? {}) as IDataObject;
	const altText = checkText(ctx, 'Alt Text', details.altText);
	checkMaxLength(ctx, 'Alt Text', altText, LIMITS.altText);
	const dominantColor = checkText(ctx, 'Dominant Color', details.dominantColor);
	if (dominantColor && !COLOR_PATTERN.test(dominantColor)) {
		throw invalidField(ctx, 'Dominant Color', `must be a colour written #RRGGBB (e.g. #E60023), got "${dominantColor}"`);
	}
	for (const term of [details.relatedTerms].flat(Infinity) as unknown[]) {
		const result = textOf(term);
		if (!result.ok) throw invalidField(ctx, 'Related Terms', `must be a list of words or phrases; each term ${result.rule}`);
	}
	const relatedTerms = relatedTermsOf(details.relatedTerms);

	const input: PinContentInput = {
		accountId,
		boardId,
		title,
		description: optional(description),
		link: optional(link),
		altText: optional(altText),
		dominantColor: optional(dominantColor),
		relatedTerms,
		mediaSource: choiceOf(ctx, 'mediaSource', 'imageUrl', 'Media Source') as MediaSource,
	};
	await readMedia(ctx, input);
	await readCover(ctx, input, VIDEO_SOURCES.includes(input.mediaSource));
	return input;
}

export function pinContentFingerprint(input: PinContentInput): IDataObject {
	const mediaOf = (url?: string, assetId?: string, file?: BinaryMedia): IDataObject | null => {
		if (url) return { image_url: url };
		if (assetId) return { asset_id: assetId };
		if (file) return { file_sha256: sha256Hex(file.data), kind: file.kind };
		return null;
	};
	return {
		account_id: input.accountId,
		board_id: input.boardId,
		media: mediaOf(input.imageUrl, input.assetId, input.file),
		cover: mediaOf(input.coverImageUrl, input.coverAssetId, input.coverFile),
		title: input.title,
		description: input.description ?? null,
		link_url: input.link ?? null,
	};
}

function assetIdOf(ctx: ItemContext, asset: IDataObject, field: string): string {
	if (typeof asset.id === 'string' && asset.id) return asset.id;
	throw new NodeOperationError(ctx.getNode(), `${field}: PinBridge accepted the upload but returned no asset ID`, {
		itemIndex: ctx.getItemIndex(),
	});
}

export async function buildPinContent(
	ctx: ItemContext,
	options: { uploadBinaries: boolean; input?: PinContentInput },
): Promise<BuiltPinContent> {
	const input = options.input ?? (await readPinContent(ctx));
	const body: IDataObject = { board_id: input.boardId, title: input.title };
	if (input.accountId) body.account_id = input.accountId;
	if (input.description !== undefined) body.description = input.description;
	if (input.link !== undefined) body.link_url = input.link;
	if (input.altText !== undefined) body.alt_text = input.altText;
	if (input.dominantColor !== undefined) body.dominant_color = input.dominantColor;
	if (input.relatedTerms.length) body.related_terms = input.relatedTerms;

	const built: BuiltPinContent = { input, body };
	if (input.imageUrl) body.image_url = input.imageUrl;
	if (input.assetId) body.asset_id = input.assetId;
	if (input.file && options.uploadBinaries) {
		built.asset = await uploadAsset(ctx, input.file);
		body.asset_id = assetIdOf(ctx, built.asset, 'Input Binary Field');
	}
	if (input.coverImageUrl) body.cover_image_url = input.coverImageUrl;
	if (input.coverAssetId) body.cover_image_asset_id = input.coverAssetId;
	if (input.coverFile && options.uploadBinaries) {
		built.coverAsset = await uploadAsset(ctx, input.coverFile);
		body.cover_image_asset_id = assetIdOf(ctx, built.coverAsset, 'Cover Input Binary Field');
	}
	return built;
}

/** The uploaded assets of a built Pin, as they are added to the output: `{ asset?, cover_asset? }`. */
export function uploadsOf(built: Pick<BuiltPinContent, 'asset' | 'coverAsset'>): IDataObject {
	return {
		...(built.asset ? { asset: built.asset } : {}),
		...(built.coverAsset ? { cover_asset: built.coverAsset } : {}),
	};
}
