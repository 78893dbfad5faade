// A participant record as imported from the contract's CSV (docs/contract.md §3).
import { z } from 'zod';

export const PROGRAMS = ['JKK', 'JKM', 'JHT', 'JP', 'JKP'] as const;
export const programSchema = z.enum(PROGRAMS);
export type Program = z.infer<typeof programSchema>;

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const isoMonthSchema = z.string().regex(/^\d{4}-\d{2}$/, 'expected YYYY-MM');

/** The participant CSV's columns, in the contract's order (docs/contract.md §3). */
export const PARTICIPANT_COLUMNS = [
  'nomor_kpj',
  'nik',
  'nama',
  'tempat_lahir',
  'tanggal_lahir',
  'jenis_kelamin',
  'alamat',
  'segmen',
  'status',
  'tanggal_kepesertaan',
  'iuran_lunas_sampai',
  'program',
  'nama_bank',
  'nomor_rekening',
  'nama_pemilik_rekening',
] as const;

export const participantSchema = z.object({
  nomor_kpj: z.string().regex(/^\d{11}$/),
  nik: z.string().regex(/^\d{16}$/),
  nama: z.string().min(1),
  tempat_lahir: z.string().nullable(),
  tanggal_lahir: isoDateSchema,
  jenis_kelamin: z.enum(['L', 'P']),
  alamat: z.string().nullable(),
  segmen: z.enum(['BPU', 'PU']),
  status: z.enum(['aktif', 'nonaktif', 'berakhir']),
  tanggal_kepesertaan: isoDateSchema,
  iuran_lunas_sampai: isoMonthSchema,
  program: z.array(programSchema),
  nama_bank: z.string().nullable(),
  nomor_rekening: z.string().regex(/^\d+$/).nullable(),
  nama_pemilik_rekening: z.string().nullable(),
});
export type Participant = z.infer<typeof participantSchema>;
// Every column is a field of the record, and every field a column: the type check fails otherwise.
const _columnsAreFields: readonly (keyof Participant)[] = PARTICIPANT_COLUMNS;
const _fieldsAreColumns: [Exclude<keyof Participant, (typeof PARTICIPANT_COLUMNS)[number]>] extends [never] ? true : false = true;
