// Claim cases: creation, listing, reading. Status changes go through the review workflow (review.ts);
// changes to a case's content go through case-access.ts, which refuses them once the case is locked.
import type { CaseDecision, CaseDetail, CaseSummary } from '../../shared/api/methods-cases';
import type { CaseStatus, ClaimType } from '../../shared/domain/claims';
import { canDecide, canEdit, DECIDED_STATUSES, isDecided } from '../../shared/domain/workflow';
import { AppError } from '../../shared/api/result';
import { actorName, BACKGROUND, type Caller } from '../auth/caller';
import type { BackendContext } from '../context';
import { holidayDates } from '../checks/config-store';
import { parseIsoDate, workingDaysUntil } from '../../shared/rules/dates';

interface CaseDbRow {
  id: number;
  reference: string;
  claim_type: ClaimType;
  status: CaseStatus;
  version: number;
  participant_id: number | null;
  participant_name: string | null;
  kpj: string | null;
  incident_date: string | null;
  created_at: string;
  updated_at: string;
  created_by: string;
  submitted_by: string | null;
  submitted_at: string | null;
  submit_note: string;
  notes: string;
  file_count: number;
  blocker_count: number;
  warning_count: number;
  unjudged_count: number;
  pay_by: string | null;
}

const SELECT_CASES = `SELECT c.id, c.reference, c.claim_type, c.status, c.version, c.participant_id, p.nama AS participant_name,
      c.kpj, c.incident_date, c.created_at, c.updated_at, c.created_by, c.submitted_by, c.submitted_at, c.submit_note, c.notes,
      (SELECT count(*) FROM case_files cf WHERE cf.case_id = c.id) AS file_count,
      (SELECT count(*) FROM case_flags f WHERE f.case_id = c.id AND f.severity = 'blocker') AS blocker_count,
      (SELECT count(*) FROM case_flags f WHERE f.case_id = c.id AND f.severity = 'warning') AS warning_count,
      (SELECT count(*) FROM case_flags f WHERE f.case_id = c.id AND f.unjudged = 1) AS unjudged_count,
      (SELECT cc.pay_by FROM case_checks cc WHERE cc.case_id = c.id) AS pay_by
    FROM cases c LEFT JOIN participants p ON p.id = c.participant_id`;

/**
 * The actions that make someone one of the case's workers: whoever did any of them may not decide it.
 * Derived from the audit trail, which records each of them in the transaction that makes the change.
 */
export const WORK_ACTIONS = [
  'cases.create',
  'cases.setParticipant',
  'cases.submit',
  'extraction.setField',
  'extraction.setType',
  'extraction.run',
  'documents.add',
  'documents.retryOcr',
  'documents.cancelOcr',
  'checks.facts',
  'flags.dismiss',
] as const;

export function workersOf(ctx: BackendContext, caseId: number): string[] {
  return ctx.db
    .prepare(`SELECT DISTINCT actor FROM audit_log WHERE case_id = ? AND action IN (${WORK_ACTIONS.map(() => '?').join(',')}) ORDER BY actor`)
    .pluck()
    .all(caseId, ...WORK_ACTIONS) as string[];
}

function historyOf(ctx: BackendContext, caseId: number): CaseDetail['history'] {
  const rows = ctx.db.prepare(`SELECT at, actor, role, action, detail FROM audit_log WHERE case_id = ? ORDER BY id`).all(caseId) as {
    at: string;
    actor: string;
    role: string;
    action: string;
    detail: string;
  }[];
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as unknown }));
}

interface DecisionRow {
  kind: CaseDecision['kind'];
  reason_code: string | null;
  note: string;
  items: string;
  acknowledged: string;
  decided_by: string;
  decided_at: string;
}

export function decisionsOf(ctx: BackendContext, caseId: number): CaseDecision[] {
  const rows = ctx.db
    .prepare(`SELECT kind, reason_code, note, items, acknowledged, decided_by, decided_at FROM case_decisions WHERE case_id = ? ORDER BY id`)
    .all(caseId) as DecisionRow[];
  return rows.map((r) => ({
    kind: r.kind,
    reasonCode: r.reason_code,
    note: r.note,
    items: JSON.parse(r.items) as string[],
    acknowledged: JSON.parse(r.acknowledged) as string[],
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  }));
}

