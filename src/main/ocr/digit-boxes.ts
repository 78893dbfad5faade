// A number printed one digit to a box ("NIK : |1|5|7|1|…"), on a scan a little askew: cleaning the page
// takes the long straight rules away, but on a tilted page the box walls and the broken pieces of their
// top and bottom edges stay, and tesseract reads them as "[", "|" or "]" among the digits, or reads the
// widely spaced digits twice. Here the strip of such a number is taken apart into its glyphs: only marks
// of the digits' own height standing on the digits' own line are kept (walls are taller, edge pieces and
// specks lower or off the line), and they are set again side by side at a type's normal spacing, as one
// tight number that tesseract reads as it reads any printed number.

import type { BBox } from '../../shared/domain/documents';
import { median, unionBox } from '../../shared/extract/layout';
import { DIGIT_BOXES } from '../../shared/tuning';
import { inkBlots, type Blot } from './blots';

/** Grey below this is ink (the antialiased edges of a thin box line are light grey, and still ink). */
const INK = DIGIT_BOXES.ink;

/** Where one glyph of the packed strip came from: x ranges in the original strip and in the packed one,
 * and its box in the original strip. */
export interface PackedGlyph {
  box: BBox;
  packedX0: number;
  packedX1: number;
}

export interface PackedDigits {
  data: Buffer;
  width: number;
  height: number;
  /** The digits' height in the original strip, pixels. */
  glyphHeight: number;
  glyphs: PackedGlyph[];
}

/** The strip's blots of ink, with their pixels. */
function components(grey: Buffer, W: number, H: number): Blot[] {
  const ink = new Uint8Array(W * H);
  for (let i = 0; i < ink.length; i++) ink[i] = (grey[i] as number) < INK ? 1 : 0;
  return inkBlots(ink, W, H, true);
}

/** Whether a mark is no wider than a stroke across the middle third of its height. */
function isStem(c: Blot, W: number): boolean {
  const h = c.bottom - c.top + 1;
  const from = c.top + h / 3;
  const to = c.bottom - h / 3;
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const p of c.pixels) {
    const y = Math.floor(p / W);
    if (y < from || y > to) continue;
    const x = p - y * W;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
  }
  return x1 - x0 + 1 <= Math.max(3, 0.2 * h);
}

const heightOf = (c: Blot): number => c.bottom - c.top + 1;
const widthOf = (c: Blot): number => c.right - c.left + 1;

/** The least-squares straight line y(x) through points (level through one point). */
function fitLine(pts: readonly { x: number; y: number }[]): (x: number) => number {
  const n = Math.max(1, pts.length);
  const mx = pts.reduce((s, p) => s + p.x, 0) / n;
  const my = pts.reduce((s, p) => s + p.y, 0) / n;
  const sxx = pts.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const slope = sxx > 0 ? pts.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx : 0;
  return (x) => my + slope * (x - mx);
}

/**
 * The glyphs of a strip holding a line of digits about `centreY` down, set again tightly in a new grey
 * strip; null when fewer than a few digit-like glyphs stand on one line there.
 */
