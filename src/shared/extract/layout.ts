// Turns OCR lines into rows of segments. A segment is a run of words without a wide gap, so a
// two-column form row ("Nama : X      NIK : Y") or a table row splits into its cells, and junk read
// from stamps or photo borders at the far edge stays apart from the value next to the label.
import type { BBox } from '../domain/documents';
import { isCheckBox, type OcrPage, type OcrWord } from '../domain/ocr';
import { SEGMENTATION } from '../tuning';

export interface Word {
  text: string;
  confidence: number;
  bbox: BBox;
  /** Written by hand (OCR's ink measure): never taken as a value. */
  handwritten?: boolean;
}

export interface Segment {
  words: Word[];
  bbox: BBox;
  text: string;
}

export interface Row {
  page: number;
  segments: Segment[];
  words: Word[];
  bbox: BBox;
  text: string;
  /** Median word height: the unit for gaps and alignment. */
  height: number;
}

export const unionBox = (boxes: readonly BBox[]): BBox =>
  boxes.reduce<BBox>(
    (a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );

/** "Nama:BUDI" read as one word is split at the colon, with the box shared in proportion. */
function splitColon(w: OcrWord): Word[] {
  const m = /^([^:]*[A-Za-z][^:]*?)\s*[:;]\s*(.+)$/.exec(w.text);
  const hand = w.handwritten ? { handwritten: true } : {};
  if (!m || !m[1] || !m[2]) return [{ text: w.text, confidence: w.confidence, bbox: w.bbox, ...hand }];
  const [x0, y0, x1, y1] = w.bbox;
  const cut = x0 + Math.round(((x1 - x0) * (m[1].length + 1)) / w.text.length);
  return [
    { text: `${m[1]}:`, confidence: w.confidence, bbox: [x0, y0, cut, y1], ...hand },
    { text: m[2], confidence: w.confidence, bbox: [cut, y0, x1, y1], ...hand },
  ];
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor(s.length / 2)] ?? 0) : 0;
};

function segmentsOf(words: Word[], height: number): Segment[] {
  const segs: Segment[] = [];
  let cur: Word[] = [];
  for (const w of words) {
    const prev = cur[cur.length - 1];
    // A gap wider than about two characters separates cells; word spaces are about a third of that.
    // A word ending in a full stop or comma has the blank of that narrow mark before its space (wide in
    // monospaced type: "JL.  H.  AGUS"), so the gap after it is allowed half a character more.
    const allowed = height * (prev && /[.,]$/.test(prev.text) ? 1.75 : 1.3);
    if (prev && w.bbox[0] - prev.bbox[2] > allowed) {
      segs.push(toSegment(cur));
      cur = [];
    }
    cur.push(w);
  }
  if (cur.length) segs.push(toSegment(cur));
  return segs;
}

const toSegment = (words: Word[]): Segment => ({ words, bbox: unionBox(words.map((w) => w.bbox)), text: words.map((w) => w.text).join(' ') });

/**
 * Words with no letter or digit (rule lines, bars, quotes, specks) carry nothing and confuse label
 * positions; colons stay (they separate labels from values), a lone dash is a value ("Gol. Darah: -"),
 * and a slash is part of a label ("Tempat / Tanggal Lahir"): dropped, it leaves a gap that splits the
 * label into two cells. A check box OCR found is a value too.
 */
