// Handwriting is never pre-filled: tesseract reads neat block capitals by hand with high confidence,
// and a misread handwritten digit would pass for print. Each word's ink is measured on the officer's
// page. Printed capitals and digits of one word stand on one straight baseline, reach one top line and
// share one height to the pixel; a hand's letters wander above and below the line and change size from
// letter to letter. Printed lower case strays by design (ascenders, descenders), so it is held to a
// looser test. Ballpoint ink that is clearly coloured (blue, as most forms are filled in) beside black
// print is a pen's; a line all in colour (letterheads, logos, stamps, cards are printed in colour) is
// judged by its letters' shape, to a looser test. Words of fewer than four letters say too little
// alone, so the words of a value are measured together as well ("19 MAR 2025").
import { isCheckBox, type OcrLine, type OcrWord } from '../../shared/domain/ocr';
import type { BBox } from '../../shared/domain/documents';
import { unionBox } from '../../shared/extract/layout';
import type { PageRaster } from './source';
import { inkBlots } from './blots';

export interface InkShape {
  /** Letter-sized blots of ink measured. */
  components: number;
  /** Median distance of the blots' bottoms from their fitted baseline, over the median blot height
   * (the first pixel of every spread is not counted). */
  baseline: number;
  /** Median relative difference of blot heights from the median height. */
  heights: number;
  /** The same as `baseline` for the blots' tops. */
  tops: number;
  /** Mean colourfulness of the darkest ink (max − min of R, G, B; 0 for grey). */
  chroma: number;
}

/** Fewer letter blots than this say nothing about a hand. */
const MIN_COMPONENTS = 4;
/** Blots lower than this share of the tallest are dots and noise; of the rest, blots lower than this
 * share of their median height are commas, full stops and hyphens, not letters. */
const MIN_HEIGHT_SHARE = 0.4;
const MIN_LETTER_SHARE = 0.6;
/** Ink this much more colourful than the ground it stands on is a pen, not a printer's black. Black
 * print takes on the ground's colour (a KTP's blue card, tinted paper, a photo's colour cast, a JPEG's
 * colour bleeding): on the dev set's cards printed words stand −8 to +3 from their ground (ground 19–34),
 * ballpoint words +22 to +33 on white forms; on generated scans printed words reach +19 on white and
 * ballpoint words +24. */
const PEN_CHROMA = 12;
/** A filled-in value stands this many line heights from a capital label without a colon; a title's words, one space. */
const LABEL_GAP_LINES = 1;
/** Coloured ink needs only this share of the spread that makes black ink a hand. */
const COLOURED_SPREAD_SHARE = 0.5;
/** A capitals-and-digits word whose letters stray this far in all (baseline + height + top line
 * spreads, each relative to the letter height) is written by hand. Measured on generated forms: 57% of
 * handwritten words and 0.9% of printed ones reach it; a field with any handwritten word is keyed. */
const HAND_SPREAD = 0.08;
/** A word with lower-case letters is written by hand when both its baseline and top line stray this far. */
const MIXED_BASELINE = 0.06;
const MIXED_TOPS = 0.04;
/** The same for a run of two or more words (a date, a name): measured on generated forms, printed runs
 * keep their baseline to the pixel (0.000 in 300 runs of scans, photos and low-resolution copies) but
 * for a serif J's descender and slashes ("JKK /JKM / JHT": 0.035), whose letters are one size (heights
 * and tops 0.03 together), while a hand's runs stray by 0.049–0.086 and change size by 0.07–0.17. */
const RUN_BASELINE_CAPS = 0.03;
const RUN_SIZE_CAPS = 0.05;
/** Or a run that strays off the baseline at all (print: 0.000) while its letters change size a lot
 * ("18 SEP 2025" by hand: 0.021 off the baseline, 0.18 in size). */
const RUN_BASELINE_LEAST = 0.015;
const RUN_SPREAD = 0.15;
const RUN_BASELINE_MIXED = 0.03;
/** A run whose letters stray this far from one baseline is two lines tesseract took for one, not a hand. */
const RUN_ONE_LINE = 0.5;

