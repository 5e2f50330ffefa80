// Bulk imports: JSON array (≤500) or CSV upload; per-row results (§6, §8.4).
// 202 (§8.4) with the job. [decided] The rows are processed before the answer, so the job is already final:
// `completed` when every row was created or existing, `completed_with_errors` when some row failed (all rows
// failing included); `queued`/`processing`/`failed` are valid filter values that the emulator never produces (a
// CSV that cannot be read is a 422, not a failed job). row_number is 1-based over data rows (CSV header not
// counted); pin rows need idempotency_key (an existing key -> "existing"); rows with run_at become schedules, and
// an idempotency_key on such a row is remembered too so re-importing doesn't duplicate.
import type { FastifyInstance } from 'fastify';

import type { Principal } from '../auth';
import { ApiError, notFound, validation } from '../errors';
import type { Emulator } from '../emulator';
import { json, route, type Ctx } from '../http';
import { IMPORT_JOB_STATUSES, type ImportJob, type ImportRowResult, type Workspace } from '../state';
import { pageQuery, queryOneOf, validatePinLike, Validator } from '../validate';
import { readFileField, requireFeature } from './assets';
import { jsonBody } from './pins';
import { createSchedule } from './schedules';

export const MAX_IMPORT_ROWS = 500;

/** An ApiError as a row/item result's `{code, message}` (validation lists become one readable line). */
export function errorInfo(err: unknown): { code: string; message: string } {
	if (!(err instanceof ApiError)) return { code: 'internal_error', message: String(err) };
	type ErrBody = {
		error?: { code?: string; message?: string };
		detail?: string | { error?: { code?: string; message?: string } } | Array<{ loc: unknown[]; msg: string }>;
	};
	const b = (err.body ?? {}) as ErrBody;
	const d = b.detail;
	if (b.error?.code) return { code: b.error.code, message: b.error.message ?? '' };
	if (Array.isArray(d))
		return {
			code: 'validation_error',
			message: d.map((x) => `${x.loc.slice(1).join('.') || 'row'}: ${x.msg}`).join('; '),
		};
	if (d && typeof d === 'object' && d.error?.code) return { code: d.error.code, message: d.error.message ?? '' };
	return { code: err.status === 404 ? 'not_found' : 'error', message: String(d ?? 'error') };
}

function processRow(emu: Emulator, ws: Workspace, p: Principal, row: unknown, n: number): ImportRowResult {
	const res: ImportRowResult = {
		row_number: n,
		status: 'failed',
		pin_id: null,
		schedule_id: null,
		idempotency_key: null,
		error_code: null,
		error_message: null,
	};
	try {
		const v = new Validator(row, ['row']);
		const input = validatePinLike(v, {
			idempotency: 'optional',
			runAt: 'optional',
			now: emu.clock.now(),
			ids: emu.store.ids.format,
		});
		if (input.run_at === null && !v.has('run_at') && !v.has('idempotency_key'))
			v.add('idempotency_key', 'Field required', 'missing');
		v.throwIfErrors();
		res.idempotency_key = input.idempotency_key;
		const key = input.idempotency_key;
		if (input.run_at !== null) {
			const existingId = key ? ws.importScheduleKeys.get(key) : undefined;
			const existing = existingId ? emu.store.schedules.get(existingId) : undefined;
			if (existing) {
				Object.assign(res, { status: 'existing', schedule_id: existing.id, pin_id: existing.pin_id });
				return res;
			}
			const s = createSchedule(emu, ws, input, p);
			if (key) ws.importScheduleKeys.set(key, s.id);
			Object.assign(res, { status: 'created', schedule_id: s.id });
			return res;
		}
		const existing = emu.lifecycle.replay(ws, key!);
		if (existing) {
			Object.assign(res, { status: 'existing', pin_id: existing.id });
			return res;
		}
		const prepared = emu.lifecycle.prepare(ws, input, p);
		emu.lifecycle.checkQuota(ws);
		const pin = emu.lifecycle.create(ws, prepared, key!);
		Object.assign(res, { status: 'created', pin_id: pin.id });
	} catch (err) {
		const e = errorInfo(err);
		res.error_code = e.code;
		res.error_message = e.message;
	}
	return res;
}

function runImport(emu: Emulator, p: Principal, source: 'json' | 'csv', filename: string | null, rows: unknown[]): ImportJob {
	const ws = p.ws;
	const started = emu.clock.iso();
	const results = rows.map((row, i) => processRow(emu, ws, p, row, i + 1));
	const iso = emu.clock.iso();
	const failed = results.filter((r) => r.status === 'failed').length;
	const job: ImportJob = {
		id: emu.store.id('import'),
		workspace_id: ws.id,
		source_type: source,
		source_filename: filename,
		status: failed > 0 ? 'completed_with_errors' : 'completed',
		error_message: failed > 0 ? `${failed} of ${rows.length} rows failed; see results` : null,
		started_at: started,
		total_rows: rows.length,
		processed_rows: rows.length,
		created_rows: results.filter((r) => r.status === 'created').length,
		existing_rows: results.filter((r) => r.status === 'existing').length,
		failed_rows: failed,
		results,
		created_at: iso,
		updated_at: iso,
		completed_at: iso,
	};
	emu.store.imports.set(job.id, job);
	return job;
}