function toSummary(r: CaseDbRow, clock: DeadlineClock): CaseSummary {
  const due = r.pay_by && !isDecided(r.status) ? parseIsoDate(r.pay_by) : null;
  return {
    id: r.id,
    reference: r.reference,
    claimType: r.claim_type,
    status: r.status,
    version: r.version,
    participantId: r.participant_id,
    participantName: r.participant_name,
    kpj: r.kpj,
    incidentDate: r.incident_date,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdBy: r.created_by,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    fileCount: r.file_count,
    flagCount: r.blocker_count + r.warning_count,
    blockerCount: r.blocker_count,
    warningCount: r.warning_count,
    unjudgedCount: r.unjudged_count,
    payBy: r.pay_by,
    workingDaysLeft: due ? workingDaysUntil(clock.today, due, clock.holidays) : null,
  };
}

/** What the caller may do with the case: supervisors decide only what they did not work on. */
export function callerView(caller: Caller, status: CaseStatus, workedBy: readonly string[]): CaseDetail['you'] {
  const worked = caller.kind !== 'anonymous' && workedBy.includes(actorName(caller));
  const supervisor = caller.kind === 'user' && caller.role === 'supervisor';
  const why = !supervisor ? 'role' : worked ? 'four_eyes' : !canDecide(status) ? 'status' : null;
  return { worked, mayDecide: why === null, why };
}

export interface CaseListQuery {
  status?: CaseStatus[] | undefined;
  claimType?: ClaimType[] | undefined;
  query?: string | undefined;
  sort?: 'updated' | 'due';
  offset?: number;
  limit: number;
}

/** One page of cases matching the filters, and how many match in all. Ids are chosen first (filtered,
 * sorted, paged on indexed columns), then only that page's rows are read with their counts. */
export function listCases(ctx: BackendContext, q: CaseListQuery): { cases: CaseSummary[]; total: number } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.status?.length) {
    where.push(`c.status IN (${q.status.map(() => '?').join(',')})`);
    args.push(...q.status);
  }
  if (q.claimType?.length) {
    where.push(`c.claim_type IN (${q.claimType.map(() => '?').join(',')})`);
    args.push(...q.claimType);
  }
  const text = q.query?.trim();
  if (text) {
    const digits = text.replace(/[\s.-]/g, '');
    if (/^\d{3,}$/.test(digits)) {
      where.push(`(c.kpj LIKE ? OR p.nik LIKE ? OR c.reference LIKE ?)`);
      args.push(`${digits}%`, `${digits}%`, `%${digits}%`);
    } else {
      where.push(`(p.nama LIKE ? OR c.reference LIKE ?)`);
      args.push(`%${text.toUpperCase()}%`, `%${text.toUpperCase()}%`);
    }
  }
  const from = `FROM cases c LEFT JOIN participants p ON p.id = c.participant_id LEFT JOIN case_checks cc ON cc.case_id = c.id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const total = ctx.db
    .prepare(`SELECT count(*) ${from}`)
    .pluck()
    .get(...args) as number;
  // Nearest deadline first: decided cases (no deadline running) last.
  const [order, orderArgs] =
    q.sort === 'due'
      ? [`c.status IN (${DECIDED_STATUSES.map(() => '?').join(',')}), cc.pay_by IS NULL, cc.pay_by, c.id`, DECIDED_STATUSES]
      : ['c.updated_at DESC, c.id DESC', []];
  const ids = ctx.db
    .prepare(`SELECT c.id ${from} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...args, ...orderArgs, q.limit, q.offset ?? 0) as number[];
  if (!ids.length) return { cases: [], total };
  const rows = ctx.db.prepare(`${SELECT_CASES} WHERE c.id IN (${ids.map(() => '?').join(',')})`).all(...ids) as CaseDbRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const clock = deadlineClock(ctx);
  return { cases: ids.map((id) => toSummary(byId.get(id) as CaseDbRow, clock)), total };
}

/** Today on this desk and the holidays in force: how many working days each open case has left. */
interface DeadlineClock {
  today: Date;
  holidays: ReadonlySet<string>;
}

function deadlineClock(ctx: BackendContext): DeadlineClock {
  const now = ctx.now();
  return { today: new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())), holidays: new Set(holidayDates(ctx)) };
}

function caseRow(ctx: BackendContext, id: number): CaseDbRow {
  const row = ctx.db.prepare(`${SELECT_CASES} WHERE c.id = ?`).get(id) as CaseDbRow | undefined;
  if (!row) throw new AppError('not_found', `Case ${id} not found`, { id });
  return row;
}

export function getCase(ctx: BackendContext, id: number, caller: Caller = { kind: 'anonymous' }): CaseDetail {
  const row = caseRow(ctx, id);
  const workedBy = workersOf(ctx, id);
  const decisions = decisionsOf(ctx, id);
  return {
    ...toSummary(row, deadlineClock(ctx)),
    notes: row.notes,
    submitNote: row.submit_note,
    history: historyOf(ctx, id),
    lastDecision: decisions.at(-1) ?? null,
    editable: canEdit(row.status),
    workedBy,
    you: callerView(caller, row.status, workedBy),
  };
}

