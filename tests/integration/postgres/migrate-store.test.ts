// Moving up (issue 17 item 5): `claimdesk migrate-store` copies a desk's embedded data folder into an
// empty PostgreSQL store. The copy must hold everything the folder held (every table's rows, the
// originals, an audit chain that verifies), work as a store afterwards (cases read the same, new rows
// get new ids, another desk opens the originals), and a refused or failed copy must leave the target as
// it was: empty, or with what it held.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendContext } from '../../../src/main/context';
import { verifyAuditChain } from '../../../src/main/audit/chain';
import { DATABASE_FILE } from '../../../src/main/db/database';
import { localOriginal } from '../../../src/main/intake/store';
import { createCase, getCase, listCases } from '../../../src/main/services/cases';
import { runCli } from '../../helpers/cli';
import { generateHistory } from '../../helpers/history';
import { databaseFor, storeByHand, storeOptions } from '../../helpers/store';
import { tempDir } from '../../helpers/temp-home';

/** The embedded store, whatever the run's store is: these tests start from a desk that has only its file. */
const EMBEDDED = { CLAIMDESK_DATABASE: '' };

let work: { dir: string; cleanup: () => void };
let source: string;
/** Row counts of the source's tables, read with SQLite's own driver. */
let sourceCounts: Record<string, number>;

function countsOf(db: Pick<Database.Database, 'prepare'>, tables: string[]): Record<string, number> {
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
}

/** A copy of the source folder, for a test that spoils it. */
function copyOfSource(name: string): string {
  const to = path.join(work.dir, name);
  fs.cpSync(source, to, { recursive: true });
  return to;
}

function migrate(home: string, target: string): { status: number | null; json: Record<string, unknown>; stderr: string } {
  const r = runCli(['--home', home, '--json', 'migrate-store', target], EMBEDDED);
  return { status: r.status, json: JSON.parse(r.stdout || '{}') as Record<string, unknown>, stderr: r.stderr };
}

/** Rows in the target's data tables (0 for a store that was never written, or whose writes rolled back). */
function targetRows(desk: string): number {
  const db = storeByHand(desk);
  try {
    return ['cases', 'participants', 'audit_log', 'files', 'users'].reduce((n, t) => n + (db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number), 0);
  } finally {
    db.close();
  }
}

beforeAll(() => {
  work = tempDir('claimdesk-migrate-');
  source = path.join(work.dir, 'desk-sqlite');
  // A desk's history: the demo's participants, cases and scanned dossiers, and a year of decided work.
  const demo = runCli(['--home', source, 'demo'], EMBEDDED);
  expect(demo.status, demo.stderr).toBe(0);
  const db = new Database(path.join(source, DATABASE_FILE));
  try {
    generateHistory(db, {
      seed: 7,
      cases: 150,
      today: '2026-11-30',
      spanDays: 365,
      officers: ['petugas'],
      supervisors: ['supervisor'],
      holidays: new Set(),
      statutory: { JHT: 5, JKK: 7, JKM: 3, BEASISWA: null },
    });
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
    sourceCounts = countsOf(db, tables);
  } finally {
    db.close();
  }
});
afterAll(() => work.cleanup());

