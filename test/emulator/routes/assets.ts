// /v1/assets: multipart upload kept in memory, served back (no auth) at public_url; the 1.34+ list and the
// delete with confirmation live in assetLibrary.ts.
import type { FastifyInstance } from 'fastify';

import { notFound, planFeatureMissing, validation } from '../errors';
import type { Emulator } from '../emulator';
import { json, route, type Ctx } from '../http';
import type { Asset, Workspace } from '../state';

/** "1.2 MB" — [decided] binary units, one decimal, as the dashboard would show them. */
export function sizeDisplay(bytes: number): string {
	const units = ['B', 'KB', 'MB', 'GB', 'TB'];
	let n = bytes;
	let i = 0;
	while (n >= 1024 && i < units.length - 1) {
		n /= 1024;
		i++;
	}
	return i === 0 ? `${n} B` : `${n.toFixed(1)} ${units[i]}`;
}

/** Pins (any status) plus schedules that have not run which use the asset as media or cover (§8.7). */
export function assetReferences(emu: Emulator, a: Asset): number {
	const ws = emu.store.workspaces.get(a.workspace_id);
	if (!ws) return 0;
	const pins = ws.pins.filter((p) => p.asset_id === a.id || p.cover_image_url === a.public_url).length;
	const waiting = ['scheduled', 'queued', 'deferred'];
	const schedules = ws.schedules.filter(
		(s) => waiting.includes(s.status) && (s.payload.asset_id === a.id || s.payload.cover_image_url === a.public_url),
	).length;
	return pins + schedules;
}

export function assetView(emu: Emulator, a: Asset) {
	const out: Partial<Asset> = { ...a };
	delete out.data;
	return { ...out, file_size_display: sizeDisplay(a.file_size_bytes), referenced_by_pin_count: assetReferences(emu, a) };
}

export function requireFeature(ws: Workspace, feature: 'assets' | 'imports'): void {
	if (!ws.plan[feature])
		throw planFeatureMissing('payment_required', feature === 'assets' ? 'uploads' : 'imports', ws.plan.name);
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
			const id = emu.store.id('asset');
			const iso = emu.clock.iso();
			const ext = /\.([A-Za-z0-9]{1,8})$/.exec(file.filename ?? '')?.[1]?.toLowerCase() ?? file.mimetype.split('/')[1];
			const asset: Asset = {
				id,
				workspace_id: ws.id,
				asset_type: kind,
				original_filename: file.filename,
				content_type: file.mimetype,
				file_size_bytes: file.data.length,
				// §8.7: public_url points at /v1/assets/{id}/content ([decided]: served without credentials, as a public URL)
				public_url: `${emu.baseUrl}/v1/assets/${id}/content`,
				stored_filename: `${id}.${ext}`,
				workspace_environment: 'production',
				created_at: iso,
				updated_at: iso,
				data: file.data,
			};
			emu.store.assets.set(id, asset);
			return json(201, assetView(emu, asset));
		});
	}

	route(app, emu, 'GET', '/v1/assets/:id', { scope: 'read' }, (ctx) => {
		const a = emu.store.assets.get(ctx.params.id);
		if (!a || a.workspace_id !== ctx.principal.ws.id) throw notFound('Asset');
		return json(200, assetView(emu, a));
	});

	const serve = (ctx: Ctx) => {
		const a = emu.store.assets.get(ctx.params.id);
		if (!a) throw notFound('Asset');
		const name = a.original_filename || a.stored_filename;
		return {
			status: 200,
			raw: a.data,
			contentType: a.content_type,
			headers: { 'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(name)}` },
		};
	};
	route(app, emu, 'GET', '/v1/assets/:id/content', { scope: null }, serve);
	route(app, emu, 'GET', '/media/:id', { scope: null }, serve);
	route(app, emu, 'GET', '/media/:id/:name', { scope: null }, serve);
}
