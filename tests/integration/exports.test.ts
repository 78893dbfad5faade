// Decisions exported as CSV (issue 15 item 3), by a supervisor through the contract and by the command
// line: one row per decision with its case, participant, reason and working days from intake, read back
// with the same CSV library the import uses; officers may not export; each export is audited.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/main/dispatch';
import type { CaseDetail } from '../../src/shared/api/methods-cases';
import { importPeople, storeDocuments } from '../helpers/dossiers';
import { createAccounts, signedIn, valueOf, type Session } from '../helpers/sessions';
import { contextPerTest } from '../helpers/temp-home';
import { PARTICIPANT, cleanJht, cleanJkm } from '../unit/rules/builders';
import { storeEnv } from '../helpers/store';

const context = contextPerTest(beforeEach, afterEach, 'browser');

async function decidedCases(officer: Session, supervisor: Session): Promise<void> {
  const ctx = context();
  // A JHT case every check passed: approved on submit by the review policy.
  const jht = valueOf<CaseDetail>(await officer.call('cases.create', { claimType: 'JHT', kpj: PARTICIPANT.nomor_kpj }));
  storeDocuments(ctx, jht.id, cleanJht().documents);
  valueOf(await officer.call('checks.run', { caseId: jht.id, facts: cleanJht().facts }));
  valueOf(await officer.call('cases.submit', { caseId: jht.id, version: valueOf<CaseDetail>(await officer.call('cases.get', { id: jht.id })).version }));
  // A JKM case: always decided by a supervisor, here rejected with a reason.
  const jkm = valueOf<CaseDetail>(await officer.call('cases.create', { claimType: 'JKM', kpj: PARTICIPANT.nomor_kpj, incidentDate: '2026-10-05' }));
  storeDocuments(ctx, jkm.id, cleanJkm().documents);
  valueOf(await officer.call('checks.run', { caseId: jkm.id, facts: cleanJkm().facts }));
  valueOf(await officer.call('cases.submit', { caseId: jkm.id, version: valueOf<CaseDetail>(await officer.call('cases.get', { id: jkm.id })).version }));
  const v = valueOf<CaseDetail>(await supervisor.call('cases.get', { id: jkm.id })).version;
  valueOf(await supervisor.call('cases.decide', { caseId: jkm.id, version: v, decision: 'reject', note: 'Bukan ahli waris sah', reasonCode: 'other' }));
}

describe('exporting decisions', () => {
  it('gives one CSV row per decision to a supervisor and the command line, refuses an officer, and audits each export', async () => {
    const ctx = context();
    const dispatch = createDispatcher(ctx, () => undefined);
    await importPeople(ctx, [PARTICIPANT]);
    const accounts = await createAccounts(ctx, [
      { username: 'budi', role: 'officer' },
      { username: 'rina', role: 'supervisor' },
    ]);
    const officer = await signedIn(dispatch, accounts.budi!);
    const rina = await signedIn(dispatch, accounts.rina!);
    await decidedCases(officer, rina);

    const out = valueOf<{ csv: string; rows: number }>(await rina.call('exports.decisions', {}));
    const rows = parse(out.csv, { columns: true }) as Record<string, string>[];
    expect(out.rows).toBe(2);
    expect(rows.map((r) => [r.claim_type, r.decision, r.reason_code, r.decided_by])).toEqual([
      ['JHT', 'auto_approve', '', expect.any(String)],
      ['JKM', 'reject', 'other', 'rina'],
    ]);
    expect(rows[1]).toMatchObject({
      nomor_kpj: PARTICIPANT.nomor_kpj,
      nik: PARTICIPANT.nik,
      nama: PARTICIPANT.nama,
      note: 'Bukan ahli waris sah',
      status_now: 'rejected',
    });
    expect(rows[1]!.working_days).toMatch(/^\d+$/);
    // A range that ends before today has none of them.
    expect(valueOf<{ rows: number }>(await rina.call('exports.decisions', { to: '2000-01-01' })).rows).toBe(0);
    expect(await officer.call('exports.decisions', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ctx.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE action = 'exports.decisions'`).pluck().get()).toBe(2);

    // The command line writes the same rows to a file.
    const home = ctx.home;
    const file = path.join(home, 'keputusan.csv');
    const cli = spawnSync(process.execPath, ['bin/claimdesk.mjs', '--home', home, '--json', 'export', 'decisions', '--out', file], {
      encoding: 'utf8',
      env: { ...process.env, ...storeEnv(home) },
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual({ rows: 2, file });
    expect(parse(fs.readFileSync(file, 'utf8'), { columns: true })).toEqual(rows);
    const bad = spawnSync(process.execPath, ['bin/claimdesk.mjs', '--home', home, 'export', 'decisions', '--from', '05-10-2026'], {
      encoding: 'utf8',
      env: { ...process.env, ...storeEnv(home) },
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--from must be a date as yyyy-mm-dd');
  });
});
