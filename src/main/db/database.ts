// Opens the case store: the embedded SQLite file (the default), or a branch's PostgreSQL server when a
// postgres:// address is configured. Both refuse a schema a newer ClaimDesk wrote, and never overwrite
// what they cannot read.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import { sqliteBusy } from './busy';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index';
import { PG_MIGRATIONS } from './migrations/postgres';
import { isPostgresUrl, parsePgUrl, PgDb } from './postgres';

export type SqliteDb = Database.Database;
/** What the back end uses of a store: SQLite's statements and transactions, which PgDb also answers. */
export type Db = Pick<SqliteDb, 'prepare' | 'exec' | 'transaction' | 'inTransaction' | 'close'>;
export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(db: Db): Dialect {
  return db instanceof PgDb ? 'postgres' : 'sqlite';
}

/** The SQLite database behind `db`, for what only an embedded file has (online backup, pragmas). */
export function sqliteOf(db: Db, what: string): SqliteDb {
  if (db instanceof PgDb) {
    throw new AppError('invalid_input', `${what} works on the embedded database only; on PostgreSQL use the server's own tools.`, {
      reason: 'not_on_postgres',
    });
  }
  return db as SqliteDb;
}

/**
 * A write that may be left for later (a session's last-seen time), made now only if the store can take it
 * at once: on SQLite without waiting for the file's write lock, which another desk or an import may hold
 * for a while; false when it was left. On PostgreSQL a statement outside a transaction takes no store lock,
 * so it runs as any other, and is left only if the server answers busy.
 */
export function writeIfFree(db: Db, write: () => void): boolean {
  // Inside a transaction the write lock is held already: nothing to wait for.
  const sqlite = db instanceof PgDb || db.inTransaction ? null : (db as SqliteDb);
  const wait = sqlite?.pragma('busy_timeout', { simple: true }) as number | undefined;
  sqlite?.pragma('busy_timeout = 0');
  try {
    write();
    return true;
  } catch (err) {
    if (sqliteBusy(err) || (err instanceof AppError && err.code === 'database_busy')) return false;
    throw err;
  } finally {
    sqlite?.pragma(`busy_timeout = ${wait}`);
  }
}

/** Where the case store is: a postgres:// address given as an option or in CLAIMDESK_DATABASE, else the file. */
export function storeAddress(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  const value = explicit ?? env.CLAIMDESK_DATABASE;
  return value ? checkedAddress(value) : null;
}

/** A store address as given, refused unless it is a postgres:// URL. */
export function checkedAddress(value: string): string {
  if (!isPostgresUrl(value)) {
    throw new AppError('invalid_input', 'The database address must start with postgres:// (or leave it out for the embedded database).', {
      reason: 'database_url',
    });
  }
  parsePgUrl(value);
  return value;
}

/** Connects to PostgreSQL, creating the schema or bringing it up to date under the store's write lock. */
export function openPostgres(address: string): Db {
  const target = parsePgUrl(address);
  const db = new PgDb(target);
  try {
    db.transaction(() => {
      db.exec(`CREATE SCHEMA IF NOT EXISTS ${target.schema}`);
      db.exec(`CREATE TABLE IF NOT EXISTS claimdesk_schema (one INTEGER PRIMARY KEY CHECK (one = 1), version INTEGER NOT NULL)`);
      const version = (db.prepare(`SELECT version FROM claimdesk_schema`).pluck().get() as number | undefined) ?? 0;
      if (version > SCHEMA_VERSION) {
        throw new AppError(
          'database_newer',
          `The database at ${target.shown} has schema version ${version}, newer than this ClaimDesk (${SCHEMA_VERSION}). Update ClaimDesk; nothing was changed.`,
          { file: target.shown, version, supported: SCHEMA_VERSION },
        );
      }
      for (const m of PG_MIGRATIONS) {
        if (m.version <= version) continue;
        db.exec(m.sql);
        db.prepare(`INSERT INTO claimdesk_schema(one, version) VALUES (1, ?) ON CONFLICT (one) DO UPDATE SET version = excluded.version`).run(m.version);
      }
    })();
    db.setIdTables(
      db
        .prepare(
          `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'id' AND data_type IN ('integer', 'bigint')`,
        )
        .pluck()
        .all() as string[],
    );
    return db as unknown as Db;
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    throw new AppError('database_unreadable', `Cannot use the database at ${target.shown}: ${(err as Error).message}`, { file: target.shown });
  }
}

export const DATABASE_FILE = 'claimdesk.sqlite';

export interface OpenOptions {
  /** Path to a better-sqlite3 native binding built for this runtime (Electron needs its own). */
  nativeBinding?: string;
}

export function openDatabase(file: string, options: OpenOptions = {}): SqliteDb {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) assertLooksLikeSqlite(file);
  let db: SqliteDb;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    throw new AppError('database_unreadable', `Cannot open database ${file}: ${(err as Error).message}`, { file });
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new AppError(
        'database_newer',
        `Database ${file} has schema version ${version}, newer than this ClaimDesk (${SCHEMA_VERSION}). Update ClaimDesk; the file was left untouched.`,
        { file, version, supported: SCHEMA_VERSION },
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    writersWaitTheirTurn(db);
    migrate(db, version);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    throw new AppError('database_unreadable', `Cannot read database ${file}: ${(err as Error).message}`, { file });
  }
}

/**
 * Every transaction takes the file's write lock when it begins (BEGIN IMMEDIATE), waiting its turn up to
 * the busy timeout, as PgDb's take the store's write lock. Begun the default way (deferred), a transaction
 * that reads and then writes fails at once with SQLITE_BUSY if another process on the same folder (a second
 * desk, a command-line import) wrote in between: SQLite cannot wait for a snapshot that is already stale.
 * Nested calls are savepoints either way.
 */
function writersWaitTheirTurn(db: SqliteDb): void {
  const begin = db.transaction.bind(db);
  db.transaction = ((fn) => begin(fn).immediate) as SqliteDb['transaction'];
}

function assertLooksLikeSqlite(file: string): void {
  const size = fs.statSync(file).size;
  if (size === 0) return; // an empty file is a fresh database
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    fs.readSync(fd, header, 0, 16, 0);
    if (header.toString('latin1') !== 'SQLite format 3\u0000') {
      throw new AppError('database_unreadable', `${file} is not a ClaimDesk database (not an SQLite file). It was left untouched.`, { file });
    }
  } finally {
    fs.closeSync(fd);
  }
}

function migrate(db: SqliteDb, from: number): void {
  for (const m of MIGRATIONS) {
    if (m.version <= from) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.run?.(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** The schema as SQL text, sorted, for the committed snapshot test. */
export function schemaDump(db: SqliteDb): string {
  const rows = db.prepare(`SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name`).all() as {
    type: string;
    name: string;
    sql: string;
  }[];
  return rows.map((r) => `${r.sql.replace(/\s+/g, ' ').trim()};`).join('\n') + '\n';
}
