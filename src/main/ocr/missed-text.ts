// Text tesseract's page layout dropped: a card's label column or its heading printed over a patterned
// background is now and then taken for a picture and not read at all, while the values beside it are.
// After the page is read, the inked parts of the image that no word covers and that look like print
// (a block of text-sized ink, neither a filled photo nor a lone speck) are read again on their own, as
// one block of text, and the confident words found there join the page.
import { OCR_IMAGE } from '../../shared/tuning';
import type { BBox } from '../../shared/domain/documents';
import type { OcrPool, RecognizedImage } from './pool';
import { pgmHeader, type PreparedImage } from './preprocess';
import { levelRegion } from './second-look';
import { meanConfidence, type TsvLine } from './tsv';

interface Block {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  inked: number;
}

/** Inked blocks of the image (tesseract's frame) that no read word covers. */
export function uncoveredBlocks(grey: Buffer, width: number, height: number, words: readonly BBox[], cell: number): Block[] {
  const cw = Math.ceil(width / cell);
  const ch = Math.ceil(height / cell);
  const ink = new Float32Array(cw * ch);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / cell) * cw;
    for (let x = 0; x < width; x++)
      if ((grey[y * width + x] as number) < 128) ink[row + Math.floor(x / cell)] = (ink[row + Math.floor(x / cell)] as number) + 1;
  }
  const area = cell * cell;
  const covered = new Uint8Array(cw * ch);
  // A word's box and a cell around it: the read text and its letters' edges.
  for (const b of words) {
    for (let cy = Math.max(0, Math.floor(b[1] / cell) - 1); cy <= Math.min(ch - 1, Math.floor(b[3] / cell) + 1); cy++) {
      for (let cx = Math.max(0, Math.floor(b[0] / cell) - 1); cx <= Math.min(cw - 1, Math.floor(b[2] / cell) + 1); cx++) covered[cy * cw + cx] = 1;
    }
  }
  const printed = (k: number): boolean => {
    const share = (ink[k] as number) / area;
    return !covered[k] && share >= OCR_IMAGE.missedMinInk && share <= OCR_IMAGE.missedMaxInk;
  };
  const seen = new Uint8Array(cw * ch);
  const out: Block[] = [];
  for (let s = 0; s < cw * ch; s++) {
    if (seen[s] || !printed(s)) continue;
    const b: Block = { x0: cw, y0: ch, x1: -1, y1: -1, inked: 0 };
    const stack = [s];
    seen[s] = 1;
    while (stack.length) {
      const k = stack.pop() as number;
      const x = k % cw;
      const y = (k - x) / cw;
      b.inked++;
      b.x0 = Math.min(b.x0, x);
      b.x1 = Math.max(b.x1, x);
      b.y0 = Math.min(b.y0, y);
      b.y1 = Math.max(b.y1, y);
      // Cells of one word touch across the gaps between its letters: 8-connected, and one cell of gap
      // along a line (the space between two words) bridged.
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= cw || ny >= ch) continue;
          const q = ny * cw + nx;
          if (!seen[q] && printed(q)) {
            seen[q] = 1;
            stack.push(q);
          }
        }
      }
    }
    // A block of print is dense with ink; a frame or a rule around the page is ink along its edges only.
    const fill = b.inked / ((b.x1 - b.x0 + 1) * (b.y1 - b.y0 + 1));
    if (b.x1 - b.x0 + 1 >= OCR_IMAGE.missedMinCellsWide && b.inked >= OCR_IMAGE.missedMinCells && fill >= OCR_IMAGE.missedMinFill) {
      out.push({ x0: b.x0 * cell, y0: b.y0 * cell, x1: Math.min(width, (b.x1 + 1) * cell), y1: Math.min(height, (b.y1 + 1) * cell), inked: b.inked });
    }
  }
  return out.sort((a, b) => b.inked - a.inked).slice(0, OCR_IMAGE.missedMaxBlocks);
}

export interface MissedText {
  read: RecognizedImage;
  /** Blocks read again, and words found in them. */
  blocks: number;
  found: number;
}

