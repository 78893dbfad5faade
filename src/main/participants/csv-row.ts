// Validates one row of the participant CSV (docs/contract.md §3) into a record, or says why not.
import { PROGRAMS, type Participant, type Program } from '../../shared/domain/participant';
import { decodeNik } from '../../shared/rules/nik';
import { parseIsoDate } from '../../shared/rules/dates';

export const REQUIRED_COLUMNS = [
  'nomor_kpj',
  'nik',
  'nama',
  'tanggal_lahir',
  'jenis_kelamin',
  'segmen',
  'status',
  'tanggal_kepesertaan',
  'iuran_lunas_sampai',
  'program',
] as const;
export const OPTIONAL_COLUMNS = ['tempat_lahir', 'alamat', 'nama_bank', 'nomor_rekening', 'nama_pemilik_rekening'] as const;

const PROGRAM_SET = new Set<string>(PROGRAMS);
const text = (s: string | undefined): string => (s ?? '').trim().replace(/\s+/g, ' ');
const upper = (s: string | undefined): string => text(s).toUpperCase();
const optional = (s: string | undefined): string | null => upper(s) || null;

export type RowResult = { ok: true; participant: Participant } | { ok: false; reason: string };

/** `get` reads a column of the row by name; `raw` is the whole row, checked once for bad encoding. */
export function validateRow(get: (column: string) => string | undefined, raw?: readonly string[]): RowResult {
  const bad: string[] = [];
  // csv-parse decodes as UTF-8 and puts U+FFFD where the bytes were not UTF-8 (e.g. a Windows-1252 export).
  if (!raw || raw.some((v) => v.includes('\uFFFD'))) {
    for (const c of [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]) {
      if (get(c)?.includes('\uFFFD')) return { ok: false, reason: `column ${c} is not valid UTF-8 (save the file as UTF-8)` };
    }
  }
  const kpj = text(get('nomor_kpj'));
  if (!/^\d{11}$/.test(kpj)) bad.push(`nomor_kpj "${kpj}" is not 11 digits`);
  const nik = text(get('nik'));
  if (!/^\d{16}$/.test(nik)) bad.push(`nik "${nik}" is not 16 digits`);
  else if (!decodeNik(nik)) bad.push(`nik "${nik}" has an impossible birth date in digits 7-12`);
  const nama = upper(get('nama'));
  if (!nama) bad.push('nama is empty');
  const dob = text(get('tanggal_lahir'));
  if (!parseIsoDate(dob)) bad.push(`tanggal_lahir "${dob}" is not a real date (YYYY-MM-DD)`);
  const jk = upper(get('jenis_kelamin'));
  if (jk !== 'L' && jk !== 'P') bad.push(`jenis_kelamin "${jk}" is not L or P`);
  const segmen = upper(get('segmen'));
  if (segmen !== 'BPU' && segmen !== 'PU') bad.push(`segmen "${segmen}" is not BPU or PU`);
  const status = text(get('status')).toLowerCase();
  if (status !== 'aktif' && status !== 'nonaktif' && status !== 'berakhir') bad.push(`status "${status}" is not aktif, nonaktif or berakhir`);
  const joined = text(get('tanggal_kepesertaan'));
  if (!parseIsoDate(joined)) bad.push(`tanggal_kepesertaan "${joined}" is not a real date (YYYY-MM-DD)`);
  const paid = text(get('iuran_lunas_sampai'));
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(paid)) bad.push(`iuran_lunas_sampai "${paid}" is not a month (YYYY-MM)`);
  const programs = upper(get('program'))
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = programs.filter((p) => !PROGRAM_SET.has(p));
  if (programs.length === 0) bad.push('program is empty');
  if (unknown.length > 0) bad.push(`unknown program ${unknown.map((u) => `"${u}"`).join(', ')} (expected JKK;JKM;JHT;JP;JKP)`);
  const rekening = text(get('nomor_rekening')).replace(/[\s.-]/g, '');
  if (rekening && !/^\d+$/.test(rekening)) bad.push(`nomor_rekening "${rekening}" is not digits`);
  if (bad.length > 0) return { ok: false, reason: bad.join('; ') };
  return {
    ok: true,
    participant: {
      nomor_kpj: kpj,
      nik,
      nama,
      tempat_lahir: optional(get('tempat_lahir')),
      tanggal_lahir: dob,
      jenis_kelamin: jk as 'L' | 'P',
      alamat: optional(get('alamat')),
      segmen: segmen as 'BPU' | 'PU',
      status: status as Participant['status'],
      tanggal_kepesertaan: joined,
      iuran_lunas_sampai: paid,
      program: [...new Set(programs)] as Program[],
      nama_bank: optional(get('nama_bank')),
      nomor_rekening: rekening || null,
      nama_pemilik_rekening: optional(get('nama_pemilik_rekening')),
    },
  };
}
