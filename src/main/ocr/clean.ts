// Cleaning of the OCR image (never the officer's page; sizes and text positions unchanged, so the box
// mapping holds). Ruled lines (table grids, boxes, underlines) are painted white: tesseract's page
// layout takes a fully gridded table for a picture and reads nothing in it, and cell borders touching
// letters turn into 'I', '|' or '_' inside words. The officer's page and the box mapping are unchanged,
// since the OCR image keeps its size and every text pixel its place.
import { withZeroedScratch } from './scratch';

/** Darker than this (0–255, on the flattened, stretched image) counts as part of a rule: faint, light
 * grey stretches of a rule count too, or they stay behind as a ghost line that joins the text below. */
const INK = 200;
/** Pixels this dark next to a rule are letters touching it, and stay. */
const LETTER = 90;

export interface RuleOptions {
  /** Resolution of the image, to turn the lengths below (inches) into pixels. */
  dpi: number;
}

/** A horizontal rule is at least this long (inches): longer than a run of flat-topped figures in
 * monospaced type ('10000007099' makes a 0.6 in run along the tops of its zeros), shorter than a table. */
const MIN_HORIZONTAL_INCH = 1.0;
/** A vertical rule is at least this long: taller than any letter, even in a title. */
const MIN_VERTICAL_INCH = 0.4;
/** Thicker than this it is a filled shape (a photo, a stamp, a black bar), not a rule. */
const MAX_THICKNESS_INCH = 0.035;
/** How far either side of a rule its grey fringe is whitened (inches). */
const FRINGE_INCH = 0.015;
/** Breaks in a rule (print, scan noise) bridged when following it (inches). */
const GAP_INCH = 0.01;

/**
 * Paints long thin horizontal and vertical runs of ink white, in place. Returns the number of rule
 * pixels removed (0 on pages without rules, which are left byte for byte as they were).
 */
export function removeRules(img: Buffer, width: number, height: number, opts: RuleOptions): number {
  const n = width * height;
  return withZeroedScratch(n, (horizontal) => withZeroedScratch(n, (vertical) => rulesWith(img, width, height, opts, horizontal, vertical)));
}

/** removeRules with its two masks (zeroed, one byte a pixel) supplied. */
function rulesWith(img: Buffer, width: number, height: number, opts: RuleOptions, horizontal: Uint8Array, vertical: Uint8Array): number {
  const dpi = Math.max(72, opts.dpi);
  const gap = Math.max(1, Math.round(dpi * GAP_INCH));
  const thick = Math.max(3, Math.round(dpi * MAX_THICKNESS_INCH));
  const runs = inkRuns(img, width, height, INK);
  const anyHorizontal = rowRuns(runs, horizontal, width, height, Math.round(dpi * MIN_HORIZONTAL_INCH), gap);
  const anyVertical = columnRuns(runs, vertical, img, width, height, Math.round(dpi * MIN_VERTICAL_INCH), gap);
  if (!anyHorizontal && !anyVertical) return 0;
  if (anyHorizontal) thinAcrossRows(horizontal, width, height, thick);
  if (anyVertical) thinAlongRows(vertical, width, height, thick);
  // The short uprights between two rules (a form's digit boxes, a table's cell walls) are too short to
  // be rules by length, but run from one rule to the next: they go too.
  const anyBetween = anyHorizontal && uprightsBetweenRules(runs, horizontal, vertical, img, width, height, Math.round(dpi * MIN_VERTICAL_INCH), thick, gap);
  if (anyBetween) thinAlongRows(vertical, width, height, thick);
  // Masks are sparse: walked with indexOf (native) rather than pixel by pixel.
  let removed = 0;
  for (const mask of [anyHorizontal && horizontal, (anyVertical || anyBetween) && vertical]) {
    if (!mask) continue;
    for (let i = mask.indexOf(1); i !== -1; i = mask.indexOf(1, i + 1)) {
      img[i] = 255;
      removed++;
    }
  }
  if (removed) {
    // The anti-aliased (or scan-blurred) fringe of a rule, either side, would read as specks or a faint line.
    const reach = Math.max(2, Math.round(dpi * FRINGE_INCH));
    if (anyHorizontal) fringe(img, horizontal, width, height, width, reach);
    if (anyVertical || anyBetween) fringe(img, vertical, width, height, 1, reach);
  }
  return removed;
}

