// The benchmark's scoring when documents share a page: a predicted document matches a truth document of
// the same type on a shared page and, when both carry regions, only one whose region overlaps its own;
// each predicted document is used once. One document per page scores as it always did.
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../src/shared/domain/documents';
import { matchDocuments, newScore, scoreFile } from '../../../tools/synth/score';
import type { DocTruth, FileTruth } from '../../../tools/synth/spec';

const field = (value: string) => ({ value, confidence: 0.9, page: 1, bbox: null });
const predicted = (
  type: ExtractedDocument['type'],
  pages: number[],
  fields: Record<string, string>,
  regions?: [number, number, number, number][],
): ExtractedDocument => ({
  type,
  typeConfidence: 0.9,
  pages,
  fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, field(v)])),
  ...(regions ? { regions: regions.map((bbox) => ({ page: pages[0] ?? 1, bbox })) } : {}),
});

/** Two KTPs stacked on page 1 of an A4 copy (regions in fractions), a KK alone on page 2. */
const upper: DocTruth = { type: 'ktp', pages: [1], fields: { nik: '1571011705681511' }, regions: [{ page: 1, box: [0.25, 0.1, 0.7, 0.3] }] };
const lower: DocTruth = { type: 'ktp', pages: [1], fields: { nik: '1571016004731323' }, regions: [{ page: 1, box: [0.25, 0.4, 0.7, 0.6] }] };
const family: DocTruth = { type: 'kk', pages: [2], fields: { nomor_kk: '1571012003150007' } };
const file: FileTruth = { name: 'copy.pdf', documents: [upper, lower, family] };
/** The page images read: 1000 × 1400 pixels. */
const sizes = [
  { width: 1000, height: 1400 },
  { width: 1400, height: 1000 },
];

describe('scoring documents that share a page', () => {
  it('pairs each KTP with the prediction lying on it, whatever order extraction lists them in', () => {
    const docs = [
      predicted('ktp', [1], { nik: '1571016004731323' }, [[260, 570, 690, 830]]),
      predicted('ktp', [1], { nik: '1571011705681511' }, [[260, 150, 690, 410]]),
      predicted('kk', [2], { nomor_kk: '1571012003150007' }),
    ];
    const m = matchDocuments(file.documents, docs, sizes);
    expect(m.get(upper)).toBe(docs[1]);
    expect(m.get(lower)).toBe(docs[0]);
    const score = newScore();
    scoreFile(score, file, docs, sizes);
    expect(score.overall).toEqual({ total: 3, correct: 3, empty: 0, wrong: 0 });
    expect(score.pages).toEqual({ total: 3, correct: 3 });
  });

  it('does not match a prediction whose region lies elsewhere on the page, and uses each prediction once', () => {
    // One KTP found, over the upper card only: the lower card's page is wrong and its fields empty.
    const docs = [predicted('ktp', [1], { nik: '1571011705681511' }, [[260, 150, 690, 410]])];
    const score = newScore();
    scoreFile(score, file, docs, sizes);
    expect(score.types.ktp).toEqual({ total: 2, correct: 1 });
    expect(score.fields.nik).toEqual({ total: 2, correct: 1, empty: 1, wrong: 0 });
    expect(score.mistakes.find((x) => x.key === 'nik')?.reason).toBe('document_not_found');
  });

  it('matches on the shared page alone when the prediction carries no region (one KTP read, one left)', () => {
    const docs = [predicted('ktp', [1], { nik: '1571016004731323' })];
    const score = newScore();
    scoreFile(score, file, docs, sizes);
    // Both cards' page shows a KTP; the one prediction fills one truth document only.
    expect(score.types.ktp).toEqual({ total: 2, correct: 2 });
    expect(score.fields.nik?.total).toBe(2);
    expect((score.fields.nik?.correct ?? 0) + (score.fields.nik?.wrong ?? 0)).toBe(1);
  });

  it('scores a document alone on its pages as before: same first page, same type', () => {
    const alone: FileTruth = { name: 'kk.pdf', documents: [{ type: 'kk', pages: [1, 2], fields: { nomor_kk: '1571012003150007' } }] };
    const right = newScore();
    scoreFile(right, alone, [predicted('kk', [1, 2], { nomor_kk: '1571012003150007' })]);
    expect(right.pages).toEqual({ total: 2, correct: 2 });
    expect(right.overall.correct).toBe(1);
    const wrongType = newScore();
    scoreFile(wrongType, alone, [predicted('ktp', [1, 2], { nik: '1571012003150007' })]);
    expect(wrongType.pages).toEqual({ total: 2, correct: 0 });
    expect(wrongType.overall.empty).toBe(1);
  });
});
