// Light lettering on a dark box (a JMO card, a logo box, a card's footer bar) is turned dark on light
// for OCR; a page of dark print on paper, and a photo beside printed words, are left as they are.
import { describe, expect, it } from 'vitest';
import { darkBoxes, invertDarkBoxes } from '../../../src/main/ocr/invert';

const W = 800;
const H = 400;
const page = (ground = 245): Buffer => Buffer.alloc(W * H, ground);
const fill = (img: Buffer, x0: number, y0: number, x1: number, y1: number, v: number): void => {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img[y * W + x] = v;
};
/** A line of 'letters': 3 px strokes, 20 px tall, 14 px apart. */
const letters = (img: Buffer, x: number, y: number, n: number, v: number): void => {
  for (let i = 0; i < n; i++) fill(img, x + i * 14, y, x + i * 14 + 3, y + 20, v);
};

describe('dark boxes', () => {
  it('turns a dark box with light lettering light, with the lettering dark', () => {
    const img = page();
    fill(img, 100, 100, 600, 260, 80);
    letters(img, 130, 130, 25, 250);
    letters(img, 130, 190, 20, 250);
    expect(invertDarkBoxes(img, W, H, 20)).toBe(1);
    expect(img[140 * W + 110]).toBeGreaterThan(150); // the box's ground, now light
    expect(img[140 * W + 131]).toBeLessThan(20); // a stroke, now dark
    expect(img[50 * W + 50]).toBe(245); // the paper around it, untouched
  });

  it('leaves dark print on paper, a bare black bar and a thin frame alone', () => {
    const img = page();
    letters(img, 100, 100, 40, 20);
    fill(img, 100, 200, 700, 240, 10);
    fill(img, 100, 300, 700, 303, 0);
    expect(darkBoxes(img, W, H, 20)).toEqual([]);
  });

  it('stops at the dark ground: words printed just beside a dark box stay as they are', () => {
    const img = page();
    fill(img, 300, 100, 500, 300, 70);
    letters(img, 320, 150, 10, 240);
    letters(img, 230, 180, 4, 20); // "O" printed right before the box
    invertDarkBoxes(img, W, H, 20);
    expect(img[190 * W + 231]).toBe(20);
  });
});
