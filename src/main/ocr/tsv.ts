// tesseract's TSV output parsed into lines of words with boxes and confidences. TSV is what the pool
// asks tesseract for: it carries everything ClaimDesk keeps per word, and building it costs tesseract
// less than the full JSON tree of blocks, paragraphs, symbols and choices (~60 ms a page here).
//
// Columns: level page_num block_num par_num line_num word_num left top width height conf text.
// Levels: 1 page, 2 block, 3 paragraph, 4 line, 5 word. Only words carry a confidence (0–100).

import type { BBox } from '../../shared/domain/documents';

export interface TsvWord {
  text: string;
  /** 0–100, as tesseract gives it. */
  confidence: number;
  bbox: BBox;
}

export interface TsvLine {
  bbox: BBox;
  /** Mean of the words' confidences (0–100): TSV gives lines none of their own. */
  confidence: number;
  words: TsvWord[];
}

const LINE = 4;
const WORD = 5;

export function parseTsv(tsv: string): TsvLine[] {
  const lines: TsvLine[] = [];
  let current: TsvLine | null = null;
  for (const row of tsv.split('\n')) {
    const cols = row.split('\t');
    if (cols.length < 12) continue;
    const level = Number(cols[0]);
    const [left, top, width, height] = cols.slice(6, 10).map(Number) as [number, number, number, number];
    const bbox: BBox = [left, top, left + width, top + height];
    if (level === LINE) {
      current = { bbox, confidence: 0, words: [] };
      lines.push(current);
    } else if (level === WORD && current) {
      // A word's text is the rest of the row (it never holds a tab, but be safe).
      const text = cols.slice(11).join('\t').trim();
      if (text) current.words.push({ text, confidence: Number(cols[10]), bbox });
    }
  }
  const kept = lines.filter((l) => l.words.length > 0);
  for (const l of kept) l.confidence = meanConfidence(l.words);
  return kept;
}

/** Mean confidence of some words (0 for none). */
export const meanConfidence = (words: readonly TsvWord[]): number => words.reduce((s, w) => s + w.confidence, 0) / Math.max(1, words.length);
