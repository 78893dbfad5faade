// The second look with real OCR on a rendered, skewed scan: a doubtful word is read again from its line
// alone, cut from the image tesseract read and turned level as tesseract turned it.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ocrLimits } from '../../../src/main/ocr/config';
import { createOcrPool, type OcrPool, type RecognizedImage } from '../../../src/main/ocr/pool';
import { prepareForOcr, type PreparedImage } from '../../../src/main/ocr/preprocess';
import { secondLook } from '../../../src/main/ocr/second-look';
import { renderClaimPage } from '../../fixtures/ocr/claim-page';

let pool: OcrPool;
beforeAll(() => {
  pool = createOcrPool({ size: 1 });
});
afterAll(async () => {
  await pool?.terminate();
});

async function readScan(skewDeg: number): Promise<{ prepared: PreparedImage; read: RecognizedImage }> {
  const page = await renderClaimPage(2025, 1, { dpi: 300, scanned: true, skewDeg });
  const { data, info } = await sharp(page.png).raw().toBuffer({ resolveWithObject: true });
  const prepared = await prepareForOcr({ data, width: info.width, height: info.height, channels: info.channels as 3, dpi: 300 }, ocrLimits(), 0);
  return { prepared, read: await pool.recognize(prepared.image, { deskew: true, dpi: prepared.dpi }) };
}

describe('second look at doubtful lines', () => {
  for (const skew of [0, 2]) {
    it(`reads a garbled word again from its own line (page skewed ${skew}°)`, async () => {
      const { prepared, read } = await readScan(skew);
      if (skew) expect(Math.abs(read.rotateRadians)).toBeGreaterThan(0.02);
      // Every word of the first reading with digits, garbled as a bad scan would leave it.
      const targets = read.lines.flatMap((l, li) => l.words.map((w, wi) => ({ w, li, wi }))).filter((t) => /\d{3}/.test(t.w.text) && t.w.confidence > 80);
      expect(targets.length).toBeGreaterThan(2);
      const garbled: RecognizedImage = {
        ...read,
        lines: read.lines.map((l, li) => ({
          ...l,
          words: l.words.map((w, wi) => (targets.some((t) => t.li === li && t.wi === wi) ? { ...w, text: '#~#', confidence: 5 } : w)),
        })),
      };
      const look = await secondLook(prepared, garbled, pool);
      expect(look.reread).toBe(Math.min(8, new Set(targets.map((t) => t.li)).size));
      const back = targets.filter((t) => look.read.lines[t.li]?.words.some((w) => w.text === t.w.text));
      // Each line read again gives its word back (lines past the page's limit of eight stay as they were).
      expect(back.length).toBeGreaterThanOrEqual(Math.min(targets.length, 8));
      expect(look.replaced).toBeGreaterThanOrEqual(back.length);
      // Untouched lines are the very same objects.
      read.lines.forEach((l, li) => {
        if (!targets.some((t) => t.li === li)) expect(look.read.lines[li]).toBe(garbled.lines[li]);
      });
    }, 120_000);
  }
});
