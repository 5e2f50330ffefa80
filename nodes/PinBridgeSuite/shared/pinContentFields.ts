import type { INodeProperties } from 'n8n-workflow';

import { accountLocator, boardLocator } from '../../shared/locators';

/** The media sources of a video Pin: only those take a cover image, so only they show the cover fields. */
const VIDEO_SOURCES = ['videoAsset', 'videoBinary'];
const forVideoCover = (coverSource: string) => ({ show: { mediaSource: VIDEO_SOURCES, coverSource: [coverSource] } });

/** A Pin's content parameters, shared by Pin → Publish and Schedule → Create (reading and checking: pinContent.ts). */
export function pinContentFields(): INodeProperties[] {
	return [
		accountLocator(
			{},
			{
				required: false,
				description:
					'The Pinterest account the Pin is published with. Optional: left empty, PinBridge uses the account that holds the board.',
			},
		),
		boardLocator(
			{},
			{ description: 'The board the Pin goes on (the list shows the boards of the account above, or of every account)' },
		),
		{
			displayName: 'Media Source',
			name: 'mediaSource',
			type: 'options',
			default: 'imageUrl',
			description: 'Where the Pin’s image or video comes from',
			options: [
				{
					name: 'Existing Image Asset',
					value: 'imageAsset',
					description: 'An image already uploaded to PinBridge (Asset → Upload)',
				},
				{
					name: 'Existing Video Asset',
					value: 'videoAsset',
					description: 'A video already uploaded to PinBridge (Asset → Upload)',
				},
				{
					name: 'Image From Binary File',
					value: 'imageBinary',
					description: 'An image in the input item, uploaded to PinBridge first',
				},
				{ name: 'Image URL', value: 'imageUrl', description: 'A public http(s) URL of the image' },
				{
					name: 'Video From Binary File',
					value: 'videoBinary',
					description: 'A video in the input item, uploaded to PinBridge first',
				},
			],
		},
		{
			displayName: 'Image URL',
			name: 'imageUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://example.com/image.jpg',
			description: 'Public http(s) URL of the image; Pinterest fetches it from there',
			displayOptions: { show: { mediaSource: ['imageUrl'] } },
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field containing the file to upload',
			description: 'Name of the binary property of the input item that holds the image or video',
			displayOptions: { show: { mediaSource: ['imageBinary', 'videoBinary'] } },
		},
		{
			displayName: 'Asset ID',
			name: 'assetId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 7c9e6679-7425-40de-944b-e07fc1f90ae7',
			description: 'ID of an asset uploaded to PinBridge (the ID in the output of Asset → Upload)',
			displayOptions: { show: { mediaSource: ['imageAsset', 'videoAsset'] } },
		},
		{
			displayName: 'Cover Image',
			name: 'coverSource',
			type: 'options',
			default: 'none',
			description: 'The still image shown before the video plays',
			displayOptions: { show: { mediaSource: VIDEO_SOURCES } },
			options: [
				{ name: 'Binary File', value: 'binary', description: 'An image in the input item, uploaded first' },
				{ name: 'Existing Image Asset', value: 'asset', description: 'An image already uploaded to PinBridge' },
				{ name: 'Image URL', value: 'url', description: 'A public http(s) URL of the image' },
				{ name: 'None', value: 'none', description: 'Let Pinterest pick a frame' },
			],
		},
		{
			displayName: 'Cover Image URL',
			name: 'coverImageUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/cover.jpg',
			description: 'Public http(s) URL of the cover image',
			displayOptions: forVideoCover('url'),
		},
		{
			displayName: 'Cover Input Binary Field',
			name: 'coverBinaryPropertyName',
			type: 'string',
			default: 'cover',
			description: 'Name of the binary property of the input item that holds the cover image',
			displayOptions: forVideoCover('binary'),
		},
		{
			displayName: 'Cover Asset ID',
			name: 'coverAssetId',
			type: 'string',
			default: '',
			description: 'ID of an image asset uploaded to PinBridge',
			displayOptions: forVideoCover('asset'),
		},
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			required: true,
			description: 'The Pin’s title, up to 100 characters',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'The Pin’s description, up to 800 characters',
		},
		{
			displayName: 'Link',
			name: 'link',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/article',
			description: 'Where a click on the Pin leads: an http(s) URL, up to 2,048 characters',
		},
		{
			displayName: 'Additional Fields',
			name: 'pinDetails',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Alt Text',
					name: 'altText',
					type: 'string',
					default: '',
					description: 'Describes the image for people using screen readers, up to 500 characters',
				},
				{
					displayName: 'Dominant Color',
					name: 'dominantColor',
					type: 'color',
					default: '',
					placeholder: '#E60023',
					description: 'The colour shown while the image loads, as #RRGGBB',
				},
				{
					displayName: 'Related Terms',
					name: 'relatedTerms',
					type: 'string',
					typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Term' },
					default: [],
					description:
						'Search terms the Pin relates to. Add one term per entry, or set an expression that returns a list.',
				},
			],
		},
	];
}