describe('claimdesk migrate-store', () => {
  it('copies every table and original into an empty store, verified, and the store works afterwards', async () => {
    const desk = path.join(work.dir, 'desk-on-postgres');
    const r = migrate(source, databaseFor(desk)!);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.to).toMatch(/^postgres:\/\/postgres:\*\*\*@/);
    expect(r.json.to).not.toContain(':postgres@');
    const copied = Object.fromEntries((r.json.tables as { table: string; rows: number }[]).map((t) => [t.table, t.rows]));
    const { cases, files, audit_log: auditRows } = sourceCounts;
    expect(cases).toBeGreaterThan(150);
    expect(files).toBeGreaterThan(0);
    // Every data table of the folder, with as many rows as SQLite counts there.
    for (const [table, rows] of Object.entries(sourceCounts)) expect(copied[table], table).toBe(rows);
    expect(r.json.originals).toMatchObject({ files });
    expect(r.json.audit).toEqual({ ok: true, rows: auditRows! + 1, firstBroken: null });

    // Another desk, with an empty data folder, on the new store.
    const ctx = new BackendContext({ home: desk, transport: 'cli', ...storeOptions(desk) });
    const sqlite = new BackendContext({ home: source, transport: 'cli' });
    try {
      expect(verifyAuditChain(ctx.db)).toEqual({ ok: true, rows: auditRows! + 1, firstBroken: null });
      const last = ctx.db.prepare(`SELECT action, actor, detail FROM audit_log ORDER BY id DESC LIMIT 1`).get() as {
        action: string;
        actor: string;
        detail: string;
      };
      expect(last.action).toBe('store.migrate');
      expect(last.actor).toMatch(/^system:/);
      expect(JSON.parse(last.detail)).toMatchObject({ from: source, tables: { cases } });

      // Cases read the same on both stores, their worklist too.
      const everyCase = { limit: 1000, offset: 0 };
      expect(listCases(ctx, everyCase)).toEqual(listCases(sqlite, everyCase));
      const ids = sqlite.db.prepare(`SELECT id FROM cases ORDER BY id`).pluck().all() as number[];
      for (const id of ids) expect(getCase(ctx, id), `case ${id}`).toEqual(getCase(sqlite, id));

      // The originals open on this desk from the shared copy, byte for byte.
      const stored = ctx.db.prepare(`SELECT sha256, stored_path AS storedPath FROM files`).all() as { sha256: string; storedPath: string }[];
      expect(stored).toHaveLength(files!);
      for (const f of stored) {
        const file = localOriginal(ctx, f.storedPath);
        expect(file.startsWith(desk)).toBe(true);
        expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(f.sha256);
      }

      // New rows continue after the copied ids.
      const fresh = createCase(ctx, { claimType: 'JHT', notes: '' });
      expect(fresh.id).toBe(Math.max(...ids) + 1);
      expect(ids.map((id) => getCase(sqlite, id).reference)).not.toContain(fresh.reference);
    } finally {
      await ctx.close();
      await sqlite.close();
    }

    // A second copy into the same store is refused, and the store keeps what it holds.
    const before = targetRows(desk);
    const again = migrate(source, databaseFor(desk)!);
    expect(again.status).toBe(2);
    expect(again.json).toMatchObject({ error: { code: 'conflict', params: { reason: 'store_not_empty' } } });
    expect(targetRows(desk)).toBe(before);
  });

  it('writes nothing when an original is missing from the folder (the copy rolls back)', () => {
    const home = copyOfSource('missing-original');
    const db = new Database(path.join(home, DATABASE_FILE), { readonly: true });
    const relative = db.prepare(`SELECT stored_path FROM files ORDER BY id DESC LIMIT 1`).pluck().get() as string;
    db.close();
    fs.rmSync(path.join(home, relative));
    const desk = path.join(work.dir, 'desk-missing');
    const r = migrate(home, databaseFor(desk)!);
    expect(r.status).toBe(2);
    expect(r.json).toMatchObject({ error: { code: 'not_found', params: { file: relative } } });
    expect(targetRows(desk)).toBe(0);
  });

  it('refuses a folder whose audit chain is broken, with the exit code of a broken chain', () => {
    const home = copyOfSource('broken-chain');
    const db = new Database(path.join(home, DATABASE_FILE));
    db.exec(`DROP TRIGGER IF EXISTS audit_log_no_update; UPDATE audit_log SET actor = 'someone-else' WHERE id = 2`);
    db.close();
    const desk = path.join(work.dir, 'desk-broken');
    const r = migrate(home, databaseFor(desk)!);
    expect(r.status).toBe(3);
    expect(r.json).toMatchObject({ error: { code: 'invalid_input', params: { reason: 'source_audit_broken', row: 2 } } });
    expect(targetRows(desk)).toBe(0);
  });

  it('refuses a folder a ClaimDesk is running on, and one without an embedded store', () => {
    const desk = path.join(work.dir, 'desk-busy');
    const running = new Database(path.join(source, DATABASE_FILE));
    try {
      running.prepare(`SELECT count(*) FROM cases`).get();
      const r = migrate(source, databaseFor(desk)!);
      expect(r.status).toBe(2);
      expect(r.json).toMatchObject({ error: { code: 'conflict', params: { reason: 'data_folder_in_use' } } });
    } finally {
      running.close();
    }
    const empty = path.join(work.dir, 'no-store');
    fs.mkdirSync(empty);
    const none = migrate(empty, databaseFor(desk)!);
    expect(none.status).toBe(2);
    expect(none.json).toMatchObject({ error: { code: 'invalid_input', params: { reason: 'no_embedded_store' } } });
    expect(fs.readdirSync(empty)).toEqual([]);
  });
});
