// Facts stated in sentences rather than beside a label: "… bahwa di RSUD RADEN MATTAHER pada tanggal
// EMPAT BELAS SEPTEMBER … (14-09-2026) telah meninggal dunia …", "telah diperiksa pada tanggal
// 06-10-2026", "Pada hari Rabu tanggal 27 Januari 1999 telah dilangsungkan akad nikah". A date is
// taken from the sentence where it stands nearest to the words that say what it is the date of (and
// never where a birth is what it dates); a place from between the words that frame it.
import type { ExtractedField } from '../domain/documents';
import { monthFromWord, parseIndonesianDate } from '../normalize/dates';
import { numberWord } from '../normalize/number-words';
import type { Row, Word } from './layout';
import { buildField } from './values';
import { PROSE } from '../tuning';

export interface DateCue {
  /** Words (lower case, any form starting so) that say what the date is of. */
  near: readonly string[];
  /** Words that, just before a date, say it is another date ("lahir … pada tanggal"). */
  not?: readonly string[];
}

/** How far (in words) a cue may stand from the date it tells. */
const CUE_REACH = PROSE.cueReach;
/** How far before a date a word that excludes it is looked for. */
const EXCLUDE_REACH = PROSE.excludeReach;

const lower = (w: Word): string => w.text.toLowerCase().replace(/[^a-z0-9]/g, '');
const isDatePart = (w: Word): boolean => {
  const t = w.text.replace(/[(),.]/g, '');
  return /\d/.test(t) || numberWord(t) !== null || (/^[A-Za-z]{3,}$/.test(t) && monthFromWord(t) !== null);
};

/** The date that starts at word `i`, with the words it takes (a date in words and figures included). */
function dateAt(words: readonly Word[], i: number, refYear: number): { words: Word[] } | null {
  if (!words[i] || !isDatePart(words[i])) return null;
  let end = i;
  while (end < words.length && end - i < 16 && isDatePart(words[end] as Word)) end++;
  const taken = words.slice(i, end);
  return parseIndonesianDate(taken.map((w) => w.text).join(' '), refYear).value ? { words: taken } : null;
}

/** The document's words in reading order. */
const wordsOf = (rows: readonly Row[]): Word[] => rows.flatMap((r) => r.segments.flatMap((s) => s.words));

/** The date the rows' sentences give for a fact: after "tanggal"/"tgl", nearest to one of its cues. */
export function proseDate(rows: readonly Row[], cue: DateCue, refYear: number): ExtractedField | null {
  const words = wordsOf(rows);
  let best: { words: Word[]; distance: number } | null = null;
  words.forEach((w, i) => {
    const t = lower(w);
    if (t !== 'tanggal' && t !== 'tgl') return;
    const d = dateAt(words, i + 1, refYear);
    if (!d) return;
    const before = words.slice(Math.max(0, i - EXCLUDE_REACH), i).map(lower);
    if (cue.not?.some((n) => before.some((b) => b.startsWith(n)))) return;
    let distance = Infinity;
    words.forEach((x, k) => {
      if (k >= i - CUE_REACH && k <= i + d.words.length + CUE_REACH && cue.near.some((n) => lower(x).startsWith(n)))
        distance = Math.min(distance, Math.abs(k - i));
    });
    if (distance <= CUE_REACH && (!best || distance < best.distance)) best = { words: d.words, distance };
  });
  const found = best as { words: Word[]; distance: number } | null;
  if (!found) return null;
  return buildField({ kind: 'date', words: found.words, page: rows[0]?.page ?? 1, labelDistance: 1, refYear });
}

/** Free text framed by words in a sentence: after `after` (lower-case words in order), up to a word of `until`. */
export function proseText(
  rows: readonly Row[],
  after: readonly string[],
  until: readonly string[],
  refYear: number,
  kind: 'text' | 'name' = 'text',
  maxWords = 8,
): ExtractedField | null {
  const words = wordsOf(rows);
  // A name ends at the first word that is not one (a number, a lower-case word), and with its cell: what
  // stands after a wide gap or on the next line is something else ("Jambi, 20 Oktober 2026").
  const cellEnds = new Set(rows.flatMap((r) => r.segments.map((sg) => sg.words[sg.words.length - 1])));
  const stops = (w: Word): boolean => until.includes(lower(w)) || (kind === 'name' && !/^[A-Z][A-Za-z.'-]*,?$/.test(w.text));
  for (let i = 0; i + after.length < words.length; i++) {
    if (!after.every((a, k) => lower(words[i + k] as Word) === a)) continue;
    const start = i + after.length;
    let end = start;
    while (end < words.length && end - start < maxWords && !stops(words[end] as Word)) {
      end++;
      if (kind === 'name' && cellEnds.has(words[end - 1])) break;
    }
    if (end === start || (kind === 'text' && end - start >= maxWords)) continue;
    const value = words.slice(start, end).map((w) => ({ ...w, text: w.text.replace(/[,;]+$/, '') }));
    const f = buildField({ kind, words: value, page: rows[0]?.page ?? 1, labelDistance: 1, refYear });
    if (f.value !== null) return f;
  }
  return null;
}