/** Marks ink runs at least `min` long along each row, bridging gaps of up to `gap`; false when none. */
function rowRuns(runs: Runs, mask: Uint8Array, width: number, height: number, min: number, gap: number): boolean {
  const { x0, x1, rowStart } = runs;
  let any = false;
  for (let y = 0; y < height; y++) {
    const end = rowStart[y + 1] as number;
    for (let first = rowStart[y] as number; first < end;) {
      // The runs from `first` up to `last` are one stretch of ink with no gap wider than `gap`.
      let last = first;
      while (last + 1 < end && (x0[last + 1] as number) - (x1[last] as number) - 1 <= gap) last++;
      if ((x1[last] as number) - (x0[first] as number) + 1 >= min) {
        any = true;
        for (let r = first; r <= last; r++) mask.fill(1, y * width + (x0[r] as number), y * width + (x1[r] as number) + 1);
      }
      first = last + 1;
    }
  }
  return any;
}

/** The same down each column, visiting only the ink (the row runs) in memory order, one run per column. */
function columnRuns(runs: Runs, mask: Uint8Array, img: Buffer, width: number, height: number, min: number, gap: number): boolean {
  const { x0, x1, rowStart } = runs;
  let any = false;
  const start = new Int32Array(width).fill(-1);
  const last = new Int32Array(width).fill(-1);
  const close = (x: number): void => {
    const s = start[x] as number;
    const l = last[x] as number;
    if (s >= 0 && l - s + 1 >= min) {
      any = true;
      for (let y = s; y <= l; y++) if ((img[y * width + x] as number) < INK) mask[y * width + x] = 1;
    }
    start[x] = -1;
  };
  for (let y = 0; y < height; y++) {
    for (let r = rowStart[y] as number, end = rowStart[y + 1] as number; r < end; r++) {
      for (let x = x0[r] as number, to = x1[r] as number; x <= to; x++) {
        if ((start[x] as number) >= 0 && y - (last[x] as number) - 1 > gap) close(x);
        if ((start[x] as number) < 0) start[x] = y;
        last[x] = y;
      }
    }
  }
  for (let x = 0; x < width; x++) close(x);
  return any;
}

/**
 * Marks (in `vertical`) the runs of ink down a column shorter than a rule that start on one horizontal
 * rule and end on another (`horizontal`, already marked): a digit box's sides, a table cell's walls.
 * A letter inside a box stops short of its rules.
 */
function uprightsBetweenRules(
  runs: Runs,
  horizontal: Uint8Array,
  vertical: Uint8Array,
  img: Buffer,
  width: number,
  height: number,
  maxLength: number,
  thick: number,
  gap: number,
): boolean {
  const { x0, x1, rowStart } = runs;
  let any = false;
  const start = new Int32Array(width).fill(-1);
  const last = new Int32Array(width).fill(-1);
  const onRule = (x: number, from: number, to: number): boolean => {
    for (let y = Math.max(0, from); y <= Math.min(height - 1, to); y++) if (horizontal[y * width + x]) return true;
    return false;
  };
  const close = (x: number): void => {
    const s = start[x] as number;
    const l = last[x] as number;
    start[x] = -1;
    if (s < 0 || l - s + 1 >= maxLength || l - s + 1 <= thick * 3) return;
    if (!onRule(x, s - gap, s + thick) || !onRule(x, l - thick, l + gap)) return;
    any = true;
    for (let y = s; y <= l; y++) if ((img[y * width + x] as number) < INK && !horizontal[y * width + x]) vertical[y * width + x] = 1;
  };
  for (let y = 0; y < height; y++) {
    for (let r = rowStart[y] as number, end = rowStart[y + 1] as number; r < end; r++) {
      for (let x = x0[r] as number, to = x1[r] as number; x <= to; x++) {
        if ((start[x] as number) >= 0 && y - (last[x] as number) - 1 > gap) close(x);
        if ((start[x] as number) < 0) start[x] = y;
        last[x] = y;
      }
    }
  }
  for (let x = 0; x < width; x++) close(x);
  return any;
}

/** Horizontal rules: clears marked stretches thicker than `thick` down a column (filled shapes stay). */
function thinAcrossRows(mask: Uint8Array, width: number, height: number, thick: number): void {
  thin(mask, width * height, width, thick);
}

/** Vertical rules: clears marked stretches wider than `thick` along a row. */
function thinAlongRows(mask: Uint8Array, width: number, height: number, thick: number): void {
  thin(mask, width * height, 1, thick);
}

/** From the first pixel of each marked stretch (`step` apart), clears the stretch when it is too long. */
function thin(mask: Uint8Array, n: number, step: number, thick: number): void {
  for (let i = mask.indexOf(1); i !== -1; i = mask.indexOf(1, i + 1)) {
    if (i - step >= 0 && mask[i - step]) continue;
    let end = i;
    while (end < n && mask[end]) end += step;
    if ((end - i) / step > thick) for (let j = i; j < end; j += step) mask[j] = 2;
  }
  for (let i = mask.indexOf(2); i !== -1; i = mask.indexOf(2, i + 1)) mask[i] = 0;
}

