// Light text on a dark ground (a JMO app card's white lettering on teal, a bank's name in its logo
// box, a card's dark footer bar) is turned dark on light before anything else: flattening divides each
// pixel by the brightest paper around it, which turns such a box into a smear of halos, and tesseract's
// layout takes a dark box for a picture and reads nothing in it. A dark box is a solid block of dark
// cells on a grid a few letters wide, large enough to hold a line of text, with light strokes inside.
import { OCR_IMAGE } from '../../shared/tuning';

export interface DarkBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Mean grey of each cell of a grid over the image. */
function cellMeans(grey: Buffer, width: number, height: number, cell: number): { means: Float32Array; light: Float32Array; cw: number; ch: number } {
  const cw = Math.ceil(width / cell);
  const ch = Math.ceil(height / cell);
  const sums = new Float64Array(cw * ch);
  const lights = new Float64Array(cw * ch);
  const counts = new Float64Array(cw * ch);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / cell) * cw;
    const base = y * width;
    for (let x = 0; x < width; x++) {
      const v = grey[base + x] as number;
      const k = row + Math.floor(x / cell);
      sums[k] = (sums[k] as number) + v;
      if (v >= OCR_IMAGE.lightStroke) lights[k] = (lights[k] as number) + 1;
      counts[k] = (counts[k] as number) + 1;
    }
  }
  const means = new Float32Array(cw * ch);
  const light = new Float32Array(cw * ch);
  for (let k = 0; k < means.length; k++) {
    means[k] = (sums[k] as number) / Math.max(1, counts[k] as number);
    light[k] = (lights[k] as number) / Math.max(1, counts[k] as number);
  }
  return { means, light, cw, ch };
}

/** The dark boxes of a grey image that hold light text. */
export function darkBoxes(grey: Buffer, width: number, height: number, textHeight: number): DarkBox[] {
  const cell = Math.max(8, Math.round(textHeight));
  const { means, light, cw, ch } = cellMeans(grey, width, height, cell);
  const dark = new Uint8Array(cw * ch);
  for (let k = 0; k < dark.length; k++) dark[k] = (means[k] as number) < OCR_IMAGE.darkGround ? 1 : 0;
  const seen = new Uint8Array(cw * ch);
  const out: DarkBox[] = [];
  const stack: number[] = [];
  for (let s = 0; s < dark.length; s++) {
    if (!dark[s] || seen[s]) continue;
    let x0 = cw;
    let y0 = ch;
    let x1 = -1;
    let y1 = -1;
    let n = 0;
    seen[s] = 1;
    stack.push(s);
    while (stack.length) {
      const k = stack.pop() as number;
      const x = k % cw;
      const y = (k - x) / cw;
      n++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (const q of [x > 0 ? k - 1 : -1, x < cw - 1 ? k + 1 : -1, y > 0 ? k - cw : -1, y < ch - 1 ? k + cw : -1]) {
        if (q >= 0 && dark[q] && !seen[q]) {
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    // Its lines of light text leave rows of light cells inside it: the box is judged whole, holes and all.
    // A block that could hold a line of text (several letters wide, a line high), mostly dark, with
    // light strokes in it: not a thick rule, not a lone blot, not a photograph of shadows alone.
    let boxLight = 0;
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) boxLight += light[y * cw + x] as number;
    const solid = n / (bw * bh);
    const strokes = boxLight / (bw * bh);
    if (
      bw >= OCR_IMAGE.minDarkCellsWide &&
      bh >= 2 &&
      solid >= OCR_IMAGE.minDarkSolidity &&
      strokes >= OCR_IMAGE.minLightStrokes &&
      strokes <= OCR_IMAGE.maxLightStrokes
    ) {
      out.push(
        tighten(
          grey,
          width,
          { x: x0 * cell, y: y0 * cell, width: Math.min(width, (x1 + 1) * cell) - x0 * cell, height: Math.min(height, (y1 + 1) * cell) - y0 * cell },
          cell,
        ),
      );
    }
  }
  return out;
}

/**
 * A box found on the cell grid reaches up to a cell past its dark ground: its sides are drawn in to the
 * ground's own edge, so the words printed beside a dark box (a KTP's "Gol. Darah : O" beside its photo)
 * are not turned with it.
 */
function tighten(grey: Buffer, width: number, b: DarkBox, cell: number): DarkBox {
  const mean = (x0: number, y0: number, x1: number, y1: number): number => {
    let sum = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += grey[y * width + x] as number;
    return sum / Math.max(1, (x1 - x0) * (y1 - y0));
  };
  let { x, y } = b;
  let x1 = b.x + b.width;
  let y1 = b.y + b.height;
  const ground = (v: number): boolean => v < OCR_IMAGE.darkGround;
  for (let k = 0; k < cell && x < x1 - 1 && !ground(mean(x, y, x + 1, y1)); k++) x++;
  for (let k = 0; k < cell && x1 - 1 > x && !ground(mean(x1 - 1, y, x1, y1)); k++) x1--;
  for (let k = 0; k < cell && y < y1 - 1 && !ground(mean(x, y, x1, y + 1)); k++) y++;
  for (let k = 0; k < cell && y1 - 1 > y && !ground(mean(x, y1 - 1, x1, y1)); k++) y1--;
  return { x, y, width: x1 - x, height: y1 - y };
}

/** Turns the dark boxes light with dark text, in place; returns how many. */
export function invertDarkBoxes(grey: Buffer, width: number, height: number, textHeight: number): number {
  const boxes = darkBoxes(grey, width, height, textHeight);
  for (const b of boxes) {
    for (let y = b.y; y < b.y + b.height; y++) {
      const base = y * width;
      for (let x = b.x; x < b.x + b.width; x++) grey[base + x] = 255 - (grey[base + x] as number);
    }
  }
  return boxes.length;
}
