// A NIK printed one digit to a box on a scan a little askew, with real OCR: tesseract's page reading is
// garbled by the box walls (here replaced by such a garbled reading, as the dev set's scans gave), and the
// second look reads the digits back from their glyphs set again tightly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ocrLimits } from '../../../src/main/ocr/config';
import { createOcrPool, type OcrPool, type RecognizedImage } from '../../../src/main/ocr/pool';
import { prepareForOcr } from '../../../src/main/ocr/preprocess';
import { secondLook } from '../../../src/main/ocr/second-look';
import { boxedDigits } from '../../fixtures/ocr/digit-boxes';

let pool: OcrPool;
beforeAll(() => {
  pool = createOcrPool({ size: 1 });
});
afterAll(async () => {
  await pool?.terminate();
});

const NIK = '1571104311922733';
const digitsOf = (words: readonly { text: string }[]): string =>
  words
    .map((w) => w.text)
    .join('')
    .replace(/\D/g, '');

describe('a number in boxes read again from its glyphs', () => {
  for (const tiltDeg of [0.8, -0.8]) {
    it(`gives back the NIK a garbled reading lost (tilt ${tiltDeg}°)`, async () => {
      const strip = boxedDigits(NIK, { tiltDeg, label: 'NIK', width: 1400, height: 220 });
      const rgb = Buffer.alloc(strip.width * strip.height * 3);
      for (let i = 0; i < strip.grey.length; i++) rgb.fill(strip.grey[i] as number, i * 3, i * 3 + 3);
      const prepared = await prepareForOcr({ data: rgb, width: strip.width, height: strip.height, channels: 3, dpi: 300 }, ocrLimits(), 0);
      const read = await pool.recognize(prepared.image, { deskew: true, dpi: prepared.dpi });
      // Tesseract read the label alone here, or the value garbled: the line is given the garbled reading
      // the dev set's tilted scans had, where the boxes are.
      const at = read.lines.findIndex((l) => /^NIK/.test(l.words[0]?.text ?? ''));
      expect(at).toBeGreaterThanOrEqual(0);
      const k = prepared.scale;
      const box = [Math.round(strip.left * k), Math.round(50 * k), Math.round(strip.right * k), Math.round(107 * k)] as [number, number, number, number];
      const label = (read.lines[at] as RecognizedImage['lines'][number]).words.filter((w) => w.bbox[2] < box[0]);
      const garbled: RecognizedImage = {
        ...read,
        lines: read.lines.map((l, i) => (i === at ? { ...l, words: [...label, { text: '[1[5]o[s[o]o]o[s[o[8[8[8[0[3[8]3]', confidence: 2, bbox: box }] } : l)),
      };
      const look = await secondLook(prepared, garbled, pool);
      expect(look.boxed).toBeGreaterThanOrEqual(1);
      expect(digitsOf(look.read.lines[at]?.words ?? [])).toBe(NIK);
      // A reading that set fewer digits again than the first reading had keeps the first reading.
      const longer = {
        ...garbled,
        lines: garbled.lines.map((l, i) => (i === at ? { ...l, words: [...label, { text: `${NIK}9`, confidence: 2, bbox: box }] } : l)),
      };
      expect(digitsOf((await secondLook(prepared, longer, pool)).read.lines[at]?.words ?? [])).toBe(`${NIK}9`);
      // The new words lie where the digits are on the page.
      for (const w of look.read.lines[at]?.words.filter((o) => /\d/.test(o.text)) ?? []) {
        expect(w.bbox[0]).toBeGreaterThanOrEqual(box[0] - 30);
        expect(w.bbox[2]).toBeLessThanOrEqual(box[2] + 30);
      }
    }, 120_000);
  }
});
