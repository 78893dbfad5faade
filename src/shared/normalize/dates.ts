// Dates from every Indonesian way of writing them (contract §2): 05-06-1988, 05/06/1988, 05.06.1988,
// 5 Juni 1988, 05 JUN 1988, 5-Jun-88, English month names, ISO; with OCR digit repair. Output ISO.
import { isExists } from 'date-fns/isExists';
import { repairDigits } from './digits';
import { editDistance, toleratedEdits } from './fuzzy';
import { parseNumberWords } from './number-words';

const MONTHS: readonly (readonly string[])[] = [
  ['januari', 'january', 'jan'],
  ['februari', 'pebruari', 'february', 'feb', 'peb'],
  ['maret', 'march', 'mar', 'mrt'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['agustus', 'august', 'agu', 'agt', 'ags', 'aug'],
  ['september', 'sept', 'sep'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nopember', 'nov', 'nop'],
  ['desember', 'december', 'des', 'dec'],
];

/** Month number (1–12) of a month word, tolerating OCR slips in long names; null when unsure. */
export function monthFromWord(word: string): number | null {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length < 3) return null;
  let best: { month: number; dist: number } | null = null;
  let tie = false;
  MONTHS.forEach((names, idx) => {
    for (const name of names) {
      const allowed = name.length <= 3 ? 0 : name.length === 4 ? 1 : toleratedEdits(name.length) - (name.length <= 6 ? 0 : 1);
      const d = editDistance(w, name, allowed);
      if (d > allowed) continue;
      if (!best || d < best.dist) {
        best = { month: idx + 1, dist: d };
        tie = false;
      } else if (d === best.dist && best.month !== idx + 1) tie = true;
    }
  });
  const found = best as { month: number; dist: number } | null;
  return found && !tie ? found.month : null;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Two-digit years: the latest century that does not put the date in the future. */
function fullYear(y: number, digits: number, refYear: number): number {
  if (digits === 4) return y;
  return 2000 + y <= refYear ? 2000 + y : 1900 + y;
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || !isExists(y, m - 1, d)) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export interface DateResult {
  value: string | null;
  repaired: number;
  reason?: string;
}

/** Repair look-alike letters in tokens that are mostly digits, leave words alone. */
function repairText(text: string): { text: string; repaired: number } {
  let repaired = 0;
  const out = text.replace(/[A-Za-z0-9|!$&]+/g, (tok) => {
    if (!/\d/.test(tok) || /^[A-Za-z]{3,}$/.test(tok)) return tok;
    const r = repairDigits(tok);
    if (!r) return tok;
    repaired += r.repaired;
    return r.digits;
  });
  return { text: out, repaired };
}

/**
 * A date written in words, as deeds write it: "empat belas September dua ribu dua puluh enam",
 * "tiga puluh satu Desember seribu sembilan ratus sembilan puluh". Null when there is none.
 */
export function parseWordsDate(raw: string): string | null {
  const tokens = raw.split(/[\s,.;:()]+/).filter(Boolean);
  for (let m = 1; m < tokens.length - 1; m++) {
    const month = /^[A-Za-z]{3,}$/.test(tokens[m] ?? '') ? monthFromWord(tokens[m] ?? '') : null;
    if (month === null) continue;
    // The day's words end right before the month: one to three words ("tiga puluh satu").
    for (let start = Math.max(0, m - 3); start < m; start++) {
      const day = parseNumberWords(tokens.slice(start, m));
      if (!day || day.used !== m - start) continue;
      const year = parseNumberWords(tokens.slice(m + 1));
      if (!year) break;
      const v = iso(year.value, month, day.value);
      if (v) return v;
    }
  }
  return null;
}

export function parseIndonesianDate(raw: string, refYear = new Date().getUTCFullYear()): DateResult {
  const written = parseWordsDate(raw);
  const printed = parseDigitsDate(raw, refYear);
  if (!written) return printed;
  // Written in words and in figures ("EMPAT BELAS SEPTEMBER … (14-09-2026)"): both must say the same.
  if (printed.value && printed.value !== written) return { value: null, repaired: printed.repaired, reason: 'date_words_disagree' };
  return { value: written, repaired: 0 };
}

function parseDigitsDate(raw: string, refYear: number): DateResult {
  const { text, repaired } = repairText(raw);
  // ISO first: 1988-06-05.
  const isoM = /(?<!\d)(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})(?!\d)/.exec(text);
  if (isoM) {
    const v = iso(Number(isoM[1]), Number(isoM[2]), Number(isoM[3]));
    if (v) return { value: v, repaired };
  }
  // Day month-name year: 5 Juni 1988, 05-JUN-88, 5 Jun. 1988.
  // Separators may be lost in OCR ("23juli2025"), or be a colon from the label column ("9 Juli: 2022").
  const named = /(?<!\d)(\d{1,2})\s*[-./:;\s]?\s*([A-Za-z]{3,10})\.?\s*[-./,:;\s]?\s*(\d{4}|\d{2})(?!\d)/.exec(text);
  if (named) {
    const m = monthFromWord(named[2] ?? '');
    if (m === null) return { value: null, repaired, reason: 'date_month_unreadable' };
    const y = fullYear(Number(named[3]), (named[3] ?? '').length, refYear);
    const v = iso(y, m, Number(named[1]));
    return v ? { value: v, repaired } : { value: null, repaired, reason: 'date_invalid' };
  }
  // Numeric day-month-year with any separator: 05-06-1988, 05/06/1988, 05.06.1988, 05 06 1988.
  const num = /(?<!\d)(\d{1,2})\s*[-./\s]\s*(\d{1,2})\s*[-./\s]\s*(\d{4}|\d{2})(?!\d)/.exec(text);
  if (num) {
    const y = fullYear(Number(num[3]), (num[3] ?? '').length, refYear);
    const v = iso(y, Number(num[2]), Number(num[1]));
    if (v) return { value: v, repaired };
    return { value: null, repaired, reason: 'date_invalid' };
  }
  // Digits run together, one separator or both lost: 05061988, 0506-1988, 05-061988.
  const packed = /(?<!\d)(\d{2})[-./]?(\d{2})[-./]?(\d{4})(?!\d)/.exec(text);
  if (packed) {
    const v = iso(Number(packed[3]), Number(packed[2]), Number(packed[1]));
    if (v) return { value: v, repaired: repaired + 1 };
  }
  return { value: null, repaired, reason: 'date_not_found' };
}
