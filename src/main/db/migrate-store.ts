// Moving up (issue 17 item 5): copies a data folder's embedded SQLite store into a branch's PostgreSQL,
// every table with its ids, and each original file into file_blobs so every desk can open it.
//
// Nothing is half-done: the source is read as one snapshot (and refused while a ClaimDesk runs on it,
// since what it wrote after the snapshot would be left behind); the target must be empty; everything is
// written in one transaction, which commits only after the copy is verified against the source: the
// same number of rows and the same content in every table (an order-free digest of the rows), the
// audit chain intact and ending at the source's head, every original matching its hash. The
// migration's own audit entry is then the first the new store adds to the chain.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result';
import type { AuditVerification } from '../../shared/api/methods-audit';
import { appendAudit, BrokenAuditError, verifyAuditChain } from '../audit/chain';
import { actorOf, type Caller } from '../auth/caller';
import { databaseInUse } from '../backup/in-use';
import { sha256 } from '../intake/store';
import { DATABASE_FILE, openDatabase, openPostgres, storeAddress, type Db, type SqliteDb } from './database';
import { parsePgUrl } from './postgres';

/** Tables of the store that are not data: the schema's version, and the originals, copied from the folder. */
const NOT_COPIED = new Set(['claimdesk_schema', 'file_blobs']);
/** Parameters per INSERT statement (PostgreSQL allows 65,535). */
const PARAMETERS_PER_STATEMENT = 20_000;
const ROWS_PER_READ = 5_000;

export interface MigrateProgress {
  stage: 'copy' | 'originals' | 'verify';
  /** The table being copied or checked (`files` for the originals). */
  table: string;
  done: number;
  total: number;
}

export interface MigrateStoreResult {
  from: string;
  /** The PostgreSQL address, without its password. */
  to: string;
  tables: { table: string; rows: number }[];
  originals: { files: number; bytes: number };
  /** The new store's audit chain, the migration's own entry included. */
  audit: AuditVerification;
  seconds: number;
}

interface TableShape {
  name: string;
  columns: string[];
  key: string[];
}

export async function migrateStore(
  home: string,
  address: string | undefined,
  caller: Caller,
  onProgress: (p: MigrateProgress) => void = () => undefined,
): Promise<MigrateStoreResult> {
  const started = performance.now();
  const folder = path.resolve(home);
  const file = path.join(folder, DATABASE_FILE);
  const to = storeAddress(address);
  if (!to) {
    throw new AppError('invalid_input', 'Name the PostgreSQL store to copy into (postgres://…, or --database / CLAIMDESK_DATABASE).', {
      reason: 'database_url',
    });
  }
  if (!fs.existsSync(file)) {
    throw new AppError('invalid_input', `${folder} has no embedded ClaimDesk database (${DATABASE_FILE}); nothing was copied.`, {
      reason: 'no_embedded_store',
      folder,
    });
  }
  if (databaseInUse(file)) {
    throw new AppError('conflict', `ClaimDesk is running on ${folder} (its database is open); close the app first. Nothing was changed.`, {
      reason: 'data_folder_in_use',
      folder,
    });
  }
  const source = openDatabase(file);
  let target: Db | null = null;
  try {
    const sourceAudit = verifyAuditChain(source);
    if (!sourceAudit.ok) throw new BrokenAuditError(sourceAudit, 'source');
    target = openPostgres(to);
    const shown = parsePgUrl(to).shown;
    const tables = copyOrder(target);
    refuseUnlessEmpty(target, tables, shown);
    // One snapshot of the source: its rows and their digests are read in the same read transaction.
    source.exec('BEGIN');
    try {
      const copied = copyAll(source, target, tables, folder, onProgress, (db, c) => recordMigration(db, caller, folder, shown, c));
      return {
        from: folder,
        to: shown,
        tables: copied.tables,
        originals: copied.originals,
        audit: verifyAuditChain(target),
        seconds: Math.round((performance.now() - started) / 100) / 10,
      };
    } finally {
      source.exec('ROLLBACK');
    }
  } finally {
    target?.close();
    source.close();
  }
}

