// Writes one validated participant: insert, update when something changed, or leave it. Prepared once
// per import; the name index follows every insert and every name change. What a write replaced can be
// put back (`restore`), which is how a failed or interrupted import is undone.
import { PARTICIPANT_COLUMNS, type Participant } from '../../shared/domain/participant';
import type { Db } from '../db/database';
import type { ParticipantDbRow } from '../services/participants-repo';
import type { NameIndex } from './name-index';

const FIELDS = PARTICIPANT_COLUMNS;

type DbValues = Record<(typeof FIELDS)[number], string | null>;

/** A participant's stored values, as the undo log keeps them (null: the row did not exist). */
export type StoredParticipant = (DbValues & { updated_at: string }) | null;

const toDb = (p: Participant): DbValues => ({ ...p, program: p.program.join(';') });

export function participantWriter(db: Db, index: NameIndex) {
  const byKpj = db.prepare(`SELECT id, ${FIELDS.join(', ')}, updated_at FROM participants WHERE nomor_kpj = ?`);
  // Positional parameters: binding from an array is markedly faster than from named object keys.
  const insert = db.prepare(`INSERT INTO participants(${FIELDS.join(', ')}, updated_at) VALUES (${FIELDS.map(() => '?').join(', ')}, ?)`);
  const update = db.prepare(
    `UPDATE participants SET ${FIELDS.filter((f) => f !== 'nomor_kpj')
      .map((f) => `${f} = @${f}`)
      .join(', ')}, updated_at = @updated_at WHERE id = @id`,
  );
  const any = db.prepare(`SELECT 1 FROM participants LIMIT 1`).pluck();
  const current = db.prepare(`SELECT nama FROM participants WHERE id = ?`).pluck();
  // A participant a case was linked to meanwhile stays: the case must keep its participant.
  const remove = db.prepare(`DELETE FROM participants WHERE id = ? AND NOT EXISTS (SELECT 1 FROM cases WHERE participant_id = ?)`);
  let fresh = false;
  return {
    isEmpty: (): boolean => any.get() === undefined,
    setFreshStore(v: boolean): void {
      fresh = v;
    },
    /** `replaced` hears of every row written, with what it held before (null: inserted). */
    upsert(p: Participant, at: string, replaced?: (id: number, before: StoredParticipant) => void): 'inserted' | 'updated' | 'unchanged' {
      const values = toDb(p);
      const old = fresh ? undefined : (byKpj.get(p.nomor_kpj) as (ParticipantDbRow & DbValues & { updated_at: string }) | undefined);
      if (!old) {
        const id = Number(insert.run(...FIELDS.map((f) => values[f]), at).lastInsertRowid);
        index.insert(id, p.nama);
        replaced?.(id, null);
        return 'inserted';
      }
      if (FIELDS.every((f) => old[f] === values[f])) return 'unchanged';
      replaced?.(old.id, { ...(Object.fromEntries(FIELDS.map((f) => [f, old[f]])) as DbValues), updated_at: old.updated_at });
      update.run({ ...values, updated_at: at, id: old.id });
      if (old.nama !== p.nama) index.replace(old.id, old.nama, p.nama);
      return 'updated';
    },
    /** Puts a participant back as it was before an upsert (`before` null: removes the inserted row). */
    restore(id: number, before: StoredParticipant): void {
      const nama = current.get(id) as string | undefined;
      if (nama === undefined) return;
      if (before === null) {
        if (remove.run(id, id).changes) index.remove(id, nama);
        return;
      }
      update.run({ ...before, id });
      if (before.nama !== nama) index.replace(id, nama, before.nama ?? '');
    },
  };
}
