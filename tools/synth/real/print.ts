// How values are written on real documents beyond the plain styles of ../formats: numbers and dates in
// words (akta, marriage books, receipts' "terbilang"), dates with the weekday in a sentence, KPJ and
// account groupings, rupiah with and without decimals. Each takes the normalised value, so the truth is
// exact by construction.
import { printDate, type DateStyle } from '../formats';
import type { Rng } from '../random';

const ONES = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

/** An integer in Indonesian words, lower case: 2150000 → "dua juta seratus lima puluh ribu". */
export function terbilang(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`terbilang: ${n}`);
  if (n === 0) return 'nol';
  const words = (x: number): string => {
    if (x < 12) return ONES[x] ?? '';
    if (x < 20) return `${ONES[x - 10]} belas`;
    if (x < 100) return `${ONES[Math.floor(x / 10)]} puluh ${words(x % 10)}`;
    if (x < 200) return `seratus ${words(x - 100)}`;
    if (x < 1000) return `${ONES[Math.floor(x / 100)]} ratus ${words(x % 100)}`;
    if (x < 2000) return `seribu ${words(x - 1000)}`;
    if (x < 1_000_000) return `${words(Math.floor(x / 1000))} ribu ${words(x % 1000)}`;
    if (x < 1_000_000_000) return `${words(Math.floor(x / 1_000_000))} juta ${words(x % 1_000_000)}`;
    return `${words(Math.floor(x / 1_000_000_000))} miliar ${words(x % 1_000_000_000)}`;
  };
  return words(n).replace(/\s+/g, ' ').trim();
}

const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

const parts = (iso: string): [number, number, number] => iso.split('-').map(Number) as [number, number, number];

export const weekday = (iso: string): string => {
  const [y, m, d] = parts(iso);
  return HARI[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
};

/** "empat belas September dua ribu dua puluh enam" (the month keeps its name, as deeds write it). */
export function dateInWords(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${terbilang(d)} ${BULAN[m - 1]} ${terbilang(y)}`;
}

/** Every way a date is written on the documents a branch receives, plain or in words. */
export type RealDateStyle = DateStyle | 'words' | 'WORDS (dd-mm-yyyy)' | 'dd-mm-yyyy (words)' | 'dd MMM yyyy upper' | 'dd/mm/yy';

export const PLAIN_DATE_STYLES: readonly RealDateStyle[] = ['dd-mm-yyyy', 'dd/mm/yyyy', 'dd MMM yyyy', 'd bulan yyyy', 'dd BULAN yyyy', 'dd.mm.yyyy'];

export function writeDate(iso: string, style: RealDateStyle): string {
  const [y, m, d] = parts(iso);
  const dd = String(d).padStart(2, '0');
  const mm = String(m).padStart(2, '0');
  switch (style) {
    case 'words':
      return dateInWords(iso);
    case 'WORDS (dd-mm-yyyy)':
      return `${dateInWords(iso).toUpperCase()} (${dd}-${mm}-${y})`;
    case 'dd-mm-yyyy (words)':
      return `${dd}-${mm}-${y} (${dateInWords(iso)})`;
    case 'dd MMM yyyy upper':
      return printDate(iso, 'dd MMM yyyy').toUpperCase();
    case 'dd/mm/yy':
      return `${dd}/${mm}/${String(y % 100).padStart(2, '0')}`;
    default:
      return printDate(iso, style);
  }
}

/** KPJ numbers as cards, apps and forms print them: solid, 3-4-4 or 4-4-3 with dashes or spaces. */
export function writeKpj(kpj: string, rng: Rng): string {
  const a = `${kpj.slice(0, 3)}-${kpj.slice(3, 7)}-${kpj.slice(7)}`;
  return rng.pick([kpj, kpj, a, a.replace(/-/g, ' '), `${kpj.slice(0, 4)}-${kpj.slice(4, 8)}-${kpj.slice(8)}`]);
}

/** NIK or KK number: solid on Dukcapil documents; grouped by four on some letters and forms. */
export const writeNik = (nik: string, grouped: boolean): string => (grouped ? nik.replace(/(\d{4})(?=\d)/g, '$1 ') : nik);

/** Thousands with dots, Indonesian style: 2150000 → "2.150.000". */
export const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export type RupiahStyle = 'Rp 2.150.000,-' | 'Rp. 2.150.000,00' | 'Rp2.150.000' | '2.150.000,00' | 'Rp 2.150.000';

export function writeRupiah(n: number, style: RupiahStyle): string {
  const t = thousands(n);
  switch (style) {
    case 'Rp 2.150.000,-':
      return `Rp ${t},-`;
    case 'Rp. 2.150.000,00':
      return `Rp. ${t},00`;
    case 'Rp2.150.000':
      return `Rp${t}`;
    case '2.150.000,00':
      return `${t},00`;
    case 'Rp 2.150.000':
      return `Rp ${t}`;
  }
}

/** "Dua juta seratus lima puluh ribu rupiah" as receipts spell it out. */
export const rupiahInWords = (n: number, capital: 'first' | 'words' | 'upper'): string => {
  const s = `${terbilang(n)} rupiah`;
  if (capital === 'upper') return s.toUpperCase();
  if (capital === 'first') return s.charAt(0).toUpperCase() + s.slice(1);
  return s.replace(/(^|\s)([a-z])/g, (_m, sp: string, ch: string) => sp + ch.toUpperCase());
};

/** Words typed in capitals even in mixed-case text. */
const ACRONYMS = new Set(['RSUD', 'RS', 'KH', 'KUA', 'KCP', 'KC', 'RT', 'RW', 'BPJS', 'PT', 'CV', 'KM', 'II', 'III', 'IV', 'VI', 'KPP']);

/** Mixed case as clinics and offices type names and places ("Budi Santoso", "RSUD Raden Mattaher"). */
export const mixedCase = (s: string): string =>
  s
    .toLowerCase()
    .replace(/(^|[\s.'(/-])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase())
    .replace(/\b[A-Za-z]+\b/g, (w) => (ACRONYMS.has(w.toUpperCase()) ? w.toUpperCase() : w));

export const GENDER_TEXT = { L: 'LAKI-LAKI', P: 'PEREMPUAN' } as const;
