// How values are printed on real documents: the many Indonesian date styles, grouped identifiers,
// rupiah amounts. Each printer takes the normalised value so the ground truth is exact by construction.
import type { Rng } from './random';

const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const BULAN_OLD: Record<number, string> = { 2: 'Pebruari', 11: 'Nopember' };
const ABBR = ['JAN', 'FEB', 'MAR', 'APR', 'MEI', 'JUN', 'JUL', 'AGU', 'SEP', 'OKT', 'NOV', 'DES'];
const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

export type DateStyle = 'dd-mm-yyyy' | 'dd/mm/yyyy' | 'dd.mm.yyyy' | 'd bulan yyyy' | 'dd BULAN yyyy' | 'dd MMM yyyy' | 'hari, d bulan yyyy' | 'd-MMM-yy';

export const DATE_STYLES: readonly DateStyle[] = [
  'dd-mm-yyyy',
  'dd/mm/yyyy',
  'dd.mm.yyyy',
  'd bulan yyyy',
  'dd BULAN yyyy',
  'dd MMM yyyy',
  'hari, d bulan yyyy',
  'd-MMM-yy',
];

export function printDate(iso: string, style: DateStyle, oldSpelling = false): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const dd = String(d).padStart(2, '0');
  const mm = String(m).padStart(2, '0');
  const bulan = (oldSpelling ? BULAN_OLD[m] : undefined) ?? BULAN[m - 1] ?? '';
  switch (style) {
    case 'dd-mm-yyyy':
      return `${dd}-${mm}-${y}`;
    case 'dd/mm/yyyy':
      return `${dd}/${mm}/${y}`;
    case 'dd.mm.yyyy':
      return `${dd}.${mm}.${y}`;
    case 'd bulan yyyy':
      return `${d} ${bulan} ${y}`;
    case 'dd BULAN yyyy':
      return `${dd} ${bulan.toUpperCase()} ${y}`;
    case 'dd MMM yyyy':
      return `${dd} ${ABBR[m - 1]} ${y}`;
    case 'hari, d bulan yyyy':
      return `${HARI[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${d} ${bulan} ${y}`;
    case 'd-MMM-yy':
      return `${d}-${(ABBR[m - 1] ?? '').slice(0, 1)}${(ABBR[m - 1] ?? '').slice(1).toLowerCase()}-${String(y % 100).padStart(2, '0')}`;
  }
}

/** NIK/KK printed solid or in groups of four, as some offices and photocopies show them. */
export const printNik = (nik: string, rng: Rng): string => (rng.chance(0.8) ? nik : nik.replace(/(\d{4})(?=\d)/g, '$1 '));

export const printKpj = (kpj: string, rng: Rng): string =>
  rng.pick([kpj, `${kpj.slice(0, 2)}${kpj.slice(2, 4)}-${kpj.slice(4, 8)}-${kpj.slice(8)}`, `${kpj.slice(0, 3)} ${kpj.slice(3, 7)} ${kpj.slice(7)}`]);

export const printNpwp = (npwp: string): string =>
  npwp.length === 15
    ? `${npwp.slice(0, 2)}.${npwp.slice(2, 5)}.${npwp.slice(5, 8)}.${npwp.slice(8, 9)}-${npwp.slice(9, 12)}.${npwp.slice(12)}`
    : npwp.replace(/(\d{4})(?=\d)/g, '$1 ');

export function printAccount(acc: string, rng: Rng): string {
  if (rng.chance(0.5)) return acc;
  if (acc.length === 15) return `${acc.slice(0, 4)}-${acc.slice(4, 6)}-${acc.slice(6, 12)}-${acc.slice(12, 14)}-${acc.slice(14)}`;
  return acc.replace(/(\d{3})(?=\d{4})/, '$1-');
}

export function printRupiah(amount: number, rng: Rng): string {
  const grouped = amount.toLocaleString('id-ID').replace(/\u00a0/g, '');
  return rng.pick([`Rp ${grouped},-`, `Rp. ${grouped},00`, `Rp${grouped}`, `Rp ${grouped}`]);
}

export const printTime = (hhmm: string, rng: Rng): string => rng.pick([`${hhmm.replace(':', '.')} WIB`, hhmm, `Pukul ${hhmm.replace(':', '.')}`]);

/** Mixed case as hospitals and clinics type it ("Budi Santoso"); the truth stays upper case. */
export const titleCase = (s: string): string => s.toLowerCase().replace(/(^|[\s.'-])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());
