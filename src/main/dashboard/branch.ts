// The branch dashboard's figures (issue 15 item 2), from the case store in one read transaction.
// - Received: cases by intake day (by week or month over long ranges), per claim type.
// - Decision time: working days from the day of intake to the day of each approval or rejection in the
//   range (a return is not a decision: the case comes back), nearest-rank median and 90th percentile,
//   against the statutory time of the claim type (rule parameters).
// - Backlog: the open cases today by working-day age, within or past their statutory time.
// - Flags by rule: the findings now raised on the cases received in the range.
// - Returns by reason, and per person: submissions with what pre-filling saved, and decisions.
// Days are the UTC days of the stored times, as in the decisions export.
import { AGE_BANDS, DAILY_MAX_DAYS, WEEKLY_MAX_DAYS, type Dashboard, type DashboardRange } from '../../shared/api/methods-dashboard';
import { AppError } from '../../shared/api/result';
import { CLAIM_TYPES, type ClaimType, type RuleId, type Severity } from '../../shared/domain/claims';
import { RETURN_REASONS, type ReturnReason } from '../../shared/domain/workflow';
import { PROCESSING_DAYS_PARAM } from '../../shared/rules/engine';
import { addWorkingDays, daysBetween, iso, parseIsoDate, plusDays, workingDaysUntil } from '../../shared/rules/dates';
import { POLICY_ACTOR } from '../services/review';
import { holidayDates, loadRulesConfig } from '../checks/config-store';
import type { BackendContext } from '../context';

/** The value at `p` percent by the nearest-rank method: the smallest with at least p% of values at or below it. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
}

export function ageBand(workingDays: number): (typeof AGE_BANDS)[number] {
  if (workingDays <= 1) return '0-1';
  if (workingDays <= 3) return '2-3';
  if (workingDays <= 7) return '4-7';
  if (workingDays <= 14) return '8-14';
  return '15+';
}

/** The first day of the bucket holding `day`: itself, its week's Monday, or its month's first day. */
export function bucketStart(day: Date, bucket: 'day' | 'week' | 'month'): Date {
  if (bucket === 'day') return day;
  if (bucket === 'week') return plusDays(day, -((day.getUTCDay() + 6) % 7));
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
}

function nextBucket(start: Date, bucket: 'day' | 'week' | 'month'): Date {
  if (bucket === 'day') return plusDays(start, 1);
  if (bucket === 'week') return plusDays(start, 7);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
}

const HISTOGRAM_CAP = 15;
const FINAL = ['approve', 'reject', 'auto_approve'];

function parseRange(range: DashboardRange): { from: Date; to: Date; lo: string; hi: string } {
  const from = parseIsoDate(range.from);
  const to = parseIsoDate(range.to);
  if (!from || !to) throw new AppError('invalid_input', 'The range needs two dates as yyyy-mm-dd');
  if (to < from) throw new AppError('invalid_input', `The range ends (${range.to}) before it starts (${range.from})`, { reason: 'range_reversed' });
  // Stored times are ISO instants: the range covers [from 00:00, the day after `to` 00:00).
  return { from, to, lo: range.from, hi: iso(plusDays(to, 1)) };
}

