// Add to Queue, sameness: an item whose content (Publish's content fingerprint) is already in a pending schedule gets
// that schedule; the schedule's payload is read field by field as Schedule Create's reconciliation reads it.
import type { IDataObject } from 'n8n-workflow';

import { itemContentKey, QueuedContent, sameCover, scheduleFingerprint } from '../../../nodes/PinBridgeSuite/resources/schedule/queueSameness';
import { pinContentFingerprint, type PinContentInput } from '../../../nodes/PinBridgeSuite/shared/pinContent';

const ACCOUNT = 'acc_9d1e';
const BOARD = 'b_78f2a9';

function input(overrides: Partial<PinContentInput> = {}): PinContentInput {
	return {
		accountId: ACCOUNT,
		boardId: BOARD,
		title: 'Cat of the day',
		description: 'A very good cat',
		link: 'https://example.com/cats',
		relatedTerms: [],
		mediaSource: 'imageUrl',
		imageUrl: 'https://img.example/cat.jpg',
		...overrides,
	};
}
const print = (overrides: Partial<PinContentInput> = {}) => pinContentFingerprint(input(overrides));

/** A pending schedule as PinBridge lists it for input(). */
function schedule(id: string, overrides: IDataObject = {}, payload: IDataObject = {}): IDataObject {
	return {
		id,
		pinterest_account_id: ACCOUNT,
		run_at: '2026-12-01T08:00:00Z',
		status: 'scheduled',
		payload: {
			board_id: BOARD,
			title: 'Cat of the day',
			description: 'A very good cat',
			link_url: 'https://example.com/cats',
			media_type: 'image',
			media_url: 'https://img.example/cat.jpg',
			image_url: 'https://img.example/cat.jpg',
			asset_id: null,
			cover_image_url: null,
			...payload,
		},
		...overrides,
	};
}

describe('an item already in the queue', () => {
	it('is found by its content', () => {
		const queued = new QueuedContent([schedule('other', {}, { title: 'Dog of the day' }), schedule('mine')]);
		expect(queued.find(print())?.id).toBe('mine');
	});

	it.each<[string, Partial<PinContentInput>]>([
		['title', { title: 'Cat of the night' }],
		['description', { description: 'A good cat' }],
		['no description', { description: undefined }],
		['link', { link: 'https://example.com/dogs' }],
		['board', { boardId: 'b_other' }],
		['account', { accountId: 'acc_other' }],
		['image', { imageUrl: 'https://img.example/dog.jpg' }],
		['asset instead of URL', { mediaSource: 'imageAsset', imageUrl: undefined, assetId: 'ast_5b7c' }],
	])('any other %s is other content', (_what, change) => {
		expect(new QueuedContent([schedule('mine')]).find(print(change))).toBeUndefined();
	});

	it('only while the schedule is pending (canceled, done or failed ones are not in the queue)', () => {
		for (const status of ['canceled', 'cancelled', 'done', 'failed']) {
			expect(new QueuedContent([schedule('mine', { status })]).find(print())).toBeUndefined();
		}
		for (const status of ['scheduled', 'queued', 'deferred']) {
			expect(new QueuedContent([schedule('mine', { status })]).find(print())?.id).toBe('mine');
		}
	});

	it('null, missing and empty fields in the payload are "not set", as the node sends nothing for them', () => {
		const queued = new QueuedContent([schedule('mine', {}, { description: null, link_url: '' })]);
		expect(queued.find(print({ description: undefined, link: undefined }))?.id).toBe('mine');
		expect(queued.find(print())).toBeUndefined();
	});

	it('media: the payload’s image_url, or media_url when that is all it shows; an asset by its id', () => {
		expect(new QueuedContent([schedule('mine', {}, { image_url: null })]).find(print())?.id).toBe('mine');
		const asset = schedule('asset', {}, { image_url: null, media_url: 'https://cdn.pinbridge.io/ast_5b7c.jpg', asset_id: 'ast_5b7c' });
		expect(new QueuedContent([asset]).find(print({ mediaSource: 'imageAsset', imageUrl: undefined, assetId: 'ast_5b7c' }))?.id).toBe('asset');
		expect(new QueuedContent([asset]).find(print())).toBeUndefined();
	});

	it('without an account named, any account’s schedule on the board is the item’s (PinBridge chose the board’s)', () => {
		const queued = new QueuedContent([schedule('mine', { pinterest_account_id: 'acc_chosen_by_pinbridge' })]);
		expect(queued.find(print({ accountId: '' }))?.id).toBe('mine');
		expect(queued.find(print())).toBeUndefined();
	});

	it('reads the account and board wherever PinBridge puts them, ids as numbers too', () => {
		const flat = { id: 'flat', account_id: ACCOUNT, board_id: 549755885175, run_at: '2026-12-01T08:00:00Z', status: 'queued', title: 'Cat of the day', image_url: 'https://img.example/cat.jpg' };
		const item = print({ boardId: '549755885175', description: undefined, link: undefined });
		expect(new QueuedContent([flat]).find(item)?.id).toBe('flat');
	});

	it('when several pending schedules have the content, the one that posts first', () => {
		const queued = new QueuedContent([
			schedule('later', { run_at: '2026-12-03T08:00:00Z' }),
			schedule('sooner', { run_at: '2026-12-02T08:00:00Z' }),
		]);
		expect(queued.find(print())?.id).toBe('sooner');
	});

	it('a binary’s content (its sha256) is never in a payload: such an item is never found', () => {
		const file = { data: Buffer.from('cat'), kind: 'image' as const, mimeType: 'image/jpeg', fileName: 'cat.jpg', propertyName: 'data' };
		const binary = print({ mediaSource: 'imageBinary', imageUrl: undefined, file });
		expect(new QueuedContent([schedule('mine')]).find(binary)).toBeUndefined();
	});
});