/** The shape of the ink inside `box` (page pixels), or null when there is too little to judge. With
 * `colourOnly`, only the ink's colour is measured. */
export function inkShape(raster: PageRaster, box: BBox, colourOnly = false): InkShape | null {
  const region = greyRegion(raster, box);
  if (!region) return null;
  const { luma, w, h, x0, y0, threshold } = region;
  const { data, channels } = raster;
  const ink = new Uint8Array(w * h);
  let chromaSum = 0;
  let chromaN = 0;
  let groundSum = 0;
  let groundN = 0;
  const dark = threshold * 0.8;
  const chromaAt = (i: number): number =>
    Math.max(data[i] as number, data[i + 1] as number, data[i + 2] as number) - Math.min(data[i] as number, data[i + 1] as number, data[i + 2] as number);
  for (let y = 0, k = 0; y < h; y++) {
    const row = ((y0 + y) * raster.width + x0) * channels;
    for (let x = 0; x < w; x++, k++) {
      const v = luma[k] as number;
      if (v > threshold) {
        if (channels >= 3) {
          groundSum += chromaAt(row + x * channels);
          groundN++;
        }
        continue;
      }
      ink[k] = 1;
      if (channels >= 3 && v < dark) {
        chromaSum += chromaAt(row + x * channels);
        chromaN++;
      }
    }
  }
  // The ink's colour above its ground's: what a pen adds, not what the card or the scan tints.
  const chroma = chromaN ? Math.max(0, chromaSum / chromaN - (groundN ? groundSum / groundN : 0)) : 0;
  if (colourOnly) return { components: 0, baseline: 0, heights: 0, tops: 0, chroma };
  const blots = inkBlots(ink, w, h);
  const tallest = Math.max(0, ...blots.map((b) => b.bottom - b.top + 1));
  const tall = blots.filter((b) => b.bottom - b.top + 1 >= tallest * MIN_HEIGHT_SHARE);
  const typical = median(tall.map((b) => b.bottom - b.top + 1));
  const letters = tall.filter((b) => b.bottom - b.top + 1 >= typical * MIN_LETTER_SHARE);
  if (letters.length < MIN_COMPONENTS) return null;
  const heights = letters.map((b) => b.bottom - b.top + 1);
  const mh = median(heights);
  const centres = letters.map((b) => (b.left + b.right) / 2);
  // A pixel either way is the scan's rounding (and round letters' overshoot), not the writer's hand.
  const beyondPixel = (d: number): number => Math.max(0, d - 1) / mh;
  return {
    components: letters.length,
    baseline: beyondPixel(
      lineSpread(
        centres,
        letters.map((b) => b.bottom),
      ),
    ),
    heights: beyondPixel(median(heights.map((v) => Math.abs(v - mh)))),
    tops: beyondPixel(
      lineSpread(
        centres,
        letters.map((b) => b.top),
      ),
    ),
    chroma,
  };
}

/** Whether a word's (or a run of words') ink looks written by hand. */
export function looksHandwritten(text: string, shape: InkShape, run = false): boolean {
  if ((text.match(/[\p{L}\p{N}]/gu) ?? []).length < MIN_COMPONENTS || shape.components < MIN_COMPONENTS) return false;
  // Coloured ink alone is no hand: letterheads, logos, stamps and the lettering of cards are printed in
  // colour too, and stand on their baseline to the pixel. Coloured ink that leaves its baseline at all
  // and changes size a little is a pen's, however neat.
  if (shape.chroma >= PEN_CHROMA) return shape.baseline > 0 && shape.baseline + shape.heights + shape.tops >= HAND_SPREAD * COLOURED_SPREAD_SHARE;
  // Printed lower case leaves the baseline only with descenders and the top line only with ascenders
  // and capitals, one side at a time ("yang", "Tanggal"); a hand strays on both.
  if (run && shape.baseline >= RUN_ONE_LINE) return false;
  if (/\p{Ll}/u.test(text)) return shape.baseline >= (run ? RUN_BASELINE_MIXED : MIXED_BASELINE) && shape.tops >= MIXED_TOPS;
  // Print stands on one baseline: without a stray below it, uneven tops and heights are the print's own
  // (overshooting round letters, a blurred low-resolution copy). Across a run of printed words the
  // baseline holds to the pixel; a hand's letters leave it however neat each word is.
  if (run) {
    const size = shape.heights + shape.tops;
    return (shape.baseline >= RUN_BASELINE_CAPS && size >= RUN_SIZE_CAPS) || (shape.baseline >= RUN_BASELINE_LEAST && shape.baseline + size >= RUN_SPREAD);
  }
  return shape.baseline > 0 && shape.baseline + shape.heights + shape.tops >= HAND_SPREAD;
}

