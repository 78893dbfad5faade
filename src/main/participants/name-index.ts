// The participant name index: phonetic keys of every name token (src/shared/names), so a name search
// touches only participants sharing a spelling-insensitive word with the query, even at a million rows.
import { indexKeys } from '../../shared/names/index';
import type { Db } from '../db/database';

export class NameIndex {
  private readonly add;
  private readonly delete;

  constructor(db: Db) {
    this.add = db.prepare(`INSERT OR IGNORE INTO participant_name_keys(key, participant_id) VALUES (?, ?)`);
    this.delete = db.prepare(`DELETE FROM participant_name_keys WHERE key = ? AND participant_id = ?`);
  }

  insert(id: number, nama: string): void {
    for (const k of indexKeys(nama)) this.add.run(k, id);
  }

  /** Old keys are recomputed from the old name, so no second index by participant is needed. */
  replace(id: number, oldNama: string, newNama: string): void {
    this.remove(id, oldNama);
    this.insert(id, newNama);
  }

  remove(id: number, nama: string): void {
    for (const k of indexKeys(nama)) this.delete.run(k, id);
  }
}
