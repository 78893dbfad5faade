import { describe, expect, it } from 'vitest';
import { removeRules, removeSpecks } from '../../../src/main/ocr/clean';
import { flattenBackground } from '../../../src/main/ocr/preprocess';

const W = 900;
const H = 600;
const DPI = 300;

const blank = (): Buffer => Buffer.alloc(W * H, 255);
const fill = (img: Buffer, x0: number, y0: number, x1: number, y1: number, v = 0): void => {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img[y * W + x] = v;
};
const at = (img: Buffer, x: number, y: number): number => img[y * W + x] as number;

/** A 'letter': a 5 px stroke box 30 px tall and 20 wide, like an O at ~11 pt and 300 dpi. */
const letter = (img: Buffer, x: number, y: number): void => {
  fill(img, x, y, x + 20, y + 5);
  fill(img, x, y + 25, x + 20, y + 30);
  fill(img, x, y, x + 5, y + 30);
  fill(img, x + 15, y, x + 20, y + 30);
};

describe('OCR image cleaning', () => {
  it('paints a table grid white and keeps the letters inside its cells', () => {
    const img = blank();
    for (const y of [100, 200, 300]) fill(img, 50, y, 850, y + 4); // rows
    for (const x of [50, 450, 846]) fill(img, x, 100, x + 4, 304); // columns
    for (let i = 0; i < 6; i++) letter(img, 70 + i * 26, 140);
    const removed = removeRules(img, W, H, { dpi: DPI });
    expect(removed).toBeGreaterThan(0);
    expect(at(img, 300, 101)).toBe(255);
    expect(at(img, 452, 250)).toBe(255);
    // every letter stroke survives
    for (let i = 0; i < 6; i++) {
      expect(at(img, 72 + i * 26, 155)).toBe(0);
      expect(at(img, 80 + i * 26, 142)).toBe(0);
    }
  });

  it("paints a form's digit boxes white, walls and all, and keeps the digits in them", () => {
    const img = blank();
    // Eleven boxes 60 px wide and 70 tall (a KPJ number's comb at 300 dpi), a 'digit' in each.
    fill(img, 100, 200, 760, 203);
    fill(img, 100, 267, 760, 270);
    for (let i = 0; i <= 11; i++) fill(img, 100 + i * 60, 200, 103 + i * 60, 270);
    for (let i = 0; i < 11; i++) letter(img, 120 + i * 60, 220);
    removeRules(img, W, H, { dpi: DPI });
    // The short walls between the two rules went with them: OCR reads no '|' between the digits.
    for (let i = 0; i <= 11; i++) expect(at(img, 101 + i * 60, 235)).toBe(255);
    for (let i = 0; i < 11; i++) expect(at(img, 122 + i * 60, 235)).toBe(0);
  });

  it('leaves filled shapes (a photo, a black bar) and pages without rules alone', () => {
    const img = blank();
    fill(img, 100, 100, 700, 160); // a bar 60 px thick: not a rule
    for (let i = 0; i < 8; i++) letter(img, 100 + i * 26, 300);
    const before = Buffer.from(img);
    expect(removeRules(img, W, H, { dpi: DPI })).toBe(0);
    expect(img.equals(before)).toBe(true);
  });

  it('removes dust specks but keeps full stops and letters', () => {
    const img = blank();
    fill(img, 200, 200, 203, 203); // 9 px speck
    fill(img, 400, 200, 402, 202); // 4 px speck
    fill(img, 600, 200, 608, 208); // 64 px full stop
    letter(img, 100, 400);
    expect(removeSpecks(img, W, H, { dpi: DPI })).toBe(2);
    expect(at(img, 201, 201)).toBe(255);
    expect(at(img, 401, 201)).toBe(255);
    expect(at(img, 604, 204)).toBe(0);
    expect(at(img, 102, 410)).toBe(0);
  });

  it('flattens a light gradient so paper is white everywhere and ink stays dark', async () => {
    const img = Buffer.alloc(W * H);
    // paper from 250 at the top to 150 at the bottom; text 60% as bright as the paper under it
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) img[y * W + x] = Math.round(250 - (100 * y) / H);
    for (const y of [50, 520])
      for (let i = 0; i < 10; i++) {
        const x = 100 + i * 40;
        for (let yy = y; yy < y + 30; yy++) for (let xx = x; xx < x + 6; xx++) img[yy * W + xx] = Math.round((img[yy * W + xx] as number) * 0.4);
      }
    const flat = await flattenBackground(img, W, H);
    expect(at(flat, 700, 40)).toBeGreaterThan(240);
    expect(at(flat, 700, 560)).toBeGreaterThan(240);
    expect(at(flat, 102, 60)).toBeLessThan(130);
    expect(at(flat, 102, 530)).toBeLessThan(130);
  });
});