/** The case's status and version, for the workflow's checks. */
export function caseState(ctx: BackendContext, id: number): { status: CaseStatus; version: number; claimType: ClaimType; reference: string } {
  const row = ctx.db.prepare(`SELECT status, version, claim_type AS claimType, reference FROM cases WHERE id = ?`).get(id) as
    { status: CaseStatus; version: number; claimType: ClaimType; reference: string } | undefined;
  if (!row) throw new AppError('not_found', `Case ${id} not found`, { id });
  return row;
}

/**
 * Moves a case to a new status only if it is still at the version and status the caller saw: of two
 * supervisors deciding at once, exactly one changes it; the other is told it changed meanwhile.
 */
export function setCaseStatus(
  ctx: BackendContext,
  id: number,
  from: { status: CaseStatus; version: number },
  to: CaseStatus,
  extra: { submittedBy?: string; submitNote?: string } = {},
): number {
  const at = ctx.now().toISOString();
  const info = ctx.db
    .prepare(
      `UPDATE cases SET status = ?, version = version + 1, updated_at = ?,
         submitted_by = COALESCE(?, submitted_by), submitted_at = COALESCE(?, submitted_at), submit_note = COALESCE(?, submit_note)
       WHERE id = ? AND status = ? AND version = ?`,
    )
    .run(to, at, extra.submittedBy ?? null, extra.submittedBy ? at : null, extra.submitNote ?? null, id, from.status, from.version);
  if (info.changes !== 1) throw new AppError('conflict', `Case ${id} changed meanwhile; reload it`, { id, reason: 'stale' });
  return from.version + 1;
}

export interface NewCase {
  claimType: ClaimType;
  kpj?: string | undefined;
  incidentDate?: string | undefined;
  notes: string;
}

/**
 * Opens a case; its creation is audited in the same transaction (creating counts as working the case).
 * Without `by`, the app itself opened it (tests, tools).
 */
export function createCase(ctx: BackendContext, input: NewCase, options: { by?: Caller; now?: Date } = {}): CaseDetail {
  const caller = options.by ?? BACKGROUND;
  const participant = input.kpj ? (ctx.db.prepare(`SELECT id FROM participants WHERE nomor_kpj = ?`).get(input.kpj) as { id: number } | undefined) : undefined;
  if (input.kpj && !participant) {
    throw new AppError('not_found', `No participant with KPJ ${input.kpj}`, { kpj: input.kpj, reason: 'no_participant' });
  }
  const now = options.now ?? ctx.now();
  const at = now.toISOString();
  const id = ctx.db.transaction(() => {
    const info = ctx.db
      .prepare(
        `INSERT INTO cases(reference, claim_type, participant_id, kpj, incident_date, status, notes, created_by, created_at, updated_at)
         VALUES ('pending', ?, ?, ?, ?, 'draft', ?, ?, ?, ?)`,
      )
      .run(input.claimType, participant?.id ?? null, input.kpj ?? null, input.incidentDate ?? null, input.notes, actorName(caller), at, at);
    const newId = Number(info.lastInsertRowid);
    const reference = `CD-${now.getUTCFullYear()}-${String(newId).padStart(6, '0')}`;
    ctx.db.prepare(`UPDATE cases SET reference = ? WHERE id = ?`).run(reference, newId);
    ctx.audit(
      caller,
      'cases.create',
      { reference, claimType: input.claimType, kpj: input.kpj ?? null, incidentDate: input.incidentDate ?? null, notes: input.notes },
      newId,
    );
    return newId;
  })();
  return getCase(ctx, id, caller);
}

/** Links a case to its participant (by KPJ), in the audited transaction. */
export function setCaseParticipant(ctx: BackendContext, caller: Caller, caseId: number, kpj: string): void {
  const participant = ctx.db.prepare(`SELECT id FROM participants WHERE nomor_kpj = ?`).get(kpj) as { id: number } | undefined;
  if (!participant) throw new AppError('not_found', `No participant with KPJ ${kpj}`, { kpj, reason: 'no_participant' });
  ctx.db.transaction(() => {
    const before = ctx.db.prepare(`SELECT kpj FROM cases WHERE id = ?`).get(caseId) as { kpj: string | null } | undefined;
    if (!before) throw new AppError('not_found', `Case ${caseId} not found`, { id: caseId });
    ctx.db.prepare(`UPDATE cases SET participant_id = ?, kpj = ?, updated_at = ? WHERE id = ?`).run(participant.id, kpj, ctx.now().toISOString(), caseId);
    ctx.audit(caller, 'cases.setParticipant', { kpj, previousKpj: before.kpj }, caseId);
  })();
}
