// The branch dashboard (issue 15 item 2) and its tables as CSV (item 3): every figure of a generated
// history checked against the answers counted from its events; a case worked through the real workflow
// shows up in the figures (what pre-filling saved, the return's reason, the decision); supervisors and
// the command line may read it, officers may not.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRulesConfig, holidayDates } from '../../src/main/checks/config-store';
import { BackendContext } from '../../src/main/context';
import { sqliteOf } from '../../src/main/db/database';
import { SCHEMA_VERSION } from '../../src/main/db/migrations';
import { createDispatcher } from '../../src/main/dispatch';
import type { CaseDetail } from '../../src/shared/api/methods-cases';
import type { Dashboard } from '../../src/shared/api/methods-dashboard';
import type { CaseDocument } from '../../src/shared/api/methods-extraction';
import { CLAIM_TYPES, type ClaimType } from '../../src/shared/domain/claims';
import { PROCESSING_DAYS_PARAM } from '../../src/shared/rules/engine';
import { importPeople, storeDocuments } from '../helpers/dossiers';
import { generateHistory } from '../helpers/history';
import { expectedFigures } from '../helpers/history-answers';
import { createAccounts, signedIn, valueOf, type Session } from '../helpers/sessions';
import { tempContext } from '../helpers/temp-home';
import { PARTICIPANT, cleanJkm } from '../unit/rules/builders';
import { onPostgres, storeEnv, storeOptions } from '../helpers/store';

// A Wednesday that is no holiday: the day the backlog is counted on.
const TODAY = '2026-11-25';
const contexts: Awaited<ReturnType<typeof tempContext>>[] = [];
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.cleanup();
});
function contextOn(day: string, transport: 'browser' | 'cli' = 'browser'): BackendContext {
  const t = tempContext(transport, { clock: () => new Date(`${day}T10:00:00.000Z`) });
  contexts.push(t);
  return t.ctx;
}

const statutoryOf = (ctx: BackendContext): Record<ClaimType, number | null> => {
  const config = loadRulesConfig(ctx);
  return Object.fromEntries(CLAIM_TYPES.map((t) => [t, config.params[PROCESSING_DAYS_PARAM[t]].value])) as Record<ClaimType, number | null>;
};

async function supervisorOf(ctx: BackendContext): Promise<Session> {
  const accounts = await createAccounts(ctx, [{ username: 'kepala', role: 'supervisor' }]);
  return signedIn(
    createDispatcher(ctx, () => undefined),
    accounts.kepala!,
  );
}

/** An officer's JKM case with one field corrected by hand and the rest as read, checked and ready to
 * submit; with what pre-filling should count on it, tallied from the documents as listed. */
async function caseWithOneCorrection(ctx: BackendContext) {
  const dispatch = createDispatcher(ctx, () => undefined);
  await importPeople(ctx, [PARTICIPANT]);
  const accounts = await createAccounts(ctx, [
    { username: 'budi', role: 'officer' },
    { username: 'rina', role: 'supervisor' },
  ]);
  const budi = await signedIn(dispatch, accounts.budi!);
  const rina = await signedIn(dispatch, accounts.rina!);
  const c = valueOf<CaseDetail>(await budi.call('cases.create', { claimType: 'JKM', kpj: PARTICIPANT.nomor_kpj, incidentDate: '2026-10-05' }));
  storeDocuments(ctx, c.id, cleanJkm().documents);
  const docs = valueOf<{ documents: CaseDocument[] }>(await budi.call('extraction.list', { caseId: c.id })).documents;
  const ktp = docs.find((d) => d.type === 'ktp')!;
  valueOf(await budi.call('extraction.setField', { documentId: ktp.id, key: 'tempat_lahir', value: 'PALEMBANG' }));
  const chars = (v: unknown): number =>
    v === null || v === undefined
      ? 0
      : Array.isArray(v)
        ? v.reduce<number>((n, x) => n + chars(x), 0)
        : typeof v === 'object'
          ? chars(Object.values(v))
          : String(v).length;
  const asRead = docs.flatMap((d) =>
    Object.entries(d.fields)
      .filter(([k, f]) => !(d.id === ktp.id && k === 'tempat_lahir') && chars(f.value) > 0)
      .map(([, f]) => chars(f.value)),
  );
  valueOf(await budi.call('checks.run', { caseId: c.id, facts: cleanJkm().facts }));
  const version = async (): Promise<number> => valueOf<CaseDetail>(await budi.call('cases.get', { id: c.id })).version;
  return { budi, rina, c, version, filled: asRead.length, allChars: asRead.reduce((a, b) => a + b, 0) };
}

