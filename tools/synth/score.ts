// Compares extraction output with generated ground truth: page classification accuracy, exact-match
// rate per field key, the share left empty for manual keying and the share wrongly filled.
import type { ExtractedDocument, FieldValue } from '../../src/shared/domain/documents';
import type { FileTruth } from './spec';

export interface Tally {
  total: number;
  correct: number;
  empty: number;
  wrong: number;
}

export interface Score {
  pages: { total: number; correct: number };
  fields: Record<string, Tally>;
  overall: Tally;
  /** Handwritten values (scored apart: the right outcome is empty, for the officer to key): how many,
   * how many were pre-filled anyway, and how many printed values were taken for handwriting. */
  hand: { total: number; prefilled: number; printedAsHand: number };
  /** Wrong values, for tuning: file, type, key, expected, got. */
  mistakes: { file: string; type: string; key: string; expected: FieldValue; got: FieldValue | null; empty: boolean; reason?: string }[];
}

export const newScore = (): Score => ({
  pages: { total: 0, correct: 0 },
  fields: {},
  overall: { total: 0, correct: 0, empty: 0, wrong: 0 },
  hand: { total: 0, prefilled: 0, printedAsHand: 0 },
  mistakes: [],
});

const same = (a: FieldValue, b: FieldValue | null): boolean => JSON.stringify(a) === JSON.stringify(b);

export function scoreFile(score: Score, truth: FileTruth, docs: readonly ExtractedDocument[]): void {
  for (const t of truth.documents) {
    for (const p of t.pages) {
      score.pages.total++;
      if (docs.find((d) => d.pages.includes(p))?.type === t.type) score.pages.correct++;
    }
    const match = docs.find((d) => d.type === t.type && d.pages[0] === t.pages[0]);
    for (const [key, expected] of Object.entries(t.fields)) {
      const got = match?.fields[key]?.value ?? null;
      if (t.handwritten?.includes(key)) {
        score.hand.total++;
        if (got !== null) {
          score.hand.prefilled++;
          score.mistakes.push({ file: truth.name, type: t.type, key, expected, got, empty: false, reason: 'handwriting_prefilled' });
        }
        continue;
      }
      if (match?.fields[key]?.reason === 'handwriting') score.hand.printedAsHand++;
      const tally = (score.fields[key] ??= { total: 0, correct: 0, empty: 0, wrong: 0 });
      for (const x of [tally, score.overall]) {
        x.total++;
        if (got === null) x.empty++;
        else if (same(expected, got)) x.correct++;
        else x.wrong++;
      }
      if (!same(expected, got)) score.mistakes.push({ file: truth.name, type: t.type, key, expected, got, empty: got === null, reason: match ? (match.fields[key]?.reason ?? 'missing') : 'document_not_found' });
    }
  }
}

export const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');

/** Key groups that carry the targets. */
export const KEY_GROUPS: Record<string, (key: string) => boolean> = {
  'identifiers (NIK, KPJ, account, KK)': (k) => ['nik', 'nik_almarhum', 'nomor_kpj', 'nomor_rekening', 'nomor_kk'].includes(k),
  dates: (k) => k.startsWith('tanggal'),
  names: (k) => k === 'nama' || k.startsWith('nama_'),
};

export function groupTally(score: Score, pred: (key: string) => boolean): Tally {
  const t: Tally = { total: 0, correct: 0, empty: 0, wrong: 0 };
  for (const [k, v] of Object.entries(score.fields)) {
    if (!pred(k)) continue;
    t.total += v.total;
    t.correct += v.correct;
    t.empty += v.empty;
    t.wrong += v.wrong;
  }
  return t;
}
