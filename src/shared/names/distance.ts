// Weighted edit distance between name tokens. OCR confusions (I/L, O/D, S/5 …) and Javanese vowel
// variants cost less than other edits; a changed last letter costs more, because Indonesian names
// often differ only there between people (SUSANTO / SUSANTI, HARTONO / HARTINI).

// Only confusions OCR really makes and that do not turn one common name into another (R/B would make
// RUDI and BUDI one person, L/T LINA and TINA).
const OCR_PAIRS = ['IL', 'IT', 'OD', 'OQ', 'EF', 'UV', 'VY', 'IJ'];
const VARIANT_PAIRS = ['OU', 'IY', 'EI'];

function pairSet(pairs: readonly string[]): Set<string> {
  const s = new Set<string>();
  for (const p of pairs) {
    s.add(p);
    s.add(`${p[1]}${p[0]}`);
  }
  return s;
}
const OCR = pairSet(OCR_PAIRS);
const VOWELS = new Set(['A', 'I', 'U', 'E', 'O']);
const VARIANT = pairSet(VARIANT_PAIRS);

/** Two strings of one length that differ only by OCR confusions, at most one in eight letters. */
export function onlyOcrConfusions(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let diffs = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (!OCR.has(a[i]! + b[i]!)) return false;
    diffs++;
  }
  return diffs <= Math.max(1, Math.floor(a.length / 8));
}

function substitutionCost(a: string, b: string, last: boolean): number {
  if (a === b) return 0;
  const pair = a + b;
  // At the last letter an OCR confusion costs more, so HIDAYAT + T→I cannot pass for HIDAYATI.
  if (OCR.has(pair)) return last ? 0.6 : 0.4;
  if (VARIANT.has(pair)) return last ? 1.5 : 0.5;
  return last ? 2 : 1;
}

/** Similarity 0–1 of two tokens: 1 − weighted edits / longer length. */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return 0;
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const last = i === n && j === m;
      const sub = prev[j - 1]! + substitutionCost(a[i - 1]!, b[j - 1]!, last);
      // A vowel added or dropped at the very end changes the name (HIDAYAT / HIDAYATI).
      const del = prev[j]! + (last && VOWELS.has(a[i - 1]!) ? 2 : 1);
      const ins = cur[j - 1]! + (last && VOWELS.has(b[j - 1]!) ? 2 : 1);
      cur[j] = Math.min(del, ins, sub);
    }
    [prev, cur] = [cur, prev];
  }
  return Math.max(0, 1 - prev[m]! / Math.max(n, m));
}
