// Decisions as CSV (issue 15 item 3): one row per decision, with its case, participant, who decided,
// when, why, and the working days from intake to the decision, so a branch reports upward without
// retyping. Dates are ISO (yyyy-mm-dd), as spreadsheets and the region's systems read them.
import { stringify } from 'csv-stringify/sync';
import { parseIsoDate, workingDaysUntil } from '../../shared/rules/dates';
import { holidayDates } from '../checks/config-store';
import type { BackendContext } from '../context';

export const DECISION_COLUMNS = [
  'reference',
  'claim_type',
  'nomor_kpj',
  'nik',
  'nama',
  'received',
  'decision',
  'reason_code',
  'decided_by',
  'decided_at',
  'working_days',
  'status_now',
  'note',
] as const;

interface Row {
  reference: string;
  claim_type: string;
  kpj: string | null;
  nik: string | null;
  nama: string | null;
  created_at: string;
  kind: string;
  reason_code: string | null;
  decided_by: string;
  decided_at: string;
  status: string;
  note: string;
}

/** Decisions made from `from` to `to` (yyyy-mm-dd, both included; either may be left open), oldest first. */
export function decisionsCsv(ctx: BackendContext, range: { from?: string | undefined; to?: string | undefined }): { csv: string; rows: number } {
  const rows = ctx.db
    .prepare(
      `SELECT c.reference, c.claim_type, c.kpj, p.nik, p.nama, c.created_at, d.kind, d.reason_code, d.decided_by, d.decided_at, c.status, d.note
         FROM case_decisions d JOIN cases c ON c.id = d.case_id LEFT JOIN participants p ON p.id = c.participant_id
        WHERE (CAST(@from AS TEXT) IS NULL OR substr(d.decided_at, 1, 10) >= @from) AND (CAST(@to AS TEXT) IS NULL OR substr(d.decided_at, 1, 10) <= @to)
        ORDER BY d.decided_at, d.id`,
    )
    .all({ from: range.from ?? null, to: range.to ?? null }) as Row[];
  const holidays = new Set(holidayDates(ctx));
  const day = (isoTime: string): string => isoTime.slice(0, 10);
  const records = rows.map((r) => {
    const received = parseIsoDate(day(r.created_at));
    const decided = parseIsoDate(day(r.decided_at));
    // Working days after the day of intake, up to and including the day of the decision.
    const days = received && decided ? workingDaysUntil(received, decided, holidays) : '';
    return [
      r.reference,
      r.claim_type,
      r.kpj ?? '',
      r.nik ?? '',
      r.nama ?? '',
      day(r.created_at),
      r.kind,
      r.reason_code ?? '',
      r.decided_by,
      r.decided_at,
      days,
      r.status,
      r.note,
    ];
  });
  return { csv: stringify(records, { header: true, columns: [...DECISION_COLUMNS] }), rows: records.length };
}
