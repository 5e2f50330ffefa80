// /v1/assets: multipart upload kept in memory, served back (no auth) at public_url.
import type { FastifyInstance } from 'fastify';

import { business, notFound, validation } from '../errors';
import type { Emulator } from '../emulator';
import { json, route, type Ctx } from '../http';
import type { Asset, Workspace } from '../state';

export function assetView(a: Asset): Omit<Asset, 'data'> {
	const out: Partial<Asset> = { ...a };
	delete out.data;
	return out as Omit<Asset, 'data'>;
}

export function requireFeature(ws: Workspace, feature: 'assets' | 'imports'): void {
	if (!ws.plan[feature])
		throw business(
			402,
			'payment_required',
			`${feature === 'assets' ? 'Uploaded assets' : 'Bulk imports'} are not included in the ${ws.plan.name} plan`,
		);
}

/** Reads the single multipart file field named `file` (422 if absent). */
export async function readFileField(ctx: Ctx): Promise<{ filename: string; mimetype: string; data: Buffer }> {
	const missing = () => validation([{ loc: ['body', 'file'], msg: 'Field required', type: 'missing' }]);
	if (!ctx.req.isMultipart()) throw missing();
	const parts = ctx.req.parts();
	let found: { filename: string; mimetype: string; data: Buffer } | null = null;
	for await (const part of parts) {
		if (part.type === 'file') {
			const data = await part.toBuffer();
			if (part.fieldname === 'file' && !found) found = { filename: part.filename, mimetype: part.mimetype, data };
		}
	}
	if (!found) throw missing();
	return found;
}

export function registerAssetRoutes(app: FastifyInstance, emu: Emulator): void {
	for (const kind of ['image', 'video'] as const) {
		route(app, emu, 'POST', `/v1/assets/${kind}s`, { scope: 'write' }, async (ctx) => {
			const ws = ctx.principal.ws;
			requireFeature(ws, 'assets');
			const file = await readFileField(ctx);
			if (!file.mimetype.startsWith(`${kind}/`))
				throw validation([
					{ loc: ['body', 'file'], msg: `Value error, expected a ${kind} file (${kind}/*), got ${file.mimetype}`, type: 'value_error' },
				]);
			if (file.data.length === 0)
				throw validation([{ loc: ['body', 'file'], msg: 'Value error, the file is empty', type: 'value_error' }]);
			const id = emu.store.id();
			const safeName = encodeURIComponent(file.filename || `${kind}`);
			const asset: Asset = {
				id,
				workspace_id: ws.id,
				asset_type: kind,
				original_filename: file.filename,
				content_type: file.mimetype,
				file_size_bytes: file.data.length,
				public_url: `${emu.baseUrl}/media/${id}/${safeName}`,
				created_at: emu.clock.iso(),
				data: file.data,
			};
			emu.store.assets.set(id, asset);
			return json(201, assetView(asset));
		});
	}

	route(app, emu, 'GET', '/v1/assets/:id', { scope: 'read' }, (ctx) => {
		const a = emu.store.assets.get(ctx.params.id);
		if (!a || a.workspace_id !== ctx.principal.ws.id) throw notFound('Asset');
		return json(200, assetView(a));
	});

	const serve = (ctx: Ctx) => {
		const a = emu.store.assets.get(ctx.params.id);
		if (!a) throw notFound('Asset');
		return { status: 200, raw: a.data, contentType: a.content_type };
	};
	route(app, emu, 'GET', '/media/:id', { scope: null }, serve);
	route(app, emu, 'GET', '/media/:id/:name', { scope: null }, serve);
}