/** Whitens greyish pixels within `reach` pixels of removed rule pixels, across the rule (`across` = pixel step). */
function fringe(img: Buffer, mask: Uint8Array, width: number, height: number, across: number, reach: number): void {
  const n = width * height;
  for (let i = mask.indexOf(1); i !== -1; i = mask.indexOf(1, i + 1)) {
    for (let d = 1; d <= reach; d++) {
      const a = i - d * across;
      const b = i + d * across;
      if (a >= 0 && !mask[a] && (img[a] as number) >= LETTER) img[a] = 255;
      if (b < n && !mask[b] && (img[b] as number) >= LETTER) img[b] = 255;
    }
  }
}

/** Ink specks up to this area (square inches) are scan dust, not print: a full stop is ~4x larger. */
const MAX_SPECK_SQ_INCH = 0.015 * 0.015;
/** Specks are followed out to their faint edge: a blot's grey fringe left alone still reads as a mark. */
const SPECK_INK = 200;

/**
 * Paints small isolated blots of ink white, in place: dust and toner specks that tesseract reads as
 * '.', '-', '|' or '©' around words and that pull the confidence of the whole line down. Returns how
 * many specks went.
 *
 * Blots are found as 8-connected groups of row runs (a run: consecutive ink pixels in one row), joined
 * with union-find: the cost follows the number of runs, not of ink pixels, and nothing page-sized is
 * allocated but the run list.
 */
export function removeSpecks(img: Buffer, width: number, height: number, opts: RuleOptions): number {
  const maxArea = Math.max(3, Math.round(opts.dpi * opts.dpi * MAX_SPECK_SQ_INCH));
  const runs = inkRuns(img, width, height, SPECK_INK);
  const { count, x0, x1, rowStart } = runs;
  const parent = new Int32Array(count);
  for (let r = 0; r < count; r++) parent[r] = r;
  const find = (r: number): number => {
    let root = r;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[r] !== root) {
      const next = parent[r] as number;
      parent[r] = root;
      r = next;
    }
    return root;
  };
  // Runs of neighbouring rows touch when they overlap or meet at a corner (8-connectivity).
  for (let y = 1; y < height; y++) {
    let a = rowStart[y - 1] as number;
    const aEnd = rowStart[y] as number;
    for (let b = aEnd, bEnd = rowStart[y + 1] as number; b < bEnd; b++) {
      const from = (x0[b] as number) - 1;
      const to = (x1[b] as number) + 1;
      while (a < aEnd && (x1[a] as number) < from) a++;
      for (let k = a; k < aEnd && (x0[k] as number) <= to; k++) {
        const ra = find(k);
        const rb = find(b);
        if (ra !== rb) parent[ra > rb ? ra : rb] = ra > rb ? rb : ra;
      }
    }
  }
  const area = new Int32Array(count);
  for (let r = 0; r < count; r++) {
    const root = find(r);
    area[root] = (area[root] as number) + (x1[r] as number) - (x0[r] as number) + 1;
  }
  let removed = 0;
  for (let y = 0; y < height; y++) {
    for (let r = rowStart[y] as number, end = rowStart[y + 1] as number; r < end; r++) {
      const root = parent[r] as number;
      if ((area[root] as number) > maxArea) continue;
      if (root === r) removed++;
      img.fill(255, y * width + (x0[r] as number), y * width + (x1[r] as number) + 1);
    }
  }
  return removed;
}

interface Runs {
  count: number;
  /** First and last pixel (x) of each run, row by row, left to right. */
  x0: Int32Array;
  x1: Int32Array;
  /** Index of the first run of each row; rowStart[height] is the count. */
  rowStart: Int32Array;
}

/** Every run of pixels darker than `ink` along each row. */
function inkRuns(img: Buffer, width: number, height: number, ink: number): Runs {
  let x0 = new Int32Array(1 << 16);
  let x1 = new Int32Array(1 << 16);
  const rowStart = new Int32Array(height + 1);
  let count = 0;
  for (let y = 0; y < height; y++) {
    rowStart[y] = count;
    const base = y * width;
    for (let x = 0; x < width; x++) {
      if ((img[base + x] as number) >= ink) continue;
      const first = x;
      while (x + 1 < width && (img[base + x + 1] as number) < ink) x++;
      if (count === x0.length) {
        const grownStart = new Int32Array(count * 2);
        const grownEnd = new Int32Array(count * 2);
        grownStart.set(x0);
        grownEnd.set(x1);
        x0 = grownStart;
        x1 = grownEnd;
      }
      x0[count] = first;
      x1[count] = x;
      count++;
    }
  }
  rowStart[height] = count;
  return { count, x0, x1, rowStart };
}
