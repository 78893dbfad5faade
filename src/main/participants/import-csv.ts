// Streaming import of the participant CSV: upsert by KPJ, per-line errors that never stop the good rows,
// and all-or-nothing per import. Rows are written a batch at a time, each batch in a short transaction of
// its own with an undo record of every row it changed, and the back end answers other calls between
// batches: no call waits for a whole file, and no other call's writes ever share the import's
// transaction. A batch is a few statements whatever its size (participant-writer.ts); on PostgreSQL it is
// sent to the server in one message and commits while the next batch is read and checked. An import that
// fails half-way is undone from its undo records before it is reported; one whose process stopped (a
// crash, a kill) is undone at the next start (`undoInterruptedImports`). Either way the store is exactly
// as it was. Re-importing the same file changes nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { AppError } from '../../shared/api/result';
import type { Participant } from '../../shared/domain/participant';
import type { BackendContext } from '../context';
import { REQUIRED_COLUMNS, validateRow } from './csv-row';
import type { Db } from '../db/database';
import { finishImportRecord, runningImports, startImportRecord } from './import-history';
import type { LineProblem } from '../../shared/api/methods-checks';
import { NameIndex } from './name-index';
import { batchRows, participantWriter, type StoredParticipant } from './participant-writer';
import { catchUpAfterBulkWrite, commitSteps, integer, manyRows, runSteps, tuples, type Step } from '../db/batch';
import { cleanFileName } from '../../shared/files/file-name';

export interface ImportLineError {
  line: number;
  /** In English, for the command line. */
  reason: string;
  /** The same as codes, for the screens to say in the reader's language. */
  problems?: LineProblem[];
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
   * Runs inside the transaction that completes the import, with the counts and the file's SHA-256 and
   * size (the audit entry goes here: the file's hash and counts, never its rows).
   */
  record?: (r: ImportResult & { fileName: string; sha256: string; bytes: number }) => void;
  /** Runs in the transaction that records a failed import, once it was undone. */
  recordFailure?: (r: { fileName: string; sha256: string; bytes: number; failure: string; rowsRead: number }) => void;
}

/** An upload arrives whole; it is parsed in pieces of this size, as a file is read, so that parsing too
 * leaves room for other calls. */
const PARSE_CHUNK_BYTES = 64 * 1024;
/** Rows written by an import past which the store's statistics are caught up at its end. */
const LARGE_IMPORT = 10_000;

function* pieces(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += PARSE_CHUNK_BYTES) yield bytes.subarray(at, at + PARSE_CHUNK_BYTES);
}

/** Cast so that PostgreSQL reads the parameter as a number (a parameter in VALUES is text there). */

/** Lets the event loop run the calls that arrived meanwhile. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function toStream(source: string | Readable | Buffer): Readable {
  if (Buffer.isBuffer(source)) return Readable.from(pieces(source));
  if (typeof source !== 'string') return source;
  if (!fs.existsSync(source)) throw new AppError('not_found', `File not found: ${source}`, { file: source });
  if (!fs.statSync(source).isFile()) throw new AppError('bad_file', `Not a file: ${source}`, { file: source });
  return fs.createReadStream(source);
}

/** Undoes an import's writes from its undo records, newest first, a batch per transaction. */
async function undoImport(db: Db, importId: number): Promise<void> {
  const writer = participantWriter(db, new NameIndex(db));
  const batch = db.prepare(`SELECT seq, participant_id, old_row FROM participant_import_undo WHERE import_id = ? ORDER BY seq DESC LIMIT ?`);
  const done = db.prepare(`DELETE FROM participant_import_undo WHERE import_id = ? AND seq >= ?`);
  for (;;) {
    const rows = batch.all(importId, batchRows(db)) as { seq: number; participant_id: number; old_row: string | null }[];
    if (rows.length === 0) return;
    db.transaction(() => {
      writer.restore(rows.map((r) => ({ id: r.participant_id, before: r.old_row === null ? null : (JSON.parse(r.old_row) as StoredParticipant) })));
      done.run(importId, rows[rows.length - 1]!.seq);
    })();
    await turn();
  }
}

