// Streaming import of the participant CSV: upsert by KPJ, per-line errors that never stop the good rows,
// and all-or-nothing per import: the whole file is one transaction, so an import that fails half-way
// (a read error, a crash) leaves the store exactly as it was. Re-importing the same file changes nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { AppError } from '../../shared/api/result';
import type { Participant } from '../../shared/domain/participant';
import type { BackendContext } from '../context';
import { REQUIRED_COLUMNS, validateRow } from './csv-row';
import { recordImport } from './import-history';
import { NameIndex } from './name-index';
import { participantWriter } from './participant-writer';

export interface ImportLineError {
  line: number;
  reason: string;
}

export interface ImportResult {
  importId: number;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: ImportLineError[];
}

export interface ImportOptions {
  actor: string;
  fileName?: string;
  /**
   * Runs inside the import's transaction, just before it commits, with the counts and the file's SHA-256
   * and size (the audit entry goes here: the file's hash and counts, never its rows).
   */
  record?: (r: ImportResult & { fileName: string; sha256: string; bytes: number }) => void;
  /** Runs after a failed import was rolled back and recorded in the import history. */
  recordFailure?: (r: { fileName: string; sha256: string; bytes: number; failure: string; rowsRead: number }) => void;
}

function toStream(source: string | Readable | Buffer): Readable {
  if (Buffer.isBuffer(source)) return Readable.from([source]);
  if (typeof source !== 'string') return source;
  if (!fs.existsSync(source)) throw new AppError('not_found', `File not found: ${source}`, { file: source });
  if (!fs.statSync(source).isFile()) throw new AppError('bad_file', `Not a file: ${source}`, { file: source });
  return fs.createReadStream(source);
}

/** Drops the participants table's own secondary indexes and returns their SQL to create them again. */
function deferIndexes(db: BackendContext['db']): string[] {
  const rows = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'participants' AND sql IS NOT NULL`)
    .all() as { name: string; sql: string }[];
  for (const r of rows) db.exec(`DROP INDEX "${r.name.replace(/"/g, '""')}"`);
  return rows.map((r) => r.sql);
}

export async function importParticipantsCsv(ctx: BackendContext, source: string | Readable | Buffer, options: ImportOptions): Promise<ImportResult> {
  const fileName = options.fileName ?? (typeof source === 'string' ? source : 'upload.csv');
  const startedAt = new Date().toISOString();
  const input = toStream(source);
  const errors: ImportLineError[] = [];
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, skip_records_with_error: true });
  parser.on('skip', (err: CsvError & { lines?: number }) => errors.push({ line: err.lines ?? 0, reason: `unreadable CSV: ${err.message}` }));
  input.on('error', (err) => parser.destroy(err));
  // The file is identified in the audit trail by its hash and size, taken from the bytes as they stream.
  const digest = crypto.createHash('sha256');
  let bytes = 0;
  input.on('data', (chunk: Buffer | string) => {
    digest.update(chunk);
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
  });
  let sha256: string | null = null;
  const fileHash = (): string => (sha256 ??= digest.digest('hex'));
  input.pipe(parser);

  const db = ctx.db;
  const writer = participantWriter(db, new NameIndex(db));
  const counts = { rowsRead: 0, inserted: 0, updated: 0, unchanged: 0 };
  const seen = new Map<string, number>();
  let header: string[] | null = null;
  let columnIndex = new Map<string, number>();
  // A large page cache keeps the index B-trees in memory while a big file is written (about 256 MB).
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  db.exec('BEGIN IMMEDIATE');
  try {
    // Only a store that was empty before this import may skip the look-up of existing rows. A first bulk
    // load also builds the secondary indexes once at the end instead of row by row (same definitions;
    // a rollback restores them with everything else).
    const fresh = writer.isEmpty();
    writer.setFreshStore(fresh);
    const deferred = fresh ? deferIndexes(db) : [];
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = rec.info.lines;
      if (!header) {
        header = rec.record.map((h) => h.trim().toLowerCase());
        if (header.some((h) => h.includes('\u0000') || h.includes('\uFFFD'))) {
          throw new AppError('invalid_input', 'The CSV is not UTF-8 text (UTF-16 or another encoding?): save it as UTF-8 and import again', {});
        }
        const missing = REQUIRED_COLUMNS.filter((c) => !header!.includes(c));
        if (missing.length > 0) throw new AppError('invalid_input', `The CSV lacks required column(s): ${missing.join(', ')}`, { missing: missing.join(',') });
        columnIndex = new Map(header.map((h, i) => [h, i]));
        continue;
      }
      counts.rowsRead += 1;
      if (rec.record.length !== header.length) {
        errors.push({ line, reason: `expected ${header.length} columns, found ${rec.record.length}` });
        continue;
      }
      const row = rec.record;
      const v = validateRow((c) => {
        const i = columnIndex.get(c);
        return i === undefined ? undefined : row[i];
      }, row);
      if (!v.ok) {
        errors.push({ line, reason: v.reason });
        continue;
      }
      const first = seen.get(v.participant.nomor_kpj);
      if (first !== undefined) {
        errors.push({ line, reason: `duplicate nomor_kpj ${v.participant.nomor_kpj} in this file (first on line ${first}); row ignored` });
        continue;
      }
      seen.set(v.participant.nomor_kpj, line);
      counts[writer.upsert(v.participant as Participant, startedAt)] += 1;
    }
    if (!header) throw new AppError('invalid_input', 'The CSV is empty: no header row', {});
    for (const sql of deferred) db.exec(sql);
    const importId = recordImport(db, { startedAt, actor: options.actor, fileName, status: 'done', ...counts, errors });
    options.record?.({ importId, ...counts, errors, fileName, sha256: fileHash(), bytes });
    db.exec('COMMIT');
    return { importId, ...counts, errors };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    const failure = err instanceof Error ? err.message : String(err);
    recordImport(db, { startedAt, actor: options.actor, fileName, status: 'failed', ...counts, inserted: 0, updated: 0, unchanged: 0, errors, failure });
    options.recordFailure?.({ fileName, sha256: fileHash(), bytes, failure, rowsRead: counts.rowsRead });
    if (err instanceof AppError) throw err;
    throw new AppError('bad_file', `Import of ${fileName} failed and was rolled back: ${failure}`, { file: fileName });
  } finally {
    db.pragma(`cache_size = ${Number(cacheBefore)}`);
  }
}
