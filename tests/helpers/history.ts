// A generated branch history with known answers, for the dashboard's tests and bench. Cases are written
// straight into a real case store (cases, submissions, decisions, findings; no files, no audit entries),
// and every event is kept so the expected figures of any range are counted here by plain tallies,
// independently of the dashboard's SQL and date arithmetic:
// - the history's working days are listed once by walking the calendar; a case received on the i-th is
//   decided on the (i + N)-th, so its decision time is N working days by construction;
// - an open case received on the i-th of L working days is (L - 1 - i) working days old today, and is
//   overdue exactly when that age exceeds its claim type's statutory time.
import type { ClaimType, RuleId, Severity } from '../../src/shared/domain/claims';
import { RETURN_REASONS, type ReturnReason } from '../../src/shared/domain/workflow';
import type { Db } from '../../src/main/db/database';
import { Rng } from '../../tools/synth/random';
import { storeOptions } from './store';

export interface HistoryOptions {
  seed: number;
  cases: number;
  /** The last day of the history, a working day: open cases are aged against it. */
  today: string;
  /** How many calendar days back intake days reach. */
  spanDays: number;
  officers: readonly string[];
  supervisors: readonly string[];
  holidays: ReadonlySet<string>;
  /** Statutory working days per claim type (the shipped rule parameters). */
  statutory: Record<ClaimType, number | null>;
}

interface Submission {
  caseId: number;
  by: string;
  day: string;
  fieldsPrefilled: number;
  fieldsKeyed: number;
  charsPrefilled: number;
  charsKeyed: number;
}

export interface HistoryEvents {
  received: { caseId: number; day: string; type: ClaimType }[];
  /** Approvals and rejections (and approvals on submit), with their decision time by construction. */
  decided: { caseId: number; day: string; type: ClaimType; workingDays: number; kind: 'approve' | 'reject' | 'auto_approve'; by: string }[];
  returns: { caseId: number; day: string; reason: ReturnReason; by: string }[];
  submissions: Submission[];
  open: { caseId: number; type: ClaimType; ageWorkingDays: number }[];
  flags: { caseId: number; intakeDay: string; rule: RuleId; severity: Severity }[];
}

const DAY = 86_400_000;
const isoOf = (t: number): string => new Date(t).toISOString().slice(0, 10);
const TYPES: readonly ClaimType[] = ['JHT', 'JHT', 'JHT', 'JHT', 'JKK', 'JKK', 'JKK', 'JKM', 'JKM', 'BEASISWA'];
const FLAG_RULES: readonly [RuleId, Severity][] = [
  ['identity.name_mismatch', 'warning'],
  ['identity.nik_mismatch', 'blocker'],
  ['documents.missing_required', 'blocker'],
  ['membership.inactive_at_incident', 'blocker'],
  ['bank.holder_name_mismatch', 'warning'],
  ['documents.low_quality', 'info'],
];

/** Walks `n` working days from `day` (forward for n > 0, backward for n < 0). */
function walk(day: string, n: number, holidays: ReadonlySet<string>): string {
  let t = Date.parse(`${day}T00:00:00Z`);
  const step = n >= 0 ? DAY : -DAY;
  for (let left = Math.abs(n); left > 0;) {
    t += step;
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holidays.has(isoOf(t))) left -= 1;
  }
  return isoOf(t);
}