/** The store's tables, parents before the tables that refer to them, with their columns and keys. */
function copyOrder(db: Db): TableShape[] {
  const names = (
    db.prepare(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`).pluck().all() as string[]
  )
    .filter((t) => !NOT_COPIED.has(t))
    .sort();
  const edges = db
    .prepare(
      `SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint c
       JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace WHERE c.contype = 'f' AND n.nspname = current_schema()`,
    )
    .all() as { child: string; parent: string }[];
  const ordered: string[] = [];
  const visit = (t: string, path: string[]): void => {
    if (ordered.includes(t) || NOT_COPIED.has(t)) return;
    if (path.includes(t)) throw new AppError('internal', `The store's tables refer to each other in a circle (${[...path, t].join(' → ')}).`);
    for (const e of edges) if (e.child === t && e.parent !== t) visit(e.parent, [...path, t]);
    ordered.push(t);
  };
  for (const t of names) visit(t, []);
  return ordered.map((name) => ({
    name,
    columns: db
      .prepare(`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`)
      .pluck()
      .all(name) as string[],
    key: db
      .prepare(
        `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
         WHERE i.indrelid = CAST(? AS regclass) AND i.indisprimary ORDER BY array_position(CAST(i.indkey AS int2[]), a.attnum)`,
      )
      .pluck()
      .all(name) as string[],
  }));
}

function refuseUnlessEmpty(db: Db, tables: TableShape[], shown: string): void {
  const filled = tables.filter((t) => db.prepare(`SELECT 1 FROM ${t.name} LIMIT 1`).get() !== undefined).map((t) => t.name);
  if (filled.length) {
    throw new AppError(
      'conflict',
      `The store at ${shown} already holds data (${filled.join(', ')}); a data folder is copied only into an empty store. Nothing was changed.`,
      { reason: 'store_not_empty', tables: filled.join(', ') },
    );
  }
}

interface Copied {
  tables: { table: string; rows: number }[];
  originals: { files: number; bytes: number };
  digests: Map<string, string>;
}

/** Copies every table and original inside one transaction on the target, checks the copy and records
 * it, or throws (and the transaction rolls back, leaving the target as it was). */
function copyAll(
  source: SqliteDb,
  target: Db,
  tables: TableShape[],
  folder: string,
  onProgress: (p: MigrateProgress) => void,
  record: (db: Db, copied: Copied) => void,
): Copied {
  return target.transaction(() => {
    const result: Copied = { tables: [], originals: { files: 0, bytes: 0 }, digests: new Map() };
    for (const t of tables) {
      const total = source.prepare(`SELECT count(*) FROM ${t.name}`).pluck().get() as number;
      const rows = source
        .prepare(`SELECT ${t.columns.join(', ')} FROM ${t.name}`)
        .raw()
        .iterate() as IterableIterator<unknown[]>;
      const digest = new RowDigest();
      let batch: unknown[][] = [];
      let done = 0;
      const flush = (): void => {
        if (!batch.length) return;
        insertRows(target, t, batch);
        done += batch.length;
        batch = [];
        onProgress({ stage: 'copy', table: t.name, done, total });
      };
      const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / t.columns.length));
      try {
        for (const row of rows) {
          digest.add(row);
          batch.push(row);
          if (batch.length >= perStatement) flush();
        }
        flush();
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw new AppError('internal', `Copying the table ${t.name} failed: ${(err as Error).message}. Nothing was changed.`);
      }
      result.tables.push({ table: t.name, rows: done });
      result.digests.set(t.name, digest.value());
    }
    result.originals = copyOriginals(source, target, folder, onProgress);
    restartIdentities(target, tables);
    verifyCopy(target, tables, result, onProgress);
    record(target, result);
    return result;
  })();
}

function insertRows(db: Db, t: TableShape, rows: unknown[][]): void {
  const tuple = `(${t.columns.map(() => '?').join(', ')})`;
  db.prepare(`INSERT INTO ${t.name}(${t.columns.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`).run(...rows.flat());
}

/** Each original named in `files`, read from the data folder, checked against its hash and kept in file_blobs. */
function copyOriginals(source: SqliteDb, target: Db, folder: string, onProgress: (p: MigrateProgress) => void): { files: number; bytes: number } {
  const files = source.prepare(`SELECT sha256, stored_path AS storedPath FROM files ORDER BY id`).all() as { sha256: string; storedPath: string }[];
  const put = target.prepare(`INSERT INTO file_blobs(sha256, bytes) VALUES (?, ?)`);
  let bytes = 0;
  files.forEach((f, i) => {
    const where = path.join(folder, f.storedPath);
    if (!fs.existsSync(where)) {
      throw new AppError('not_found', `The original ${f.storedPath} is missing from ${folder}; nothing was copied.`, { file: f.storedPath });
    }
    const content = fs.readFileSync(where);
    if (sha256(content) !== f.sha256) {
      throw new AppError('bad_file', `The original ${f.storedPath} does not match its hash; nothing was copied.`, {
        file: f.storedPath,
        reason: 'hash_mismatch',
      });
    }
    put.run(f.sha256, content);
    bytes += content.length;
    onProgress({ stage: 'originals', table: 'files', done: i + 1, total: files.length });
  });
  return { files: files.length, bytes };
}

