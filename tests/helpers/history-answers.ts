// The dashboard figures a generated history must give for a range, counted from its events by plain
// tallies (no SQL, no calendar arithmetic beyond comparing ISO days): the known answers.
import { RETURN_REASONS } from '../../src/shared/domain/workflow';
import type { ClaimType } from '../../src/shared/domain/claims';
import type { HistoryEvents } from './history';

const TYPES: readonly ClaimType[] = ['JHT', 'JKK', 'JKM', 'BEASISWA'];
const inRange = (day: string, from: string, to: string): boolean => day >= from && day <= to;

/** The smallest value with at least p% of the values at or below it (counted, not indexed). */
function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const candidates = [...new Set(values)].sort((a, b) => a - b);
  return candidates.find((v) => values.filter((x) => x <= v).length * 100 >= p * values.length)!;
}

const band = (k: number): string => (k <= 1 ? '0-1' : k <= 3 ? '2-3' : k <= 7 ? '4-7' : k <= 14 ? '8-14' : '15+');

export function expectedFigures(ev: HistoryEvents, from: string, to: string, statutory: Record<ClaimType, number | null>) {
  const received = ev.received.filter((r) => inRange(r.day, from, to));
  const receivedByDay: Record<string, number> = {};
  for (const r of received) receivedByDay[r.day] = (receivedByDay[r.day] ?? 0) + 1;

  const decided = ev.decided.filter((d) => inRange(d.day, from, to));
  const timeOf = (days: number[], limit: number | null) => ({
    decided: days.length,
    medianDays: percentile(days, 50),
    p90Days: percentile(days, 90),
    statutoryDays: limit,
    withinStatutory: limit === null ? 0 : days.filter((n) => n <= limit).length,
    overStatutory: limit === null ? 0 : days.filter((n) => n > limit).length,
  });
  const byType = TYPES.map((t) => ({
    claimType: t,
    ...timeOf(
      decided.filter((d) => d.type === t).map((d) => d.workingDays),
      statutory[t],
    ),
  }));
  const histogram: Record<number, number> = {};
  for (const d of decided) histogram[Math.min(d.workingDays, 15)] = (histogram[Math.min(d.workingDays, 15)] ?? 0) + 1;

  const backlog: Record<string, { withinTime: number; overdue: number; noStatutoryTime: number }> = {};
  for (const o of ev.open) {
    const b = (backlog[band(o.ageWorkingDays)] ??= { withinTime: 0, overdue: 0, noStatutoryTime: 0 });
    const limit = statutory[o.type];
    if (limit === null) b.noStatutoryTime += 1;
    else if (o.ageWorkingDays > limit) b.overdue += 1;
    else b.withinTime += 1;
  }

  const flags: Record<string, { cases: Set<number>; flags: number }> = {};
  for (const f of ev.flags.filter((x) => inRange(x.intakeDay, from, to))) {
    const e = (flags[`${f.rule}|${f.severity}`] ??= { cases: new Set(), flags: 0 });
    e.cases.add(f.caseId);
    e.flags += 1;
  }

  const returns: Record<string, number> = {};
  for (const r of ev.returns.filter((x) => inRange(x.day, from, to))) returns[r.reason] = (returns[r.reason] ?? 0) + 1;

  // Each case's last submission in the range counts what pre-filling saved.
  const last = new Map<number, HistoryEvents['submissions'][number]>();
  for (const s of ev.submissions) if (inRange(s.day, from, to)) last.set(s.caseId, s);
  const people: Record<string, Record<string, number>> = {};
  const person = (who: string) =>
    (people[who] ??= { submitted: 0, fieldsPrefilled: 0, fieldsKeyed: 0, keysSaved: 0, keysTyped: 0, approved: 0, rejected: 0, returned: 0 });
  for (const s of last.values()) {
    const p = person(s.by);
    p.submitted! += 1;
    p.fieldsPrefilled! += s.fieldsPrefilled;
    p.fieldsKeyed! += s.fieldsKeyed;
    p.keysSaved! += s.charsPrefilled;
    p.keysTyped! += s.charsKeyed;
  }
  for (const d of decided) if (d.kind !== 'auto_approve') person(d.by)[d.kind === 'approve' ? 'approved' : 'rejected']! += 1;
  for (const r of ev.returns.filter((x) => inRange(x.day, from, to))) person(r.by).returned! += 1;

  return {
    totals: {
      received: received.length,
      decided: decided.length,
      returned: Object.values(returns).reduce((a, b) => a + b, 0),
      open: ev.open.length,
    },
    receivedByDay,
    receivedByType: Object.fromEntries(TYPES.map((t) => [t, received.filter((r) => r.type === t).length])),
    byType,
    all: {
      ...timeOf(
        decided.map((d) => d.workingDays),
        null,
      ),
      withinStatutory: byType.reduce((n, t) => n + t.withinStatutory, 0),
      overStatutory: byType.reduce((n, t) => n + t.overStatutory, 0),
    },
    histogram,
    backlog,
    flags: Object.fromEntries(Object.entries(flags).map(([k, v]) => [k, { cases: v.cases.size, flags: v.flags }])),
    returns: Object.fromEntries(RETURN_REASONS.filter((r) => returns[r]).map((r) => [r, returns[r]])),
    people,
  };
}
