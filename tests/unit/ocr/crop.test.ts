import { describe, expect, it } from 'vitest';
import { inkBounds } from '../../../src/main/ocr/preprocess';

const page = (width: number, height: number, ink: [number, number][]): Buffer => {
  const img = Buffer.alloc(width * height, 255);
  for (const [x, y] of ink) img[y * width + x] = 0;
  return img;
};

describe('cropping the OCR image to its ink', () => {
  it('keeps every ink pixel, with the margin, inside the image', () => {
    const img = page(100, 80, [
      [30, 20],
      [60, 50],
      [45, 35],
    ]);
    expect(inkBounds(img, 100, 80, 5)).toEqual({ x: 25, y: 15, width: 41, height: 41 });
    // Ink near the edges: the margin stops at the image's border.
    expect(
      inkBounds(
        page(100, 80, [
          [1, 2],
          [98, 79],
        ]),
        100,
        80,
        5,
      ),
    ).toEqual({ x: 0, y: 0, width: 100, height: 80 });
  });

  it('ignores light grey (paper texture) and keeps a blank page whole', () => {
    const img = Buffer.alloc(50 * 40, 200);
    expect(inkBounds(img, 50, 40, 3)).toEqual({ x: 0, y: 0, width: 50, height: 40 });
  });
});
