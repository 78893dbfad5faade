// The audit trail: append-only, hash-chained, verified by `claimdesk audit verify` (which names the first
// broken row and exits non-zero), readable by case, user and day; imports recorded by hash and counts.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/main/audit/chain';
import { BackendContext } from '../../src/main/context';
import { DATABASE_FILE, openDatabase } from '../../src/main/db/database';
import { MIGRATIONS } from '../../src/main/db/migrations/index';
import { createDispatcher } from '../../src/main/dispatch';
import type { AuditEntry } from '../../src/shared/api/methods-audit';
import { runCli } from '../helpers/cli';
import { participantsCsv } from '../fixtures/participants/csv';
import { createAccounts, signedIn, valueOf } from '../helpers/sessions';
import { tempFolders } from '../helpers/temp-home';
import { PARTICIPANT } from '../unit/rules/builders';
import { byHand, storeByHand, storeOptions } from '../helpers/store';

const folder = tempFolders(afterEach);
const opened: BackendContext[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
});

/** A data folder with a little history: accounts, sign-ins, an import, a case created and changed. */
async function folderWithHistory(): Promise<{ home: string; ctx: BackendContext }> {
  const home = folder();
  const ctx = new BackendContext({ home, transport: 'browser', ...storeOptions(home) });
  opened.push(ctx);
  const dispatch = createDispatcher(ctx, () => undefined);
  const acc = await createAccounts(ctx, [
    { username: 'adi', role: 'admin' },
    { username: 'budi', role: 'officer' },
  ]);
  const admin = await signedIn(dispatch, acc.adi!);
  valueOf(await admin.call('participants.import', { csvText: participantsCsv([PARTICIPANT]), fileName: 'peserta.csv' }));
  const officer = await signedIn(dispatch, acc.budi!);
  const c = valueOf<{ id: number; version: number }>(await officer.call('cases.create', { claimType: 'JHT', kpj: PARTICIPANT.nomor_kpj }));
  valueOf(await officer.call('checks.run', { caseId: c.id, facts: { benefitAmount: 1_000_000 } }));
  valueOf(await officer.call('cases.submit', { caseId: c.id, version: c.version, note: 'cek' }));
  return { home, ctx };
}

describe('hash chain', () => {
  it('verifies an untouched trail, and the app cannot change or remove a row', async () => {
    const { ctx } = await folderWithHistory();
    const v = verifyAuditChain(ctx.db);
    expect(v).toMatchObject({ ok: true, firstBroken: null });
    expect(v.rows).toBeGreaterThanOrEqual(8);
    expect(() => ctx.db.prepare(`UPDATE audit_log SET actor = 'x' WHERE id = 2`).run()).toThrow(/append-only/);
    expect(() => ctx.db.prepare(`DELETE FROM audit_log WHERE id = 2`).run()).toThrow(/append-only/);
  });

  it.each([
    ['an edited row', `UPDATE audit_log SET actor = 'orang-lain' WHERE id = 5`, { id: 5, reason: 'edited' }],
    ['an edited detail', `UPDATE audit_log SET detail = '{"note":"diubah"}' WHERE id = 6`, { id: 6, reason: 'edited' }],
    ['a deleted row', `DELETE FROM audit_log WHERE id = 4`, { id: 5, reason: 'missing_before' }],
    [
      'two rows swapped',
      `UPDATE audit_log SET id = -1 WHERE id = 3; UPDATE audit_log SET id = 3 WHERE id = 4; UPDATE audit_log SET id = 4 WHERE id = -1;`,
      { id: 3, reason: 'out_of_order' },
    ],
    ['rows cut off the end', `DELETE FROM audit_log WHERE id >= 7`, { id: 7, reason: 'truncated' }],
    [
      'a row inserted by hand',
      `INSERT INTO audit_log(id, at, actor, role, action, detail) VALUES (1000, '2026-01-01', 'x', 'admin', 'cases.decide', '{}')`,
      { id: 1000, reason: 'unsealed' },
    ],
  ])('detects %s and names the row', async (_what, sql, broken) => {
    const { home, ctx } = await folderWithHistory();
    await ctx.close();
    opened.splice(opened.indexOf(ctx), 1);
    byHand(home, sql);
    const db = storeByHand(home);
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: broken });
    db.close();
  });

  it('`claimdesk audit verify` passes on an intact trail and exits 3 naming the first broken row', async () => {
    const { home, ctx } = await folderWithHistory();
    await ctx.close();
    opened.splice(opened.indexOf(ctx), 1);
    const intact = runCli(['--home', home, 'audit', 'verify']);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/audit trail intact: \d+ rows/);
    byHand(home, `UPDATE audit_log SET detail = '{"note":"diubah"}' WHERE id = 6`);
    const text = runCli(['--home', home, 'audit', 'verify']);
    expect(text.status).toBe(3);
    expect(text.stdout).toContain('audit trail BROKEN at row 6: its content does not match its hash (edited)');
    const json = runCli(['--home', home, '--json', 'audit', 'verify']);
    expect(json.status).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, firstBroken: { id: 6, reason: 'edited' } });
  });
});

