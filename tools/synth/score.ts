// Compares extraction output with generated ground truth: page classification accuracy, exact-match
// rate per field key, the share left empty for manual keying and the share wrongly filled. A page may
// hold several documents: a predicted document matches a truth document of the same type that shares a
// page with it and, when both carry regions on that page, whose region overlaps its own.
import type { ExtractedDocument, FieldValue } from '../../src/shared/domain/documents';
import type { DocTruth, FileTruth } from './spec';

export interface Tally {
  total: number;
  correct: number;
  empty: number;
  wrong: number;
}

export interface Score {
  pages: { total: number; correct: number };
  /** Page classification by truth document type (a page counts once per document on it). */
  types: Record<string, { total: number; correct: number }>;
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
  types: {},
  fields: {},
  overall: { total: 0, correct: 0, empty: 0, wrong: 0 },
  hand: { total: 0, prefilled: 0, printedAsHand: 0 },
  mistakes: [],
});

/** Pixel size of each page image that was read (1-based page n is index n - 1). */
export type PageSizes = readonly { width: number; height: number }[];

type Box = readonly [number, number, number, number];

const same = (a: FieldValue, b: FieldValue | null): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The truth document's region on `page`, in fractions of the page. */
const truthBox = (t: DocTruth, page: number): Box | null => t.regions?.find((r) => r.page === page)?.box ?? null;

/** The predicted document's region on `page` (pixels of the page read) in fractions of the page. */
function predictedBox(d: ExtractedDocument, page: number, sizes?: PageSizes): Box | null {
  const r = d.regions?.find((x) => x.page === page);
  const size = sizes?.[page - 1];
  if (!r || !size) return null;
  const [x0, y0, x1, y1] = r.bbox;
  return [x0 / size.width, y0 / size.height, x1 / size.width, y1 / size.height];
}

const overlapArea = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));

/** How well `d` lies on `t`'s page `page`: null when it does not (another type, not on the page, or both
 * placed and apart); else the overlap of their regions (1 when either has none). */
function fitOnPage(t: DocTruth, d: ExtractedDocument, page: number, sizes?: PageSizes): number | null {
  if (d.type !== t.type || !d.pages.includes(page) || !t.pages.includes(page)) return null;
  const a = truthBox(t, page);
  const b = predictedBox(d, page, sizes);
  if (!a || !b) return 1;
  const area = overlapArea(a, b);
  return area > 0 ? area / Math.max(1e-9, (a[2] - a[0]) * (a[3] - a[1])) : null;
}

/** One predicted document per truth document, each used once: pairs on the same first page first (a
 * document read whole), then by how much of the truth's region they cover, then by pages shared. */
export function matchDocuments(truth: readonly DocTruth[], docs: readonly ExtractedDocument[], sizes?: PageSizes): Map<DocTruth, ExtractedDocument> {
  const pairs: { t: DocTruth; d: ExtractedDocument; rank: [number, number, number] }[] = [];
  for (const t of truth) {
    for (const d of docs) {
      const fits = t.pages.map((p) => fitOnPage(t, d, p, sizes)).filter((f): f is number => f !== null);
      if (!fits.length) continue;
      pairs.push({ t, d, rank: [d.pages[0] === t.pages[0] ? 1 : 0, Math.max(...fits), fits.length] });
    }
  }
  pairs.sort((a, b) => b.rank[0] - a.rank[0] || b.rank[1] - a.rank[1] || b.rank[2] - a.rank[2]);
  const out = new Map<DocTruth, ExtractedDocument>();
  const used = new Set<ExtractedDocument>();
  for (const { t, d } of pairs) {
    if (out.has(t) || used.has(d)) continue;
    out.set(t, d);
    used.add(d);
  }
  return out;
}

export function scoreFile(score: Score, truth: FileTruth, docs: readonly ExtractedDocument[], sizes?: PageSizes): void {
  const matched = matchDocuments(truth.documents, docs, sizes);
  for (const t of truth.documents) {
    const byType = (score.types[t.type] ??= { total: 0, correct: 0 });
    for (const p of t.pages) {
      score.pages.total++;
      byType.total++;
      // Right when a document of the truth's type was found on the page, where the truth lies on it.
      if (docs.some((d) => fitOnPage(t, d, p, sizes) !== null)) {
        score.pages.correct++;
        byType.correct++;
      }
    }
    const match = matched.get(t);
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
      if (!same(expected, got))
        score.mistakes.push({
          file: truth.name,
          type: t.type,
          key,
          expected,
          got,
          empty: got === null,
          reason: match ? (match.fields[key]?.reason ?? 'missing') : 'document_not_found',
        });
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
