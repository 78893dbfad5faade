// Blots of ink: the 8-connected groups of a page's (or a strip's) ink pixels, with their bounds, and
// their pixels when the caller needs them (handwriting.ts measures the blots; digit-boxes.ts copies the
// digits' blots into a new strip).

export interface Blot {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Indices (y·w + x) of the blot's pixels, when asked for. */
  pixels: number[];
}

/** 8-connected blots of the pixels set in `ink` (w × h), with their bounds, and their pixels when `withPixels`. */
export function inkBlots(ink: Uint8Array, w: number, h: number, withPixels = false): Blot[] {
  const seen = new Uint8Array(ink.length);
  // Pixels waiting to be visited, as x and y (no division per pixel to find them).
  const xs = new Int32Array(ink.length);
  const ys = new Int32Array(ink.length);
  const out: Blot[] = [];
  for (let s = 0; s < ink.length; s++) {
    if (!ink[s] || seen[s]) continue;
    const b: Blot = { left: w, right: -1, top: h, bottom: -1, pixels: [] };
    seen[s] = 1;
    let top = 0;
    xs[top] = s % w;
    ys[top++] = Math.floor(s / w);
    while (top) {
      const x = xs[--top] as number;
      const y = ys[top] as number;
      if (withPixels) b.pixels.push(y * w + x);
      if (x < b.left) b.left = x;
      if (x > b.right) b.right = x;
      if (y < b.top) b.top = y;
      if (y > b.bottom) b.bottom = y;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const q = yy * w + xx;
          if (ink[q] && !seen[q]) {
            seen[q] = 1;
            xs[top] = xx;
            ys[top++] = yy;
          }
        }
      }
    }
    out.push(b);
  }
  return out;
}
