// Small string-distance helpers for OCR-damaged words (labels, month names, enumerations).

/** Levenshtein distance, bounded: returns max + 1 as soon as the distance must exceed max. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** Edits tolerated for a word of this length: none for short words, where one edit changes meaning. */
export const toleratedEdits = (len: number): number => (len <= 3 ? 0 : len <= 6 ? 1 : len <= 10 ? 2 : 3);

/** Letters only, lower case: what label and keyword matching compares. */
export const squash = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

export function fuzzyEquals(word: string, target: string): boolean {
  return editDistance(word, target, toleratedEdits(target.length)) <= toleratedEdits(target.length);
}
