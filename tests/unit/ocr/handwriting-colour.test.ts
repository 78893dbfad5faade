// Pen ink is told by its colour above the ground it stands on. Black print on a tinted card (a KTP's
// blue ground, a JPEG's colour bleeding into the strokes) takes on the ground's colour and is no pen;
// blue ballpoint on white paper is, however neat.
import { describe, expect, it } from 'vitest';
import type { BBox } from '../../../src/shared/domain/documents';
import type { OcrLine, OcrWord } from '../../../src/shared/domain/ocr';
import { inkShape, markHandwriting } from '../../../src/main/ocr/handwriting';
import type { PageRaster } from '../../../src/main/ocr/source';

const W = 900;
const H = 160;
type Rgb = [number, number, number];

/** "Nama : " printed in black, then `value` as neat letter blocks in `ink`, all on a `ground`. */
function line(value: string, ink: Rgb, ground: Rgb): { raster: PageRaster; line: OcrLine; word: OcrWord } {
  const data = Buffer.alloc(W * H * 3);
  for (let i = 0; i < W * H; i++) data.set(ground, i * 3);
  // A stroke's core is darker than its blurred edge, which is halfway to the ground.
  const block = (x0: number, colour: Rgb): void => {
    for (let y = 60; y < 90; y++) {
      for (let x = x0; x < x0 + 14; x++) {
        const edge = y < 62 || y >= 88 || x < x0 + 2 || x >= x0 + 12;
        data.set(edge ? (colour.map((c, k) => Math.round((c + (ground[k] as number)) / 2)) as Rgb) : colour, (y * W + x) * 3);
      }
    }
  };
  for (let i = 0; i < 4; i++) block(40 + i * 20, [25, 25, 25]);
  const label: OcrWord = { text: 'Nama:', confidence: 0.95, bbox: [38, 58, 122, 92] };
  const start = 300;
  [...value].forEach((_, i) => block(start + i * 20, ink));
  const word: OcrWord = { text: value, confidence: 0.9, bbox: [start - 2, 58, start + value.length * 20, 92] as BBox };
  return {
    raster: { data, width: W, height: H, channels: 3, dpi: 300 },
    line: { text: `Nama: ${value}`, confidence: 0.9, bbox: [38, 58, word.bbox[2], 92], words: [label, word] },
    word,
  };
}

describe('pen ink by its colour', () => {
  it('does not take black print on a tinted card for a pen', () => {
    // The card's light blue (chroma 45) and print that took on its tint (chroma 30).
    const { raster, line: l, word } = line('RUKIYAH', [60, 75, 90], [195, 220, 240]);
    expect(inkShape(raster, word.bbox, true)?.chroma).toBe(0);
    markHandwriting(raster, [l]);
    expect(word.handwritten).toBeUndefined();
  });

  it('takes blue ballpoint on white paper for a pen, however neat', () => {
    const { raster, line: l, word } = line('RUKIYAH', [40, 60, 150], [250, 250, 250]);
    expect(inkShape(raster, word.bbox, true)?.chroma).toBeGreaterThan(50);
    markHandwriting(raster, [l]);
    expect(word.handwritten).toBe(true);
  });
});
