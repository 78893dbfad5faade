// Writes validated participants a batch at a time: each is inserted, updated when something changed, or
// left. A batch costs a few statements whatever its size (the stored rows read in one, the new ones
// inserted in one, the changed ones updated in one, the name keys likewise): on PostgreSQL each
// statement is a round trip to the server, and a million-row import is a few thousand batches, not
// millions of round trips. A batch's writes are planned as steps (src/main/db/batch.ts), which the caller
// runs in its transaction or commits as one. The name index follows every insert and every name change.
// What a write replaced can be put back (`restore`), which is how a failed or interrupted import is undone.
import { PARTICIPANT_COLUMNS, type Participant } from '../../shared/domain/participant';
import { dialectOf, type Db } from '../db/database';
import { integer, manyRows, marks, runSteps, tuples, type Step } from '../db/batch';
import type { NameIndex } from './name-index';

const FIELDS = PARTICIPANT_COLUMNS;
/** The columns an update writes (a participant's KPJ is what identifies it, and never changes). */
const UPDATED = FIELDS.filter((f) => f !== 'nomor_kpj');

/**
 * Participants written per batch, and per statement. On SQLite about ten milliseconds of the store's work
 * on a busy 2-core machine, after which other calls get their turn (bench responsiveness). On PostgreSQL a
 * batch is one message to the server, committed while the next is read: a larger one spends less on each
 * transaction's start and commit (bench store), and holds the write lock for less time than a hundred rows
 * written a statement at a time did.
 */
export const batchRows = (db: Db): number => (dialectOf(db) === 'postgres' ? 500 : 100);

type DbValues = Record<(typeof FIELDS)[number], string | null> & { nomor_kpj: string; nama: string };

/** A participant's stored values, as the undo log keeps them (null: the row did not exist). */
export type StoredParticipant = (DbValues & { updated_at: string }) | null;

export type Outcome = 'inserted' | 'updated' | 'unchanged';

type StoredRow = DbValues & { id: number; updated_at: string };

const toDb = (p: Participant): DbValues => ({ ...p, program: p.program.join(';') });
const stored = (row: StoredRow): NonNullable<StoredParticipant> => ({
  ...(Object.fromEntries(FIELDS.map((f) => [f, row[f]])) as DbValues),
  updated_at: row.updated_at,
});

/** What a batch will write: each participant's outcome, the rows written with what they held before (in order), and the steps. */
export interface WritePlan {
  outcomes: Outcome[];
  written: { kpj: string; before: StoredParticipant }[];
  steps: Step[];
}

