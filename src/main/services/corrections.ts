// What officers changed in a case's fields, read back from the audit trail (the only place the value the
// reader produced first is kept once corrected), and what pre-filling saved them at a submission.
import type { Correction } from '../../shared/api/methods-review';
import type { FieldValue } from '../../shared/domain/documents';
import type { Db } from '../db/database';

interface FieldAudit {
  documentId?: number;
  documentType?: string;
  key?: string;
  old?: { value?: FieldValue | null; source?: string } | null;
  new?: FieldValue | null;
  note?: string | null;
  why?: string;
  /** On an undo: the source of the field put back. */
  restored?: { source?: string } | null;
  oldType?: string;
  newType?: string;
}

/** Every officer correction beside the value the reader produced first, from the audit trail. */
export function correctionsOf(db: Db, caseId: number): Correction[] {
  const rows = db
    .prepare(`SELECT at, actor, action, detail FROM audit_log WHERE case_id = ? AND action IN ('extraction.setField', 'extraction.setType') ORDER BY id`)
    .all(caseId) as { at: string; actor: string; action: string; detail: string }[];
  const docs = new Map(
    (
      db.prepare(`SELECT id, file_id, type, fields FROM case_documents WHERE case_id = ?`).all(caseId) as {
        id: number;
        file_id: number;
        type: string;
        fields: string;
      }[]
    ).map((d) => [
      d.id,
      { fileId: d.file_id, type: d.type, fields: JSON.parse(d.fields) as Record<string, { page?: number; bbox?: [number, number, number, number] | null }> },
    ]),
  );
  const byField = new Map<string, Correction>();
  for (const r of rows) {
    const d = JSON.parse(r.detail) as FieldAudit;
    if (typeof d.documentId !== 'number') continue;
    const field = r.action === 'extraction.setType' ? '(type)' : (d.key ?? '');
    const k = `${d.documentId}|${field}`;
    // An undo that put the reading back leaves no correction of this field.
    if (d.why === 'undone' && d.restored?.source !== 'officer') {
      byField.delete(k);
      continue;
    }
    const first = byField.get(k);
    const officerValue = r.action === 'extraction.setType' ? (d.newType ?? null) : (d.new ?? null);
    const readValue = r.action === 'extraction.setType' ? (d.oldType ?? null) : d.old && d.old.source !== 'officer' ? (d.old.value ?? null) : null;
    const doc = docs.get(d.documentId);
    byField.set(k, {
      documentId: d.documentId,
      documentType: doc?.type ?? d.documentType ?? 'other',
      field,
      ocrValue: first ? first.ocrValue : readValue,
      officerValue,
      by: r.actor,
      at: r.at,
      note: d.note ?? first?.note ?? null,
      page: doc?.fields[field]?.page ?? null,
      bbox: doc?.fields[field]?.bbox ?? null,
      fileId: doc?.fileId ?? null,
    });
  }
  // A value confirmed as read is not a correction.
  return [...byField.values()].filter((c) => JSON.stringify(c.ocrValue) !== JSON.stringify(c.officerValue));
}

/** Characters an officer would type to key a value by hand. */
export function valueChars(value: FieldValue | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return String(value).length;
  if (typeof value === 'string') return [...value].length;
  return (value as (string | Record<string, string>)[]).reduce<number>(
    (n, v) => n + (typeof v === 'string' ? [...v].length : Object.values(v).reduce((m, s) => m + [...s].length, 0)),
    0,
  );
}

export interface PrefillStats {
  /** Fields submitted with the value the reader produced (confirmed or left as read). */
  fieldsPrefilled: number;
  /** Fields an officer keyed or corrected. */
  fieldsKeyed: number;
  /** Characters of the pre-filled values: keys the officer did not have to type. */
  charsPrefilled: number;
  /** Characters of the values the officer keyed. */
  charsKeyed: number;
}

/** What pre-filling saved on a case as it stands: each filled field is either as read or keyed. */
export function prefillStats(db: Db, caseId: number): PrefillStats {
  const keyed = new Map(correctionsOf(db, caseId).map((c) => [`${c.documentId}|${c.field}`, c]));
  const stats: PrefillStats = { fieldsPrefilled: 0, fieldsKeyed: 0, charsPrefilled: 0, charsKeyed: 0 };
  const docs = db.prepare(`SELECT id, fields FROM case_documents WHERE case_id = ?`).all(caseId) as { id: number; fields: string }[];
  for (const d of docs) {
    for (const [key, field] of Object.entries(JSON.parse(d.fields) as Record<string, { value?: FieldValue | null }>)) {
      const chars = valueChars(field.value);
      if (keyed.has(`${d.id}|${key}`)) {
        stats.fieldsKeyed += 1;
        stats.charsKeyed += chars;
      } else if (chars > 0) {
        stats.fieldsPrefilled += 1;
        stats.charsPrefilled += chars;
      }
    }
  }
  return stats;
}

/** Keeps a submission with what pre-filling saved on it, for the branch dashboard. */
export function recordSubmission(db: Db, caseId: number, by: string, at: string): void {
  const s = prefillStats(db, caseId);
  db.prepare(
    `INSERT INTO case_submissions(case_id, submitted_by, submitted_at, fields_prefilled, fields_keyed, chars_prefilled, chars_keyed) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(caseId, by, at, s.fieldsPrefilled, s.fieldsKeyed, s.charsPrefilled, s.charsKeyed);
}
