// Money, time, gender, names and the contract's enumerations (contract §2).
import { repairDigits } from './digits';
import { fuzzyEquals, squash } from './fuzzy';

export interface ValueResult<T> {
  value: T | null;
  repaired: number;
  reason?: string;
}

/**
 * Integer rupiah from "Rp 12.450.000,-", "Rp12,450,000.00", "Rp. 1.500.000,00": Indonesian documents use
 * dots for thousands and a comma for cents; a trailing two-digit group is cents and is dropped.
 */
export function parseRupiah(raw: string): ValueResult<number> {
  const afterRp = /r\s*p\.?\s*(.*)$/i.exec(raw);
  const text = (afterRp ? (afterRp[1] ?? '') : raw).replace(/,-+|\.-+|=+|-+$/g, ' ');
  const m = /[0-9OoIlSB][0-9OoIlSB.,\s]*[0-9OoIlSB]|[0-9]/.exec(text);
  if (!m) return { value: null, repaired: 0, reason: 'amount_not_found' };
  let s = m[0].trim().replace(/\s+(?=[.,])|(?<=[.,])\s+/g, '');
  s = s.split(/\s+/)[0] ?? s;
  // A trailing two-digit group after a separator is cents ("…,00").
  if (/[.,][0-9OoIlSB]{2}$/.test(s)) s = s.slice(0, -3);
  const groups = s.split(/[.,]/);
  if (groups.length > 1 && groups.slice(1).some((g) => g.length !== 3)) {
    return { value: null, repaired: 0, reason: 'amount_grouping' };
  }
  const r = repairDigits(groups.join(''));
  if (!r) return { value: null, repaired: 0, reason: 'amount_unreadable' };
  const value = Number(r.digits);
  if (!Number.isSafeInteger(value)) return { value: null, repaired: r.repaired, reason: 'amount_too_large' };
  return { value, repaired: r.repaired };
}

/** "14.30 WIB", "14:30", "Pukul 9.05" → "HH:MM" (24-hour). */
export function parseTime(raw: string): ValueResult<string> {
  const m = /(?<![\d.])([0-9OoIlS]{1,2})\s*[.:,]\s*([0-9OoIlS]{2})(?![\d])/.exec(raw);
  if (!m) return { value: null, repaired: 0, reason: 'time_not_found' };
  const h = repairDigits(m[1] ?? '');
  const mi = repairDigits(m[2] ?? '');
  if (!h || !mi) return { value: null, repaired: 0, reason: 'time_unreadable' };
  const hh = Number(h.digits);
  const mm = Number(mi.digits);
  if (hh > 23 || mm > 59) return { value: null, repaired: 0, reason: 'time_invalid' };
  return { value: `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`, repaired: h.repaired + mi.repaired };
}

export function parseGender(raw: string): ValueResult<'L' | 'P'> {
  const words = raw
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter(Boolean);
  for (const w of words) {
    if (fuzzyEquals(w.toLowerCase(), 'laki') || w === 'PRIA' || fuzzyEquals(w.toLowerCase(), 'lakilaki')) return { value: 'L', repaired: 0 };
    if (fuzzyEquals(w.toLowerCase(), 'perempuan') || fuzzyEquals(w.toLowerCase(), 'wanita')) return { value: 'P', repaired: 0 };
  }
  const bare = raw.trim().toUpperCase();
  if (bare === 'L' || bare === 'LK') return { value: 'L', repaired: 0 };
  if (bare === 'P' || bare === 'PR') return { value: 'P', repaired: 0 };
  return { value: null, repaired: 0, reason: 'gender_unreadable' };
}

/** Abbreviations printed with a dot before the next word. */
const ABBREVIATIONS = new Set([
  'KAB',
  'KEL',
  'KEC',
  'DRS',
  'DRA',
  'PROF',
  'IR',
  'HJ',
  'KOMP',
  'PERUM',
  'DSN',
  'DS',
  'BLK',
  'GG',
  'JL',
  'JLN',
  'LRG',
  'NO',
  'KH',
  'SDR',
  'SDRI',
  'ALM',
  'ALMH',
  'BPK',
  'IBU',
  'TGL',
]);

