// After the desks stopped: is every write a desk was told succeeded in the store exactly once, with what it
// wrote, and its audit entry beside it? Nothing stored that no desk was told of, case numbers unique, and
// the audit trail's hash chain checked by `claimdesk audit verify`, as an administrator would check it.
import type { Db } from '../../src/main/db/database';
import { runCli } from '../../tests/helpers/cli';
import type { Acknowledged } from './desks';

export interface Verdict {
  acknowledged: number;
  /** Acknowledged writes not in the store (or not as written). */
  lost: string[];
  /** Acknowledged writes in the store more than once. */
  duplicated: string[];
  /** Writes in the store (or audited) that no desk was told of. */
  unacknowledged: string[];
  cases: number;
  uniqueReferences: boolean;
  audit: { ok: boolean; rows: number; said: string };
}

const countBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
};

/** Compares what was acknowledged with what is stored, per key: missing or short is lost, more is duplicated or unacknowledged. */
function compare(what: string, acked: Map<string, number>, stored: Map<string, number>, v: Verdict): void {
  for (const [k, n] of acked) {
    const s = stored.get(k) ?? 0;
    if (s < n) v.lost.push(`${what} ${k}: ${n} acknowledged, ${s} stored`);
    if (s > n) v.duplicated.push(`${what} ${k}: ${n} acknowledged, ${s} stored`);
  }
  for (const [k, s] of stored) if (!acked.has(k)) v.unacknowledged.push(`${what} ${k}: ${s} stored, none acknowledged`);
}

export function verifyDesks(db: Db, acked: Acknowledged, users: string[], cli: { home: string; env: NodeJS.ProcessEnv }): Verdict {
  const v: Verdict = {
    acknowledged: acked.creates.length + acked.facts.length + acked.submits.length + acked.decisions.length,
    lost: [],
    duplicated: [],
    unacknowledged: [],
    cases: 0,
    uniqueReferences: false,
    audit: { ok: false, rows: 0, said: '' },
  };
  const marks = users.map(() => '?').join(', ');
  const cases = db.prepare(`SELECT id, reference, created_by AS by FROM cases WHERE created_by IN (${marks})`).all(...users) as {
    id: number;
    reference: string;
    by: string;
  }[];
  v.cases = cases.length;
  const all = db.prepare(`SELECT count(*) AS n, count(DISTINCT reference) AS refs FROM cases`).get() as { n: number; refs: number };
  v.uniqueReferences = all.n === all.refs;
  compare(
    'case',
    countBy(acked.creates, (c) => `${c.caseId} ${c.reference} by ${c.by}`),
    countBy(cases, (c) => `${c.id} ${c.reference} by ${c.by}`),
    v,
  );

  // The facts a case holds are the last ones stated.
  const lastFacts = new Map(acked.facts.map((f) => [f.caseId, f.facts]));
  const stored = db.prepare(`SELECT facts FROM case_facts WHERE case_id = ?`).pluck();
  for (const [caseId, facts] of lastFacts) {
    const text = stored.get(caseId) as string | undefined;
    const held = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    if (!held || Object.entries(facts).some(([k, value]) => held[k] !== value))
      v.lost.push(`facts of case ${caseId}: stated ${JSON.stringify(facts)}, stored ${text ?? 'none'}`);
  }

  const submissions = db.prepare(`SELECT case_id AS caseId, submitted_by AS by FROM case_submissions WHERE submitted_by IN (${marks})`).all(...users) as {
    caseId: number;
    by: string;
  }[];
  compare(
    'submission of case',
    countBy(acked.submits, (s) => `${s.caseId} by ${s.by}`),
    countBy(submissions, (s) => `${s.caseId} by ${s.by}`),
    v,
  );
  const decisions = db.prepare(`SELECT case_id AS caseId, kind, decided_by AS by FROM case_decisions WHERE decided_by IN (${marks})`).all(...users) as {
    caseId: number;
    kind: string;
    by: string;
  }[];
  compare(
    'decision on case',
    countBy(acked.decisions, (d) => `${d.caseId} ${d.decision} by ${d.by}`),
    countBy(decisions, (d) => `${d.caseId} ${d.kind} by ${d.by}`),
    v,
  );

  // Each acknowledged write has its one audit entry, and no refused call left one.
  const audited = db
    .prepare(
      `SELECT action, case_id AS caseId, actor FROM audit_log WHERE action IN ('cases.create', 'checks.facts', 'cases.submit', 'cases.decide') AND actor IN (${marks})`,
    )
    .all(...users) as { action: string; caseId: number; actor: string }[];
  const entries = [
    ...acked.creates.map((c) => `cases.create ${c.caseId} by ${c.by}`),
    ...acked.facts.map((f) => `checks.facts ${f.caseId} by ${f.by}`),
    ...acked.submits.map((s) => `cases.submit ${s.caseId} by ${s.by}`),
    ...acked.decisions.map((d) => `cases.decide ${d.caseId} by ${d.by}`),
  ];
  compare(
    'audit entry',
    countBy(entries, (e) => e),
    countBy(audited, (a) => `${a.action} ${a.caseId} by ${a.actor}`),
    v,
  );

  const r = runCli(['--home', cli.home, '--json', 'audit', 'verify'], cli.env);
  try {
    const out = JSON.parse(r.stdout) as { ok: boolean; rows: number; firstBroken: unknown };
    v.audit = { ok: out.ok && r.status === 0, rows: out.rows, said: out.ok ? 'intact' : `broken: ${JSON.stringify(out.firstBroken)}` };
  } catch {
    v.audit = { ok: false, rows: 0, said: `claimdesk audit verify exited ${r.status}: ${r.stderr.trim() || r.stdout.trim()}` };
  }
  return v;
}
