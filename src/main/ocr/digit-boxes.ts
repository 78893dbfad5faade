// A number printed one digit to a box ("NIK : |1|5|7|1|…"), on a scan a little askew: cleaning the page
// takes the long straight rules away, but on a tilted page the box walls and the broken pieces of their
// top and bottom edges stay, and tesseract reads them as "[", "|" or "]" among the digits, or reads the
// widely spaced digits twice. Here the strip of such a number is taken apart into its glyphs: only marks
// of the digits' own height standing on the digits' own line are kept (walls are taller, edge pieces and
// specks lower or off the line), and they are set again side by side at a type's normal spacing, as one
// tight number that tesseract reads as it reads any printed number.

import { DIGIT_BOXES } from '../../shared/tuning';

/** Grey below this is ink (the antialiased edges of a thin box line are light grey, and still ink). */
const INK = DIGIT_BOXES.ink;

interface Component {
  pixels: number[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Where one glyph of the packed strip came from: x ranges in the original strip and in the packed one,
 * and its box in the original strip. */
export interface PackedGlyph {
  box: [number, number, number, number];
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


function components(grey: Buffer, W: number, H: number): Component[] {
  const seen = new Uint8Array(W * H);
  const out: Component[] = [];
  for (let i = 0; i < W * H; i++) {
    if (seen[i] || (grey[i] as number) >= INK) continue;
    const c: Component = { pixels: [], x0: W, y0: H, x1: -1, y1: -1 };
    const stack = [i];
    seen[i] = 1;
    while (stack.length) {
      const p = stack.pop() as number;
      c.pixels.push(p);
      const x = p % W;
      const y = (p - x) / W;
      if (x < c.x0) c.x0 = x;
      if (x > c.x1) c.x1 = x;
      if (y < c.y0) c.y0 = y;
      if (y > c.y1) c.y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= W || ny >= H) continue;
          const q = ny * W + nx;
          if (!seen[q] && (grey[q] as number) < INK) {
            seen[q] = 1;
            stack.push(q);
          }
        }
      }
    }
    out.push(c);
  }
  return out;
}

/** Whether a mark is no wider than a stroke across the middle third of its height. */
function isStem(c: Component, W: number): boolean {
  const h = c.y1 - c.y0 + 1;
  const from = c.y0 + h / 3;
  const to = c.y1 - h / 3;
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

const heightOf = (c: Component): number => c.y1 - c.y0 + 1;
const widthOf = (c: Component): number => c.x1 - c.x0 + 1;
const middle = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

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
    return h >= 6 && c.y0 > 0 && c.y1 < H - 1 && w <= 1.5 * h && c.pixels.length >= 0.12 * w * h && !isStem(c, W);
  });
  if (likely.length < DIGIT_BOXES.minGlyphs) return null;
  const g = middle(likely.map(heightOf));
  // The digits' line, which a scan left a little askew may still tilt: a straight line through the middles
  // of the marks of the digits' height, on the line of them nearest the number's middle (a strip cut
  // around a tall, damaged reading may reach into the lines above and below).
  const pts = likely.filter((c) => Math.abs(heightOf(c) - g) <= 0.25 * g).map((c) => ({ x: (c.x0 + c.x1) / 2, y: (c.y0 + c.y1) / 2 }));
  const near = (y: number): typeof pts => pts.filter((p) => Math.abs(p.y - y) <= 0.5 * g);
  const lines = pts.filter((p) => near(p.y).length >= DIGIT_BOXES.minGlyphs);
  if (!lines.length) return null;
  const seed = lines.reduce((best, p) => (Math.abs(p.y - centreY) < Math.abs(best.y - centreY) ? p : best));
  let line = fitLine(near(seed.y));
  line = fitLine(pts.filter((p) => Math.abs(p.y - line(p.x)) <= 0.35 * g));
  const top = (x: number): number => line(x) - g / 2;
  const tol = DIGIT_BOXES.lineTolerance * g;
  const kept = comps.filter((c) => {
    const t = top((c.x0 + c.x1) / 2);
    return Math.abs(c.y0 - t) <= tol && Math.abs(c.y1 - (t + g)) <= tol && widthOf(c) <= DIGIT_BOXES.maxWidth * g;
  });
  // Marks over one another (the pieces of one broken digit) make one glyph.
  const glyphs: Component[][] = [];
  for (const c of [...kept].sort((a, b) => a.x0 - b.x0)) {
    const last = glyphs[glyphs.length - 1];
    const span = last ? { x0: Math.min(...last.map((o) => o.x0)), x1: Math.max(...last.map((o) => o.x1)) } : null;
    const overlap = span ? Math.min(span.x1, c.x1) - Math.max(span.x0, c.x0) + 1 : 0;
    if (last && span && overlap >= 0.5 * Math.min(span.x1 - span.x0 + 1, widthOf(c))) last.push(c);
    else glyphs.push([c]);
  }
  if (glyphs.length < DIGIT_BOXES.minGlyphs) return null;
  const gap = Math.max(2, Math.round(DIGIT_BOXES.gap * g));
  const margin = Math.max(4, Math.round(DIGIT_BOXES.margin * g));
  const boxes = glyphs.map((parts) => [Math.min(...parts.map((c) => c.x0)), Math.min(...parts.map((c) => c.y0)), Math.max(...parts.map((c) => c.x1)), Math.max(...parts.map((c) => c.y1))] as [number, number, number, number]);
  const width = margin * 2 + boxes.reduce((s, b) => s + b[2] - b[0] + 1, 0) + gap * (boxes.length - 1);
  const height = Math.round(g + 2 * margin);
  const data = Buffer.alloc(width * height, 255);
  const placed: PackedGlyph[] = [];
  let x = margin;
  glyphs.forEach((parts, k) => {
    const box = boxes[k] as [number, number, number, number];
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
export function originalBox(packed: PackedDigits, x0: number, x1: number): [number, number, number, number] | null {
  const under = packed.glyphs.filter((gl) => Math.min(gl.packedX1, x1) >= Math.max(gl.packedX0, x0));
  if (!under.length) return null;
  return [Math.min(...under.map((gl) => gl.box[0])), Math.min(...under.map((gl) => gl.box[1])), Math.max(...under.map((gl) => gl.box[2])), Math.max(...under.map((gl) => gl.box[3]))];
}