/** RFC 4180-ish CSV: quoted fields, "" escapes, CRLF/LF, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const s = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < s.length; i++) {
		const c = s[i];
		if (quoted) {
			if (c === '"' && s[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && s[i + 1] === '\n') i++;
			row.push(field);
			field = '';
			if (row.some((f) => f !== '')) rows.push(row);
			row = [];
		} else field += c;
	}
	row.push(field);
	if (row.some((f) => f !== '')) rows.push(row);
	return rows;
}

// [decided] CSV cells: empty = absent; related_terms is "a|b|c", a JSON array, or "a, b" (split like any comma
// string, §8.16 item 8).
export function csvToRows(text: string): Array<Record<string, unknown>> {
	const [header, ...data] = parseCsv(text);
	if (!header) return [];
	const names = header.map((h) => h.trim());
	return data.map((cells) => {
		const o: Record<string, unknown> = {};
		names.forEach((name, i) => {
			const cell = cells[i];
			if (cell === undefined || cell === '' || !name) return;
			if (name === 'related_terms')
				o[name] = cell.trim().startsWith('[')
					? JSON.parse(cell)
					: cell.includes('|')
						? cell.split('|').map((t) => t.trim()).filter(Boolean)
						: cell;
			else o[name] = cell;
		});
		return o;
	});
}

function logImport(ctx: Ctx, job: ImportJob): ImportJob {
	ctx.emu.activity.byRequest(ctx, {
		action: 'import.completed',
		category: 'publishing',
		resource_type: 'import_job',
		resource_id: job.id,
		status: job.failed_rows > 0 && job.created_rows + job.existing_rows === 0 ? 'failed' : 'success',
		message: `Import of ${job.total_rows} rows: ${job.created_rows} created, ${job.existing_rows} existing, ${job.failed_rows} failed`,
		metadata: { source: job.source_type, total_rows: job.total_rows, failed_rows: job.failed_rows },
	});
	return job;
}

export function registerImportRoutes(app: FastifyInstance, emu: Emulator): void {
	route(app, emu, 'POST', '/v1/pins/imports/json', { scope: 'write' }, (ctx) => {
		requireFeature(ctx.principal.ws, 'imports');
		const body = jsonBody(ctx);
		if (!Array.isArray(body)) throw validation([{ loc: ['body'], msg: 'Input should be a valid list', type: 'list_type' }]);
		if (body.length > MAX_IMPORT_ROWS)
			throw validation([
				{ loc: ['body'], msg: `List should have at most ${MAX_IMPORT_ROWS} items after validation, not ${body.length}`, type: 'too_long' },
			]);
		if (body.length === 0) throw validation([{ loc: ['body'], msg: 'List should have at least 1 item after validation, not 0', type: 'too_short' }]);
		return json(202, logImport(ctx, runImport(emu, ctx.principal, 'json', null, body)));
	});

	route(app, emu, 'POST', '/v1/pins/imports/csv', { scope: 'write' }, async (ctx) => {
		requireFeature(ctx.principal.ws, 'imports');
		const file = await readFileField(ctx);
		let rows: Array<Record<string, unknown>>;
		try {
			rows = csvToRows(file.data.toString('utf8'));
		} catch {
			throw validation([{ loc: ['body', 'file'], msg: 'Value error, could not parse the CSV file', type: 'value_error' }]);
		}
		if (rows.length === 0) throw validation([{ loc: ['body', 'file'], msg: 'Value error, the CSV has no data rows', type: 'value_error' }]);
		if (rows.length > MAX_IMPORT_ROWS)
			throw validation([{ loc: ['body', 'file'], msg: `Value error, at most ${MAX_IMPORT_ROWS} rows, got ${rows.length}`, type: 'value_error' }]);
		return json(202, logImport(ctx, runImport(emu, ctx.principal, 'csv', file.filename, rows)));
	});

	route(app, emu, 'GET', '/v1/pins/imports', { scope: 'read' }, (ctx) => {
		const v = new Validator(ctx.query, ['query']);
		const page = pageQuery(v);
		const status = queryOneOf(v, 'status', IMPORT_JOB_STATUSES);
		const sourceType = queryOneOf(v, 'source_type', ['json', 'csv'] as const);
		v.throwIfErrors();
		const list = [...emu.store.imports.values()]
			.filter((j) => j.workspace_id === ctx.principal.ws.id)
			.filter((j) => (status === null || j.status === status) && (sourceType === null || j.source_type === sourceType))
			.reverse();
		return json(200, list.slice(page.offset, page.offset + page.limit));
	});

	route(app, emu, 'GET', '/v1/pins/imports/:id', { scope: 'read' }, (ctx) => {
		const j = emu.store.imports.get(ctx.params.id);
		if (!j || j.workspace_id !== ctx.principal.ws.id) throw notFound('Import');
		return json(200, j);
	});
}