export function participantWriter(db: Db, index: NameIndex) {
  const chunk = batchRows(db);
  const byKpj = manyRows(db, (n) => `SELECT id, ${FIELDS.join(', ')}, updated_at FROM participants WHERE nomor_kpj IN (${marks(n)})`, {
    chunk,
    width: 1,
  });
  const insert = manyRows(
    db,
    (n) => `INSERT INTO participants(${FIELDS.join(', ')}, updated_at) SELECT * FROM (VALUES ${tuples(n, FIELDS.length + 1)}) AS v WHERE v.column1 IS NOT NULL`,
    { chunk, width: FIELDS.length + 1 },
  );
  // The id is cast so that PostgreSQL compares it as a number (a parameter in VALUES is text there).
  const update = manyRows(
    db,
    (n) =>
      `UPDATE participants SET ${[...UPDATED, 'updated_at'].map((f, i) => `${f} = v.column${i + 2}`).join(', ')}
       FROM (VALUES ${tuples(n, UPDATED.length + 2, { 0: integer })}) AS v WHERE participants.id = v.column1`,
    { chunk: Math.ceil(chunk / 5), width: UPDATED.length + 2 },
  );
  const updateRow = (id: number, v: DbValues, at: string): unknown[] => [id, ...UPDATED.map((f) => v[f]), at];
  const any = db.prepare(`SELECT 1 FROM participants LIMIT 1`).pluck();
  const names = manyRows(db, (n) => `SELECT id, nama FROM participants WHERE id IN (${marks(n)})`, { chunk, width: 1 });
  // A participant a case was linked to meanwhile stays: the case must keep its participant.
  const remove = manyRows(
    db,
    (n) => `DELETE FROM participants WHERE id IN (${marks(n)}) AND NOT EXISTS (SELECT 1 FROM cases WHERE participant_id = participants.id) RETURNING id`,
    { chunk, width: 1 },
  );
  let fresh = false;

  return {
    isEmpty: (): boolean => any.get() === undefined,
    /** Into a store known to be empty every row is new: no need to look any up. */
    setFreshStore(v: boolean): void {
      fresh = v;
    },
    /**
     * Plans the writes of participants with distinct KPJs against the rows stored now (read here). Only an
     * import writes participants, one at a time, so they stay as read until its steps run.
     */
    plan(ps: readonly Participant[], at: string): WritePlan {
      const values = ps.map(toDb);
      if (new Set(values.map((v) => v.nomor_kpj)).size !== values.length) throw new Error('A batch of participants must not repeat a KPJ.');
      const old = new Map<string, StoredRow>();
      if (!fresh) for (const r of byKpj.all(values.map((v) => [v.nomor_kpj])) as StoredRow[]) old.set(r.nomor_kpj, r);
      const outcomes = values.map((v): Outcome => {
        const o = old.get(v.nomor_kpj);
        if (!o) return 'inserted';
        return FIELDS.every((f) => o[f] === v[f]) ? 'unchanged' : 'updated';
      });
      const added = values.filter((_, i) => outcomes[i] === 'inserted');
      const changed = values.filter((_, i) => outcomes[i] === 'updated').map((v) => ({ v, o: old.get(v.nomor_kpj)! }));
      const renamed = changed.filter(({ v, o }) => o.nama !== v.nama);
      return {
        outcomes,
        written: values.flatMap((v, i) => {
          if (outcomes[i] === 'unchanged') return [];
          const o = old.get(v.nomor_kpj);
          return [{ kpj: v.nomor_kpj, before: o ? stored(o) : null }];
        }),
        steps: [
          ...insert.steps(added.map((v) => [...FIELDS.map((f) => v[f]), at])),
          ...update.steps(changed.map(({ v, o }) => updateRow(o.id, v, at))),
          // A renamed participant's old keys go before its new ones come.
          ...index.remove(renamed.map(({ o }) => ({ id: o.id, nama: o.nama }))),
          ...index.insert([...added, ...renamed.map(({ v }) => v)].map((v) => ({ kpj: v.nomor_kpj, nama: v.nama }))),
        ],
      };
    },
    /**
     * Puts participants back as they were before an import wrote them (`before` null: removes the inserted
     * row), now, in the caller's transaction. An import writes each participant once, so each appears once.
     */
    restore(entries: readonly { id: number; before: StoredParticipant }[]): void {
      if (new Set(entries.map((e) => e.id)).size !== entries.length) throw new Error('A batch of undo records must not repeat a participant.');
      const current = new Map<number, string>();
      for (const r of names.all(entries.map((e) => [e.id])) as { id: number; nama: string }[]) current.set(Number(r.id), r.nama);
      const present = entries.filter((e) => current.has(e.id));
      const removed = (remove.all(present.filter((e) => e.before === null).map((e) => [e.id])) as { id: number }[]).map((r) => Number(r.id));
      const back = present.flatMap((e) => (e.before ? [{ id: e.id, before: e.before }] : []));
      const renamed = back.filter((e) => e.before.nama !== current.get(e.id));
      runSteps([
        ...update.steps(back.map((e) => updateRow(e.id, e.before, e.before.updated_at))),
        ...index.remove([...removed, ...renamed.map((e) => e.id)].map((id) => ({ id, nama: current.get(id)! }))),
        ...index.insert(renamed.map((e) => ({ kpj: e.before.nomor_kpj, nama: e.before.nama }))),
      ]);
    },
  };
}
