// The participant name index: phonetic keys of every name token (src/shared/names), so a name search
// touches only participants sharing a spelling-insensitive word with the query, even at a million rows.
// Written a batch of participants at a time, as steps (src/main/db/batch.ts): a few statements per batch
// whatever its size.
import { indexKeys } from '../../shared/names/index';
import type { Db } from '../db/database';
import { integer, manyRows, tuples, type ManyRows, type Step } from '../db/batch';
import { batchRows } from './participant-writer';

export class NameIndex {
  private readonly add: ManyRows;
  private readonly delete: ManyRows;

  constructor(db: Db) {
    // Key rows per statement (two parameters each): a batch's participants have two or three keys each.
    const chunk = 2 * batchRows(db);
    // By KPJ, so that the keys of a participant inserted in the same batch need not wait for its id.
    this.add = manyRows(
      db,
      (n) =>
        `INSERT OR IGNORE INTO participant_name_keys(key, participant_id)
         SELECT v.column1, (SELECT p.id FROM participants p WHERE p.nomor_kpj = v.column2) FROM (VALUES ${tuples(n, 2)}) AS v WHERE v.column1 IS NOT NULL`,
      { chunk, width: 2 },
    );
    // The id is cast so that PostgreSQL compares it as a number (a parameter in VALUES is text there).
    this.delete = manyRows(db, (n) => `DELETE FROM participant_name_keys WHERE (key, participant_id) IN (VALUES ${tuples(n, 2, { 1: integer })})`, {
      chunk,
      width: 2,
    });
  }

  /** Indexes the names of participants (by KPJ) that have no keys yet: new ones, or renamed after `remove`. */
  insert(rows: readonly { kpj: string; nama: string }[]): Step[] {
    return this.add.steps(rows.flatMap((r) => indexKeys(r.nama).map((k) => [k, r.kpj])));
  }

  /** Removes the keys of these names; the keys are recomputed from the name, so no second index by participant is needed. */
  remove(rows: readonly { id: number; nama: string }[]): Step[] {
    return this.delete.steps(rows.flatMap((r) => indexKeys(r.nama).map((k) => [k, r.id])));
  }
}