/** Words after which a number counts something (a house, a unit, a kilometre post), never a numeral. */
const NUMBERED = /^(NO\.?|NOMOR|RT|RW|KM\.?|BLOK|BLK\.?)$/;

/** Upper case, single spaces, no stray punctuation at the edges; titles and commas kept as printed. */
export function normalizeName(raw: string): string {
  return (
    raw
      .toUpperCase()
      .replace(/[“”‘’«»"_|~`^*<>{}[\]]/g, ' ')
      .replace(/\s+([,.])/g, '$1')
      .replace(/,(?=\S)/g, ', ')
      .replace(/\s+/g, ' ')
      .replace(/^[^A-Z0-9]+|[\s:;,\-=']+$/g, '')
      .replace(/\.{2,}(?=\s)/g, '.')
      .replace(/\b(JL|NO|GG)[:,;](?=\s)/g, '$1.')
      .replace(/\.{2,}$/, '')
      // A stray dot after a word of three or more letters or after a number is scan dust, not an
      // abbreviation ("RINGAN.", "NO. 3."); initials and titles ("M.", "H.", "S.PD") keep theirs.
      .replace(/(?<=(^|\s)(?:[A-Z]{3,}|\d+))\.$/, '')
      // Dust between words: "BATANG.HARI", "KOTA. BARU" (abbreviations such as KAB., KEL., DRS. stay).
      .replace(/\b([A-Z]{3,})\.(?=\s?[A-Z]{2,})/g, (m, w: string) => (ABBREVIATIONS.has(w) ? m : `${w} `))
      .replace(/\s+/g, ' ')
      // "NO.16" → "NO. 16"; ", S. KOM" → ", S.KOM" (academic titles are printed closed up).
      .replace(/\b(NO|JL|GG|RT|RW)\.(?=\d|[A-Z])/g, '$1. ')
      .replace(/, ([A-Z])\. ([A-Z]{2,4})$/, ', $1.$2')
      // Roman numerals in place names ("SIMPANG III SIPIN", "ILIR BARAT I") read as l, L or 1; a number
      // after NO., RT, RW or KM is a house or unit number ("NO. 111"), never a numeral.
      .replace(/(^|\s)([A-Z.]+\s)?[L1I]{3}(?=\s|$)/g, (m, _s: string, w?: string) => (w && NUMBERED.test(w.trim()) ? m : m.replace(/[L1](?=[L1I]*$)/g, 'I')))
      .replace(/(^|\s)([A-Z.]+\s)?[1I]{2}(?=\s|$)/g, (m, _s: string, w?: string) => (w && NUMBERED.test(w.trim()) ? m : m.replace(/1(?=[1I]*$)/g, 'I')))
      .trim()
  );
}

/** Abbreviations an Indonesian address always prints with a full stop (JL., LRG., GG., NO. 16, KH.);
 * OCR drops the small stop more often than anything else on a card. */
const ADDRESS_ABBREVIATIONS = /(^|\s)(JL|JLN|LRG|GG|KOMP|PERUM|DSN|KH|BLK)(?=\s)/g;

/** An address as printed: a name's normalisation, with the full stops OCR lost after the standard
 * abbreviations put back ("JL SUNAN GUNUNG JATI NO 16" → "JL. SUNAN GUNUNG JATI NO. 16"). */
export function normalizeAddress(raw: string): string {
  return (
    normalizeName(raw)
      // "JI." is "JL." with the L read as I.
      .replace(/^J[I1]\.?(?=\s)/, 'JL.')
      .replace(ADDRESS_ABBREVIATIONS, '$1$2.')
      .replace(/(^|\s)NO(?=\s+\d)/g, '$1NO.')
      // A house number read as a roman numeral ("NO. III" for 111).
      .replace(/\bNO\.?\s([IlL|]{1,3})(?=\s|$)/g, (_m, n: string) => `NO. ${'1'.repeat(n.length)}`)
      .replace(/\s+/g, ' ')
  );
}

/** Titles printed before a name, always with a full stop on civil documents (H., HJ., DRS., DR.). */
const FRONT_TITLE = /^(H|HJ|DRS|DRA|DR|DRG|IR|PROF|KH|HAJI)[.,]?(?=\s)/;

/** A person's name as printed: a name's normalisation, with the full stops OCR lost after front titles
 * put back ("HJ SITI AMINAH" → "HJ. SITI AMINAH"), which civil documents always print. An initial is
 * left as read: banks print "M YUSUF" where the KTP prints "M. YUSUF". */
export function normalizePersonName(raw: string): string {
  let v = normalizeName(raw);
  // Front titles, one after another ("DRS H AHMAD").
  for (let rest = v, out = ''; ;) {
    const m = FRONT_TITLE.exec(rest);
    if (!m) {
      v = out + rest;
      break;
    }
    // (A comma there is the stop misread: "HJ, SITI AMINAH".)
    out += `${m[1]}. `;
    rest = rest.slice(m[0].length).trimStart();
  }
  return v;
}

/** A printed person name: letters with the punctuation names carry; digits mean OCR damage. */
export const isPlausibleName = (name: string): boolean => /^[A-Z][A-Z .,'-]*[A-Z.]$/.test(name) && name.replace(/[^A-Z]/g, '').length >= 2;

export const KONDISI_AKHIR = ['sembuh', 'cacat_sebagian_anatomis', 'cacat_sebagian_fungsi', 'cacat_total_tetap', 'meninggal'] as const;
export type KondisiAkhir = (typeof KONDISI_AKHIR)[number];

/** The outcome a text names; a text naming several ("Sembuh / Cacat … / Meninggal Dunia", a form's
 * list of options with no mark read) names none of them. */
export function parseKondisiAkhir(raw: string): ValueResult<KondisiAkhir> {
  const s = squash(raw);
  const words = raw
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  const has = (w: string): boolean => s.includes(w) || words.some((x) => fuzzyEquals(x, w));
  const named = new Set<KondisiAkhir>();
  if (has('meninggal') || has('wafat')) named.add('meninggal');
  if (has('total')) named.add('cacat_total_tetap');
  if (has('anatomis')) named.add('cacat_sebagian_anatomis');
  if (has('fungsi')) named.add('cacat_sebagian_fungsi');
  if (has('sembuh')) named.add('sembuh');
  if (named.size > 1) return { value: null, repaired: 0, reason: 'kondisi_several' };
  const [value] = named;
  return value ? { value, repaired: 0 } : { value: null, repaired: 0, reason: 'kondisi_unreadable' };
}

export const HUBUNGAN = ['kepala_keluarga', 'istri', 'suami', 'anak', 'orang_tua', 'saudara', 'lainnya'] as const;
export type Hubungan = (typeof HUBUNGAN)[number];

const HUBUNGAN_WORDS: readonly [string, Hubungan][] = [
  ['kepalakeluarga', 'kepala_keluarga'],
  ['kepala', 'kepala_keluarga'],
  ['istri', 'istri'],
  ['isteri', 'istri'],
  ['suami', 'suami'],
  ['anakkandung', 'anak'],
  ['anak', 'anak'],
  ['anakangkat', 'anak'],
  ['orangtua', 'orang_tua'],
  ['ayah', 'orang_tua'],
  ['ibu', 'orang_tua'],
  ['ibukandung', 'orang_tua'],
  ['ayahkandung', 'orang_tua'],
  ['saudara', 'saudara'],
  ['saudarakandung', 'saudara'],
  ['adik', 'saudara'],
  ['kakak', 'saudara'],
  ['famililain', 'lainnya'],
  ['lainnya', 'lainnya'],
  ['lainlain', 'lainnya'],
  ['mertua', 'lainnya'],
  ['menantu', 'lainnya'],
  ['cucu', 'lainnya'],
  ['pembantu', 'lainnya'],
];

export function parseHubungan(raw: string): ValueResult<Hubungan> {
  const s = squash(raw);
  if (!s) return { value: null, repaired: 0, reason: 'hubungan_empty' };
  for (const [word, value] of HUBUNGAN_WORDS) if (s === word) return { value, repaired: 0 };
  for (const [word, value] of HUBUNGAN_WORDS) if (word.length >= 4 && fuzzyEquals(s, word)) return { value, repaired: 0 };
  for (const [word, value] of HUBUNGAN_WORDS) if (word.length >= 5 && s.startsWith(word)) return { value, repaired: 0 };
  return { value: null, repaired: 0, reason: 'hubungan_unreadable' };
}