/** New rows continue after the copied ids. */
function restartIdentities(db: Db, tables: TableShape[]): void {
  const counted = new Set(
    db
      .prepare(`SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'`)
      .pluck()
      .all() as string[],
  );
  for (const t of tables) {
    if (!counted.has(t.name)) continue;
    db.prepare(`SELECT setval(pg_get_serial_sequence(?, 'id'), COALESCE((SELECT max(id) FROM ${t.name}), 1), (SELECT max(id) FROM ${t.name}) IS NOT NULL)`).get(
      t.name,
    );
  }
}

/** Reads everything back from the target: same rows per table, same digest, and the audit chain whole up to the source's head. */
function verifyCopy(db: Db, tables: TableShape[], copied: Copied, onProgress: (p: MigrateProgress) => void): void {
  for (const t of tables) {
    const expected = copied.tables.find((c) => c.table === t.name)!.rows;
    const digest = new RowDigest();
    const order = t.key.length ? t.key : t.columns;
    let after: unknown[] | null = null;
    for (;;) {
      const where = after ? `WHERE (${order.join(', ')}) > (${order.map(() => '?').join(', ')})` : '';
      const page = db
        .prepare(`SELECT ${t.columns.join(', ')} FROM ${t.name} ${where} ORDER BY ${order.join(', ')} LIMIT ${ROWS_PER_READ}`)
        .all(...(after ?? [])) as Record<string, unknown>[];
      for (const r of page) digest.add(t.columns.map((c) => r[c]));
      onProgress({ stage: 'verify', table: t.name, done: digest.rows, total: expected });
      if (page.length < ROWS_PER_READ) break;
      const last = page[page.length - 1]!;
      after = order.map((c) => last[c]);
    }
    if (digest.rows !== expected || digest.value() !== copied.digests.get(t.name)) {
      throw new AppError('internal', `The copy of ${t.name} differs from the source (${digest.rows} rows read back, ${expected} copied); nothing was changed.`);
    }
  }
  const audit = verifyAuditChain(db);
  const auditRows = copied.tables.find((c) => c.table === 'audit_log')?.rows ?? 0;
  if (!audit.ok || audit.rows !== auditRows) {
    throw new AppError('internal', `The copied audit trail does not verify (${audit.rows} of ${auditRows} rows); nothing was changed.`);
  }
}

/** The migration, as the new store's first own audit entry (in the copy's transaction). */
function recordMigration(db: Db, caller: Caller, folder: string, shown: string, copied: Copied): void {
  appendAudit(db, {
    at: new Date().toISOString(),
    ...actorOf(caller),
    action: 'store.migrate',
    caseId: null,
    detail: { from: folder, to: shown, tables: Object.fromEntries(copied.tables.map((t) => [t.table, t.rows])), originals: copied.originals.files },
  });
}

/**
 * A digest of a table's rows that does not depend on their order (the two stores sort text
 * differently), in constant memory: each row's SHA-256, read as four 64-bit numbers, is added lane by
 * lane (a multiset hash). Values are compared as the back end sees them: numbers, text, null, and
 * bytes as hex.
 */
class RowDigest {
  private readonly lanes = [0n, 0n, 0n, 0n];
  rows = 0;

  add(row: unknown[]): void {
    const text = JSON.stringify(row.map((v) => (Buffer.isBuffer(v) ? `bytes:${v.toString('hex')}` : v)));
    const h = crypto.createHash('sha256').update(text).digest();
    for (let i = 0; i < 4; i++) this.lanes[i] = BigInt.asUintN(64, this.lanes[i]! + h.readBigUInt64LE(i * 8));
    this.rows++;
  }

  value(): string {
    return this.lanes.map((l) => l.toString(16).padStart(16, '0')).join('');
  }
}