/**
 * Marks the words of `lines` whose ink looks handwritten; returns how many. Each word is measured
 * alone, then each run of words between a colon or a wide gap as one: a hand's date ("19 MAR 2025")
 * is written in words too short to tell a hand by, but its letters stray from one another across
 * the whole run.
 */
export function markHandwriting(raster: PageRaster, lines: OcrLine[]): number {
  let marked = 0;
  const set = (words: readonly OcrWord[]): void => {
    for (const w of words) {
      if (!w.handwritten) marked++;
      w.handwritten = true;
    }
  };
  const mark = (words: readonly OcrWord[], text: string): void => {
    if ((text.match(/[\p{L}\p{N}]/gu) ?? []).length < MIN_COMPONENTS) return;
    const shape = inkShape(raster, unionBox(words.map((w) => w.bbox)));
    if (shape && looksHandwritten(text, shape, words.length > 1)) set(words);
  };
  for (const line of lines) {
    // Pen ink beside black print: a form filled in with a blue ballpoint. Coloured words on a line
    // printed in black are the pen's, however short or neat; a line all in colour (a letterhead, a
    // logo, a card's lettering) is judged by the shape of its letters alone.
    // A filled-in value follows its printed label ("Nama : ANDI"); a coloured line's words follow nothing
    // but each other (a letterhead, "BRI  BANK RAKYAT INDONESIA"), wherever black print stands on the line.
    const words = [...line.words].filter((w) => !isCheckBox(w.text)).sort((a, b) => a.bbox[0] - b.bbox[0]);
    const colour = new Map(words.map((w) => [w, /[\p{L}\p{N}]/u.test(w.text) && (inkShape(raster, w.bbox, true)?.chroma ?? 0) >= PEN_CHROMA]));
    // (A label ends with its colon, or is printed in lower case, or stands apart from the value; a
    // capital word right before a coloured one is the same title printed in two colours: "KARTU PESERTA".)
    let label: OcrWord | null = null;
    for (const w of words) {
      if (colour.get(w)) {
        const apart = label !== null && w.bbox[0] - label.bbox[2] > (w.bbox[3] - w.bbox[1]) * LABEL_GAP_LINES;
        if (label && (/[:;]$/.test(label.text) || /\p{Ll}/u.test(label.text) || apart)) set([w]);
      } else label = /[:;]$/.test(w.text) || ((w.text.match(/\p{L}/gu) ?? []).length >= 3 && w.confidence >= 0.6) ? w : null;
    }
    // A check box's tick is a pen's, but the box was read by its ink already (checkboxes.ts).
    for (const word of line.words) if (!isCheckBox(word.text) && !word.handwritten) mark([word], word.text);
    for (const run of valueRuns(line.words)) {
      // A run that opens with a label without its colon ("Tanggal Kejadian 26/7/2025": lower case, then
      // none) is measured after it: the label is printed, what follows it may not be.
      const lower = (w: OcrWord): boolean => /\p{Ll}/u.test(w.text);
      const lastLower = run.findLastIndex(lower);
      const labelled = lower(run[0] as OcrWord) && lastLower < run.length - 1;
      for (const part of labelled ? [run.slice(lastLower + 1)] : [run]) {
        if (part.length >= 2 && !part.some((w) => w.handwritten)) mark(part, part.map((w) => w.text).join(' '));
      }
    }
  }
  return marked;
}

