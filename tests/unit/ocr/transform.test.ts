import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPageBox, toPagePoint, type PageTransform, type QuarterTurn } from '../../../src/main/ocr/transform';

/** The forward geometry, written independently: scale, turn clockwise, crop, then tesseract's deskew
 * about the centre of the crop. */
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
  const crop = t.crop ?? { x: 0, y: 0, width: t.ocrWidth, height: t.ocrHeight };
  const cx = crop.width / 2;
  const cy = crop.height / 2;
  const a = t.deskewRadians;
  const dx = rx - crop.x - cx;
  const dy = ry - crop.y - cy;
  return [cx + dx * Math.cos(a) - dy * Math.sin(a), cy + dx * Math.sin(a) + dy * Math.cos(a)];
}

const transformArb = fc
  .record({
    w: fc.integer({ min: 200, max: 4000 }),
    h: fc.integer({ min: 200, max: 4000 }),
    scale: fc.double({ min: 0.3, max: 3, noNaN: true }),
    rotate: fc.constantFrom<QuarterTurn>(0, 90, 180, 270),
    deskew: fc.double({ min: -0.1, max: 0.1, noNaN: true }),
    // Crop edges as shares of the turned page; none at all half of the time.
    crop: fc.option(
      fc.tuple(
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        fc.double({ min: 0.6, max: 1, noNaN: true }),
        fc.double({ min: 0.6, max: 1, noNaN: true }),
      ),
    ),
  })
  .map(({ w, h, scale, rotate, deskew, crop }): PageTransform => {
    const turned = rotate === 90 || rotate === 270;
    const ocrWidth = (turned ? h : w) * scale;
    const ocrHeight = (turned ? w : h) * scale;
    return {
      scale,
      rotate,
      deskewRadians: deskew,
      pageWidth: w,
      pageHeight: h,
      ocrWidth,
      ocrHeight,
      ...(crop
        ? { crop: { x: crop[0] * ocrWidth, y: crop[1] * ocrHeight, width: (crop[2] - crop[0]) * ocrWidth, height: (crop[3] - crop[1]) * ocrHeight } }
        : {}),
    };
  });

describe('mapping OCR boxes back onto the page the officer sees', () => {
  it('undoes scale, quarter turn, crop and deskew for any point on the page', () => {
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

  it('places a word read on the cropped image where it is on the page', () => {
    // Page 1000 × 1400 at scale 2, no turn; tesseract read the part from (300, 500), 1000 × 1200.
    const t: PageTransform = {
      scale: 2,
      rotate: 0,
      deskewRadians: 0,
      pageWidth: 1000,
      pageHeight: 1400,
      ocrWidth: 2000,
      ocrHeight: 2800,
      crop: { x: 300, y: 500, width: 1000, height: 1200 },
    };
    expect(toPageBox(t, [100, 40, 500, 120])).toEqual([200, 270, 400, 310]);
  });
});
