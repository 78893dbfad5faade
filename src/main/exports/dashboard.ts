// The branch dashboard's tables as CSV (issue 15 item 3), the same figures the screen draws, so the
// branch reports upward without retyping. Column names are stable snake_case; days are working days.
import { stringify } from 'csv-stringify/sync';
import type { Dashboard, DashboardRange, DashboardTable } from '../../shared/api/methods-dashboard';
import { branchDashboard } from '../dashboard/branch';
import type { BackendContext } from '../context';

type Cell = string | number | null;

const TABLES: Record<DashboardTable, { columns: string[]; rows: (d: Dashboard) => Cell[][] }> = {
  received: {
    columns: ['bucket', 'start', 'jkk', 'jkm', 'jht', 'beasiswa', 'total'],
    rows: (d) => d.received.rows.map((r) => [d.received.bucket, r.start, r.JKK, r.JKM, r.JHT, r.BEASISWA, r.total]),
  },
  decision_time: {
    columns: ['claim_type', 'decided', 'median_working_days', 'p90_working_days', 'statutory_working_days', 'within_statutory', 'over_statutory'],
    rows: (d) =>
      [...d.decisionTime.byType, { claimType: 'ALL', ...d.decisionTime.all }].map((r) => [
        r.claimType,
        r.decided,
        r.medianDays,
        r.p90Days,
        r.statutoryDays,
        r.withinStatutory,
        r.overStatutory,
      ]),
  },
  backlog_age: {
    columns: ['today', 'age_working_days', 'within_time', 'overdue', 'no_statutory_time'],
    rows: (d) => d.backlog.byAge.map((r) => [d.today, r.band, r.withinTime, r.overdue, r.noStatutoryTime]),
  },
  backlog_type: {
    columns: ['today', 'claim_type', 'open', 'within_time', 'overdue', 'no_statutory_time', 'statutory_working_days', 'oldest_working_days'],
    rows: (d) => d.backlog.byType.map((r) => [d.today, r.claimType, r.open, r.withinTime, r.overdue, r.noStatutoryTime, r.statutoryDays, r.oldestDays]),
  },
  flags: {
    columns: ['rule', 'severity', 'cases', 'flags'],
    rows: (d) => d.flagsByRule.map((r) => [r.rule, r.severity, r.cases, r.flags]),
  },
  returns: {
    columns: ['reason', 'returns'],
    rows: (d) => d.returnsByReason.map((r) => [r.reason, r.returns]),
  },
  people: {
    columns: ['username', 'name', 'submitted', 'fields_prefilled', 'fields_keyed', 'keys_saved', 'keys_typed', 'approved', 'rejected', 'returned'],
    rows: (d) =>
      d.people.map((p) => [
        p.username,
        p.displayName,
        p.submitted,
        p.fieldsPrefilled,
        p.fieldsKeyed,
        p.keysSaved,
        p.keysTyped,
        p.approved,
        p.rejected,
        p.returned,
      ]),
  },
};

export function dashboardCsv(ctx: BackendContext, input: DashboardRange & { table: DashboardTable }): { csv: string; rows: number } {
  const table = TABLES[input.table];
  const rows = table.rows(branchDashboard(ctx, { from: input.from, to: input.to })).map((r) => r.map((c) => c ?? ''));
  return { csv: stringify(rows, { header: true, columns: table.columns }), rows: rows.length };
}
