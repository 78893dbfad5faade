// Claim cases: creation, listing, reading. Status changes go through the review workflow.
import type { CaseDetail, CaseSummary } from '../../shared/api/methods-cases';
import type { CaseStatus, ClaimType } from '../../shared/domain/claims';
import { AppError } from '../../shared/api/result';
import type { BackendContext } from '../context';

interface CaseDbRow {
  id: number;
  reference: string;
  claim_type: ClaimType;
  status: CaseStatus;
  participant_id: number | null;
  participant_name: string | null;
  kpj: string | null;
  incident_date: string | null;
  created_at: string;
  updated_at: string;
  created_by: string;
  notes: string;
  file_count: number;
  flag_count: number;
}

// Info flags (a value not yet supplied) inform; blockers and warnings need a decision, so only they count.
const SELECT_CASES = `SELECT c.id, c.reference, c.claim_type, c.status, c.participant_id, p.nama AS participant_name,
      c.kpj, c.incident_date, c.created_at, c.updated_at, c.created_by, c.notes,
      (SELECT count(*) FROM case_files cf WHERE cf.case_id = c.id) AS file_count,
      (SELECT count(*) FROM case_flags f WHERE f.case_id = c.id AND f.severity IN ('blocker','warning')) AS flag_count
    FROM cases c LEFT JOIN participants p ON p.id = c.participant_id`;

function historyOf(ctx: BackendContext, caseId: number): CaseDetail['history'] {
  const rows = ctx.db
    .prepare(`SELECT at, actor, role, action, detail FROM audit_log WHERE case_id = ? ORDER BY id`)
    .all(caseId) as { at: string; actor: string; role: string; action: string; detail: string }[];
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as unknown }));
}

function toDetail(r: CaseDbRow, history: CaseDetail['history'] = []): CaseDetail {
  return {
    id: r.id,
    reference: r.reference,
    claimType: r.claim_type,
    status: r.status,
    participantId: r.participant_id,
    participantName: r.participant_name,
    kpj: r.kpj,
    incidentDate: r.incident_date,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdBy: r.created_by,
    notes: r.notes,
    fileCount: r.file_count,
    flagCount: r.flag_count,
    history,
  };
}

export function listCases(ctx: BackendContext, statuses: CaseStatus[] | undefined, limit: number): CaseSummary[] {
  const where = statuses?.length ? `WHERE c.status IN (${statuses.map(() => '?').join(',')})` : '';
  const rows = ctx.db
    .prepare(`${SELECT_CASES} ${where} ORDER BY c.updated_at DESC, c.id DESC LIMIT ?`)
    .all(...(statuses ?? []), limit) as CaseDbRow[];
  return rows.map((r) => {
    const { notes: _n, history: _h, ...summary } = toDetail(r);
    return summary;
  });
}

export function getCase(ctx: BackendContext, id: number): CaseDetail {
  const row = ctx.db.prepare(`${SELECT_CASES} WHERE c.id = ?`).get(id) as CaseDbRow | undefined;
  if (!row) throw new AppError('not_found', `Case ${id} not found`, { id });
  return toDetail(row, historyOf(ctx, id));
}

/** Move a case to a new status, refusing if someone else changed it meanwhile. */
export function setCaseStatus(ctx: BackendContext, id: number, from: CaseStatus, to: CaseStatus, now = new Date()): void {
  const info = ctx.db
    .prepare(`UPDATE cases SET status = ?, updated_at = ? WHERE id = ? AND status = ?`)
    .run(to, now.toISOString(), id, from);
  if (info.changes !== 1) throw new AppError('conflict', `Case ${id} is no longer ${from}`, { id });
}

export interface NewCase {
  claimType: ClaimType;
  kpj?: string | undefined;
  incidentDate?: string | undefined;
  notes: string;
}

export function createCase(ctx: BackendContext, input: NewCase, now = new Date()): CaseDetail {
  const participant = input.kpj
    ? (ctx.db.prepare(`SELECT id FROM participants WHERE nomor_kpj = ?`).get(input.kpj) as { id: number } | undefined)
    : undefined;
  if (input.kpj && !participant) {
    throw new AppError('not_found', `No participant with KPJ ${input.kpj}`, { kpj: input.kpj });
  }
  const at = now.toISOString();
  const id = ctx.db.transaction(() => {
    const info = ctx.db
      .prepare(
        `INSERT INTO cases(reference, claim_type, participant_id, kpj, incident_date, status, notes, created_by, created_at, updated_at)
         VALUES ('pending', ?, ?, ?, ?, 'draft', ?, ?, ?, ?)`,
      )
      .run(input.claimType, participant?.id ?? null, input.kpj ?? null, input.incidentDate ?? null, input.notes, ctx.operator().name, at, at);
    const newId = Number(info.lastInsertRowid);
    const reference = `CD-${now.getUTCFullYear()}-${String(newId).padStart(6, '0')}`;
    ctx.db.prepare(`UPDATE cases SET reference = ? WHERE id = ?`).run(reference, newId);
    return newId;
  })();
  return getCase(ctx, id);
}
