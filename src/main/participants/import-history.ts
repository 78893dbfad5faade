// Who imported which participant file when, with its counts and the first line errors.
import type { z } from 'zod';
import type { importHistoryEntrySchema } from '../../shared/api/methods-checks';
import type { Db } from '../db/database';
import type { ImportLineError } from './import-csv';

/** Keep the history row small: the CLI and the upload answer carry the full error list. */
const MAX_STORED_ERRORS = 200;

export interface ImportRecord {
  startedAt: string;
  actor: string;
  fileName: string;
  status: 'done' | 'failed';
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: ImportLineError[];
  failure?: string;
}

export function recordImport(db: Db, r: ImportRecord): number {
  const info = db
    .prepare(
      `INSERT INTO participant_imports(started_at, finished_at, actor, file_name, status, rows_read, inserted, updated, unchanged, error_count, errors_json, failure)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(r.startedAt, new Date().toISOString(), r.actor, r.fileName, r.status, r.rowsRead, r.inserted, r.updated, r.unchanged, r.errors.length, JSON.stringify(r.errors.slice(0, MAX_STORED_ERRORS)), r.failure ?? null);
  return Number(info.lastInsertRowid);
}

export type ImportHistoryEntry = z.infer<typeof importHistoryEntrySchema>;

interface Row {
  id: number; started_at: string; finished_at: string; actor: string; file_name: string; status: 'done' | 'failed';
  rows_read: number; inserted: number; updated: number; unchanged: number; error_count: number; errors_json: string; failure: string | null;
}

export function listImports(db: Db, limit = 100): ImportHistoryEntry[] {
  const rows = db.prepare(`SELECT * FROM participant_imports ORDER BY id DESC LIMIT ?`).all(limit) as Row[];
  return rows.map((r) => ({
    id: r.id, startedAt: r.started_at, finishedAt: r.finished_at, actor: r.actor, fileName: r.file_name, status: r.status,
    rowsRead: r.rows_read, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, errorCount: r.error_count,
    errors: JSON.parse(r.errors_json) as ImportLineError[], failure: r.failure,
  }));
}
