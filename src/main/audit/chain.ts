// The audit trail is append-only and hash-chained: each row stores the SHA-256 of its own content
// together with the previous row's hash, and audit_head holds the last row's id and hash. Editing a row
// changes its hash; deleting one breaks the next row's link (and leaves a gap in the ids); swapping two
// breaks both; cutting rows off the end leaves the chain shorter than its head. Verification names the
// first row that does not follow. Writers append through appendAudit only, inside the transaction that
// makes the change it records.
import crypto from 'node:crypto';
import type { AuditVerification } from '../../shared/api/methods-audit';
import { AppError } from '../../shared/api/result';
import type { Db } from '../db/database';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  at: string;
  actor: string;
  role: string;
  userId: number | null;
  action: string;
  caseId: number | null;
  /** Stored as JSON text; hashed as stored. */
  detail: unknown;
}

interface Row {
  id: number;
  at: string;
  actor: string;
  role: string;
  user_id: number | null;
  action: string;
  case_id: number | null;
  detail: string;
  prev_hash: string | null;
  hash: string | null;
}

/** The hash of one row: every column that carries meaning, in a fixed order, with the previous hash. */
export function rowHash(r: Omit<Row, 'hash'> & { prev_hash: string }): string {
  const content = JSON.stringify([r.id, r.at, r.actor, r.role, r.user_id, r.action, r.case_id, r.detail, r.prev_hash]);
  return crypto.createHash('sha256').update(content, 'utf8').digest('hex');
}

function head(db: Db): { lastId: number; lastHash: string } {
  const h = db.prepare(`SELECT last_id AS lastId, last_hash AS lastHash FROM audit_head WHERE one = 1`).get() as
    { lastId: number; lastHash: string } | undefined;
  return h ?? { lastId: 0, lastHash: GENESIS_HASH };
}

/**
 * Appends one entry after the current head. Call it inside the transaction that writes the change (the
 * head row is read and moved in that transaction, so concurrent writers line up behind each other).
 */
export function appendAudit(db: Db, record: AuditRecord): number {
  const write = (): number => {
    const { lastId, lastHash } = head(db);
    const row = {
      id: lastId + 1,
      at: record.at,
      actor: record.actor,
      role: record.role,
      user_id: record.userId,
      action: record.action,
      case_id: record.caseId,
      detail: JSON.stringify(record.detail ?? null),
      prev_hash: lastHash,
    };
    const hash = rowHash(row);
    db.prepare(`INSERT INTO audit_log(id, at, actor, role, user_id, action, case_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      row.id,
      row.at,
      row.actor,
      row.role,
      row.user_id,
      row.action,
      row.case_id,
      row.detail,
      row.prev_hash,
      hash,
    );
    db.prepare(
      `INSERT INTO audit_head(one, last_id, last_hash) VALUES (1, ?, ?) ON CONFLICT(one) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash`,
    ).run(row.id, hash);
    return row.id;
  };
  // Outside a transaction (a caller that forgot one) it still appends atomically, taking the write lock first.
  return db.inTransaction ? write() : db.transaction(write).immediate();
}

/** Checks the whole chain, oldest first, and names the first row that does not follow. */
export function verifyAuditChain(db: Db): AuditVerification {
  const rows = db
    .prepare(`SELECT id, at, actor, role, user_id, action, case_id, detail, prev_hash, hash FROM audit_log ORDER BY id`)
    .iterate() as IterableIterator<Row>;
  let prevId = 0;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const r of rows) {
    count++;
    const broken = (reason: NonNullable<AuditVerification['firstBroken']>['reason']): AuditVerification => ({
      ok: false,
      rows: count,
      firstBroken: { id: r.id, reason },
    });
    if (r.hash === null || r.prev_hash === null) return broken('unsealed');
    if (r.id !== prevId + 1) return broken('missing_before');
    if (r.prev_hash !== prevHash) return broken('out_of_order');
    if (rowHash({ ...r, prev_hash: r.prev_hash }) !== r.hash) return broken('edited');
    prevId = r.id;
    prevHash = r.hash;
  }
  const h = head(db);
  if (h.lastId !== prevId || h.lastHash !== prevHash) {
    // Rows after the last one present were removed (or the head itself was altered).
    return { ok: false, rows: count, firstBroken: { id: prevId + 1, reason: 'truncated' } };
  }
  return { ok: true, rows: count, firstBroken: null };
}

/**
 * Migration step: the rows written before the chain existed are sealed in their order. Old imports
 * copied the whole CSV into their audit row; it is replaced by its hash and size first (participants'
 * personal data has no place in a log kept forever).
 */
export function sealExistingAuditRows(db: Db): void {
  const imports = db.prepare(`SELECT id, detail FROM audit_log WHERE action = 'participants.import'`).all() as { id: number; detail: string }[];
  const setDetail = db.prepare(`UPDATE audit_log SET detail = ? WHERE id = ?`);
  for (const r of imports) {
    let detail: unknown;
    try {
      detail = JSON.parse(r.detail);
    } catch {
      continue;
    }
    const d = detail as { csvText?: unknown; fileName?: unknown };
    if (typeof d?.csvText !== 'string') continue;
    const bytes = Buffer.from(d.csvText, 'utf8');
    setDetail.run(
      JSON.stringify({
        fileName: d.fileName ?? null,
        sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length,
        note: 'file content removed from the audit trail (schema 6)',
      }),
      r.id,
    );
  }
  const rows = db.prepare(`SELECT id, at, actor, role, user_id, action, case_id, detail FROM audit_log ORDER BY id`).all() as Omit<Row, 'prev_hash' | 'hash'>[];
  // Renumbered densely, so a gap in the ids always means a deleted row from here on.
  const renumber = db.prepare(`UPDATE audit_log SET id = ? WHERE id = ?`);
  const seal = db.prepare(`UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?`);
  let prev = GENESIS_HASH;
  rows.forEach((r, i) => {
    const id = i + 1;
    if (r.id !== id) renumber.run(id, r.id);
    const hash = rowHash({ ...r, id, prev_hash: prev });
    seal.run(prev, hash, id);
    prev = hash;
  });
  if (rows.length > 0) db.prepare(`INSERT INTO audit_head(one, last_id, last_hash) VALUES (1, ?, ?)`).run(rows.length, prev);
}

/** Thrown when the audit chain of a backup (or of a data folder to copy) is broken: the CLI answers it
 * with the exit code of a broken chain. */
export class BrokenAuditError extends AppError {
  constructor(
    readonly verification: AuditVerification,
    of: 'backup' | 'source' = 'backup',
  ) {
    const where = `row ${verification.firstBroken?.id ?? '?'} (${verification.firstBroken?.reason ?? '?'})`;
    super(
      'invalid_input',
      of === 'backup'
        ? `The backup's audit trail is broken at ${where}; nothing was restored.`
        : `The data folder's audit trail is broken at ${where}; nothing was copied. Check it with "claimdesk audit verify".`,
      { reason: of === 'backup' ? 'backup_audit_broken' : 'source_audit_broken', row: verification.firstBroken?.id ?? 0 },
    );
  }
}
