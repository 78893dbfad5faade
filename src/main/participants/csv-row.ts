// Validates one row of the participant CSV (docs/contract.md §3) into a record, or says why not.
import { PROGRAMS, type Participant, type Program } from '../../shared/domain/participant';
import { decodeNik } from '../../shared/rules/nik';
import { parseIsoDate } from '../../shared/rules/dates';
import type { LineProblem } from '../../shared/api/methods-checks';

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

export type RowResult = { ok: true; participant: Participant } | { ok: false; reason: string; problems: LineProblem[] };

/** `get` reads a column of the row by name; `raw` is the whole row, checked once for bad encoding. */
export function validateRow(get: (column: string) => string | undefined, raw?: readonly string[]): RowResult {
  const bad: string[] = [];
  const problems: LineProblem[] = [];
  const problem = (english: string, p: LineProblem): void => {
    bad.push(english);
    problems.push(p);
  };
  // csv-parse decodes as UTF-8 and puts U+FFFD where the bytes were not UTF-8 (e.g. a Windows-1252 export).
  if (!raw || raw.some((v) => v.includes('\uFFFD'))) {
    for (const c of [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]) {
      if (get(c)?.includes('\uFFFD')) {
        return { ok: false, reason: `column ${c} is not valid UTF-8 (save the file as UTF-8)`, problems: [{ column: c, code: 'utf8' }] };
      }
    }
  }
  const kpj = text(get('nomor_kpj'));
  if (!/^\d{11}$/.test(kpj)) problem(`nomor_kpj "${kpj}" is not 11 digits`, { column: 'nomor_kpj', code: 'digits', value: kpj, expected: '11' });
  const nik = text(get('nik'));
  if (!/^\d{16}$/.test(nik)) problem(`nik "${nik}" is not 16 digits`, { column: 'nik', code: 'digits', value: nik, expected: '16' });
  else if (!decodeNik(nik)) problem(`nik "${nik}" has an impossible birth date in digits 7-12`, { column: 'nik', code: 'nik_date', value: nik });
  const nama = upper(get('nama'));
  if (!nama) problem('nama is empty', { column: 'nama', code: 'empty' });
  const dob = text(get('tanggal_lahir'));
  if (!parseIsoDate(dob)) problem(`tanggal_lahir "${dob}" is not a real date (YYYY-MM-DD)`, { column: 'tanggal_lahir', code: 'date', value: dob });
  const jk = upper(get('jenis_kelamin'));
  if (jk !== 'L' && jk !== 'P') problem(`jenis_kelamin "${jk}" is not L or P`, { column: 'jenis_kelamin', code: 'choice', value: jk, expected: 'L, P' });
  const segmen = upper(get('segmen'));
  if (segmen !== 'BPU' && segmen !== 'PU')
    problem(`segmen "${segmen}" is not BPU or PU`, { column: 'segmen', code: 'choice', value: segmen, expected: 'BPU, PU' });
  const status = text(get('status')).toLowerCase();
  if (status !== 'aktif' && status !== 'nonaktif' && status !== 'berakhir') {
    problem(`status "${status}" is not aktif, nonaktif or berakhir`, {
      column: 'status',
      code: 'choice',
      value: status,
      expected: 'aktif, nonaktif, berakhir',
    });
  }
  const joined = text(get('tanggal_kepesertaan'));
  if (!parseIsoDate(joined))
    problem(`tanggal_kepesertaan "${joined}" is not a real date (YYYY-MM-DD)`, { column: 'tanggal_kepesertaan', code: 'date', value: joined });
  const paid = text(get('iuran_lunas_sampai'));
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(paid))
    problem(`iuran_lunas_sampai "${paid}" is not a month (YYYY-MM)`, { column: 'iuran_lunas_sampai', code: 'month', value: paid });
  const programs = upper(get('program'))
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = programs.filter((p) => !PROGRAM_SET.has(p));
  if (programs.length === 0) problem('program is empty', { column: 'program', code: 'empty' });
  if (unknown.length > 0) {
    problem(`unknown program ${unknown.map((u) => `"${u}"`).join(', ')} (expected JKK;JKM;JHT;JP;JKP)`, {
      column: 'program',
      code: 'program',
      value: unknown.join(', '),
      expected: PROGRAMS.join(', '),
    });
  }
  const rekening = text(get('nomor_rekening')).replace(/[\s.-]/g, '');
  if (rekening && !/^\d+$/.test(rekening)) problem(`nomor_rekening "${rekening}" is not digits`, { column: 'nomor_rekening', code: 'digits', value: rekening });
  if (bad.length > 0) return { ok: false, reason: bad.join('; '), problems };
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
