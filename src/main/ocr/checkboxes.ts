// A ticked box is read by the ink inside it, never by what tesseract makes of it: tesseract reads an
// empty box as "[J" or "Ll", a ticked one as "Z", or drops it altogether, and a form that lists every
// outcome ("Sembuh, Cacat…, Meninggal Dunia") says nothing until one knows which box is marked. So
// the page is searched for square outlines just before a line's words; each one found replaces
// whatever tesseract read there with a mark word, '☒' (ink inside) or '☐' (empty), whose confidence
// says how plain the difference was.
import { CHECKED, UNCHECKED, type OcrLine, type OcrWord } from '../../shared/domain/ocr';
import type { BBox } from '../../shared/domain/documents';
import { median } from '../../shared/extract/layout';
import { greyRegion } from './handwriting';
import type { PageRaster } from './source';

/** A box side between these shares of the line's letter height. */
const MIN_SIDE = 0.55;
const MAX_SIDE = 1.9;
/** Ink covering at least this share of the inside is a mark; at most `EMPTY_FILL`, an empty box. */
const MARKED_FILL = 0.08;
const EMPTY_FILL = 0.025;
/** Each edge must be ink along this share of its length. */
const EDGE_SHARE = 0.75;

export interface FoundBox {
  bbox: BBox;
  /** Share of the inside covered by ink. */
  fill: number;
}

/** The longest run of ink in each row (or column) of a region. */
function longestRuns(ink: Uint8Array, w: number, h: number, byRow: boolean): { start: number; length: number }[] {
  const n = byRow ? h : w;
  const m = byRow ? w : h;
  const out: { start: number; length: number }[] = [];
  for (let a = 0; a < n; a++) {
    let best = { start: 0, length: 0 };
    let run = 0;
    for (let b = 0; b <= m; b++) {
      const on = b < m && ink[byRow ? a * w + b : b * w + a] === 1;
      if (on) run++;
      else {
        if (run > best.length) best = { start: b - run, length: run };
        run = 0;
      }
    }
    out.push(best);
  }
  return out;
}

/**
 * The square box inside a grey region (ink = 1), if there is one: a top and a bottom edge as long as
 * they are apart, joined by a left and a right edge. Coordinates are the region's own.
 */
export function findBox(ink: Uint8Array, w: number, h: number, letterHeight: number): { x0: number; y0: number; x1: number; y1: number; fill: number } | null {
  const minSide = Math.max(6, letterHeight * MIN_SIDE);
  const maxSide = letterHeight * MAX_SIDE;
  const rows = longestRuns(ink, w, h, true);
  const inkAt = (x: number, y: number): boolean => ink[y * w + x] === 1;
  // A photographed box leans a little: its edges are looked for a few pixels either side.
  const edgeShare = (x: number, y0: number, y1: number, lean: number): number => {
    let on = 0;
    for (let y = y0; y <= y1; y++) {
      for (let dx = -lean; dx <= lean; dx++) {
        if (x + dx >= 0 && x + dx < w && inkAt(x + dx, y)) {
          on++;
          break;
        }
      }
    }
    return on / Math.max(1, y1 - y0 + 1);
  };
  // The bottom edge is the plainest (a tick runs out over the top right corner): take the lowest long
  // run, then the highest run above it with the same span.
  for (let yb = h - 1; yb >= 0; yb--) {
    const b = rows[yb] as { start: number; length: number };
    if (b.length < minSide || b.length > maxSide) continue;
    const side = b.length;
    const tol = Math.max(2, side * 0.2);
    for (let yt = Math.max(0, Math.round(yb - side * 1.25)); yt <= yb - side * 0.75; yt++) {
      const t = rows[yt] as { start: number; length: number };
      if (Math.abs(t.start - b.start) > tol || t.length < side - tol) continue;
      const x0 = b.start;
      const x1 = b.start + side - 1;
      const lean = Math.max(1, Math.round(side * 0.08));
      if (edgeShare(x0, yt, yb, lean) < EDGE_SHARE || edgeShare(x1, yt, yb, lean) < EDGE_SHARE) continue;
      // A box stands apart: the paper just outside its left, top and bottom edges is blank but for a
      // tick running out of it (a letter's strokes that happen to frame a square are joined to more ink).
      if (!isolated(ink, w, h, x0, yt, x1, yb, lean + 2)) continue;
      // Inside: the edges and a pixel of blur either side left out.
      const inset = Math.max(2, Math.round(side * 0.14));
      let on = 0;
      let all = 0;
      for (let y = yt + inset; y <= yb - inset; y++) for (let x = x0 + inset; x <= x1 - inset; x++, all++) if (inkAt(x, y)) on++;
      if (all < 9) continue;
      return { x0, y0: yt, x1, y1: yb, fill: on / all };
    }
  }
  return null;
}

/** Whether the one-pixel lines `d` pixels outside the box's left, top and bottom edges are mostly blank. */
function isolated(ink: Uint8Array, w: number, h: number, x0: number, y0: number, x1: number, y1: number, d: number): boolean {
  const share = (xs: [number, number], ys: [number, number]): number => {
    let on = 0;
    let all = 0;
    for (let y = ys[0]; y <= ys[1]; y++)
      for (let x = xs[0]; x <= xs[1]; x++)
        if (x >= 0 && y >= 0 && x < w && y < h) {
          all++;
          if (ink[y * w + x] === 1) on++;
        }
    return all ? on / all : 0;
  };
  return share([x0 - d, x0 - d], [y0, y1]) < 0.3 && share([x0, x1], [y0 - d, y0 - d]) < 0.3 && share([x0, x1], [y1 + d, y1 + d]) < 0.3;
}

