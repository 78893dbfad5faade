import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase, schemaDump } from '../../src/main/db/database';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/main/db/migrations/index';
import { AppError } from '../../src/shared/api/result';
import { tempFolders } from '../helpers/temp-home';

const folder = tempFolders(afterEach);

describe('embedded database', () => {
  it('creates a WAL database with foreign keys, STRICT tables and the current schema version', () => {
    const file = path.join(folder(), DATABASE_FILE);
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(3);
    for (const t of tables) expect(t.sql, `${t.name} must be STRICT`).toMatch(/\)\s*(STRICT(\s*,\s*WITHOUT ROWID)?|WITHOUT ROWID\s*,\s*STRICT)\s*$/);
    db.close();
  });

  it('numbers migrations 1..N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_m, i) => i + 1));
  });

  it('reopens an existing database without re-running migrations and keeps its rows', () => {
    const file = path.join(folder(), DATABASE_FILE);
    const db = openDatabase(file);
    db.prepare(`INSERT INTO settings(key, value) VALUES ('k', 'v')`).run();
    db.close();
    const again = openDatabase(file);
    expect(again.prepare(`SELECT value FROM settings WHERE key = 'k'`).pluck().get()).toBe('v');
    again.close();
  });

  it('matches the committed schema snapshot', async () => {
    const db = openDatabase(path.join(folder(), DATABASE_FILE));
    await expect(schemaDump(db)).toMatchFileSnapshot('./__snapshots__/schema.sql');
    db.close();
  });

  it('refuses a database written by a newer ClaimDesk and leaves it untouched', () => {
    const file = path.join(folder(), DATABASE_FILE);
    const newer = new Database(file);
    newer.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    newer.exec(`CREATE TABLE future(x ANY) STRICT`);
    newer.close();
    const before = fs.readFileSync(file);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('database_newer');
    expect((error as AppError).message).toMatch(/newer than this ClaimDesk/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not an SQLite database and never overwrites it', () => {
    const file = path.join(folder(), DATABASE_FILE);
    fs.writeFileSync(file, 'this is a spreadsheet, not a database\n'.repeat(50));
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'database_unreadable' }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a truncated SQLite file with a clear error', () => {
    const file = path.join(folder(), DATABASE_FILE);
    const db = openDatabase(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, 200));
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'database_unreadable' }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