/** Two words on one line of text: their heights overlap by most of the smaller one. */
function sideBySide(a: OcrWord, b: OcrWord): boolean {
  const overlap = Math.min(a.bbox[3], b.bbox[3]) - Math.max(a.bbox[1], b.bbox[1]);
  return overlap >= 0.6 * Math.min(a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1]);
}

/** Below this tesseract read no word at all, only marks (a box drawn over two lines of a title). */
const RUN_MIN_CONFIDENCE = 0.2;

/** A line's words cut at colons (a label ends there), at gaps wider than a word space, where a word
 * leaves the line of the one before it, and at what tesseract could not read as a word at all. */
function valueRuns(words: readonly OcrWord[]): OcrWord[][] {
  const height = median(words.map((w) => w.bbox[3] - w.bbox[1]));
  const runs: OcrWord[][] = [[]];
  words.forEach((w, i) => {
    const prev = words[i - 1];
    const noWord = w.confidence < RUN_MIN_CONFIDENCE || isCheckBox(w.text);
    if (prev && (noWord || /:$/.test(prev.text) || w.bbox[0] - prev.bbox[2] > height * 1.5 || !sideBySide(prev, w))) runs.push([]);
    if (!/^[:;]+$/.test(w.text) && !noWord) runs[runs.length - 1]?.push(w);
  });
  return runs.filter((r) => r.length);
}

/** Median distance of the points from their Theil–Sen line (robust to a skewed page and to a few
 * descenders or accents). */
function lineSpread(xs: number[], ys: number[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const dx = (xs[j] as number) - (xs[i] as number);
      if (Math.abs(dx) > 0.5) slopes.push(((ys[j] as number) - (ys[i] as number)) / dx);
    }
  }
  const slope = slopes.length ? median(slopes) : 0;
  const intercept = median(ys.map((y, i) => y - slope * (xs[i] as number)));
  return median(ys.map((y, i) => Math.abs(y - slope * (xs[i] as number) - intercept)));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** The grey levels of the page under `box` (cut to the page) and Otsu's ink threshold for them; null
 * when the box is too small to judge. */
export function greyRegion(raster: PageRaster, box: BBox): { luma: Uint8Array; w: number; h: number; x0: number; y0: number; threshold: number } | null {
  const x0 = Math.max(0, Math.floor(box[0]));
  const y0 = Math.max(0, Math.floor(box[1]));
  const x1 = Math.min(raster.width, Math.ceil(box[2]));
  const y1 = Math.min(raster.height, Math.ceil(box[3]));
  const w = x1 - x0;
  const h = y1 - y0;
  if (w < 8 || h < 8) return null;
  const { data, channels } = raster;
  const luma = new Uint8Array(w * h);
  const counts = new Int32Array(256);
  for (let y = 0, k = 0; y < h; y++) {
    let i = ((y0 + y) * raster.width + x0) * channels;
    for (let x = 0; x < w; x++, k++, i += channels) {
      const v = channels < 3 ? (data[i] as number) : ((data[i] as number) * 77 + (data[i + 1] as number) * 150 + (data[i + 2] as number) * 29) >> 8;
      luma[k] = v;
      counts[v] = (counts[v] as number) + 1;
    }
  }
  const histogram = Array.from(counts);
  return { luma, w, h, x0, y0, threshold: otsu(histogram, w * h) };
}

/** Otsu's threshold of a grey histogram: the level that best splits ink from paper. */
function otsu(histogram: number[], total: number): number {
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * (histogram[v] as number);
  let sumB = 0;
  let weightB = 0;
  let best = 0;
  let threshold = 128;
  for (let v = 0; v < 256; v++) {
    weightB += histogram[v] as number;
    if (!weightB) continue;
    const weightF = total - weightB;
    if (!weightF) break;
    sumB += v * (histogram[v] as number);
    const between = weightB * weightF * (sumB / weightB - (sum - sumB) / weightF) ** 2;
    if (between > best) {
      best = between;
      threshold = v;
    }
  }
  return threshold;
}
