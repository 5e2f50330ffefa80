// The bad-input matrix (issue 7): one row per bad input, across every operation that takes input.
// Each row: the node's parameters (and items / time zone), the field the error must name by its display name, and
// the rule the error must state. badInput.test.ts runs every row through n8n-core and checks that nothing was sent.
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ACCOUNT_ID, BOARD_ID, byId, MP4_BYTES as MP4, PNG_BYTES as PNG, publishParameters } from './pin/fixtures';

export { ACCOUNT_ID, BOARD_ID };

export const ASSET_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
export const WEBHOOK_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

const PDF = Buffer.from('%PDF-1.4\n', 'latin1');
const CSV = Buffer.from('account_id,board_id,title\n', 'utf8');

/** An item carrying one binary property. */
export function withBinary(property: string, bytes: Buffer, mimeType: string, fileName: string): INodeExecutionData[] {
	return [{ json: {}, binary: { [property]: { data: bytes.toString('base64'), mimeType, fileName } } }];
}

const pngItem = () => withBinary('data', PNG, 'image/png', 'lamp.png');
const mp4Item = () => withBinary('data', MP4, 'video/mp4', 'clip.mp4');
const pdfItem = () => withBinary('data', PDF, 'application/pdf', 'flyer.pdf');
/** One item whose json holds nulls and wrong types, for expressions such as {{ $json.none }}. */
const jsonItem = (json: Record<string, unknown>): INodeExecutionData[] => [{ json: json as INodeExecutionData['json'] }];

/** Pin → Publish with valid content; a row overrides what it makes bad. */
export const publish = publishParameters;

/** Schedule → Create with valid content and a Run At after the tests' clock (2026-11-22T10:00:00Z). */
export function schedule(overrides: INodeParameters = {}): INodeParameters {
	return publish({ resource: 'schedule', operation: 'create', runAt: '2026-12-01T09:00:00+01:00', ...overrides });
}

const op = (resource: string, operation: string, parameters: INodeParameters = {}): INodeParameters => ({
	resource,
	operation,
	...parameters,
});

export interface BadInputCase {
	name: string;
	parameters: INodeParameters;
	/** The field as the node shows it; the error message starts with `${field}: `. */
	field: string;
	/** What the error says about the rule (a substring of the message). */
	rule: string;
	items?: INodeExecutionData[];
	timezone?: string;
	/**
	 * Where the input is refused: 'node' (default) — the node's own check, per item, before any request;
	 * 'engine' — n8n itself refuses to start the workflow (a required parameter left empty in the editor).
	 */
	stage?: 'node' | 'engine';
}

const NULL_EXPR = '={{ $json.none }}'; // the item's `none` is null
/** An item as a JSON source delivers a long id: a number beyond 2^53 (parsed, it is already 1125899906842624128, written 1125899906842624100). */
const longIdItem = (): INodeExecutionData[] =>
	jsonItem(JSON.parse('{"board": 1125899906842624123, "rows": [{"title": "a", "board_id": 1125899906842624123}]}') as Record<string, unknown>);
/** A well-formed PinBridge ID for operations on one Pin or schedule. */
const LIVE_ID = '9b2f1c3e-4d5a-4b6c-8d7e-0f1a2b3c4d5e';
const BEYOND_2_53 = 'must be written as text: the number 1125899906842624100 is beyond 2^53';
const nullItem = () => jsonItem({ none: null, empty: '', object: { a: 1 }, number: 42 });