const isJunk = (t: string): boolean => !/[\p{L}\p{N}]/u.test(t) && !/[:;]/.test(t) && t !== '-' && !/^\/[.,']?$/.test(t) && !isCheckBox(t);

/**
 * The text slope of the page in its own pixel space: boxes are mapped back onto the tilted image the
 * officer sees, so a phone photo's rows run uphill. Median of the slopes of multi-word lines.
 */
export function pageSlope(lines: readonly Word[][]): number {
  const slopes: number[] = [];
  for (const ws of lines) {
    if (ws.length < 2) continue;
    const a = ws[0] as Word;
    const b = ws[ws.length - 1] as Word;
    const dx = (b.bbox[0] + b.bbox[2]) / 2 - (a.bbox[0] + a.bbox[2]) / 2;
    if (dx < 150) continue;
    slopes.push(((b.bbox[1] + b.bbox[3]) / 2 - (a.bbox[1] + a.bbox[3]) / 2) / dx);
  }
  const m = median(slopes);
  return Math.abs(m) < 0.1 ? m : 0;
}

/**
 * Words of a table cell as text, a word that OCR split in two ("JA MAL" for JAMAL, 2 px apart
 * where the line's spaces are 8) joined again: neighbours on one line closer than a fraction of their
 * height are one word.
 */
export function joinedText(words: readonly Word[]): string {
  let out = '';
  words.forEach((w, i) => {
    const prev = words[i - 1];
    const h = Math.min(w.bbox[3] - w.bbox[1], prev ? prev.bbox[3] - prev.bbox[1] : Infinity);
    const sameLine = prev && Math.abs((prev.bbox[1] + prev.bbox[3]) / 2 - (w.bbox[1] + w.bbox[3]) / 2) < h / 2;
    const glued =
      prev &&
      sameLine &&
      w.bbox[0] >= prev.bbox[2] &&
      w.bbox[0] - prev.bbox[2] < h * SEGMENTATION.splitWordGap &&
      /^[A-Za-z]+$/.test(prev.text) &&
      /^[A-Za-z]+$/.test(w.text);
    out += (i === 0 ? '' : glued ? '' : ' ') + w.text;
  });
  return out;
}

/** The page's OCR lines as words, cleaned: junk marks dropped, bars read as I, "Label:value" split.
 * A mark of no letter or digit standing several lines tall (a table's wall read as ':') goes too: kept,
 * it would join every row it spans into one. */
export function pageLines(page: OcrPage): Word[][] {
  const wordHeight = median(page.lines.flatMap((l) => l.words.filter((w) => /[\p{L}\p{N}]/u.test(w.text)).map((w) => w.bbox[3] - w.bbox[1])));
  const rule = (w: OcrWord): boolean => !/[\p{L}\p{N}]/u.test(w.text) && wordHeight > 0 && w.bbox[3] - w.bbox[1] > wordHeight * SEGMENTATION.markLines;
  return page.lines.map((l) => l.words.filter((w) => w.text.trim() && !isJunk(w.text.trim()) && !rule(w)).flatMap(splitColon)).filter((ws) => ws.length > 0);
}

export const rowsOf = (page: OcrPage): Row[] => rowsFromLines(pageLines(page), page.page);

export function rowsFromLines(lines: readonly Word[][], pageNo: number, slopeHint?: number): Row[] {
  const slope = slopeHint ?? pageSlope(lines);
  // Tesseract may split one printed row into several lines (two columns, a wide colon gap); merge
  // lines whose vertical centres, levelled by the page slope, are within half a line height.
  // A line whose box overlaps a band by most of the smaller height joins it too: tesseract gives a lone
  // cell word a box taller than its letters now and then, which moves its centre but not its overlap.
  // A line's top and bottom are its words' median ones: one tall speck or stroke read as a word (a
  // handwritten line under a label has them) must not stretch it over the line above.
  type Band = { words: Word[]; cy: number; h: number; top: number; bottom: number };
  const bands: Band[] = [];
  for (const ws of lines) {
    const box = unionBox(ws.map((w) => w.bbox));
    const h = median(ws.map((w) => w.bbox[3] - w.bbox[1])) || box[3] - box[1];
    const level = slope * ((box[0] + box[2]) / 2);
    // (Punctuation does not count: a colon's box is a fraction of the line's height.)
    const sized = ws.filter((w) => /[\p{L}\p{N}]/u.test(w.text));
    const measured = sized.length ? sized : ws;
    const top = median(measured.map((w) => w.bbox[1])) - level;
    const bottom = median(measured.map((w) => w.bbox[3])) - level;
    const cy = (top + bottom) / 2;
    const overlap = (b: Band): number => Math.min(b.bottom, bottom) - Math.max(b.top, top);
    // One printed row never holds two words in the same place: a line that would lie over the band's
    // words is the next row (a title's number line tucked under it), however close.
    const clear = (b: Band): boolean =>
      !b.words.some((w) =>
        ws.some((x) => Math.min(w.bbox[2], x.bbox[2]) - Math.max(w.bbox[0], x.bbox[0]) > Math.min(w.bbox[2] - w.bbox[0], x.bbox[2] - x.bbox[0]) * 0.5),
      );
    const band =
      bands.find((b) => Math.abs(b.cy - cy) < Math.min(b.h, h) * 0.5 && clear(b)) ??
      bands.find((b) => overlap(b) >= Math.min(b.bottom - b.top, bottom - top) * 0.6 && clear(b));
    if (band) band.words.push(...ws);
    else bands.push({ words: [...ws], cy, h, top, bottom });
  }
  bands.sort((a, b) => a.cy - b.cy);
  return bands.map((b) => {
    const words = [...b.words].sort((a, c) => a.bbox[0] - c.bbox[0]);
    const height = median(words.map((w) => w.bbox[3] - w.bbox[1])) || 1;
    return {
      page: pageNo,
      words,
      segments: segmentsOf(words, height),
      bbox: unionBox(words.map((w) => w.bbox)),
      text: words.map((w) => w.text).join(' '),
      height,
    };
  });
}
