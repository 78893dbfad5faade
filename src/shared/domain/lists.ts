// The contract's list fields (docs/contract.md §1, §2): which columns each list entry carries,
// the closed values of its enumerated columns, and the program codes of a participant card. Shared so the
// officer's table editor offers exactly what the back end accepts.
import { HUBUNGAN } from '../normalize/values';
import { PROGRAMS } from './participant';

export const LIST_FIELDS = {
  /** A Kartu Keluarga's members. */
  anggota: ['nik', 'nama', 'jenis_kelamin', 'tempat_lahir', 'tanggal_lahir', 'hubungan'],
  /** An heir statement's heirs. */
  ahli_waris: ['nama', 'nik', 'hubungan'],
} as const;
export type ListKey = keyof typeof LIST_FIELDS;
export type ListColumn = (typeof LIST_FIELDS)[ListKey][number];

export const isListKey = (key: string): key is ListKey => Object.hasOwn(LIST_FIELDS, key);

/**
 * Columns an officer must fill in every entry. A family card prints every column for every member;
 * village heir statements do not always print an heir's NIK (the heir checks treat it as optional), but
 * always the name and how the heir is related.
 */
export const REQUIRED_COLUMNS: Record<ListKey, readonly ListColumn[]> = {
  anggota: LIST_FIELDS.anggota,
  ahli_waris: ['nama', 'hubungan'],
};

export const GENDERS = ['L', 'P'] as const;
export { HUBUNGAN, PROGRAMS };