/** Reads again the parts of the page tesseract's layout left unread: the blocks are set one under the
 * other on a blank sheet (paper between them) and read together, in one call, with full layout. */
export async function readMissedText(prepared: PreparedImage, read: RecognizedImage, pool: OcrPool, signal?: AbortSignal): Promise<MissedText> {
  const { width: W, height: H } = prepared.crop;
  const level = await levelRegion(prepared, read.rotateRadians, { left: 0, top: 0, width: W, height: H });
  const words = read.lines.flatMap((l) => l.words.map((w) => w.bbox));
  const cell = Math.max(8, Math.round(prepared.dpi * OCR_IMAGE.missedCellInch));
  const blocks = uncoveredBlocks(
    level.data,
    level.width,
    level.height,
    words.map((b) => [b[0] - level.left, b[1] - level.top, b[2] - level.left, b[3] - level.top] as BBox),
    cell,
  );
  if (!blocks.length) return { read, blocks: 0, found: 0 };
  // Some paper around each block (tesseract reads text touching an edge badly) and between them.
  const pad = cell * 2;
  const parts = blocks.map((b) => {
    const x0 = Math.max(0, b.x0 - pad / 2);
    const y0 = Math.max(0, b.y0 - pad / 2);
    return { x0, y0, width: Math.min(level.width, b.x1 + pad / 2) - x0, height: Math.min(level.height, b.y1 + pad / 2) - y0, top: 0 };
  });
  let top = pad;
  for (const p of parts) {
    p.top = top;
    top += p.height + pad;
  }
  const sheetW = Math.max(...parts.map((p) => p.width)) + 2 * pad;
  const sheet = Buffer.alloc(sheetW * top, 255);
  for (const p of parts) {
    for (let y = 0; y < p.height; y++)
      level.data.copy(sheet, (p.top + y) * sheetW + pad, (p.y0 + y) * level.width + p.x0, (p.y0 + y) * level.width + p.x0 + p.width);
  }
  const got = await pool
    .recognize(Buffer.concat([pgmHeader(sheetW, top), sheet]), { signal, deskew: false, block: true, dpi: prepared.dpi })
    .catch((err: unknown) => {
      if (signal?.aborted) throw err;
      return null;
    });
  const lines: TsvLine[] = [...read.lines];
  let found = 0;
  for (const line of got?.lines ?? []) {
    // Only what reads as print: confident words with letters or digits in them, put back where they were.
    const kept = line.words.flatMap((w) => {
      const cy = (w.bbox[1] + w.bbox[3]) / 2;
      const p = parts.find((q) => cy >= q.top && cy < q.top + q.height);
      if (!p || w.confidence < OCR_IMAGE.missedMinConfidence || !/[\p{L}\p{N}]{2}/u.test(w.text)) return [];
      const dx = p.x0 - pad + level.left;
      const dy = p.y0 - p.top + level.top;
      return [{ ...w, bbox: [w.bbox[0] + dx, w.bbox[1] + dy, w.bbox[2] + dx, w.bbox[3] + dy] as BBox }];
    });
    // Never a word again where one was read already.
    const overlaps = (b: BBox): boolean =>
      words.some((o) => Math.min(o[2], b[2]) - Math.max(o[0], b[0]) > 0 && Math.min(o[3], b[3]) - Math.max(o[1], b[1]) > 0);
    const fresh = kept.filter((w) => !overlaps(w.bbox));
    if (!fresh.length) continue;
    kept.splice(0, kept.length, ...fresh);
    found += kept.length;
    lines.push({
      bbox: [
        Math.min(...kept.map((w) => w.bbox[0])),
        Math.min(...kept.map((w) => w.bbox[1])),
        Math.max(...kept.map((w) => w.bbox[2])),
        Math.max(...kept.map((w) => w.bbox[3])),
      ],
      confidence: meanConfidence(kept),
      words: kept,
    });
  }
  return { read: found ? { ...read, lines } : read, blocks: blocks.length, found };
}
