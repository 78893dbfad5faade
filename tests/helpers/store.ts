// Which store the integration tests run on: the embedded SQLite file (the `integration` project) or
// PostgreSQL (the `integration-pg` project, CLAIMDESK_TEST_STORE=postgres). On PostgreSQL every data
// folder gets its own schema, named from the folder, so a test's contexts, CLI runs and served hosts on
// one folder share one store and different tests never see each other's.
import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE, openPostgres, type Db } from '../../src/main/db/database';

export const TEST_POSTGRES_URL = process.env.CLAIMDESK_TEST_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
export const onPostgres = process.env.CLAIMDESK_TEST_STORE === 'postgres';
/** Every schema the tests make starts with this. */
export const TEST_SCHEMA_PREFIX = 'cdtest_';
/** A run of the PostgreSQL tier names its schemas cdtest_r<run>_…: its teardown drops its own, and a
 * later run's setup drops those of runs no longer alive (tests/pg-store.ts), never a running one's. */
export const RUN_SCHEMA = /^cdtest_r([0-9a-f]{8})_/;
const RUN = process.env.CLAIMDESK_TEST_RUN ?? 'ffffffff';

/** The postgres:// address of the store for a data folder, or undefined on SQLite. */
export function databaseFor(home: string): string | undefined {
  if (!onPostgres) return undefined;
  const schema = `${TEST_SCHEMA_PREFIX}r${RUN}_${crypto.createHash('sha256').update(path.resolve(home)).digest('hex').slice(0, 24)}`;
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set('schema', schema);
  return url.href;
}

/** The context options that put a data folder's store where this run keeps it. */
export function storeOptions(home: string): { database?: string } {
  const database = databaseFor(home);
  return database ? { database } : {};
}

/** The environment a `claimdesk` process on that folder needs to find the same store. */
export function storeEnv(home: string | undefined): NodeJS.ProcessEnv {
  const database = home ? databaseFor(home) : undefined;
  return database ? { CLAIMDESK_DATABASE: database } : {};
}

/** The data folder named by a command line's --home, if any. */
export function homeArg(args: readonly string[]): string | undefined {
  const i = args.indexOf('--home');
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith('--home='))?.slice('--home='.length);
}

/** The data folder's store opened directly, as a person with the database's own tools would. */
export function storeByHand(home: string): Db {
  const database = databaseFor(home);
  return database ? openPostgres(database) : new Database(path.join(home, DATABASE_FILE));
}

/** What a hand editor with the database's own tools can do: lift the append-only protection, then run `sql`. */
export function byHand(home: string, sql: string): void {
  const db = storeByHand(home);
  try {
    if (onPostgres) db.exec(`ALTER TABLE audit_log DISABLE TRIGGER USER; ${sql}`);
    else db.exec(`DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; ${sql}`);
  } finally {
    db.close();
  }
}

/** What is wrong with the store's own structure, empty when sound: SQLite's integrity and foreign-key
 * checks, or on PostgreSQL (which keeps its foreign keys itself) amcheck over every B-tree index. */
export function structuralProblems(db: Db): string[] {
  if (!onPostgres) {
    const sqlite = db as Database.Database;
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    const foreign = sqlite.pragma('foreign_key_check') as unknown[];
    return [...(integrity === 'ok' ? [] : [`integrity_check: ${String(integrity)}`]), ...foreign.map((f) => `foreign key: ${JSON.stringify(f)}`)];
  }
  db.exec('CREATE EXTENSION IF NOT EXISTS amcheck SCHEMA public');
  const indexes = db
    .prepare(
      `SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_am am ON am.oid = c.relam WHERE n.nspname = current_schema() AND am.amname = 'btree'`,
    )
    .pluck()
    .all() as string[];
  const problems: string[] = [];
  for (const index of indexes) {
    try {
      db.prepare(`SELECT public.bt_index_check(?::regclass, true)`).get(index);
    } catch (err) {
      problems.push(`index ${index}: ${(err as Error).message}`);
    }
  }
  return indexes.length ? problems : ['no index found to check'];
}