const at = (day: string, hour: number, minute: number): string => `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;

export function generateHistory(db: Db, o: HistoryOptions): HistoryEvents {
  const rng = new Rng(o.seed);
  const ev: HistoryEvents = { received: [], decided: [], returns: [], submissions: [], open: [], flags: [] };
  const insertCase = db.prepare(
    `INSERT INTO cases(reference, claim_type, status, created_by, created_at, updated_at, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDecision = db.prepare(
    `INSERT INTO case_decisions(case_id, kind, reason_code, note, items, acknowledged, decided_by, decided_at, case_version) VALUES (?, ?, ?, 'generated', '[]', '[]', ?, ?, 1)`,
  );
  const insertSubmission = db.prepare(
    `INSERT INTO case_submissions(case_id, submitted_by, submitted_at, fields_prefilled, fields_keyed, chars_prefilled, chars_keyed) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFlag = db.prepare(
    `INSERT INTO case_flags(case_id, rule, severity, message_id, message_en, evidence, created_at) VALUES (?, ?, ?, 'generated', 'generated', '{}', ?)`,
  );
  const settle = db.prepare(`UPDATE cases SET status = ?, submitted_by = ?, submitted_at = ? WHERE id = ?`);
  // The working days of the history, oldest first, found by walking the calendar: a case received on
  // days[i] and decided N working days later is decided on days[i + N]; on the last day its age is
  // (last - i) working days.
  const days: string[] = [];
  for (let d = walk(isoOf(Date.parse(`${o.today}T00:00:00Z`) - o.spanDays * DAY), 1, o.holidays); d <= o.today; d = walk(d, 1, o.holidays)) days.push(d);
  const last = days.length - 1;
  if (days[last] !== o.today) throw new Error(`generateHistory: today (${o.today}) must be a working day`);
  db.transaction(() => {
    for (let i = 0; i < o.cases; i++) {
      const type = rng.pick(TYPES);
      const officer = rng.pick(o.officers);
      const k = rng.int(0, last);
      const n = rng.chance(0.1) ? rng.int(8, 30) : rng.int(0, 7);
      // Open: its decision would fall after today, or (a few recent ones) it is stuck.
      const isOpen = k + n > last || (last - k <= 40 && rng.chance(0.05));
      const age = last - k;
      const intake = days[k]!;
      const created = at(intake, rng.int(1, 4), rng.int(0, 59));
      const status = isOpen ? rng.pick(['draft', 'in_review', 'awaiting_supervisor', 'returned'] as const) : null;
      const id = Number(
        insertCase.run(`H-${String(i + 1).padStart(6, '0')}`, type, status ?? 'approved', officer, created, created, null, null).lastInsertRowid,
      );
      ev.received.push({ caseId: id, day: intake, type });
      for (const [rule, severity] of FLAG_RULES) {
        if (rng.chance(0.15)) {
          insertFlag.run(id, rule, severity, created);
          ev.flags.push({ caseId: id, intakeDay: intake, rule, severity });
        }
      }
      const submit = (day: string, hour: number): void => {
        const s: Submission = {
          caseId: id,
          by: officer,
          day,
          fieldsPrefilled: rng.int(8, 30),
          fieldsKeyed: rng.int(0, 4),
          charsPrefilled: rng.int(100, 600),
          charsKeyed: rng.int(0, 60),
        };
        insertSubmission.run(id, officer, at(day, hour, rng.int(0, 59)), s.fieldsPrefilled, s.fieldsKeyed, s.charsPrefilled, s.charsKeyed);
        ev.submissions.push(s);
      };
      if (isOpen) {
        ev.open.push({ caseId: id, type, ageWorkingDays: age });
        if (status === 'awaiting_supervisor' || status === 'returned') submit(intake, 5);
        if (status === 'returned') {
          const reason = rng.pick(RETURN_REASONS);
          const by = rng.pick(o.supervisors);
          insertDecision.run(id, 'return', reason, by, at(intake, 8, 30));
          ev.returns.push({ caseId: id, day: intake, reason, by });
        }
        continue;
      }
      const decidedDay = days[k + n]!;
      // Some cases went back to the officer once, on the day of intake, and were submitted again.
      if (n > 0 && rng.chance(0.2)) {
        submit(intake, 5);
        const reason = rng.pick(RETURN_REASONS);
        const by = rng.pick(o.supervisors);
        insertDecision.run(id, 'return', reason, by, at(intake, 7, 0));
        ev.returns.push({ caseId: id, day: intake, reason, by });
      }
      submit(decidedDay, 5);
      const kind = type === 'JHT' && rng.chance(0.3) ? 'auto_approve' : rng.chance(0.85) ? 'approve' : 'reject';
      const by = kind === 'auto_approve' ? 'system:review-policy' : rng.pick(o.supervisors);
      insertDecision.run(id, kind, kind === 'reject' ? 'other' : null, by, at(decidedDay, 9, rng.int(0, 59)));
      settle.run(kind === 'reject' ? 'rejected' : 'approved', officer, at(decidedDay, 5, 0), id);
      ev.decided.push({ caseId: id, day: decidedDay, type, workingDays: n, kind, by });
    }
  })();
  return ev;
}

export interface HistoryHome {
  events: HistoryEvents;
  /** The supervisor account that reads the dashboard, with its password. */
  supervisor: { username: string; password: string };
  /** The history's last day: the working day on or before the one asked for. */
  today: string;
}

const STAFF: { username: string; displayName: string; role: 'officer' | 'supervisor' }[] = [
  { username: 'budi', displayName: 'Budi Santoso', role: 'officer' },
  { username: 'sari', displayName: 'Sari Wulandari', role: 'officer' },
  { username: 'tono', displayName: 'Tono Prasetyo', role: 'officer' },
  { username: 'dewi', displayName: 'Dewi Lestari', role: 'officer' },
  { username: 'rina', displayName: 'Rina Marlina', role: 'supervisor' },
  { username: 'joko', displayName: 'Joko Hartono', role: 'supervisor' },
];

/** A data folder holding a generated history of `cases` cases up to `today`, with the branch's staff
 * as accounts (the supervisor's password is returned), for the bench and screenshots. */
export async function historyHome(home: string, o: { cases: number; today: string; spanDays: number; seed?: number }): Promise<HistoryHome> {
  const { BackendContext } = await import('../../src/main/context');
  const { createUser } = await import('../../src/main/auth/users');
  const { systemCaller } = await import('../../src/main/auth/caller');
  const { randomPassword } = await import('../../src/main/auth/passwords');
  const { holidayDates, loadRulesConfig } = await import('../../src/main/checks/config-store');
  const { PROCESSING_DAYS_PARAM } = await import('../../src/shared/rules/engine');
  const ctx = new BackendContext({ home, transport: 'cli', ...storeOptions(home) });
  try {
    let password = '';
    for (const s of STAFF) {
      const p = randomPassword();
      await createUser(ctx, systemCaller('bench'), { ...s, password: p });
      if (s.username === 'rina') password = p;
    }
    const config = loadRulesConfig(ctx);
    const holidays = new Set(holidayDates(ctx));
    const today = walk(walk(o.today, 1, holidays), -1, holidays);
    const events = generateHistory(ctx.db, {
      seed: o.seed ?? 15,
      cases: o.cases,
      today,
      spanDays: o.spanDays,
      officers: STAFF.filter((s) => s.role === 'officer').map((s) => s.username),
      supervisors: STAFF.filter((s) => s.role === 'supervisor').map((s) => s.username),
      holidays,
      statutory: {
        JHT: config.params[PROCESSING_DAYS_PARAM.JHT].value,
        JKK: config.params[PROCESSING_DAYS_PARAM.JKK].value,
        JKM: config.params[PROCESSING_DAYS_PARAM.JKM].value,
        BEASISWA: config.params[PROCESSING_DAYS_PARAM.BEASISWA].value,
      },
    });
    return { events, supervisor: { username: 'rina', password }, today };
  } finally {
    await ctx.close();
  }
}