export const cases: BadInputCase[] = [
	// ── Pin → Publish: every field rule ───────────────────────────────────────────────────────────────────────
	{ name: 'title over 100', parameters: publish({ title: 't'.repeat(101) }), field: 'Title', rule: 'must be at most 100 characters (it has 101)' },
	{ name: 'title 101 emoji (characters, not UTF-16 units)', parameters: publish({ title: '😀'.repeat(101) }), field: 'Title', rule: 'at most 100 characters' },
	{ name: 'title from an expression resolving to null', parameters: publish({ title: NULL_EXPR }), items: nullItem(), field: 'Title', rule: 'is required' },
	{ name: 'title only spaces', parameters: publish({ title: '    ' }), field: 'Title', rule: 'is required' },
	{ name: 'description over 800', parameters: publish({ description: 'd'.repeat(801) }), field: 'Description', rule: 'must be at most 800 characters' },
	{ name: 'link ftp://', parameters: publish({ link: 'ftp://example.com/lamp' }), field: 'Link', rule: 'must be an http:// or https:// URL' },
	{ name: 'link without a scheme', parameters: publish({ link: 'shop.example.com/lamp' }), field: 'Link', rule: 'must be an http:// or https:// URL' },
	{ name: 'link javascript:', parameters: publish({ link: 'javascript:alert(1)' }), field: 'Link', rule: 'must be an http:// or https:// URL' },
	{ name: 'link of a wrong type (a number)', parameters: publish({ link: '={{ $json.number }}' }), items: nullItem(), field: 'Link', rule: 'must be an http:// or https:// URL, got "42"' },
	{ name: 'link over 2,048', parameters: publish({ link: `https://example.com/${'a'.repeat(2029)}` }), field: 'Link', rule: 'must be at most 2,048 characters' },
	{ name: 'alt text over 500', parameters: publish({ pinDetails: { altText: 'a'.repeat(501) } }), field: 'Alt Text', rule: 'must be at most 500 characters' },
	{ name: 'colour #FFF', parameters: publish({ pinDetails: { dominantColor: '#FFF' } }), field: 'Dominant Color', rule: 'must be a colour written #RRGGBB' },
	{ name: 'colour red', parameters: publish({ pinDetails: { dominantColor: 'red' } }), field: 'Dominant Color', rule: 'must be a colour written #RRGGBB' },
	{ name: 'colour without #', parameters: publish({ pinDetails: { dominantColor: 'E60023' } }), field: 'Dominant Color', rule: '#RRGGBB' },
	{ name: 'no media: image URL resolving to null', parameters: publish({ imageUrl: NULL_EXPR }), items: nullItem(), field: 'Image URL', rule: 'exactly one media source must be given' },
	{ name: 'no media: asset ID left empty (n8n refuses to start)', parameters: publish({ mediaSource: 'imageAsset', assetId: '' }), stage: 'engine', field: 'Asset ID', rule: 'Parameter "Asset ID" is required' },
	{ name: 'no media: asset ID resolving to ""', parameters: publish({ mediaSource: 'videoAsset', assetId: '={{ $json.empty }}' }), items: nullItem(), field: 'Asset ID', rule: 'exactly one media source must be given' },
	{ name: 'two media sources in one (an expression giving both)', parameters: publish({ mediaSource: '={{ "imageUrl,imageAsset" }}', assetId: ASSET_ID }), field: 'Media Source', rule: 'must be one of imageUrl, imageBinary, imageAsset, videoBinary, videoAsset' },
	{ name: 'image URL not http(s)', parameters: publish({ imageUrl: 'file:///tmp/lamp.png' }), field: 'Image URL', rule: 'must be an http:// or https:// URL' },
	{ name: 'image URL over 2,048', parameters: publish({ imageUrl: `https://cdn.example.com/${'i'.repeat(2030)}` }), field: 'Image URL', rule: 'must be at most 2,048 characters' },
	{ name: 'asset ID with a space', parameters: publish({ mediaSource: 'videoAsset', assetId: 'asset 42', coverSource: 'url', coverImageUrl: 'https://cdn.example.com/c.jpg' }), field: 'Asset ID', rule: 'must not contain spaces' },
	// A cover on an image Pin cannot be set: the Cover Image fields show only for video media (test/nodes/editorLabels.test.ts).
	{ name: 'cover URL missing on a video Pin', parameters: publish({ mediaSource: 'videoAsset', assetId: ASSET_ID, coverSource: 'url', coverImageUrl: '' }), field: 'Cover Image URL', rule: 'is required' },
	{ name: 'cover asset ID with a path', parameters: publish({ mediaSource: 'videoAsset', assetId: ASSET_ID, coverSource: 'asset', coverAssetId: '12/content' }), field: 'Cover Asset ID', rule: 'must not contain "/"' },
	{ name: 'video without a cover (contract §9.3)', parameters: publish({ mediaSource: 'videoAsset', assetId: ASSET_ID }), field: 'Cover Image', rule: 'a video Pin needs a cover image' },
	{ name: 'binary property missing', parameters: publish({ mediaSource: 'imageBinary', binaryPropertyName: 'photo' }), items: pngItem(), field: 'Input Binary Field', rule: 'the input item has no binary property "photo" (it has: data)' },
	{ name: 'no binary data at all', parameters: publish({ mediaSource: 'imageBinary', binaryPropertyName: 'data' }), field: 'Input Binary Field', rule: 'it has no binary data at all' },
	{ name: 'binary field name empty', parameters: publish({ mediaSource: 'imageBinary', binaryPropertyName: '  ' }), items: pngItem(), field: 'Input Binary Field', rule: 'is required' },
	{ name: 'PDF where an image is required', parameters: publish({ mediaSource: 'imageBinary' }), items: pdfItem(), field: 'Input Binary Field', rule: 'must hold an image, but it is application/pdf' },
	{ name: 'video binary where an image is expected', parameters: publish({ mediaSource: 'imageBinary' }), items: mp4Item(), field: 'Input Binary Field', rule: 'must hold an image, but it is video/mp4' },
	{ name: 'image binary where a video is expected', parameters: publish({ mediaSource: 'videoBinary' }), items: pngItem(), field: 'Input Binary Field', rule: 'must hold a video, but it is image/png' },
	{ name: 'empty image binary', parameters: publish({ mediaSource: 'imageBinary' }), items: withBinary('data', Buffer.alloc(0), 'image/png', 'empty.png'), field: 'Input Binary Field', rule: 'is empty' },
	{ name: 'cover binary that is a video', parameters: publish({ mediaSource: 'videoBinary', coverSource: 'binary', coverBinaryPropertyName: 'data' }), items: mp4Item(), field: 'Cover Input Binary Field', rule: 'must hold an image, but it is video/mp4' },
	{ name: 'account with a space', parameters: publish({ account: byId('={{ "acme account" }}') }), field: 'Pinterest Account', rule: 'must not contain spaces' },
	{ name: 'account still the example workflows’ placeholder (From List)', parameters: publish({ account: { __rl: true, mode: 'list', value: 'PINBRIDGE_ACCOUNT_ID', cachedResultName: 'PINBRIDGE_ACCOUNT_ID (choose your Pinterest account)' } }), field: 'Pinterest Account', rule: 'is still the example\'s placeholder "PINBRIDGE_ACCOUNT_ID"' },
	{ name: 'account from an expression resolving to an object', parameters: publish({ account: byId('={{ { id: 1 } }}') }), field: 'Pinterest Account', rule: 'must be text, got an object' },
	{ name: 'board given as its Pinterest address', parameters: publish({ board: byId('={{ "https://www.pinterest.com/studio/recipes/" }}') }), field: 'Board', rule: 'This looks like a pasted URL: the ID is probably "recipes"' },
	{ name: 'board ID from an expression resolving to ""', parameters: publish({ board: byId('={{ $json.empty }}') }), items: nullItem(), field: 'Board', rule: 'is required' },
	{ name: 'custom idempotency key over 255', parameters: publish({ publishOptions: { idempotencyKey: 'k'.repeat(256) } }), field: 'Idempotency Key', rule: 'must be at most 255 characters' },
	{ name: 'wait timeout of 0 seconds', parameters: publish({ publishOptions: { waitForPublish: true, waitTimeoutSeconds: 0 } }), field: 'Wait Timeout (Seconds)', rule: 'must be more than 0' },

	// ── Schedule → Create: Run At and the shared Pin rules ─────────────────────────────────────────────────────
	{ name: 'run_at in the past', parameters: schedule({ runAt: '2026-11-01T09:00:00+01:00' }), field: 'Run At', rule: 'must be in the future' },
	{ name: 'run_at exactly now', parameters: schedule({ runAt: '2026-11-22T10:00:00Z' }), field: 'Run At', rule: 'must be in the future' },
	{ name: 'run_at unparseable', parameters: schedule({ runAt: 'next tuesday' }), field: 'Run At', rule: 'is not a date and time PinBridge can read' },
	{ name: 'run_at on 30 February', parameters: schedule({ runAt: '2026-02-30T09:00:00' }), timezone: 'Europe/Berlin', field: 'Run At', rule: 'is not a valid date and time' },
	{ name: 'run_at from an expression resolving to null', parameters: schedule({ runAt: NULL_EXPR }), items: nullItem(), field: 'Run At', rule: 'is required' },
	{ name: 'run_at of a wrong type (a number)', parameters: schedule({ runAt: '={{ $json.number }}' }), items: nullItem(), field: 'Run At', rule: 'must be a date and time' },
	{ name: 'run_at without offset in an unknown workflow time zone', parameters: schedule({ runAt: '2026-12-01T09:00:00' }), timezone: 'Mars/Olympus_Mons', field: 'Run At', rule: 'the workflow\'s time zone "Mars/Olympus_Mons" is unknown' },
	{ name: 'schedule with a title over 100', parameters: schedule({ title: 's'.repeat(101) }), field: 'Title', rule: 'must be at most 100 characters' },
	{ name: 'schedule of a video Pin given a PDF', parameters: schedule({ mediaSource: 'videoBinary' }), items: pdfItem(), field: 'Input Binary Field', rule: 'must hold a video, but it is application/pdf' },

	// ── Board → Create / Delete ────────────────────────────────────────────────────────────────────────────────
	{ name: 'board name left empty (n8n refuses to start)', parameters: op('board', 'create', { account: byId(ACCOUNT_ID), name: '' }), stage: 'engine', field: 'Name', rule: 'Parameter "Name" is required' },
	{ name: 'board name only spaces', parameters: op('board', 'create', { account: byId(ACCOUNT_ID), name: '   ' }), field: 'Name', rule: 'is required' },
	{ name: 'board name resolving to null', parameters: op('board', 'create', { account: byId(ACCOUNT_ID), name: NULL_EXPR }), items: nullItem(), field: 'Name', rule: 'is required' },
	{ name: 'board name over 180', parameters: op('board', 'create', { account: byId(ACCOUNT_ID), name: 'b'.repeat(181) }), field: 'Name', rule: 'must be at most 180 characters' },
	{ name: 'board create with an account ID beyond 2^53', parameters: op('board', 'create', { account: byId('={{ 12345678901234567890 }}'), name: 'Recipes' }), field: 'Pinterest Account', rule: 'beyond 2^53' },
	{ name: 'board delete with a board name', parameters: op('board', 'delete', { account: byId(ACCOUNT_ID), board: byId('={{ "summer recipes" }}') }), field: 'Board', rule: 'must not contain spaces' },
	{ name: 'board delete with an account resolving to null', parameters: op('board', 'delete', { account: byId(NULL_EXPR), board: byId(BOARD_ID) }), items: nullItem(), field: 'Pinterest Account', rule: 'is required' },

	// ── Webhook → Create / Update / Delete ───────────────────────────────────────────────────────────────────────
	{ name: 'webhook URL ftp://', parameters: op('webhook', 'create', { url: 'ftp://example.com/hooks' }), field: 'URL', rule: 'must be an http:// or https:// URL, got "ftp://example.com/hooks"' },
	{ name: 'webhook URL empty', parameters: op('webhook', 'create', { url: NULL_EXPR }), items: nullItem(), field: 'URL', rule: 'is required' },
	{ name: 'webhook URL of a wrong type (an object)', parameters: op('webhook', 'create', { url: '={{ $json.object }}' }), items: nullItem(), field: 'URL', rule: 'must be text, got an object' },
	{ name: 'webhook secret too short', parameters: op('webhook', 'create', { url: 'https://example.com/h', secret: 'short-secret-15' }), field: 'Secret', rule: 'must be 16 to 255 characters, got 15' },
	{ name: 'webhook secret too long', parameters: op('webhook', 'create', { url: 'https://example.com/h', secret: 's'.repeat(256) }), field: 'Secret', rule: 'must be 16 to 255 characters, got 256' },
	{ name: 'webhook events empty', parameters: op('webhook', 'create', { url: 'https://example.com/h', events: [] }), field: 'Events', rule: 'choose at least one event' },
	{ name: 'webhook event unknown', parameters: op('webhook', 'create', { url: 'https://example.com/h', events: '={{ ["pin.deleted"] }}' }), field: 'Events', rule: 'must be pin.published or pin.failed, got "pin.deleted"' },
	{ name: 'webhook update URL ftp://', parameters: op('webhook', 'update', { webhookId: WEBHOOK_ID, updateFields: { url: 'ftp://example.com/h' } }), field: 'URL', rule: 'must be an http:// or https:// URL' },
	{ name: 'webhook update secret too short', parameters: op('webhook', 'update', { webhookId: WEBHOOK_ID, updateFields: { secret: 'tiny' } }), field: 'Secret', rule: 'must be 16 to 255 characters, got 4' },
	{ name: 'webhook update events empty', parameters: op('webhook', 'update', { webhookId: WEBHOOK_ID, updateFields: { events: [] } }), field: 'Events', rule: 'choose at least one event' },
	{ name: 'webhook update with nothing to change', parameters: op('webhook', 'update', { webhookId: WEBHOOK_ID, updateFields: {} }), field: 'Update Fields', rule: 'add at least one field to change' },
	{ name: 'webhook update with own secret and Rotate Secret', parameters: op('webhook', 'update', { webhookId: WEBHOOK_ID, updateFields: { secret: 'x'.repeat(20), rotateSecret: true } }), field: 'Rotate Secret', rule: 'cannot be combined with Secret' },
	{ name: 'webhook update with a query in the ID', parameters: op('webhook', 'update', { webhookId: 'wh_123?x=1', updateFields: { isEnabled: false } }), field: 'Webhook ID', rule: 'must not contain "?"' },
	{ name: 'webhook delete with an ID resolving to null', parameters: op('webhook', 'delete', { webhookId: NULL_EXPR }), items: nullItem(), field: 'Webhook ID', rule: 'is required' },

	// ── Import → From JSON / From CSV / Get ──────────────────────────────────────────────────────────────────────
	{ name: 'import rows an object, not an array', parameters: op('import', 'fromJson', { rows: '={{ $json.object }}' }), items: nullItem(), field: 'Rows', rule: 'must be an array of Pin rows, got an object' },
	{ name: 'import rows a number', parameters: op('import', 'fromJson', { rows: '={{ $json.number }}' }), items: nullItem(), field: 'Rows', rule: 'must be an array of Pin rows, got a number' },
	{ name: 'import rows resolving to null', parameters: op('import', 'fromJson', { rows: NULL_EXPR }), items: nullItem(), field: 'Rows', rule: 'is required' },
	{ name: 'import rows an empty array', parameters: op('import', 'fromJson', { rows: '[]' }), field: 'Rows', rule: 'must contain at least one row' },
	{ name: 'import rows text that is not JSON', parameters: op('import', 'fromJson', { rows: '[{"title": "a",]' }), field: 'Rows', rule: 'the text is not valid JSON' },
	{ name: 'import row that is not an object', parameters: op('import', 'fromJson', { rows: '[{"title": "a"}, "b"]' }), field: 'Rows', rule: 'row 2 must be an object of Pin fields, got a string' },
	{ name: 'import row that is null', parameters: op('import', 'fromJson', { rows: '[null]' }), field: 'Rows', rule: 'row 1 must be an object of Pin fields, got null' },
	{ name: 'import row with run_at in the past', parameters: op('import', 'fromJson', { rows: '[{"title": "a", "run_at": "2020-01-01T00:00:00Z"}]' }), field: 'Rows', rule: 'row 1: run_at must be in the future' },
	{ name: 'import row idempotency_key over 255', parameters: op('import', 'fromJson', { rows: JSON.stringify([{ title: 'a', idempotency_key: 'k'.repeat(256) }]) }), field: 'Rows', rule: 'row 1: idempotency_key must be at most 255 characters' },
	{ name: 'import row with an account_id holding a space', parameters: op('import', 'fromJson', { rows: '[{"account_id": "acme inc", "title": "a"}]' }), field: 'Rows', rule: 'row 1: account_id must not contain spaces' },
	{ name: 'import row with a board_id that is a list', parameters: op('import', 'fromJson', { rows: JSON.stringify([{ account_id: ACCOUNT_ID, board_id: ['1'], title: 'a' }]) }), field: 'Rows', rule: 'row 1: board_id must be text, got a list' },
	{ name: 'CSV binary missing', parameters: op('import', 'fromCsv', { binaryPropertyName: 'sheet' }), items: withBinary('data', CSV, 'text/csv', 'pins.csv'), field: 'Input Binary Field', rule: 'the input item has no binary property "sheet" (it has: data)' },
	{ name: 'CSV binary empty', parameters: op('import', 'fromCsv', { binaryPropertyName: 'data' }), items: withBinary('data', Buffer.alloc(0), 'text/csv', 'pins.csv'), field: 'Input Binary Field', rule: 'is empty' },
	{ name: 'import get with a malformed ID', parameters: op('import', 'get', { importId: 'imp 42' }), field: 'Import ID', rule: 'must not contain spaces' },

	// ── Asset → Upload / Get ─────────────────────────────────────────────────────────────────────────────────────
	{ name: 'asset upload without the binary', parameters: op('asset', 'upload', { binaryPropertyName: 'data' }), field: 'Input Binary Field', rule: 'has no binary property "data"' },
	{ name: 'asset upload of a PDF', parameters: op('asset', 'upload', { binaryPropertyName: 'data', assetType: 'auto' }), items: pdfItem(), field: 'Input Binary Field', rule: 'must hold an image or a video, but it is application/pdf' },
	{ name: 'asset upload as Image given a video', parameters: op('asset', 'upload', { binaryPropertyName: 'data', assetType: 'image' }), items: mp4Item(), field: 'Input Binary Field', rule: 'must hold an image, but it is video/mp4' },
	{ name: 'asset get with a fragment in the ID', parameters: op('asset', 'get', { assetId: 'ast_1#x' }), field: 'Asset ID', rule: 'must not contain "#"' },

	// ── API Key, Related Term, Pinterest Account, Rate Meter ─────────────────────────────────────────────────────
	{ name: 'API key name left empty (n8n refuses to start)', parameters: op('apiKey', 'create', { name: '' }), stage: 'engine', field: 'Name', rule: 'Parameter "Name" is required' },
	{ name: 'API key name resolving to null', parameters: op('apiKey', 'create', { name: NULL_EXPR }), items: nullItem(), field: 'Name', rule: 'is required' },
	{ name: 'API key limited to an account given with a path', parameters: op('apiKey', 'create', { name: 'Reports', additionalFields: { pinterestAccountIds: [ACCOUNT_ID, 'acct/2'] } }), field: 'Pinterest Account IDs', rule: 'must not contain "/"' },
	{ name: 'API key revoke with a malformed ID', parameters: op('apiKey', 'revoke', { keyId: 'pb live key' }), field: 'API Key ID', rule: 'must not contain spaces' },
	{ name: 'related terms: empty list', parameters: op('relatedTerm', 'getAll', { account: byId(ACCOUNT_ID), terms: [] }), field: 'Terms', rule: 'add at least one term' },
	{ name: 'related terms: only null and blank values', parameters: op('relatedTerm', 'getAll', { account: byId(ACCOUNT_ID), terms: ['={{ $json.none }}', '  '] }), items: nullItem(), field: 'Terms', rule: 'add at least one term' },
	{ name: 'related terms with an invalid account', parameters: op('relatedTerm', 'getAll', { account: byId('={{ "me and you" }}'), terms: ['salad'] }), field: 'Pinterest Account', rule: 'must not contain spaces' },
	{ name: 'Complete Connection without code', parameters: op('account', 'completeConnection', { code: NULL_EXPR, state: 'st-1' }), items: nullItem(), field: 'Code', rule: 'is required' },
	{ name: 'Complete Connection with state left empty (n8n refuses to start)', parameters: op('account', 'completeConnection', { code: 'c-1', state: '' }), stage: 'engine', field: 'State', rule: 'Parameter "State" is required' },
	{ name: 'Complete Connection with state resolving to ""', parameters: op('account', 'completeConnection', { code: 'c-1', state: '={{ $json.empty }}' }), items: nullItem(), field: 'State', rule: 'is required' },
	{ name: 'Start Connection with an ftp redirect', parameters: op('account', 'startConnection', { redirectUri: 'ftp://example.com/done' }), field: 'Redirect URL', rule: 'must be an http:// or https:// URL' },
	{ name: 'Disconnect with a malformed account ID', parameters: op('account', 'disconnect', { account: byId('={{ "3f2b6c1e\\n" + "x" }}') }), field: 'Pinterest Account', rule: 'must not contain spaces' },
	{ name: 'Rate Meter with an account holding a space', parameters: op('rateMeter', 'get', { account: byId('={{ "a b" }}') }), field: 'Pinterest Account', rule: 'must not contain spaces' },

	// ── Operations that take an ID ─────────────────────────────────────────────────────────────────────────────
	{ name: 'Pin Get with the Pin’s Pinterest address', parameters: op('pin', 'get', { pinId: 'https://www.pinterest.com/pin/1234567890/' }), field: 'Pin ID', rule: 'the ID is probably "1234567890"' },
	{ name: 'Pin Delete with an ID resolving to null', parameters: op('pin', 'delete', { pinId: NULL_EXPR }), items: nullItem(), field: 'Pin ID', rule: 'is required' },
	{ name: 'Pin Retry with a path in the ID', parameters: op('pin', 'retry', { pinId: '../webhooks' }), field: 'Pin ID', rule: 'must not contain "/"' },
	{ name: 'Pin Get Status with an ID resolving to ""', parameters: op('pin', 'getStatus', { pinId: '={{ $json.empty }}' }), items: nullItem(), field: 'Pin ID', rule: 'is required' },
	{ name: 'Pin Get Many with an unreadable date filter', parameters: op('pin', 'getAll', { filters: { since: 'yesterday' } }), field: 'Created After', rule: '"yesterday" is not a date and time' },
	{ name: 'Pin Get Many since without offset in an unknown time zone', parameters: op('pin', 'getAll', { filters: { since: '2026-01-01T00:00:00' } }), timezone: 'Mars/Olympus_Mons', field: 'Created After', rule: 'the workflow\'s time zone "Mars/Olympus_Mons" is unknown' },
	{ name: 'Schedule Get with a malformed ID', parameters: op('schedule', 'get', { scheduleId: 'sch 1' }), field: 'Schedule ID', rule: 'must not contain spaces' },
	{ name: 'Schedule Cancel with an ID resolving to null', parameters: op('schedule', 'cancel', { scheduleId: NULL_EXPR }), items: nullItem(), field: 'Schedule ID', rule: 'is required' },
	// Wrong types and values an expression can produce
	{ name: 'related terms of a wrong type (an object)', parameters: publish({ pinDetails: { relatedTerms: '={{ $json.object }}' } }), items: nullItem(), field: 'Related Terms', rule: 'must be a list of words or phrases; each term must be text, got an object' },
	{ name: 'a title of a wrong type (an object)', parameters: publish({ title: '={{ $json.object }}' }), items: nullItem(), field: 'Title', rule: 'must be text, got an object' },
	{ name: 'a custom idempotency key of a wrong type (an object)', parameters: publish({ publishOptions: { idempotencyKey: '={{ $json.object }}' } }), items: nullItem(), field: 'Idempotency Key', rule: 'must be text, got an object' },
	{ name: 'board privacy other than PUBLIC/PROTECTED/SECRET', parameters: op('board', 'create', { account: byId(ACCOUNT_ID), name: 'Recipes', privacy: '={{ "friends" }}' }), field: 'Privacy', rule: 'must be one of PUBLIC, PROTECTED, SECRET, got "friends"' },
	{ name: 'a board name of a wrong type (an object)', parameters: op('board', 'create', { account: byId(ACCOUNT_ID), name: '={{ $json.object }}' }), items: nullItem(), field: 'Name', rule: 'must be text, got an object' },
	{ name: 'a webhook secret of a wrong type (a number, too short as text)', parameters: op('webhook', 'create', { url: 'https://example.com/h', secret: '={{ $json.number }}' }), items: nullItem(), field: 'Secret', rule: 'must be 16 to 255 characters, got 2' },
	{ name: 'webhook Enabled that is not a boolean', parameters: op('webhook', 'create', { url: 'https://example.com/h', isEnabled: '={{ "no" }}' }), field: 'Enabled', rule: 'must be true or false, got a string' },
	{ name: 'API key scopes outside read/write/destructive', parameters: op('apiKey', 'create', { name: 'Reports', additionalFields: { scopes: '={{ ["admin"] }}' } }), field: 'Scopes', rule: 'must be one of read, write, destructive, got "admin"' },
	{ name: 'related-term Terms of a wrong type (an object)', parameters: op('relatedTerm', 'getAll', { account: byId(ACCOUNT_ID), terms: '={{ $json.object }}' }), items: nullItem(), field: 'Terms', rule: 'each value must be text, got an object' },
	{ name: 'an account ID typed By ID with a space', parameters: publish({ account: byId('acme account') }), field: 'Pinterest Account', rule: 'must not contain spaces' },
	{ name: 'a board ID typed By ID as an address', parameters: publish({ board: byId('pinterest.com/studio/recipes') }), field: 'Board', rule: 'the ID is probably "recipes"' },

	// ── Faults found by trying public bug reports (issue 13) ────────────────────────────────────────────────────
	// IDs that arrive as JSON numbers beyond 2^53: JavaScript has already changed their last digits (another board).
	{ name: 'board from a JSON number beyond 2^53 (Publish)', parameters: publish({ board: byId('={{ $json.board }}') }), items: longIdItem(), field: 'Board', rule: BEYOND_2_53 },
	{ name: 'board from a JSON number beyond 2^53 (Schedule Create)', parameters: schedule({ board: byId('={{ $json.board }}') }), items: longIdItem(), field: 'Board', rule: BEYOND_2_53 },
	{ name: 'board filter from a JSON number beyond 2^53 (Pin Get Many)', parameters: op('pin', 'getAll', { board: byId('={{ $json.board }}') }), items: longIdItem(), field: 'Board', rule: BEYOND_2_53 },
	{ name: 'board filter from a JSON number beyond 2^53 (Schedule Get Many)', parameters: op('schedule', 'getAll', { board: byId('={{ $json.board }}') }), items: longIdItem(), field: 'Board', rule: BEYOND_2_53 },
	{ name: 'board from a JSON number beyond 2^53 (Board Delete)', parameters: op('board', 'delete', { account: byId(ACCOUNT_ID), board: byId('={{ $json.board }}') }), items: longIdItem(), field: 'Board', rule: BEYOND_2_53 },
	{ name: 'board from a JSON number beyond 2^53 picked From List (Publish)', parameters: publish({ board: { __rl: true, mode: 'list', value: '={{ $json.board }}' } }), items: longIdItem(), field: 'Board', rule: BEYOND_2_53 },
	{ name: 'account from a JSON number beyond 2^53', parameters: publish({ account: byId('={{ $json.board }}') }), items: longIdItem(), field: 'Pinterest Account', rule: BEYOND_2_53 },
	{ name: 'import row board_id a JSON number beyond 2^53', parameters: op('import', 'fromJson', { rows: '={{ $json.rows }}' }), items: longIdItem(), field: 'Rows', rule: `row 1: board_id ${BEYOND_2_53}` },
	{ name: 'import row idempotency_key a JSON number beyond 2^53', parameters: op('import', 'fromJson', { rows: '={{ [{ ...$json.rows[0], board_id: "549755885175", idempotency_key: $json.board }] }}' }), items: longIdItem(), field: 'Rows', rule: `row 1: idempotency_key ${BEYOND_2_53}` },
	// Booleans, objects and lists where text belongs (a number may become text).
	{ name: 'title from an expression giving true', parameters: publish({ title: '={{ true }}' }), field: 'Title', rule: 'must be text, got a boolean' },
	{ name: 'description from an expression giving false', parameters: publish({ description: '={{ false }}' }), field: 'Description', rule: 'must be text, got a boolean' },
	{ name: 'a related term that is a boolean', parameters: publish({ pinDetails: { relatedTerms: '={{ ["lamp", true] }}' } }), field: 'Related Terms', rule: 'each term must be text, got a boolean' },
	{ name: 'schedule title from an expression giving a list', parameters: schedule({ title: '={{ ["a", "b"] }}' }), field: 'Title', rule: 'must be text, got a list' },
	{ name: 'board description from an expression giving true', parameters: op('board', 'create', { account: byId(ACCOUNT_ID), name: 'Recipes', additionalFields: { description: '={{ true }}' } }), field: 'Description', rule: 'must be text, got a boolean' },
	{ name: 'API key name from an expression giving true', parameters: op('apiKey', 'create', { name: '={{ true }}' }), field: 'Name', rule: 'must be text, got a boolean' },
	{ name: 'Complete Connection code from an expression giving true', parameters: op('account', 'completeConnection', { code: '={{ true }}', state: 'st-1' }), field: 'Code', rule: 'must be text, got a boolean' },
	{ name: 'Pin Get Many search from an expression giving an object', parameters: op('pin', 'getAll', { filters: { search: '={{ $json.object }}' } }), items: nullItem(), field: 'Search', rule: 'must be text, got an object' },
	{ name: 'related-term Terms with a boolean value', parameters: op('relatedTerm', 'getAll', { account: byId(ACCOUNT_ID), terms: ['salad', '={{ true }}'] }), field: 'Terms', rule: 'each value must be text, got a boolean' },
	{ name: 'import row board_id a boolean', parameters: op('import', 'fromJson', { rows: '[{"title": "a", "board_id": true}]' }), field: 'Rows', rule: 'row 1: board_id must be text, got a boolean' },
	{ name: 'webhook URL from an expression giving true', parameters: op('webhook', 'create', { url: '={{ true }}' }), field: 'URL', rule: 'must be text, got a boolean' },
	// Lengths in characters (code points), not UTF-16 units: an emoji is one character.
	{ name: 'webhook secret of 15 emoji (30 UTF-16 units, 15 characters)', parameters: op('webhook', 'create', { url: 'https://example.com/h', secret: '🔑'.repeat(15) }), field: 'Secret', rule: 'must be 16 to 255 characters, got 15' },
	{ name: 'webhook update secret of 15 emoji', parameters: op('webhook', 'update', { webhookId: WEBHOOK_ID, updateFields: { secret: '🔑'.repeat(15) } }), field: 'Secret', rule: 'must be 16 to 255 characters, got 15' },
	{ name: 'custom idempotency key of 256 emoji', parameters: publish({ publishOptions: { idempotencyKey: '🔑'.repeat(256) } }), field: 'Idempotency Key', rule: 'must be at most 255 characters (it has 256)' },
	{ name: 'import row idempotency_key of 256 emoji', parameters: op('import', 'fromJson', { rows: JSON.stringify([{ title: 'a', idempotency_key: '🔑'.repeat(256) }]) }), field: 'Rows', rule: 'row 1: idempotency_key must be at most 255 characters (it has 256)' },
	// The same rules in the API 1.41 operations (they use the shared checks).
	{ name: 'Pin Update title from an expression giving true', parameters: op('pin', 'update', { pinId: LIVE_ID, updateFields: { title: '={{ true }}' } }), field: 'Title', rule: 'must be text, got a boolean' },
	{ name: 'Pin Update board from a JSON number beyond 2^53', parameters: op('pin', 'update', { pinId: LIVE_ID, updateFields: { boardId: '={{ $json.board }}' } }), items: longIdItem(), field: 'Board ID', rule: BEYOND_2_53 },
	{ name: 'Pin Retry on a board from a JSON number beyond 2^53', parameters: op('pin', 'retry', { pinId: LIVE_ID, retryOptions: { boardId: '={{ $json.board }}' } }), items: longIdItem(), field: 'Board ID', rule: BEYOND_2_53 },
	{ name: 'Schedule Update board from a JSON number beyond 2^53', parameters: op('schedule', 'update', { scheduleId: LIVE_ID, updateFields: { boardId: '={{ $json.board }}' } }), items: longIdItem(), field: 'Board ID', rule: BEYOND_2_53 },
	{ name: 'Schedule Update description from an expression giving an object', parameters: op('schedule', 'update', { scheduleId: LIVE_ID, updateFields: { description: '={{ $json.object }}' } }), items: nullItem(), field: 'Description', rule: 'must be text, got an object' },
	{ name: 'Pin Validate custom idempotency key of 256 emoji', parameters: publish({ operation: 'validate', validateOptions: { idempotencyKey: '🔑'.repeat(256) } }), field: 'Idempotency Key', rule: 'must be at most 255 characters (it has 256)' },

	// ── Analytics, Activity Log (tests' clock: 2026-11-22T10:00:00Z) ──────────────────────────────────────────────
	{ name: 'analytics range over 366 days', parameters: op('analytics', 'getAccount', { account: byId(ACCOUNT_ID), startDate: '2025-11-01', endDate: '2026-11-22' }), field: 'Start Date', rule: 'the range may cover at most 366 days, got 387' },
	{ name: 'analytics live older than 90 days', parameters: op('analytics', 'getAccount', { account: byId(ACCOUNT_ID), startDate: '2026-08-01', source: 'live' }), field: 'Start Date', rule: 'live data reaches back 90 days' },
	{ name: 'analytics start after end', parameters: op('analytics', 'getPin', { pinId: '9b2f1c3e-4d5a-4b6c-8d7e-0f1a2b3c4d5e', startDate: '2026-11-10', endDate: '2026-11-01' }), field: 'Start Date', rule: 'must be on or before the End Date (2026-11-10 is after 2026-11-01)' },
	{ name: 'analytics unreadable start date', parameters: op('analytics', 'getOverview', { startDate: 'last week' }), field: 'Start Date', rule: '"last week" is not a date PinBridge can read' },
	{ name: 'analytics end date that does not exist', parameters: op('analytics', 'getTopPins', { endDate: '2026-02-30' }), field: 'End Date', rule: '"2026-02-30" is not a valid date' },
	{ name: 'analytics metric outside the list (from an expression)', parameters: op('analytics', 'getAccount', { account: byId(ACCOUNT_ID), metrics: '={{ ["IMPRESSION", "LIKES"] }}' }), field: 'Metrics', rule: 'must be one of ENGAGEMENT, IMPRESSION' },
	{ name: 'analytics source outside auto/stored/live', parameters: op('analytics', 'getAccount', { account: byId(ACCOUNT_ID), source: '={{ "cache" }}' }), field: 'Source', rule: 'must be one of auto, stored, live, got "cache"' },
	{ name: 'Pin analytics with a Pin ID holding a space', parameters: op('analytics', 'getPin', { pinId: 'pin 1' }), field: 'Pin ID', rule: 'must not contain spaces' },
	{ name: 'Top Pins asking for more than 100', parameters: op('analytics', 'getTopPins', { top: '={{ 500 }}' }), field: 'Number of Pins', rule: 'must be a whole number from 1 to 100, got 500' },
	{ name: 'summary in an unknown time zone', parameters: op('analytics', 'getSummary', { options: { timeZone: 'Mars/Olympus_Mons' } }), field: 'Time Zone', rule: '"Mars/Olympus_Mons" is not a time zone name' },
	{ name: 'summary start not before end', parameters: op('analytics', 'getSummary', { start: '2026-11-20', end: '2026-11-20' }), field: 'Start', rule: 'must be before the End' },
	{ name: 'summary over 366 days', parameters: op('analytics', 'getSummary', { start: '2025-01-01' }), field: 'Start', rule: 'at most 366 days' },
	{ name: 'summary unreadable end', parameters: op('analytics', 'getSummary', { end: 'soon' }), field: 'End', rule: '"soon" is not a date and time' },
	{ name: 'Collect with an account that is true', parameters: op('analytics', 'collect', { account: byId('={{ true }}') }), field: 'Pinterest Account', rule: 'must be text, got a boolean' },
	{ name: 'activity log with an unreadable Since', parameters: op('activityLog', 'getAll', { filters: { since: 'yesterday' } }), field: 'Since', rule: '"yesterday" is not a date and time' },

	// ── API 1.41 operations (issue 17) ──────────────────────────────────────────────────────────────────────────
	{ name: 'Pin Update with nothing to change', parameters: op('pin', 'update', { pinId: '9b2f1c3e-4d5a-4b6c-8d7e-0f1a2b3c4d5e' }), field: 'Update Fields', rule: 'choose at least one field to change or clear' },
	{ name: 'Pin Update title of 101 emoji', parameters: op('pin', 'update', { pinId: '9b2f1c3e-4d5a-4b6c-8d7e-0f1a2b3c4d5e', updateFields: { title: '🍲'.repeat(101) } }), field: 'Title', rule: 'must be at most 100 characters (it has 101)' },
	{ name: 'Pin Retry onto a board given by name', parameters: op('pin', 'retry', { pinId: '9b2f1c3e-4d5a-4b6c-8d7e-0f1a2b3c4d5e', retryOptions: { boardId: 'Summer Recipes' } }), field: 'Board ID', rule: 'must not contain spaces' },
	{ name: 'Pin Get Many with an unknown sort', parameters: op('pin', 'getAll', { filters: { sort: '={{ "newest" }}' } }), field: 'Sort', rule: 'must be one of created_at_desc' },
	{ name: 'Schedule Update with both image URL and asset ID', parameters: op('schedule', 'update', { scheduleId: '5d1c2b3a-4e5f-4a6b-9c8d-7e6f5a4b3c2d', updateFields: { imageUrl: 'https://e.com/a.jpg', assetId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' } }), field: 'Asset ID', rule: 'set Image URL or Asset ID, not both' },
	{ name: 'Schedule Update run time in the past', parameters: op('schedule', 'update', { scheduleId: '5d1c2b3a-4e5f-4a6b-9c8d-7e6f5a4b3c2d', updateFields: { runAt: '2020-01-01T00:00:00Z' } }), field: 'Run At', rule: 'must be in the future' },
	{ name: 'Schedule Retry with an unreadable New Run At', parameters: op('schedule', 'retry', { scheduleId: '5d1c2b3a-4e5f-4a6b-9c8d-7e6f5a4b3c2d', newRunAt: 'next week' }), field: 'New Run At', rule: '"next week" is not a date and time' },
	{ name: 'Board Update with nothing to change', parameters: op('board', 'update', { account: byId(ACCOUNT_ID), board: byId('549755885175') }), field: 'Update Fields', rule: 'choose at least one of Name, Description, Privacy' },
	{ name: 'Asset Get Many with a type other than image/video', parameters: op('asset', 'getAll', { filters: { assetType: '={{ "gif" }}' } }), field: 'Type', rule: 'must be one of image, video, got "gif"' },
	{ name: 'Asset Download with an asset address', parameters: op('asset', 'download', { assetId: 'https://api.pinbridge.io/v1/assets/ast_1/content' }), field: 'Asset ID', rule: 'must be the ID only' },
];
