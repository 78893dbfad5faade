// A hand's date or name is written in words too short to tell a hand by ("19 MAR 2025"); measured as
// one run, its letters stray from one baseline, while a printed run keeps it to the pixel.
import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrWord } from '../../../src/shared/domain/ocr';
import type { BBox } from '../../../src/shared/domain/documents';
import { markHandwriting } from '../../../src/main/ocr/handwriting';
import type { PageRaster } from '../../../src/main/ocr/source';

const W = 900;
const H = 200;

/** Letters as solid 14×30 blocks on a grey page; `drift(i)` moves letter i's block down by that many pixels. */
function page(words: string[], drift: (i: number) => number): { raster: PageRaster; line: OcrLine } {
  const data = Buffer.alloc(W * H, 255);
  const out: OcrWord[] = [];
  let x = 300;
  let i = 0;
  for (const text of words) {
    const x0 = x;
    let top = Infinity;
    let bottom = 0;
    for (const _ of text) {
      const y0 = 80 + drift(i++);
      for (let y = y0; y < y0 + 30; y++) for (let dx = 0; dx < 14; dx++) data[y * W + x + dx] = 20;
      top = Math.min(top, y0);
      bottom = Math.max(bottom, y0 + 30);
      x += 20;
    }
    out.push({ text, confidence: 0.9, bbox: [x0 - 2, top - 2, x + 2, bottom + 2] as BBox });
    x += 30;
  }
  const label: OcrWord = { text: 'Tanggal:', confidence: 0.95, bbox: [40, 78, 200, 112] };
  const words2 = [label, ...out];
  return {
    raster: { data, width: W, height: H, channels: 1, dpi: 300 },
    line: { text: words2.map((w) => w.text).join(' '), confidence: 0.9, bbox: [40, 70, x, 130], words: words2 },
  };
}

describe('handwriting in runs of short words', () => {
  it('marks a date whose letters leave the baseline, though no word of it has four letters', () => {
    const { raster, line } = page(['19', 'MAR', '2025'], (i) => [0, 5, -4, 4, 0, -5, 4, 0, 5][i] ?? 0);
    expect(markHandwriting(raster, [line])).toBeGreaterThan(0);
    expect(line.words.slice(1).every((w) => w.handwritten)).toBe(true);
    // The printed label before the colon is not part of the run.
    expect(line.words[0]?.handwritten).toBeUndefined();
  });

  it('leaves a printed date alone', () => {
    const { raster, line } = page(['19', 'MAR', '2025'], () => 0);
    expect(markHandwriting(raster, [line])).toBe(0);
    expect(line.words.some((w) => w.handwritten)).toBe(false);
  });
});
