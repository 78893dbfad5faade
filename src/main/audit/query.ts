// Reading the audit trail for the audit screen: by case (id or reference), by user, by day, newest first,
// in pages. Filters are parameters, never text spliced into SQL.
import type { AuditEntry } from '../../shared/api/methods-audit';
import type { Db } from '../db/database';

export interface AuditFilter {
  caseRef?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** The screen's offset from UTC in minutes (as Date.getTimezoneOffset() gives it, negated: UTC+7 is 420). */
  tzOffsetMinutes: number;
  beforeId?: number | undefined;
  limit: number;
}

/** The UTC instant at which a local day starts. */
function dayStartUtc(day: string, offsetMinutes: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - offsetMinutes * 60_000).toISOString();
}

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function listAudit(db: Db, f: AuditFilter): { entries: AuditEntry[]; nextBeforeId: number | null } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.caseRef) {
    const asId = /^\d+$/.test(f.caseRef) ? Number(f.caseRef) : null;
    where.push(`a.case_id IN (SELECT id FROM cases WHERE id = ? OR reference = ?)`);
    args.push(asId ?? -1, f.caseRef.toUpperCase());
  }
  if (f.actor) {
    where.push(`lower(a.actor) = lower(?)`);
    args.push(f.actor);
  }
  if (f.from) {
    where.push(`a.at >= ?`);
    args.push(dayStartUtc(f.from, f.tzOffsetMinutes));
  }
  if (f.to) {
    where.push(`a.at < ?`);
    args.push(dayStartUtc(nextDay(f.to), f.tzOffsetMinutes));
  }
  if (f.beforeId) {
    where.push(`a.id < ?`);
    args.push(f.beforeId);
  }
  const rows = db
    .prepare(
      `SELECT a.id, a.at, a.actor, a.role, a.action, a.case_id, c.reference, a.detail FROM audit_log a LEFT JOIN cases c ON c.id = a.case_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ?`,
    )
    .all(...args, f.limit + 1) as {
    id: number;
    at: string;
    actor: string;
    role: string;
    action: string;
    case_id: number | null;
    reference: string | null;
    detail: string;
  }[];
  const more = rows.length > f.limit;
  const page = rows.slice(0, f.limit);
  return {
    entries: page.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      role: r.role,
      action: r.action,
      caseId: r.case_id,
      caseReference: r.reference,
      detail: JSON.parse(r.detail) as unknown,
    })),
    nextBeforeId: more ? (page.at(-1)?.id ?? null) : null,
  };
}
