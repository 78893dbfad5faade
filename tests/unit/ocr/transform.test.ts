import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPageBox, toPagePoint, type PageTransform, type QuarterTurn } from '../../../src/main/ocr/transform';

/** The forward geometry, written independently: scale, turn clockwise, then tesseract's deskew. */
function forward(t: PageTransform, [x, y]: [number, number]): [number, number] {
  const sx = x * t.scale;
  const sy = y * t.scale;
  const sw = t.pageWidth * t.scale;
  const sh = t.pageHeight * t.scale;
  let rx = sx;
  let ry = sy;
  if (t.rotate === 90) [rx, ry] = [sh - sy, sx];
  if (t.rotate === 180) [rx, ry] = [sw - sx, sh - sy];
  if (t.rotate === 270) [rx, ry] = [sy, sw - sx];
  const cx = t.ocrWidth / 2;
  const cy = t.ocrHeight / 2;
  const a = t.deskewRadians;
  const dx = rx - cx;
  const dy = ry - cy;
  return [cx + dx * Math.cos(a) - dy * Math.sin(a), cy + dx * Math.sin(a) + dy * Math.cos(a)];
}

const transformArb = fc
  .record({
    w: fc.integer({ min: 200, max: 4000 }),
    h: fc.integer({ min: 200, max: 4000 }),
    scale: fc.double({ min: 0.3, max: 3, noNaN: true }),
    rotate: fc.constantFrom<QuarterTurn>(0, 90, 180, 270),
    deskew: fc.double({ min: -0.1, max: 0.1, noNaN: true }),
  })
  .map(({ w, h, scale, rotate, deskew }): PageTransform => {
    const turned = rotate === 90 || rotate === 270;
    return {
      scale,
      rotate,
      deskewRadians: deskew,
      pageWidth: w,
      pageHeight: h,
      ocrWidth: (turned ? h : w) * scale,
      ocrHeight: (turned ? w : h) * scale,
    };
  });

describe('mapping OCR boxes back onto the page the officer sees', () => {
  it('undoes scale, quarter turn and deskew for any point on the page', () => {
    fc.assert(
      fc.property(transformArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (t, fx, fy) => {
        const p: [number, number] = [fx * t.pageWidth, fy * t.pageHeight];
        const [bx, by] = toPagePoint(t, forward(t, p));
        expect(bx).toBeCloseTo(p[0], 6);
        expect(by).toBeCloseTo(p[1], 6);
      }),
    );
  });

  it('returns a box that contains the word and stays inside the page', () => {
    const t: PageTransform = { scale: 2, rotate: 90, deskewRadians: 0, pageWidth: 1000, pageHeight: 1400, ocrWidth: 2800, ocrHeight: 2000 };
    // A word at page (100..300, 50..90) sits, after a clockwise quarter turn at scale 2, at
    // x = 2800 - 2*y and y = 2*x.
    const box = toPageBox(t, [2800 - 180, 200, 2800 - 100, 600]);
    expect(box).toEqual([100, 50, 300, 90]);
    const clamped = toPageBox({ ...t, rotate: 0, ocrWidth: 2000, ocrHeight: 2800 }, [-50, -50, 5000, 5000]);
    expect(clamped).toEqual([0, 0, 1000, 1400]);
  });
});
