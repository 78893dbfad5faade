// Reads participant records. Exact lookups by KPJ and NIK; name search is in the name index module.
import type { ParticipantRow } from '../../shared/api/methods-participants';
import type { BackendContext } from '../context';
import type { Db } from '../db/database';
import { manyRows, marks, type ManyRows } from '../db/batch';

export interface ParticipantDbRow {
  id: number;
  nomor_kpj: string;
  nik: string;
  nama: string;
  tempat_lahir: string | null;
  tanggal_lahir: string;
  jenis_kelamin: 'L' | 'P';
  alamat: string | null;
  segmen: 'BPU' | 'PU';
  status: 'aktif' | 'nonaktif' | 'berakhir';
  tanggal_kepesertaan: string;
  iuran_lunas_sampai: string;
  program: string;
  nama_bank: string | null;
  nomor_rekening: string | null;
  nama_pemilik_rekening: string | null;
}

export function toParticipantRow(r: ParticipantDbRow): ParticipantRow {
  return {
    id: r.id,
    nomor_kpj: r.nomor_kpj,
    nik: r.nik,
    nama: r.nama,
    tempat_lahir: r.tempat_lahir,
    tanggal_lahir: r.tanggal_lahir,
    jenis_kelamin: r.jenis_kelamin,
    alamat: r.alamat,
    segmen: r.segmen,
    status: r.status,
    tanggal_kepesertaan: r.tanggal_kepesertaan,
    iuran_lunas_sampai: r.iuran_lunas_sampai,
    program: r.program.split(';').filter(Boolean) as ParticipantRow['program'],
    nama_bank: r.nama_bank,
    nomor_rekening: r.nomor_rekening,
    nama_pemilik_rekening: r.nama_pemilik_rekening,
  };
}

const COLUMNS = `id, nomor_kpj, nik, nama, tempat_lahir, tanggal_lahir, jenis_kelamin, alamat, segmen, status,
  tanggal_kepesertaan, iuran_lunas_sampai, program, nama_bank, nomor_rekening, nama_pemilik_rekening`;

export class ParticipantsRepo {
  private readonly byId;
  private readonly byKpj;
  private readonly byNik;
  private readonly count;
  private readonly byIds: ManyRows;

  constructor(private readonly db: Db) {
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM participants WHERE id = ?`);
    this.byKpj = db.prepare(`SELECT ${COLUMNS} FROM participants WHERE nomor_kpj = ?`);
    this.byNik = db.prepare(`SELECT ${COLUMNS} FROM participants WHERE nik = ? ORDER BY tanggal_kepesertaan`);
    this.count = db.prepare(`SELECT count(*) AS n FROM participants`).pluck();
    // One statement for a page of hits: on PostgreSQL each statement is a round trip to the server.
    this.byIds = manyRows(db, (n) => `SELECT ${COLUMNS} FROM participants WHERE id IN (${marks(n)})`, { chunk: 50, width: 1 });
  }

  get(id: number): ParticipantRow | undefined {
    const r = this.byId.get(id) as ParticipantDbRow | undefined;
    return r && toParticipantRow(r);
  }

  getByKpj(kpj: string): ParticipantRow | undefined {
    const r = this.byKpj.get(kpj) as ParticipantDbRow | undefined;
    return r && toParticipantRow(r);
  }

  listByNik(nik: string): ParticipantRow[] {
    return (this.byNik.all(nik) as ParticipantDbRow[]).map(toParticipantRow);
  }

  total(): number {
    return this.count.get() as number;
  }

  /** Fetch rows by id keeping the given order. */
  getMany(ids: readonly number[]): ParticipantRow[] {
    const found = new Map((this.byIds.all(ids.map((id) => [id])) as ParticipantDbRow[]).map((r) => [Number(r.id), r]));
    return ids.flatMap((id) => {
      const r = found.get(id);
      return r ? [toParticipantRow(r)] : [];
    });
  }
}

/** The data folder's one repository, its statements prepared once. */
export const participantsRepo = (ctx: BackendContext): ParticipantsRepo => ctx.service('participantsRepo', () => new ParticipantsRepo(ctx.db));