/** Words tesseract may have made of a box (and the mark in it): a few marks, not much wider than high. */
const boxLike = (w: OcrWord, letterHeight: number): boolean => {
  const bw = w.bbox[2] - w.bbox[0];
  const bh = w.bbox[3] - w.bbox[1];
  const few = w.text.length <= 2 || (w.text.length <= 4 && /[^\p{L}\p{N}]/u.test(w.text));
  return few && bh >= letterHeight * 0.6 && bh <= letterHeight * 2.5 && bw <= bh * 2.2;
};

/** A word that starts with the box read into it ("(Cacat", "MSembuh"): junk, or a capital glued to a capitalised word. */
const boxGlued = (text: string): boolean => /^[^\p{L}\p{N}]/u.test(text) || /^\p{Lu}\p{Lu}\p{Ll}/u.test(text);

/** Finds the check boxes on the page's lines and puts a mark word in each one's place; returns how many. */
export function markCheckboxes(raster: PageRaster, lines: OcrLine[]): number {
  let found = 0;
  for (const line of lines) {
    const lettered = line.words.filter((w) => (w.text.match(/\p{L}/gu) ?? []).length >= 2);
    if (!lettered.length) continue;
    const letterHeight = median(lettered.map((w) => w.bbox[3] - w.bbox[1]));
    const boxes: FoundBox[] = [];
    let leftLimit = line.bbox[0] - letterHeight * 3;
    line.words.forEach((word, i) => {
      const candidate = boxLike(word, letterHeight);
      const prev = line.words[i - 1];
      // A box stands before a word, after a gap wider than a space (or after what tesseract made of
      // it), or is read into the word's first letters.
      const gapStart = prev && !boxLike(prev, letterHeight) ? prev.bbox[2] : leftLimit;
      const glued = boxGlued(word.text);
      const x0 = Math.max(gapStart + 1, word.bbox[0] - letterHeight * 2.5);
      const x1 = glued ? Math.min(word.bbox[2], word.bbox[0] + letterHeight * 1.8) : word.bbox[0] - 1;
      if (!candidate && (word.text.match(/\p{L}/gu) ?? []).length >= 2 && x1 - x0 >= letterHeight * 0.6) {
        const cy = (word.bbox[1] + word.bbox[3]) / 2;
        const box = boxIn(raster, [x0, cy - letterHeight * 1.2, x1, cy + letterHeight * 1.2], letterHeight);
        if (box) {
          boxes.push(box);
          // The box's part of a word it was read into is no part of the word.
          if (box.bbox[2] > word.bbox[0]) {
            word.bbox = [Math.min(word.bbox[2] - 1, box.bbox[2] + 1), word.bbox[1], word.bbox[2], word.bbox[3]];
            word.text = word.text.replace(/^[^\p{L}\p{N}]+/u, '').replace(/^\p{Lu}(?=\p{Lu}\p{Ll})/u, '');
          }
        }
      }
      if (!candidate) leftLimit = word.bbox[2];
    });
    if (!boxes.length) continue;
    found += boxes.length;
    // What tesseract read of a box (or of a tick running out of it) goes; so does a word mostly inside one.
    const inside = (w: OcrWord): boolean => boxes.some((b) => overlapShare(w.bbox, b.bbox) > (boxLike(w, letterHeight) ? 0.2 : 0.5));
    const marks: OcrWord[] = boxes.map((b) => ({
      text: b.fill >= MARKED_FILL ? CHECKED : UNCHECKED,
      confidence: b.fill >= MARKED_FILL * 1.5 || b.fill <= EMPTY_FILL ? 0.95 : 0.4,
      bbox: b.bbox,
    }));
    line.words = [...line.words.filter((w) => !inside(w)), ...marks].sort((a, b) => a.bbox[0] - b.bbox[0]);
    line.text = line.words.map((w) => w.text).join(' ');
  }
  return found;
}

function boxIn(raster: PageRaster, region: BBox, letterHeight: number): FoundBox | null {
  const grey = greyRegion(raster, region);
  if (!grey) return null;
  const ink = new Uint8Array(grey.w * grey.h);
  let dark = 0;
  for (let k = 0; k < ink.length; k++) {
    if ((grey.luma[k] as number) <= grey.threshold && (grey.luma[k] as number) < 170) {
      ink[k] = 1;
      dark++;
    }
  }
  if (dark < letterHeight * 2) return null;
  const b = findBox(ink, grey.w, grey.h, letterHeight);
  return b ? { bbox: [grey.x0 + b.x0, grey.y0 + b.y0, grey.x0 + b.x1 + 1, grey.y0 + b.y1 + 1], fill: b.fill } : null;
}

/** Share of `a`'s area that lies inside `b`. */
function overlapShare(a: BBox, b: BBox): number {
  const w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  return (w * h) / Math.max(1, (a[2] - a[0]) * (a[3] - a[1]));
}
