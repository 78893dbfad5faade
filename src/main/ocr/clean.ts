// Cleaning of the OCR image (never the officer's page; sizes and text positions unchanged, so the box
// mapping holds). Ruled lines (table grids, boxes, underlines) are painted white: tesseract's page
// layout takes a fully gridded table for a picture and reads nothing in it, and cell borders touching
// letters turn into 'I', '|' or '_' inside words. The officer's page and the box mapping are unchanged,
// since the OCR image keeps its size and every text pixel its place.

/** Darker than this (0–255, on the flattened, stretched image) counts as ink. */
const INK = 150;

export interface RuleOptions {
  /** Resolution of the image, to turn the lengths below (inches) into pixels. */
  dpi: number;
}

/** A horizontal rule is at least this long (inches): longer than any word, shorter than a table column. */
const MIN_HORIZONTAL_INCH = 0.6;
/** A vertical rule is at least this long: taller than any letter, even in a title. */
const MIN_VERTICAL_INCH = 0.4;
/** Thicker than this it is a filled shape (a photo, a stamp, a black bar), not a rule. */
const MAX_THICKNESS_INCH = 0.035;
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
  const horizontal = findRuns(img, width, height, Math.round(dpi * MIN_HORIZONTAL_INCH), gap, true);
  const vertical = findRuns(img, width, height, Math.round(dpi * MIN_VERTICAL_INCH), gap, false);
  keepThin(horizontal, width, height, thick, false);
  keepThin(vertical, width, height, thick, true);
  let removed = 0;
  for (let i = 0; i < img.length; i++) {
    if (!horizontal[i] && !vertical[i]) continue;
    removed++;
    img[i] = 255;
  }
  if (removed) {
    // The anti-aliased fringe of a rule, two pixels either side, would read as specks or a faint line.
    fringe(img, horizontal, width, height, width);
    fringe(img, vertical, width, height, 1);
  }
  return removed;
}

/** Marks runs of ink at least `min` long along rows (or columns), bridging gaps of up to `gap`. */
function findRuns(img: Buffer, width: number, height: number, min: number, gap: number, alongRows: boolean): Uint8Array {
  const mask = new Uint8Array(img.length);
  const lines = alongRows ? height : width;
  const length = alongRows ? width : height;
  const step = alongRows ? 1 : width;
  for (let l = 0; l < lines; l++) {
    const base = alongRows ? l * width : l;
    let start = -1;
    let last = -1;
    const close = (): void => {
      if (start >= 0 && last - start + 1 >= min) {
        for (let k = start; k <= last; k++) if ((img[base + k * step] as number) < INK) mask[base + k * step] = 1;
      }
      start = -1;
    };
    for (let k = 0; k < length; k++) {
      if ((img[base + k * step] as number) >= INK) continue;
      if (start >= 0 && k - last - 1 > gap) close();
      if (start < 0) start = k;
      last = k;
    }
    close();
  }
  return mask;
}

/** Clears marked stretches thicker than `thick` across the rule's direction: filled shapes stay. */
function keepThin(mask: Uint8Array, width: number, height: number, thick: number, vertical: boolean): void {
  const lines = vertical ? height : width;
  const length = vertical ? width : height;
  const step = vertical ? 1 : width;
  for (let l = 0; l < lines; l++) {
    const base = vertical ? l * width : l;
    let k = 0;
    while (k < length) {
      if (!mask[base + k * step]) {
        k++;
        continue;
      }
      let end = k;
      while (end < length && mask[base + end * step]) end++;
      if (end - k > thick) for (let j = k; j < end; j++) mask[base + j * step] = 0;
      k = end;
    }
  }
}

/** Whitens greyish pixels within two pixels of removed rule pixels, across the rule (`across` = pixel step). */
function fringe(img: Buffer, mask: Uint8Array, width: number, height: number, across: number): void {
  const n = width * height;
  for (let i = 0; i < n; i++) {
    if (!mask[i]) continue;
    for (let d = 1; d <= 2; d++) {
      for (const j of [i - d * across, i + d * across]) {
        if (j >= 0 && j < n && !mask[j] && (img[j] as number) >= INK - 60) img[j] = 255;
      }
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