export function branchDashboard(ctx: BackendContext, range: DashboardRange): Dashboard {
  const r = parseRange(range);
  return ctx.db.transaction(() => {
    const holidays = new Set(holidayDates(ctx));
    const config = loadRulesConfig(ctx);
    const statutory = Object.fromEntries(CLAIM_TYPES.map((t) => [t, config.params[PROCESSING_DAYS_PARAM[t]].value])) as Record<ClaimType, number | null>;
    const today = parseIsoDate(iso(ctx.now()))!;
    const q = { lo: r.lo, hi: r.hi };
    const day = (isoTime: string): Date => parseIsoDate(isoTime.slice(0, 10))!;
    // Working days between two days, counted once per pair of days (many cases share both).
    const spans = new Map<string, number>();
    const workingDays = (fromTime: string, toTime: string): number => {
      const k = `${fromTime.slice(0, 10)}${toTime.slice(0, 10)}`;
      let n = spans.get(k);
      if (n === undefined) spans.set(k, (n = Math.max(0, workingDaysUntil(day(fromTime), day(toTime), holidays))));
      return n;
    };

    // --- Received
    const span = daysBetween(r.from, r.to) + 1;
    const bucket: Dashboard['received']['bucket'] = span <= DAILY_MAX_DAYS ? 'day' : span <= WEEKLY_MAX_DAYS ? 'week' : 'month';
    const rows = new Map<string, Dashboard['received']['rows'][number]>();
    for (let s = bucketStart(r.from, bucket); s <= r.to; s = nextBucket(s, bucket)) {
      rows.set(iso(s), { start: iso(s), JHT: 0, JKK: 0, JKM: 0, BEASISWA: 0, total: 0 });
    }
    const received = ctx.db
      .prepare(`SELECT substr(created_at, 1, 10) AS day, claim_type, COUNT(*) AS n FROM cases WHERE created_at >= @lo AND created_at < @hi GROUP BY 1, 2`)
      .all(q) as { day: string; claim_type: ClaimType; n: number }[];
    for (const x of received) {
      const row = rows.get(iso(bucketStart(parseIsoDate(x.day)!, bucket)))!;
      row[x.claim_type] += x.n;
      row.total += x.n;
    }

    // --- Decision time
    const decisions = ctx.db
      .prepare(
        `SELECT c.claim_type, c.created_at, d.decided_at FROM case_decisions d JOIN cases c ON c.id = d.case_id
          WHERE d.decided_at >= @lo AND d.decided_at < @hi AND d.kind IN (${FINAL.map((k) => `'${k}'`).join(',')})`,
      )
      .all(q) as { claim_type: ClaimType; created_at: string; decided_at: string }[];
    const daysByType = new Map<ClaimType, number[]>(CLAIM_TYPES.map((t) => [t, []]));
    const histogram = Array.from({ length: HISTOGRAM_CAP + 1 }, (_, days) => ({ days, decided: 0 }));
    for (const d of decisions) {
      const n = workingDays(d.created_at, d.decided_at);
      daysByType.get(d.claim_type)!.push(n);
      histogram[Math.min(n, HISTOGRAM_CAP)]!.decided += 1;
    }
    const timeRow = (days: number[], limit: number | null): Dashboard['decisionTime']['all'] => {
      const sorted = [...days].sort((a, b) => a - b);
      const within = limit === null ? 0 : sorted.filter((n) => n <= limit).length;
      return {
        decided: sorted.length,
        medianDays: nearestRank(sorted, 50),
        p90Days: nearestRank(sorted, 90),
        statutoryDays: limit,
        withinStatutory: within,
        overStatutory: limit === null ? 0 : sorted.length - within,
      };
    };
    const byType = CLAIM_TYPES.map((t) => ({ claimType: t, ...timeRow(daysByType.get(t)!, statutory[t]) }));
    const all = {
      ...timeRow([...daysByType.values()].flat(), null),
      withinStatutory: byType.reduce((n, x) => n + x.withinStatutory, 0),
      overStatutory: byType.reduce((n, x) => n + x.overStatutory, 0),
    };

    // --- Backlog today
    const open = ctx.db.prepare(`SELECT claim_type, created_at FROM cases WHERE status NOT IN ('approved', 'rejected')`).all() as {
      claim_type: ClaimType;
      created_at: string;
    }[];
    const byAge = AGE_BANDS.map((band) => ({ band, withinTime: 0, overdue: 0, noStatutoryTime: 0 }));
    const backlogByType = CLAIM_TYPES.map((t) => ({
      claimType: t,
      open: 0,
      withinTime: 0,
      overdue: 0,
      noStatutoryTime: 0,
      statutoryDays: statutory[t],
      oldestDays: null as number | null,
    }));
    for (const c of open) {
      const intake = day(c.created_at);
      const age = workingDays(c.created_at, iso(today));
      const limit = statutory[c.claim_type];
      const state = limit === null ? 'noStatutoryTime' : today > addWorkingDays(intake, limit, holidays) ? 'overdue' : 'withinTime';
      byAge[AGE_BANDS.indexOf(ageBand(age))]![state] += 1;
      const t = backlogByType[CLAIM_TYPES.indexOf(c.claim_type)]!;
      t.open += 1;
      t[state] += 1;
      t.oldestDays = Math.max(t.oldestDays ?? 0, age);
    }

    // --- Flags by rule, on the cases received in the range
    const flagsByRule = ctx.db
      .prepare(
        `SELECT f.rule, f.severity, COUNT(DISTINCT f.case_id) AS cases, COUNT(*) AS flags
           FROM case_flags f JOIN cases c ON c.id = f.case_id WHERE c.created_at >= @lo AND c.created_at < @hi
          GROUP BY f.rule, f.severity ORDER BY cases DESC, flags DESC, f.rule, f.severity`,
      )
      .all(q) as { rule: RuleId; severity: Severity; cases: number; flags: number }[];

    // --- Returns by reason
    const returns = ctx.db
      .prepare(`SELECT reason_code AS reason, COUNT(*) AS n FROM case_decisions WHERE kind = 'return' AND decided_at >= @lo AND decided_at < @hi GROUP BY 1`)
      .all(q) as { reason: string | null; n: number }[];
    const returnsByReason = [...RETURN_REASONS, 'unrecorded' as const]
      .map((reason) => ({
        reason,
        returns: returns
          .filter((x) => (x.reason && (RETURN_REASONS as readonly string[]).includes(x.reason) ? (x.reason as ReturnReason) : 'unrecorded') === reason)
          .reduce((n, x) => n + x.n, 0),
      }))
      .filter((x) => x.returns > 0)
      .sort((a, b) => b.returns - a.returns);

    // --- People: each case's latest submission in the range counts once for what pre-filling saved.
    const people = ctx.db
      .prepare(
        `WITH subs AS (
           SELECT s.* FROM case_submissions s
             JOIN (SELECT MAX(id) AS id FROM case_submissions WHERE submitted_at >= @lo AND submitted_at < @hi GROUP BY case_id) latest ON latest.id = s.id),
         sub AS (
           SELECT submitted_by AS who, COUNT(*) AS submitted, SUM(fields_prefilled) AS fp, SUM(fields_keyed) AS fk, SUM(chars_prefilled) AS cp, SUM(chars_keyed) AS ck
             FROM subs GROUP BY 1),
         dec AS (
           SELECT decided_by AS who, COUNT(*) FILTER (WHERE kind = 'approve') AS approved, COUNT(*) FILTER (WHERE kind = 'reject') AS rejected, COUNT(*) FILTER (WHERE kind = 'return') AS returned
             FROM case_decisions WHERE decided_at >= @lo AND decided_at < @hi AND decided_by <> @policy AND kind IN ('approve', 'reject', 'return') GROUP BY 1),
         who AS (SELECT who FROM sub UNION SELECT who FROM dec)
         SELECT who.who AS username, COALESCE(u.display_name, who.who) AS displayName,
                COALESCE(sub.submitted, 0) AS submitted, COALESCE(sub.fp, 0) AS fieldsPrefilled, COALESCE(sub.fk, 0) AS fieldsKeyed,
                COALESCE(sub.cp, 0) AS keysSaved, COALESCE(sub.ck, 0) AS keysTyped,
                COALESCE(dec.approved, 0) AS approved, COALESCE(dec.rejected, 0) AS rejected, COALESCE(dec.returned, 0) AS returned
           FROM who LEFT JOIN sub ON sub.who = who.who LEFT JOIN dec ON dec.who = who.who LEFT JOIN users u ON u.username = who.who
          ORDER BY submitted DESC, approved + rejected + returned DESC, username`,
      )
      .all({ ...q, policy: POLICY_ACTOR }) as Dashboard['people'];

    const returned = returnsByReason.reduce((n, x) => n + x.returns, 0);
    return {
      range: { from: range.from, to: range.to },
      today: iso(today),
      totals: { received: received.reduce((n, x) => n + x.n, 0), decided: decisions.length, returned, open: open.length },
      received: { bucket, rows: [...rows.values()] },
      decisionTime: { all, byType, histogram },
      backlog: { byAge, byType: backlogByType },
      flagsByRule,
      returnsByReason,
      people,
    };
  })();
}