describe('covers (video Pins)', () => {
	const video = (cover: Partial<PinContentInput>) =>
		print({ mediaSource: 'videoAsset', imageUrl: undefined, assetId: 'ast_video', ...cover });
	const videoSchedule = (payload: IDataObject) =>
		schedule('video', {}, { media_type: 'video', image_url: null, media_url: 'https://cdn/v.mp4', asset_id: 'ast_video', ...payload });

	it('a cover URL must be the payload’s', () => {
		const queued = new QueuedContent([videoSchedule({ cover_image_url: 'https://img.example/cover.jpg' })]);
		expect(queued.find(video({ coverImageUrl: 'https://img.example/cover.jpg' }))?.id).toBe('video');
		expect(queued.find(video({ coverImageUrl: 'https://img.example/other.jpg' }))).toBeUndefined();
		expect(queued.find(video({}))).toBeUndefined(); // no cover against a cover
	});

	it('a cover asset is compared when PinBridge lists its id, and accepted by its URL when it does not', () => {
		const listed = new QueuedContent([videoSchedule({ cover_image_url: 'https://cdn/c.jpg', cover_image_asset_id: 'ast_cover' })]);
		expect(listed.find(video({ coverAssetId: 'ast_cover' }))?.id).toBe('video');
		expect(listed.find(video({ coverAssetId: 'ast_other' }))).toBeUndefined();
		const urlOnly = new QueuedContent([videoSchedule({ cover_image_url: 'https://cdn/c.jpg' })]);
		expect(urlOnly.find(video({ coverAssetId: 'ast_cover' }))?.id).toBe('video');
	});

	it('sameCover: an image Pin’s payload has no cover', () => {
		expect(sameCover(schedule('a'), null)).toBe(true);
		expect(sameCover(schedule('a', {}, { cover_image_url: 'https://x/c.jpg' }), null)).toBe(false);
	});
});

describe('content keys', () => {
	it('equal content, equal key; the cover and the account tell items apart', () => {
		expect(itemContentKey(print())).toBe(itemContentKey(print()));
		expect(itemContentKey(print())).toMatch(/^n8n-pin-[0-9a-f]{64}$/);
		expect(itemContentKey(print({ accountId: 'acc_other' }))).not.toBe(itemContentKey(print()));
		const video = { mediaSource: 'videoAsset' as const, imageUrl: undefined, assetId: 'ast_video' };
		expect(itemContentKey(print({ ...video, coverImageUrl: 'https://x/1.jpg' }))).not.toBe(
			itemContentKey(print({ ...video, coverImageUrl: 'https://x/2.jpg' })),
		);
	});

	it('scheduleFingerprint reads a payload in Publish’s fingerprint shape', () => {
		expect(scheduleFingerprint(schedule('mine'))).toEqual({
			account_id: ACCOUNT,
			board_id: BOARD,
			media: { image_url: 'https://img.example/cat.jpg' },
			title: 'Cat of the day',
			description: 'A very good cat',
			link_url: 'https://example.com/cats',
		});
	});
});
