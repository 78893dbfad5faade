// Cleaning of the OCR image (never the officer's page; sizes and text positions unchanged, so the box
// mapping holds). Ruled lines (table grids, boxes, underlines) are painted white: tesseract's page
// layout takes a fully gridded table for a picture and reads nothing in it, and cell borders touching
// letters turn into 'I', '|' or '_' inside words. The officer's page and the box mapping are unchanged,
// since the OCR image keeps its size and every text pixel its place.

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
  const dpi = Math.max(72, opts.dpi);
  const gap = Math.max(1, Math.round(dpi * GAP_INCH));
  const thick = Math.max(3, Math.round(dpi * MAX_THICKNESS_INCH));
  const horizontal = rowRuns(img, width, height, Math.round(dpi * MIN_HORIZONTAL_INCH), gap);
  const vertical = columnRuns(img, width, height, Math.round(dpi * MIN_VERTICAL_INCH), gap);
  if (!horizontal && !vertical) return 0;
  if (horizontal) thinAcrossRows(horizontal, width, height, thick);
  if (vertical) thinAlongRows(vertical, width, height, thick);
  // Masks are sparse: walked with indexOf (native) rather than pixel by pixel.
  let removed = 0;
  for (const mask of [horizontal, vertical]) {
    if (!mask) continue;
    for (let i = mask.indexOf(1); i !== -1; i = mask.indexOf(1, i + 1)) {
      img[i] = 255;
      removed++;
    }
  }
  if (removed) {
    // The anti-aliased (or scan-blurred) fringe of a rule, either side, would read as specks or a faint line.
    const reach = Math.max(2, Math.round(dpi * FRINGE_INCH));
    if (horizontal) fringe(img, horizontal, width, height, width, reach);
    if (vertical) fringe(img, vertical, width, height, 1, reach);
  }
  return removed;
}

/** Marks ink runs at least `min` long along each row, bridging gaps of up to `gap`; null when none. */
function rowRuns(img: Buffer, width: number, height: number, min: number, gap: number): Uint8Array | null {
  let mask: Uint8Array | null = null;
  for (let y = 0; y < height; y++) {
    const base = y * width;
    let start = -1;
    let last = -1;
    const close = (): void => {
      if (start >= 0 && last - start + 1 >= min) {
        mask ??= new Uint8Array(img.length);
        for (let k = start; k <= last; k++) if ((img[base + k] as number) < INK) mask[base + k] = 1;
      }
      start = -1;
    };
    for (let x = 0; x < width; x++) {
      if ((img[base + x] as number) >= INK) continue;
      if (start >= 0 && x - last - 1 > gap) close();
      if (start < 0) start = x;
      last = x;
    }
    close();
  }
  return mask;
}

/** The same down each column, scanning row by row (memory order) with one run per column. */
function columnRuns(img: Buffer, width: number, height: number, min: number, gap: number): Uint8Array | null {
  let mask: Uint8Array | null = null;
  const start = new Int32Array(width).fill(-1);
  const last = new Int32Array(width).fill(-1);
  const close = (x: number): void => {
    const s = start[x] as number;
    const l = last[x] as number;
    if (s >= 0 && l - s + 1 >= min) {
      mask ??= new Uint8Array(img.length);
      for (let y = s; y <= l; y++) if ((img[y * width + x] as number) < INK) mask[y * width + x] = 1;
    }
    start[x] = -1;
  };
  for (let y = 0; y < height; y++) {
    const base = y * width;
    for (let x = 0; x < width; x++) {
      if ((img[base + x] as number) >= INK) continue;
      if ((start[x] as number) >= 0 && y - (last[x] as number) - 1 > gap) close(x);
      if ((start[x] as number) < 0) start[x] = y;
      last[x] = y;
    }
  }
  for (let x = 0; x < width; x++) close(x);
  return mask;
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
 */
export function removeSpecks(img: Buffer, width: number, height: number, opts: RuleOptions): number {
  const maxArea = Math.max(3, Math.round(opts.dpi * opts.dpi * MAX_SPECK_SQ_INCH));
  const n = width * height;
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  const blot = new Int32Array(maxArea + 1);
  let removed = 0;
  for (let s = 0; s < n; s++) {
    if (seen[s] || (img[s] as number) >= SPECK_INK) continue;
    // Flood the 8-connected blot; stop collecting once it is too big to be a speck (still marked seen).
    let top = 0;
    let size = 0;
    stack[top++] = s;
    seen[s] = 1;
    while (top) {
      const p = stack[--top] as number;
      if (size <= maxArea) blot[size] = p;
      size++;
      const x = p % width;
      const y = (p - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const q = yy * width + xx;
          if (seen[q] || (img[q] as number) >= SPECK_INK) continue;
          seen[q] = 1;
          stack[top++] = q;
        }
      }
    }
    if (size > maxArea) continue;
    for (let k = 0; k < size; k++) img[blot[k] as number] = 255;
    removed++;
  }
  return removed;
}
