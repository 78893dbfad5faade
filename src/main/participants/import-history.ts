// Who imported which participant file when, with its counts, its state and the first line errors. An
// import is recorded when it starts ('running', with the process that runs it) and again when it ends.
import type { z } from 'zod';
import type { importHistoryEntrySchema } from '../../shared/api/methods-checks';
import type { Db } from '../db/database';
import type { ImportLineError } from './import-csv';

/** Keep the history row small: the CLI and the upload answer carry the full error list. */
const MAX_STORED_ERRORS = 200;

export type ImportStatus = 'running' | 'done' | 'failed' | 'interrupted';

export interface ImportCounts {
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export function startImportRecord(db: Db, r: { startedAt: string; actor: string; fileName: string }): number {
  const info = db
    .prepare(
      `INSERT INTO participant_imports(started_at, actor, file_name, status, owner_pid, rows_read, inserted, updated, unchanged, error_count, errors_json)
       VALUES (?, ?, ?, 'running', ?, 0, 0, 0, 0, 0, '[]')`,
    )
    .run(r.startedAt, r.actor, r.fileName, process.pid);
  return Number(info.lastInsertRowid);
}

export function finishImportRecord(
  db: Db,
  id: number,
  r: ImportCounts & { status: Exclude<ImportStatus, 'running'>; errors: ImportLineError[]; failure?: string },
): void {
  db.prepare(
    `UPDATE participant_imports SET finished_at = ?, status = ?, owner_pid = NULL, rows_read = ?, inserted = ?, updated = ?, unchanged = ?, error_count = ?, errors_json = ?, failure = ?
     WHERE id = ?`,
  ).run(
    new Date().toISOString(),
    r.status,
    r.rowsRead,
    r.inserted,
    r.updated,
    r.unchanged,
    r.errors.length,
    JSON.stringify(r.errors.slice(0, MAX_STORED_ERRORS)),
    r.failure ?? null,
    id,
  );
}

/** Imports recorded as running: by this process, or by one that stopped before finishing. */
export function runningImports(db: Db): { id: number; ownerPid: number | null; fileName: string; actor: string; rowsRead: number }[] {
  return (
    db.prepare(`SELECT id, owner_pid, file_name, actor, rows_read FROM participant_imports WHERE status = 'running' ORDER BY id`).all() as {
      id: number;
      owner_pid: number | null;
      file_name: string;
      actor: string;
      rows_read: number;
    }[]
  ).map((r) => ({ id: r.id, ownerPid: r.owner_pid, fileName: r.file_name, actor: r.actor, rowsRead: r.rows_read }));
}

export type ImportHistoryEntry = z.infer<typeof importHistoryEntrySchema>;

interface Row {
  id: number;
  started_at: string;
  finished_at: string | null;
  actor: string;
  file_name: string;
  status: ImportStatus;
  rows_read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  error_count: number;
  errors_json: string;
  failure: string | null;
}

export function listImports(db: Db, limit = 100): ImportHistoryEntry[] {
  const rows = db.prepare(`SELECT * FROM participant_imports ORDER BY id DESC LIMIT ?`).all(limit) as Row[];
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    actor: r.actor,
    fileName: r.file_name,
    status: r.status,
    rowsRead: r.rows_read,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    errorCount: r.error_count,
    errors: JSON.parse(r.errors_json) as ImportLineError[],
    failure: r.failure,
  }));
}
