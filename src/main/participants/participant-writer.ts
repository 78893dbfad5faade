// Writes one validated participant: insert, update when something changed, or leave it. Prepared once
// per import; the name index follows every insert and every name change.
import type { Participant } from '../../shared/domain/participant';
import type { Db } from '../db/database';
import type { ParticipantDbRow } from '../services/participants-repo';
import type { NameIndex } from './name-index';

const FIELDS = [
  'nomor_kpj', 'nik', 'nama', 'tempat_lahir', 'tanggal_lahir', 'jenis_kelamin', 'alamat', 'segmen', 'status',
  'tanggal_kepesertaan', 'iuran_lunas_sampai', 'program', 'nama_bank', 'nomor_rekening', 'nama_pemilik_rekening',
] as const;

type DbValues = Record<(typeof FIELDS)[number], string | null>;

const toDb = (p: Participant): DbValues => ({ ...p, program: p.program.join(';') });

export function participantWriter(db: Db, index: NameIndex) {
  const byKpj = db.prepare(`SELECT id, ${FIELDS.join(', ')} FROM participants WHERE nomor_kpj = ?`);
  // Positional parameters: binding from an array is markedly faster than from named object keys.
  const insert = db.prepare(`INSERT INTO participants(${FIELDS.join(', ')}, updated_at) VALUES (${FIELDS.map(() => '?').join(', ')}, ?)`);
  const update = db.prepare(
    `UPDATE participants SET ${FIELDS.filter((f) => f !== 'nomor_kpj').map((f) => `${f} = @${f}`).join(', ')}, updated_at = @updated_at WHERE id = @id`,
  );
  const any = db.prepare(`SELECT 1 FROM participants LIMIT 1`).pluck();
  let fresh = false;
  return {
    isEmpty: (): boolean => any.get() === undefined,
    setFreshStore(v: boolean): void {
      fresh = v;
    },
    upsert(p: Participant, at: string): 'inserted' | 'updated' | 'unchanged' {
      const values = toDb(p);
      const old = fresh ? undefined : (byKpj.get(p.nomor_kpj) as (ParticipantDbRow & DbValues) | undefined);
      if (!old) {
        const id = Number(insert.run(...FIELDS.map((f) => values[f]), at).lastInsertRowid);
        index.insert(id, p.nama);
        return 'inserted';
      }
      if (FIELDS.every((f) => old[f] === values[f])) return 'unchanged';
      update.run({ ...values, updated_at: at, id: old.id });
      if (old.nama !== p.nama) index.replace(old.id, old.nama, p.nama);
      return 'updated';
    },
  };
}
