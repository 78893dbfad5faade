// Fuzzy label matching: printed labels vary by office ("No. KPJ", "Nomor Peserta"), are misread
// ("Kelamln"), split ("Ke warganegaraan") or glued ("TempatTgl"). A label matches the words at the
// start of a segment, or mid-segment when a colon follows it.
import { editDistance, squash as squashText } from '../normalize/fuzzy';

/** Label words misread with digits ("N1K", "A1amat") are folded back to letters before comparing. */
const squash = (t: string): string => squashText(t.replace(/1|\|/g, 'i').replace(/0/g, 'o').replace(/5/g, 's').replace(/8/g, 'b').replace(/[\])]/g, 'j'));
import type { Word } from './layout';

export interface LabelHit {
  /** Index of the first word after the label (and after a separating colon). */
  end: number;
  /** Higher is better: label length minus penalties for edits. */
  score: number;
  distance: number;
}

const wordTolerance = (len: number): number => (len <= 3 ? 0 : len <= 9 ? 1 : 2);

/** Three-letter identifier labels lose a letter often ("NK", "KP]"); their values are validated anyway. */
const SHORT_ID_LABELS = new Set(['nik', 'kpj', 'npwp']);

/** A label word starting with a quote mark, underscore or similar: its first letter was not read. */
const DAMAGED_START = /^[_\u2018\u2019\u201c\u201d"'`~^,]/;

/** Label words as squashed tokens: "Tempat/Tgl. Lahir" → ["tempat", "tgl", "lahir"]. */
export const labelTokens = (label: string): string[] =>
  label
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Does a word end with the label separator? ("Nama:", "~~:", ":") */
const isColonOnly = (w: Word | undefined): boolean => !!w && /^[:;.~=-]*[:;][:;.~=-]*$/.test(w.text.trim());

export function matchLabelAt(words: readonly Word[], start: number, tokens: readonly string[]): LabelHit | null {
  const target = tokens.join('');
  if (!target) return null;
  let best: LabelHit | null = null;
  // Word-aligned: each label word against one page word.
  if (start + tokens.length <= words.length) {
    let dist = 0;
    let ok = true;
    tokens.forEach((t, k) => {
      const raw = words[start + k]?.text ?? '';
      const w = squash(raw);
      const tol = SHORT_ID_LABELS.has(t) && tokens.length === 1 ? 1 : wordTolerance(t.length);
      let d = editDistance(w, t, tol);
      // A mark read before a label's first letter ("_lo. KTP", "“rogram") is that letter, damaged: it
      // may be misread or lost, as long as the rest of the word is exact.
      if (d > tol && k === 0 && t.length >= 2 && DAMAGED_START.test(raw)) {
        const rest = t.slice(1);
        if (w === rest || w.slice(1) === rest) d = tol;
      }
      if (d > tol) ok = false;
      dist += d;
    });
    if (ok) best = { end: start + tokens.length, score: target.length - 2 * dist, distance: dist };
  }
  // Split or glued: concatenations of 1..n+1 page words against the whole label, stricter tolerance.
  // Also n = tokens.length: a short word misread by one letter ("Tgi. Laporan") fails the per-word
  // tolerance but not the whole label's.
  for (let n = 1; n <= tokens.length + 1 && start + n <= words.length; n++) {
    if (n === tokens.length && (best || n === 1)) continue;
    const joined = words
      .slice(start, start + n)
      .map((w) => squash(w.text))
      .join('');
    const tol = Math.floor(target.length / 7);
    const d = editDistance(joined, target, tol);
    if (d <= tol && (!best || target.length - 2 * d - 1 > best.score)) best = { end: start + n, score: target.length - 2 * d - 1, distance: d };
  }
  if (!best) return null;
  // Skip a separating colon read as its own word.
  let end = best.end;
  while (isColonOnly(words[end])) end++;
  return { ...best, end };
}
