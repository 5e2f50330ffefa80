// The asset library (§8.7, 1.34+): list with filters and storage figures, delete with confirmation.
import type { FastifyInstance } from 'fastify';

import { notFound } from '../errors';
import type { Emulator } from '../emulator';
import { json, route } from '../http';
import type { Asset } from '../state';
import { sortBy } from '../sorting';
import { pageQuery, queryBool, queryOneOf, queryStr, queryTime, Validator } from '../validate';
import { assetReferences, assetView } from './assets';

export const ASSET_SORTS = ['created_at_desc', 'created_at_asc', 'name_asc', 'name_desc', 'size_desc', 'size_asc'] as const;

function storage(emu: Emulator, workspaceId: string) {
	const ws = emu.store.workspaces.get(workspaceId)!;
	const used = [...emu.store.assets.values()].filter((a) => a.workspace_id === workspaceId).reduce((n, a) => n + a.file_size_bytes, 0);
	const quota = ws.plan.storage_quota_bytes;
	return {
		storage_used_bytes: used,
		storage_quota_bytes: quota,
		storage_used_percent: quota > 0 ? Math.round((used / quota) * 10_000) / 100 : null,
	};
}

export function registerAssetLibraryRoutes(app: FastifyInstance, emu: Emulator): void {
	// Returns an object, not a bare array (§8.14 item 1). [decided] default limit 50, max 200 as for the other lists;
	// `workspace_id` other than the caller's gives an empty page.
	route(app, emu, 'GET', '/v1/assets', { scope: 'read' }, (ctx) => {
		const v = new Validator(ctx.query, ['query']);
		const page = pageQuery(v);
		const sort = queryOneOf(v, 'sort', ASSET_SORTS) ?? 'created_at_desc';
		const q = queryStr(v, 'q')?.toLowerCase() ?? null;
		const assetType = queryOneOf(v, 'asset_type', ['image', 'video'] as const);
		const inUse = queryBool(v, 'in_use');
		const since = queryTime(v, 'since');
		const until = queryTime(v, 'until');
		const workspaceId = queryStr(v, 'workspace_id');
		v.throwIfErrors();
		const ws = ctx.principal.ws;
		const matches: Asset[] = [...emu.store.assets.values()]
			.filter((a) => a.workspace_id === ws.id && (workspaceId === null || workspaceId === ws.id))
			.filter((a) => assetType === null || a.asset_type === assetType)
			.filter((a) => q === null || a.original_filename.toLowerCase().includes(q))
			.filter((a) => inUse === null || assetReferences(emu, a) > 0 === inUse)
			.filter((a) => since === null || Date.parse(a.created_at) >= since)
			.filter((a) => until === null || Date.parse(a.created_at) < until)
			.reverse();
		const sorted = sortBy(matches, sort, {
			created_at: (a) => a.created_at,
			name: (a) => a.original_filename,
			size: (a) => a.file_size_bytes,
		});
		return json(200, {
			assets: sorted.slice(page.offset, page.offset + page.limit).map((a) => assetView(emu, a)),
			total: sorted.length,
			...storage(emu, ws.id),
		});
	});

	// §8.7: an asset in use is kept unless confirm=true ("requires_confirmation", not an error).
	route(app, emu, 'DELETE', '/v1/assets/:id', { scope: 'destructive' }, (ctx) => {
		const v = new Validator(ctx.query, ['query']);
		const confirm = queryBool(v, 'confirm') ?? false;
		v.throwIfErrors();
		const a = emu.store.assets.get(ctx.params.id);
		if (!a || a.workspace_id !== ctx.principal.ws.id) throw notFound('Asset');
		const references = assetReferences(emu, a);
		if (references > 0 && !confirm)
			return json(200, { deleted: false, requires_confirmation: true, referenced_pin_count: references, freed_bytes: 0 });
		emu.store.assets.delete(a.id);
		return json(200, { deleted: true, requires_confirmation: false, referenced_pin_count: references, freed_bytes: a.file_size_bytes });
	});
}
