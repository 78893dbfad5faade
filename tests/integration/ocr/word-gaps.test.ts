// Words tesseract glues across a visible space are split again, letters unchanged: on a generated
// e-KTP scan tesseract reads the village "PAAL MERAH" as "PAALMERAH".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrPage } from '../../../src/shared/domain/ocr';
import { extractDocuments } from '../../../src/shared/extract';
import { createOcrPool, type OcrPool } from '../../../src/main/ocr/pool';
import { readFile } from '../../../src/main/ocr/read-file';
import { generateDossier } from '../../../tools/synth/index';

let pool: OcrPool;
let pages: OcrPage[];

beforeAll(async () => {
  pool = createOcrPool({ size: 2 });
  // Dossier 3 of the benchmark's third seed (its participants start at index 1000).
  const d = await generateDossier(92003, { participantIndex: 1003 });
  const file = d.files.find((f) => f.name === 'dossier-92003-1.pdf')!;
  expect(file.truth.documents.find((t) => t.type === 'ktp')?.fields.kel_desa).toBe('PAAL MERAH');
  ({ pages } = await readFile({ name: file.name, bytes: Buffer.from(file.bytes) }, { pool }));
}, 120_000);

afterAll(async () => {
  await pool?.terminate();
});

describe('glued words', () => {
  it('are split where the page shows a space, and the field reads as printed', () => {
    const ktp = extractDocuments(pages).find((d) => d.type === 'ktp');
    expect(ktp?.fields.kel_desa?.value).toBe('PAAL MERAH');
    const split = pages.reduce((n, p) => n + Number(p.preprocessing.wordsSplit ?? 0), 0);
    expect(split).toBeGreaterThan(0);
    const words = pages.flatMap((p) => p.lines.flatMap((l) => l.words));
    const paal = words.find((w) => w.text === 'PAAL');
    const merah = words.find((w) => w.text === 'MERAH');
    // Each part has its own box, side by side.
    expect(paal && merah && paal.bbox[2] <= merah.bbox[0]).toBe(true);
  });
});