export function packDigits(grey: Buffer, W: number, H: number, centreY = H / 2): PackedDigits | null {
  const comps = components(grey, W, H);
  // The digits' height: the middle height of the marks that could be glyphs (not touching the strip's
  // top or bottom, not a long thin line either way, not a speck).
  // (A box wall with the ends of the box's edges on it is left out, as is every other mark that is a
  // mere stem in its middle, a "1" among them: the other digits give the height.)
  const likely = comps.filter((c) => {
    const h = heightOf(c);
    const w = widthOf(c);
    return h >= 6 && c.top > 0 && c.bottom < H - 1 && w <= 1.5 * h && c.pixels.length >= 0.12 * w * h && !isStem(c, W);
  });
  if (likely.length < DIGIT_BOXES.minGlyphs) return null;
  const g = median(likely.map(heightOf));
  // The digits' line, which a scan left a little askew may still tilt: a straight line through the middles
  // of the marks of the digits' height, on the line of them nearest the number's middle (a strip cut
  // around a tall, damaged reading may reach into the lines above and below).
  const pts = likely.filter((c) => Math.abs(heightOf(c) - g) <= 0.25 * g).map((c) => ({ x: (c.left + c.right) / 2, y: (c.top + c.bottom) / 2 }));
  const near = (y: number): typeof pts => pts.filter((p) => Math.abs(p.y - y) <= 0.5 * g);
  const lines = pts.filter((p) => near(p.y).length >= DIGIT_BOXES.minGlyphs);
  if (!lines.length) return null;
  const seed = lines.reduce((best, p) => (Math.abs(p.y - centreY) < Math.abs(best.y - centreY) ? p : best));
  let line = fitLine(near(seed.y));
  line = fitLine(pts.filter((p) => Math.abs(p.y - line(p.x)) <= 0.35 * g));
  const top = (x: number): number => line(x) - g / 2;
  const tol = DIGIT_BOXES.lineTolerance * g;
  const kept = comps.filter((c) => {
    const t = top((c.left + c.right) / 2);
    return Math.abs(c.top - t) <= tol && Math.abs(c.bottom - (t + g)) <= tol && widthOf(c) <= DIGIT_BOXES.maxWidth * g;
  });
  // Marks over one another (the pieces of one broken digit) make one glyph.
  const glyphs: Blot[][] = [];
  for (const c of [...kept].sort((a, b) => a.left - b.left)) {
    const last = glyphs[glyphs.length - 1];
    const span = last ? { x0: Math.min(...last.map((o) => o.left)), x1: Math.max(...last.map((o) => o.right)) } : null;
    const overlap = span ? Math.min(span.x1, c.right) - Math.max(span.x0, c.left) + 1 : 0;
    if (last && span && overlap >= 0.5 * Math.min(span.x1 - span.x0 + 1, widthOf(c))) last.push(c);
    else glyphs.push([c]);
  }
  if (glyphs.length < DIGIT_BOXES.minGlyphs) return null;
  const gap = Math.max(2, Math.round(DIGIT_BOXES.gap * g));
  const margin = Math.max(4, Math.round(DIGIT_BOXES.margin * g));
  const boxes = glyphs.map((parts) => unionBox(parts.map((c) => [c.left, c.top, c.right, c.bottom])));
  const width = margin * 2 + boxes.reduce((s, b) => s + b[2] - b[0] + 1, 0) + gap * (boxes.length - 1);
  const height = Math.round(g + 2 * margin);
  const data = Buffer.alloc(width * height, 255);
  const placed: PackedGlyph[] = [];
  let x = margin;
  glyphs.forEach((parts, k) => {
    const box = boxes[k] as BBox;
    // Each glyph sits on the packed strip's one straight line, whatever the tilt where it was.
    const dy = margin - Math.round(top((box[0] + box[2]) / 2));
    for (const c of parts) {
      for (const p of c.pixels) {
        const px = p % W;
        const py = (p - px) / W;
        const ty = py + dy;
        if (ty >= 0 && ty < height) data[ty * width + (x + px - box[0])] = grey[p] as number;
      }
    }
    placed.push({ box, packedX0: x, packedX1: x + box[2] - box[0] });
    x += box[2] - box[0] + 1 + gap;
  });
  return { data, width, height, glyphHeight: g, glyphs: placed };
}

/** The box, in the original strip, of what a word read on the packed strip covers; null if nothing. */
export function originalBox(packed: PackedDigits, x0: number, x1: number): BBox | null {
  const under = packed.glyphs.filter((gl) => Math.min(gl.packedX1, x1) >= Math.max(gl.packedX0, x0));
  return under.length ? unionBox(under.map((gl) => gl.box)) : null;
}
