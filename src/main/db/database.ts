// Opens the embedded SQLite database; refuses files it cannot read or that a newer ClaimDesk wrote,
// and never overwrites them.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index';

export type Db = Database.Database;

export const DATABASE_FILE = 'claimdesk.sqlite';

export interface OpenOptions {
  /** Path to a better-sqlite3 native binding built for this runtime (Electron needs its own). */
  nativeBinding?: string;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) assertLooksLikeSqlite(file);
  let db: Db;
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
    migrate(db, version);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    throw new AppError('database_unreadable', `Cannot read database ${file}: ${(err as Error).message}`, { file });
  }
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

function migrate(db: Db, from: number): void {
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
export function schemaDump(db: Db): string {
  const rows = db.prepare(`SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name`).all() as {
    type: string;
    name: string;
    sql: string;
  }[];
  return rows.map((r) => `${r.sql.replace(/\s+/g, ' ').trim()};`).join('\n') + '\n';
}