const processAlive = (pid: number | null): boolean => {
  if (pid === null) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * At the back end's start: imports left 'running' by a process that is gone are undone and recorded as
 * interrupted; `record` audits each one in the transaction that records it. Returns how many.
 */
export async function undoInterruptedImports(db: Db, record?: (r: { importId: number; fileName: string; actor: string }) => void): Promise<number> {
  const stale = runningImports(db).filter((r) => r.ownerPid !== process.pid && !processAlive(r.ownerPid));
  for (const r of stale) {
    await undoImport(db, r.id);
    db.transaction(() => {
      finishImportRecord(db, r.id, {
        status: 'interrupted',
        rowsRead: r.rowsRead,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        errors: [],
        failure: 'The app stopped before the import finished; it was undone.',
      });
      record?.({ importId: r.id, fileName: r.fileName, actor: r.actor });
    })();
  }
  return stale.length;
}

export async function importParticipantsCsv(ctx: BackendContext, source: string | Readable | Buffer, options: ImportOptions): Promise<ImportResult> {
  const fileName = cleanFileName(options.fileName ?? (typeof source === 'string' ? source : 'upload.csv'));
  const startedAt = new Date().toISOString();
  const input = toStream(source);
  const errors: ImportLineError[] = [];
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, skip_records_with_error: true });
  parser.on('skip', (err: CsvError & { lines?: number }) =>
    errors.push({ line: err.lines ?? 0, reason: `unreadable CSV: ${err.message}`, problems: [{ column: '', code: 'unreadable' }] }),
  );
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
  // One import at a time: two could write the same participants, and undoing one would undo the other.
  const running = runningImports(db);
  if (running.length) {
    input.destroy();
    throw new AppError('conflict', `Another participant import (${running[0]!.fileName}) is still running; try again when it has finished.`, {
      reason: 'import_running',
    });
  }
  const importId = startImportRecord(db, { startedAt, actor: options.actor, fileName });
  // Into an empty store every row is new: no need to look each one up (another import cannot run).
  writer.setFreshStore(writer.isEmpty());
  // Rows written per transaction, after which other calls get their turn.
  const batchSize = batchRows(db);
  // Undo records name the participant by KPJ: one inserted in the same batch has no id where the batch is planned.
  const undo = manyRows(
    db,
    (n) =>
      `INSERT INTO participant_import_undo(import_id, seq, participant_id, old_row)
       SELECT v.column1, v.column2, (SELECT p.id FROM participants p WHERE p.nomor_kpj = v.column3), v.column4
       FROM (VALUES ${tuples(n, 4, { 0: integer, 1: integer })}) AS v WHERE v.column3 IS NOT NULL`,
    { chunk: batchSize, width: 4 },
  );
  let seq = 0;
  let batch: Participant[] = [];
  const progress = db.prepare(`UPDATE participant_imports SET rows_read = ? WHERE id = ?`);
  /** The writes of the rows waiting in `batch`, with an undo record of each row written, and the progress. */
  const batchSteps = (): Step[] => {
    const plan = writer.plan(batch, startedAt);
    for (const o of plan.outcomes) counts[o] += 1;
    batch = [];
    return [
      ...plan.steps,
      ...undo.steps(plan.written.map((w) => [importId, ++seq, w.kpj, w.before === null ? null : JSON.stringify(w.before)])),
      { statement: progress, params: [counts.rowsRead, importId] },
    ];
  };
  // A batch commits while the next one is read (on PostgreSQL; on SQLite it has committed at once). Its
  // failure is taken up before the next batch is written, or at the end: either way it fails the import.
  let writing: Promise<void> = Promise.resolve();
  const flush = async (): Promise<void> => {
    await writing;
    writing = commitSteps(db, batchSteps());
    void writing.catch(() => undefined);
    await turn();
  };
  try {
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
        errors.push({
          line,
          reason: `expected ${header.length} columns, found ${rec.record.length}`,
          problems: [{ column: '', code: 'columns', value: String(rec.record.length), expected: String(header.length) }],
        });
        continue;
      }
      const row = rec.record;
      const v = validateRow((c) => {
        const i = columnIndex.get(c);
        return i === undefined ? undefined : row[i];
      }, row);
      if (!v.ok) {
        errors.push({ line, reason: v.reason, problems: v.problems });
        continue;
      }
      const first = seen.get(v.participant.nomor_kpj);
      if (first !== undefined) {
        errors.push({
          line,
          reason: `duplicate nomor_kpj ${v.participant.nomor_kpj} in this file (first on line ${first}); row ignored`,
          problems: [{ column: 'nomor_kpj', code: 'duplicate', value: v.participant.nomor_kpj, expected: String(first) }],
        });
        continue;
      }
      seen.set(v.participant.nomor_kpj, line);
      batch.push(v.participant);
      if (batch.length >= batchSize) await flush();
    }
    if (!header) throw new AppError('invalid_input', 'The CSV is empty: no header row', {});
    // The last rows, the import's record and its audit entry commit together; the undo log goes with them.
    await writing;
    db.transaction(() => {
      runSteps(batchSteps());
      finishImportRecord(db, importId, { status: 'done', ...counts, errors });
      options.record?.({ importId, ...counts, errors, fileName, sha256: fileHash(), bytes });
      db.prepare(`DELETE FROM participant_import_undo WHERE import_id = ?`).run(importId);
    })();
    if (counts.inserted + counts.updated >= LARGE_IMPORT) catchUpAfterBulkWrite(db, ['participants', 'participant_name_keys', 'participant_import_undo']);
    return { importId, ...counts, errors };
  } catch (err) {
    input.destroy();
    const failure = err instanceof Error ? err.message : String(err);
    await writing.catch(() => undefined);
    await undoImport(db, importId);
    db.transaction(() => {
      finishImportRecord(db, importId, { status: 'failed', ...counts, inserted: 0, updated: 0, unchanged: 0, errors, failure });
      options.recordFailure?.({ fileName, sha256: fileHash(), bytes, failure, rowsRead: counts.rowsRead });
    })();
    if (err instanceof AppError) throw err;
    throw new AppError('bad_file', `Import of ${fileName} failed and was undone: ${failure}`, { file: fileName });
  }
}
