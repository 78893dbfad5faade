import { describe, expect, it } from 'vitest';
import { originalBox, packDigits } from '../../../src/main/ocr/digit-boxes';
import { boxedNumberWords } from '../../../src/main/ocr/second-look';
import { boxedDigits } from '../../fixtures/ocr/digit-boxes';

const NIK = '1571104311922733';

describe('a number printed in boxes, set again tightly', () => {
  for (const tiltDeg of [0, 1.2, -1.2]) {
    it(`keeps each digit as one glyph and drops the walls, edge pieces and the line above (tilt ${tiltDeg}°)`, () => {
      const strip = boxedDigits(NIK, { tiltDeg });
      const packed = packDigits(strip.grey, strip.width, strip.height);
      expect(packed).not.toBeNull();
      if (!packed) return;
      expect(packed.glyphs).toHaveLength(NIK.length);
      for (const g of packed.glyphs) {
        const h = g.box[3] - g.box[1] + 1;
        expect(h).toBeGreaterThan(packed.glyphHeight * 0.7);
        expect(h).toBeLessThan(packed.glyphHeight * 1.3);
      }
      // Set tightly: far narrower than the boxes were, and every glyph maps back inside them.
      expect(packed.width).toBeLessThan((strip.right - strip.left) * 0.75);
      const all = originalBox(packed, 0, packed.width);
      expect(all).not.toBeNull();
      expect(all?.[0]).toBeGreaterThanOrEqual(strip.left - 12);
      expect(all?.[2]).toBeLessThanOrEqual(strip.right + 12);
      // Glyphs sit on one line in the packed strip, whatever the tilt.
      const tops = packed.glyphs.map((g) => {
        for (let y = 0; y < packed.height; y++)
          for (let x = g.packedX0; x <= g.packedX1; x++) if ((packed.data[y * packed.width + x] as number) < 128) return y;
        return -1;
      });
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(3);
    });
  }

  it('finds nothing to set in a strip of a few digits', () => {
    const strip = boxedDigits('123', { tiltDeg: 0 });
    expect(packDigits(strip.grey, strip.width, strip.height)).toBeNull();
  });
});

describe('which words of a line may be a number in boxes', () => {
  const w = (text: string, x0: number, confidence: number): { text: string; confidence: number; bbox: [number, number, number, number] } => ({
    text,
    confidence,
    bbox: [x0, 100, x0 + text.length * 12, 130],
  });
  it('takes what stands after the label column when it is mostly digits and unsure', () => {
    const label = w('NIK', 20, 96);
    const value = [w('[1[5]o[s[o]o]o[s[o[8[8[8[0[3[8]3]', 400, 3)];
    expect(boxedNumberWords([label, ...value])).toEqual(value);
    const garbled = [w('[E10', 400, 37), w('<3', 460, 37), w('2', 500, 51), w('£3', 530, 38), w('ZA', 570, 8)];
    expect(boxedNumberWords(garbled)).toEqual(garbled);
  });
  it('leaves sure numbers, words and short numbers alone', () => {
    expect(boxedNumberWords([w('NIK', 20, 96), w('1571104311922733', 400, 95)])).toBeNull();
    expect(boxedNumberWords([w('Alamat', 20, 96), w('JL.', 400, 70), w('MERDEKA', 440, 95), w('NO.', 560, 80), w('12', 600, 60)])).toBeNull();
    expect(boxedNumberWords([w('RT', 20, 96), w('007', 400, 60)])).toBeNull();
  });
});