describe('the branch dashboard', () => {
  it('gives the known answers of a generated two-year history for any range', async () => {
    const ctx = contextOn(TODAY);
    const statutory = statutoryOf(ctx);
    expect(statutory).toMatchObject({ JKK: 7, JKM: 3, JHT: null });
    const events = generateHistory(ctx.db, {
      seed: 15,
      cases: 3000,
      today: TODAY,
      spanDays: 730,
      officers: ['budi', 'sari', 'tono'],
      supervisors: ['rina', 'joko'],
      holidays: new Set(holidayDates(ctx)),
      statutory,
    });
    const rina = await supervisorOf(ctx);

    const ranges: [string, string, Dashboard['received']['bucket']][] = [
      ['2026-10-27', TODAY, 'day'],
      ['2026-03-02', '2026-05-31', 'week'],
      ['2024-11-25', TODAY, 'month'],
    ];
    for (const [from, to, bucket] of ranges) {
      const d = valueOf<Dashboard>(await rina.call('dashboard.branch', { from, to }));
      const want = expectedFigures(events, from, to, statutory);
      expect(want.totals.decided, 'the range holds decisions').toBeGreaterThan(20);
      expect(d.totals).toEqual(want.totals);
      expect(d.today).toBe(TODAY);

      // Received: every case of the range in its bucket, zeros kept, per claim type.
      expect(d.received.bucket).toBe(bucket);
      expect(d.received.rows.reduce((n, r) => n + r.total, 0)).toBe(want.totals.received);
      for (const t of CLAIM_TYPES)
        expect(
          d.received.rows.reduce((n, r) => n + r[t], 0),
          t,
        ).toBe(want.receivedByType[t]);
      if (bucket === 'day') {
        expect(d.received.rows[0]!.start).toBe(from);
        expect(d.received.rows.at(-1)!.start).toBe(to);
        for (const r of d.received.rows) expect(r.total, r.start).toBe(want.receivedByDay[r.start] ?? 0);
      } else {
        // Each bucket starts on a Monday (weeks) or the 1st (months) and holds the days up to the next.
        const starts = d.received.rows.map((r) => r.start);
        for (const s of starts) expect(bucket === 'week' ? new Date(`${s}T00:00:00Z`).getUTCDay() : Number(s.slice(8)), s).toBe(1);
        for (const [i, r] of d.received.rows.entries()) {
          const end = starts[i + 1] ?? '9999-12-31';
          const days = Object.entries(want.receivedByDay).filter(([day]) => day >= r.start && day < end);
          expect(r.total, r.start).toBe(days.reduce((n, [, c]) => n + c, 0));
        }
      }

      // Decision time: median, 90th percentile and the statutory split, overall and per claim type.
      expect(d.decisionTime.byType).toEqual(want.byType);
      expect(d.decisionTime.all).toEqual(want.all);
      expect(Object.fromEntries(d.decisionTime.histogram.filter((h) => h.decided > 0).map((h) => [h.days, h.decided]))).toEqual(want.histogram);

      // Backlog today, whatever the range.
      expect(
        Object.fromEntries(d.backlog.byAge.filter((b) => b.withinTime + b.overdue + b.noStatutoryTime > 0).map(({ band, ...rest }) => [band, rest])),
      ).toEqual(want.backlog);

      expect(Object.fromEntries(d.flagsByRule.map((f) => [`${f.rule}|${f.severity}`, { cases: f.cases, flags: f.flags }]))).toEqual(want.flags);
      expect(Object.fromEntries(d.returnsByReason.map((r) => [r.reason, r.returns]))).toEqual(want.returns);
      expect(Object.fromEntries(d.people.map(({ username, displayName: _, ...rest }) => [username, rest]))).toEqual(want.people);
    }
  });

  it('counts a case worked through the workflow: what pre-filling saved, the return and its reason, the decision', async () => {
    const ctx = contextOn(TODAY);
    // The officer corrects one field by hand; everything else is submitted as read.
    const { budi, rina, c, version, filled, allChars } = await caseWithOneCorrection(ctx);
    valueOf(await budi.call('cases.submit', { caseId: c.id, version: await version() }));
    valueOf(
      await rina.call('cases.decide', {
        caseId: c.id,
        version: await version(),
        decision: 'return',
        returnReason: 'document_unreadable',
        note: 'Foto buram',
        items: ['Foto ulang KTP'],
      }),
    );
    valueOf(await budi.call('cases.submit', { caseId: c.id, version: await version() }));
    const blockers = valueOf<{ flags: { key: string; severity: string }[] }>(await rina.call('cases.review', { caseId: c.id }))
      .flags.filter((f) => f.severity === 'blocker')
      .map((f) => f.key);
    valueOf(await rina.call('cases.decide', { caseId: c.id, version: await version(), decision: 'approve', note: 'Lengkap', acknowledged: blockers }));

    const d = valueOf<Dashboard>(await rina.call('dashboard.branch', { from: TODAY, to: TODAY }));
    expect(d.totals).toEqual({ received: 1, decided: 1, returned: 1, open: 0 });
    expect(d.decisionTime.byType.find((t) => t.claimType === 'JKM')).toMatchObject({
      decided: 1,
      medianDays: 0,
      p90Days: 0,
      statutoryDays: 3,
      withinStatutory: 1,
    });
    expect(d.returnsByReason).toEqual([{ reason: 'document_unreadable', returns: 1 }]);
    expect(d.people).toEqual([
      // Submitted twice, counted once (its last submission), with the one keyed field.
      {
        username: 'budi',
        displayName: 'BUDI',
        submitted: 1,
        fieldsPrefilled: filled,
        fieldsKeyed: 1,
        keysSaved: allChars,
        keysTyped: 'PALEMBANG'.length,
        approved: 0,
        rejected: 0,
        returned: 0,
      },
      {
        username: 'rina',
        displayName: 'RINA',
        submitted: 0,
        fieldsPrefilled: 0,
        fieldsKeyed: 0,
        keysSaved: 0,
        keysTyped: 0,
        approved: 1,
        rejected: 0,
        returned: 1,
      },
    ]);
    expect(ctx.db.prepare(`SELECT COUNT(*) FROM case_submissions WHERE case_id = ?`).pluck().get(c.id)).toBe(2);
    // Officers may not read it; a range that ends before it starts is refused with its reason.
    expect(await budi.call('dashboard.branch', { from: TODAY, to: TODAY })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rina.call('dashboard.branch', { from: TODAY, to: '2026-11-01' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', params: { reason: 'range_reversed' } },
    });
  });

  it('exports each table as CSV through the contract and the command line, as the screen shows it', async () => {
    const ctx = contextOn(TODAY);
    const statutory = statutoryOf(ctx);
    generateHistory(ctx.db, {
      seed: 7,
      cases: 400,
      today: TODAY,
      spanDays: 120,
      officers: ['budi'],
      supervisors: ['rina'],
      holidays: new Set(holidayDates(ctx)),
      statutory,
    });
    const rina = await supervisorOf(ctx);
    const range = { from: '2026-09-01', to: TODAY };
    const d = valueOf<Dashboard>(await rina.call('dashboard.branch', range));
    const table = async (name: string): Promise<Record<string, string>[]> =>
      parse(valueOf<{ csv: string }>(await rina.call('exports.dashboard', { ...range, table: name })).csv, { columns: true }) as Record<string, string>[];

    expect((await table('received')).map((r) => [r.start, Number(r.total)])).toEqual(d.received.rows.map((r) => [r.start, r.total]));
    expect((await table('decision_time')).find((r) => r.claim_type === 'JKK')).toEqual({
      claim_type: 'JKK',
      decided: String(d.decisionTime.byType.find((t) => t.claimType === 'JKK')!.decided),
      median_working_days: String(d.decisionTime.byType.find((t) => t.claimType === 'JKK')!.medianDays),
      p90_working_days: String(d.decisionTime.byType.find((t) => t.claimType === 'JKK')!.p90Days),
      statutory_working_days: '7',
      within_statutory: String(d.decisionTime.byType.find((t) => t.claimType === 'JKK')!.withinStatutory),
      over_statutory: String(d.decisionTime.byType.find((t) => t.claimType === 'JKK')!.overStatutory),
    });
    expect((await table('decision_time')).find((r) => r.claim_type === 'JHT')).toMatchObject({ statutory_working_days: '' });
    expect((await table('backlog_age')).map((r) => Number(r.within_time) + Number(r.overdue) + Number(r.no_statutory_time)).reduce((a, b) => a + b)).toBe(
      d.totals.open,
    );
    expect((await table('backlog_type')).map((r) => [r.claim_type, Number(r.open)])).toEqual(d.backlog.byType.map((t) => [t.claimType, t.open]));
    expect((await table('flags')).map((r) => [r.rule, r.severity, Number(r.cases)])).toEqual(d.flagsByRule.map((f) => [f.rule, f.severity, f.cases]));
    expect((await table('returns')).map((r) => [r.reason, Number(r.returns)])).toEqual(d.returnsByReason.map((r) => [r.reason, r.returns]));
    const people = await table('people');
    expect(people.map((p) => [p.username, Number(p.submitted), Number(p.keys_saved)])).toEqual(d.people.map((p) => [p.username, p.submitted, p.keysSaved]));
    expect(ctx.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE action = 'exports.dashboard'`).pluck().get()).toBe(8);

    // The command line writes the same table, defaults to the 30 days up to today, and refuses a bad table name.
    const file = path.join(ctx.home, 'orang.csv');
    const cli = spawnSync(
      process.execPath,
      ['bin/claimdesk.mjs', '--home', ctx.home, '--json', 'export', 'dashboard', '--table', 'people', '--from', range.from, '--to', range.to, '--out', file],
      { encoding: 'utf8', env: { ...process.env, ...storeEnv(ctx.home) } },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual({ rows: people.length, file });
    expect(parse(fs.readFileSync(file, 'utf8'), { columns: true })).toEqual(people);
    const bad = spawnSync(process.execPath, ['bin/claimdesk.mjs', '--home', ctx.home, 'export', 'dashboard', '--table', 'everything'], {
      encoding: 'utf8',
      env: { ...process.env, ...storeEnv(ctx.home) },
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--table must be one of received, decision_time');
  });

  // An upgrade from SQLite's version 10; a PostgreSQL store starts at version 11 (src/main/db/migrations/postgres.ts).
  it.runIf(!onPostgres)('gives the cases submitted before it existed their pre-fill figures when the database is upgraded', async () => {
    const t = tempContext('browser', { clock: () => new Date(`${TODAY}T10:00:00.000Z`) });
    try {
      const { budi, c, version, filled, allChars } = await caseWithOneCorrection(t.ctx);
      valueOf(await budi.call('cases.submit', { caseId: c.id, version: await version() }));
      // The database as version 10 left it: no submissions table, no dashboard indexes.
      t.ctx.db.exec(`DROP TABLE case_submissions; DROP INDEX cases_created; DROP INDEX case_decisions_at; PRAGMA user_version = 10;`);
      await t.ctx.close();
      const again = new BackendContext({ home: t.dir, transport: 'cli', ...storeOptions(t.dir) });
      try {
        expect(sqliteOf(again.db, 'test').pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        expect(
          again.db.prepare(`SELECT case_id, submitted_by, fields_prefilled, fields_keyed, chars_prefilled, chars_keyed FROM case_submissions`).all(),
        ).toEqual([
          { case_id: c.id, submitted_by: 'budi', fields_prefilled: filled, fields_keyed: 1, chars_prefilled: allChars, chars_keyed: 'PALEMBANG'.length },
        ]);
      } finally {
        await again.close();
      }
    } finally {
      await t.cleanup();
    }
  });
});