describe('what is recorded', () => {
  it('an import by its file hash and counts, never its rows', async () => {
    const { ctx } = await folderWithHistory();
    const entry = ctx.db.prepare(`SELECT actor, detail FROM audit_log WHERE action = 'participants.import'`).get() as { actor: string; detail: string };
    expect(entry.actor).toBe('adi');
    const detail = JSON.parse(entry.detail) as Record<string, unknown>;
    expect(detail).toMatchObject({ fileName: 'peserta.csv', rowsRead: 1, inserted: 1, rejected: 0, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(entry.detail).not.toContain(PARTICIPANT.nama);
    expect(entry.detail).not.toContain(PARTICIPANT.nik);
    expect(entry.detail.length).toBeLessThan(400);
  });

  it('filters by case, by user and by day, newest first, in pages', async () => {
    const { ctx } = await folderWithHistory();
    const dispatch = createDispatcher(ctx, () => undefined);
    const acc = await createAccounts(ctx, [{ username: 'rina', role: 'supervisor' }]);
    const rina = await signedIn(dispatch, acc.rina!);
    const ref = ctx.db.prepare(`SELECT reference FROM cases LIMIT 1`).pluck().get() as string;
    const byCase = valueOf<{ entries: AuditEntry[] }>(await rina.call('audit.list', { caseRef: ref }));
    expect(byCase.entries.map((e) => e.action)).toEqual(['cases.submit', 'checks.facts', 'cases.create']);
    expect(byCase.entries.every((e) => e.caseReference === ref)).toBe(true);
    const byUser = valueOf<{ entries: AuditEntry[] }>(await rina.call('audit.list', { actor: 'ADI' }));
    expect(new Set(byUser.entries.map((e) => e.actor))).toEqual(new Set(['adi']));
    const today = new Date().toISOString().slice(0, 10);
    expect(valueOf<{ entries: AuditEntry[] }>(await rina.call('audit.list', { from: today, to: today })).entries.length).toBeGreaterThan(5);
    expect(valueOf<{ entries: AuditEntry[] }>(await rina.call('audit.list', { to: '2001-01-01' })).entries).toEqual([]);
    const page = valueOf<{ entries: AuditEntry[]; nextBeforeId: number }>(await rina.call('audit.list', { limit: 2 }));
    expect(page.entries).toHaveLength(2);
    const next = valueOf<{ entries: AuditEntry[] }>(await rina.call('audit.list', { limit: 2, beforeId: page.nextBeforeId }));
    expect(next.entries[0]!.id).toBeLessThan(page.entries[1]!.id);
    expect(valueOf<{ ok: boolean }>(await rina.call('audit.verify', {})).ok).toBe(true);
  });
});

describe('upgrading a data folder written before accounts existed', () => {
  it('chains the old rows, removes the participant rows the old import audit copied, and drops the global operator', () => {
    const file = path.join(folder(), DATABASE_FILE);
    const old = new Database(file);
    for (const m of MIGRATIONS.slice(0, 5)) old.exec(m.sql);
    old.pragma('user_version = 5');
    old.prepare(`INSERT INTO settings(key, value) VALUES ('operator', '{"name":"petugas","role":"supervisor"}')`).run();
    const csv = participantsCsv([PARTICIPANT]);
    const ins = old.prepare(`INSERT INTO audit_log(id, at, actor, role, action, case_id, detail) VALUES (?, ?, 'petugas', 'officer', ?, ?, ?)`);
    ins.run(1, '2026-01-01T00:00:00Z', 'participants.import', null, JSON.stringify({ csvText: csv, fileName: 'lama.csv' }));
    ins.run(2, '2026-01-02T00:00:00Z', 'cases.create', 1, JSON.stringify({ claimType: 'JHT' }));
    ins.run(5, '2026-01-03T00:00:00Z', 'cases.submit', 1, JSON.stringify({ caseId: 1 }));
    old.close();

    const db = openDatabase(file);
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 3, firstBroken: null });
    const rows = db.prepare(`SELECT id, action, detail FROM audit_log ORDER BY id`).all() as { id: number; action: string; detail: string }[];
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(rows[0]!.detail).not.toContain(PARTICIPANT.nama);
    expect(JSON.parse(rows[0]!.detail)).toMatchObject({ fileName: 'lama.csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), bytes: Buffer.byteLength(csv) });
    expect(db.prepare(`SELECT count(*) FROM settings WHERE key = 'operator'`).pluck().get()).toBe(0);
    db.close();
  });
});
