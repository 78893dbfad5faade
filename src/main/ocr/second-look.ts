// A second, closer look at what tesseract read with little confidence: a line with doubtful words, or
// the digits of an identifier it was not near certain of, cut from the image tesseract read (cleaned,
// and turned level the way tesseract turned it), enlarged and read as one line of text. A blurred phone
// photo or a low-resolution scan often reads cleanly this way where full-page layout analysis misjudged
// it. A doubtful word's new reading replaces the old one only when tesseract is clearly surer of it; an
// identifier's digits change only when two new readings agree on them. Otherwise the words stay as they
// were (and extraction leaves its doubtful values for the officer).
import sharp from 'sharp';
import type { OcrPool, RecognizedImage } from './pool';
import { pgmHeader, pgmPixels, type PreparedImage } from './preprocess';
import type { BBox } from '../../shared/domain/documents';
import { unionBox } from '../../shared/extract/layout';
import { meanConfidence, type TsvLine, type TsvWord } from './tsv';
import { originalBox, packDigits } from './digit-boxes';
import { DIGIT_BOXES } from '../../shared/tuning';

/** A line is looked at again when one of its words (of two characters or more) is below this (0–100). */
const DOUBTFUL = 60;
/** At most this many lines a page, the least confident first: bounds the extra time on a bad page. */
const MAX_LINES = 8;
/** Each line is read at two sizes: its box enlarged (never shrunk) to about these many pixels high. */
const LINE_HEIGHTS_PX = [60, 84] as const;
/** A word's new reading must be at least this confident, and this much surer than the old one. */
const MIN_CONFIDENCE = 75;
const MIN_GAIN = 15;
/** Digits of a number read with at least this confidence are not read again. */
const SURE_NUMBER = 90;

export interface SecondLook {
  read: RecognizedImage;
  /** Lines read again, numbers read again from their boxes, and words whose new reading was taken. */
  reread: number;
  boxed: number;
  replaced: number;
}

const digitsOf = (text: string): string => text.replace(/\D/g, '');
/** A word of three digits or more and nothing but separators ("100", "1000-0007", ":1671…"; not
 * "1001/KC-45/2025"). */
const isNumber = (w: TsvWord): boolean => digitsOf(w.text).length >= 3 && !/\p{L}/u.test(w.text);
const isDoubtfulWord = (w: TsvWord): boolean => w.confidence < DOUBTFUL && w.text.length >= 2;
/** Part of a number on a line holding ten digits or more (NIK, KPJ, KK, account), read with less than
 * near certainty: one wrong digit there names another person, so it is read again. */
const isUnsureNumber = (w: TsvWord, line: readonly TsvWord[]): boolean =>
  w.confidence < SURE_NUMBER &&
  isNumber(w) &&
  digitsOf(
    line
      .filter(isNumber)
      .map((o) => o.text)
      .join(''),
  ).length >= 10;
const needsLook = (w: TsvWord, line: readonly TsvWord[]): boolean => isDoubtfulWord(w) || isUnsureNumber(w, line);

/**
 * Reads the lines of `read` (what tesseract made of `prepared`) that need it again, one by one: the
 * whole line when it has doubtful words, only its numbers when they are all it needs. A second reading
 * at a larger size is made only when the first did not settle the line.
 */
export async function secondLook(prepared: PreparedImage, read: RecognizedImage, pool: OcrPool, signal?: AbortSignal): Promise<SecondLook> {
  const chosen = read.lines
    .map((line, i) => ({ line, i }))
    .filter((d) => d.line.words.some((w) => needsLook(w, d.line.words)))
    .sort((a, b) => lowest(a.line.words) - lowest(b.line.words))
    .slice(0, MAX_LINES);
  const lines = [...read.lines];
  let replaced = 0;
  for (const { line, i } of chosen) {
    const doubtful = line.words.some(isDoubtfulWord);
    const box = doubtful ? line.bbox : unionBox(line.words.filter((w) => isUnsureNumber(w, line.words)).map((w) => w.bbox));
    // A second look that fails (a region cut to nothing at the page's edge) leaves the line as it was
    // read; only cancelling stops the page.
    const reread = (px: number): Promise<TsvWord[]> =>
      rereadLine(prepared, read.rotateRadians, box, px, pool, signal).catch((err: unknown) => {
        if (signal?.aborted) throw err;
        return [];
      });
    const readings = [await reread(LINE_HEIGHTS_PX[0])];
    if (!settled(line.words, readings[0] as TsvWord[])) readings.push(await reread(LINE_HEIGHTS_PX[1]));
    const words = takeBetterReadings(line.words, readings);
    if (!words) continue;
    lines[i] = { bbox: line.bbox, confidence: meanConfidence(words.words), words: words.words };
    replaced += words.replaced;
  }
  // A number still unsure after that may be printed one digit to a box: its digits are set again tightly.
  let boxed = 0;
  for (let i = 0; i < lines.length && boxed < MAX_LINES; i++) {
    const line = lines[i] as TsvLine;
    const value = boxedNumberWords(line.words);
    if (!value) continue;
    boxed++;
    const digits = await readBoxedDigits(prepared, read.rotateRadians, value, pool, signal).catch((err: unknown) => {
      if (signal?.aborted) throw err;
      return null;
    });
    if (!digits) continue;
    const words = [...line.words.filter((w) => !value.includes(w)), ...digits].sort((a, b) => a.bbox[0] - b.bbox[0]);
    lines[i] = { bbox: line.bbox, confidence: meanConfidence(words), words };
    replaced += value.length;
  }
  return { read: { ...read, lines }, reread: chosen.length, boxed, replaced };
}

/**
 * The words of a line's value that may be a number printed in boxes: what stands after the line's widest
 * gap when that is at least a line's height wide (the label's colon column), or else the whole line, when
 * it is mostly digits, holds some that were not read surely, and no sure word of letters.
 */
export function boxedNumberWords(words: readonly TsvWord[]): TsvWord[] | null {
  if (!words.length) return null;
  let at = 0;
  let widest = 0;
  for (let k = 1; k < words.length; k++) {
    const gap = (words[k] as TsvWord).bbox[0] - (words[k - 1] as TsvWord).bbox[2];
    if (gap > widest) [widest, at] = [gap, k];
  }
  const box = unionBox(words.map((w) => w.bbox));
  const value = words.slice(widest >= box[3] - box[1] ? at : 0);
  // (Box walls read as brackets or bars are neither digits nor letters.)
  const chars = value
    .map((w) => w.text)
    .join('')
    .replace(/[\s[\]|()]/g, '');
  const digits = chars.replace(/\D/g, '').length;
  if (digits < DIGIT_BOXES.minDigits || digits < DIGIT_BOXES.digitShare * chars.length) return null;
  if (value.every((w) => w.confidence >= SURE_NUMBER)) return null;
  return value.some((w) => w.confidence >= SURE_NUMBER && /\p{L}{2}/u.test(w.text)) ? null : value;
}

/**
 * The digits of a number printed in boxes (the words `old`), read from its glyphs set again tightly
 * (digit-boxes.ts) at two sizes, as words in tesseract's frame; null unless both readings are the same
 * identifier-long run of digits, no shorter than the old words' digits, read confidently or at least as
 * surely as the old words.
 */
async function readBoxedDigits(
  prepared: PreparedImage,
  radians: number,
  old: readonly TsvWord[],
  pool: OcrPool,
  signal?: AbortSignal,
): Promise<TsvWord[] | null> {
  const box = unionBox(old.map((w) => w.bbox));
  const rect = aroundLine(prepared, box);
  if (rect.width < 8 || rect.height < 8) return null;
  const region = await levelRegion(prepared, radians, rect);
  const packed = packDigits(region.data, region.width, region.height, (box[1] + box[3]) / 2 - region.top);
  if (!packed) return null;
  const readings: TsvWord[][] = [];
  for (const px of [DIGIT_BOXES.smallPx, DIGIT_BOXES.largePx])
    readings.push(await readAsLine(packed.data, packed.width, packed.height, px / packed.glyphHeight, prepared.dpi, pool, signal));
  const [a, b] = readings as [TsvWord[], TsvWord[]];
  const run = (ws: readonly TsvWord[]): string | null => (ws.length && ws.every((w) => /^\d+$/.test(w.text)) ? ws.map((w) => w.text).join('') : null);
  const digits = run(a);
  if (!digits || digits !== run(b) || digits.length < DIGIT_BOXES.minLength || digits.length > DIGIT_BOXES.maxLength) return null;
  // Glyphs lost in setting the digits again (touching ones, a line fitted astray) never stand in for
  // digits the first reading had.
  if (digits.length < digitsOf(old.map((w) => w.text).join('')).length) return null;
  // Tesseract is at times unsure of a long run of digits it reads the same twice: such a reading still
  // replaces a worse one, and its low confidence goes with it to extraction.
  if (Math.min(lowest(a), lowest(b)) < Math.min(MIN_CONFIDENCE, lowest(old))) return null;
  return a.flatMap((w) => {
    const o = originalBox(packed, w.bbox[0], w.bbox[2]);
    return o
      ? [
          {
            text: w.text,
            confidence: Math.min(w.confidence, lowest(b)),
            bbox: [o[0] + region.left, o[1] + region.top, o[2] + region.left, o[3] + region.top] as BBox,
          },
        ]
      : [];
  });
}

/** Whether one new reading settles a line: its doubtful words are replaced by it, and its numbers'
 * digits read the same. Otherwise a second reading is made. */
function settled(old: readonly TsvWord[], first: readonly TsvWord[]): boolean {
  const after = takeBetterReadings(old, [first])?.words ?? old;
  if (after.some(isDoubtfulWord)) return false;
  const numbers = old.filter((w) => isUnsureNumber(w, old));
  return (
    digitsOf(numbers.map((w) => w.text).join('')) ===
    digitsOf(
      inPlaceOf(numbers, first)
        .map((w) => w.text)
        .join(''),
    )
  );
}

/** A rectangle of tesseract's frame: the image it read, turned by its deskew angle about the centre,
 * size kept (as leptonica does). */
interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The grey pixels of `r` in tesseract's frame, and where they are (cut to the image). Only the part of
 * the page under the rectangle is turned, not the whole page.
 */
export async function levelRegion(prepared: PreparedImage, radians: number, r: Rect): Promise<{ data: Buffer } & Rect> {
  const { width: W, height: H } = prepared.crop;
  const grey = pgmPixels(prepared);
  const page = { raw: { width: W, height: H, channels: 1 as const } };
  if (Math.abs(radians) < 1e-4) return { data: await sharp(grey, page).extract(r).extractChannel(0).raw().toBuffer(), ...r };
  // The rectangle's corners turned back about the centre give the part of the image it came from.
  const cx = W / 2;
  const cy = H / 2;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const corners = [
    [r.left, r.top],
    [r.left + r.width, r.top],
    [r.left, r.top + r.height],
    [r.left + r.width, r.top + r.height],
  ] as const;
  const back = corners.map(([x, y]) => [cx + (x - cx) * cos + (y - cy) * sin, cy - (x - cx) * sin + (y - cy) * cos] as const);
  const sx0 = Math.max(0, Math.floor(Math.min(...back.map((p) => p[0]))) - 2);
  const sy0 = Math.max(0, Math.floor(Math.min(...back.map((p) => p[1]))) - 2);
  const sx1 = Math.min(W, Math.ceil(Math.max(...back.map((p) => p[0]))) + 2);
  const sy1 = Math.min(H, Math.ceil(Math.max(...back.map((p) => p[1]))) + 2);
  // sharp turns clockwise for a positive angle, as leptonica does, about the middle of what it is given,
  // onto a larger canvas. (The white background makes the result RGB; the grey channel is taken in a
  // second pass, as in one pass sharp scrambles it.)
  const turned = await sharp(grey, page)
    .extract({ left: sx0, top: sy0, width: sx1 - sx0, height: sy1 - sy0 })
    .rotate((radians * 180) / Math.PI, { background: '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { info } = turned;
  // A point t of tesseract's frame lies at t + o on the turned canvas.
  const mx = (sx0 + sx1) / 2;
  const my = (sy0 + sy1) / 2;
  const ox = info.width / 2 + (cx - mx) * cos - (cy - my) * sin - cx;
  const oy = info.height / 2 + (cx - mx) * sin + (cy - my) * cos - cy;
  const left = Math.max(0, Math.round(r.left + ox));
  const top = Math.max(0, Math.round(r.top + oy));
  const width = Math.min(info.width, Math.round(r.left + ox) + r.width) - left;
  const height = Math.min(info.height, Math.round(r.top + oy) + r.height) - top;
  const data = await sharp(turned.data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .extract({ left, top, width, height })
    .extractChannel(0)
    .raw()
    .toBuffer();
  return { data, left: Math.round(left - ox), top: Math.round(top - oy), width, height };
}

/** A line's box with some room around it (a letter's tail, a word just outside the box), inside the image. */
function aroundLine(prepared: PreparedImage, [x0, y0, x1, y1]: BBox): Rect {
  const h = Math.max(1, y1 - y0);
  const { width: W, height: H } = prepared.crop;
  const left = Math.max(0, Math.floor(x0 - h));
  const top = Math.max(0, Math.floor(y0 - 0.25 * h));
  return { left, top, width: Math.min(W, Math.ceil(x1 + h)) - left, height: Math.min(H, Math.ceil(y1 + 0.25 * h)) - top };
}

async function rereadLine(
  prepared: PreparedImage,
  radians: number,
  [x0, y0, x1, y1]: BBox,
  lineHeight: number,
  pool: OcrPool,
  signal?: AbortSignal,
): Promise<TsvWord[]> {
  const h = Math.max(1, y1 - y0);
  const rect = aroundLine(prepared, [x0, y0, x1, y1]);
  if (rect.width < 8 || rect.height < 8) return [];
  const region = await levelRegion(prepared, radians, rect);
  const { left, top, width, height } = region;
  if (width < 8 || height < 8) return [];
  const words = await readAsLine(region.data, width, height, Math.max(1, lineHeight / h), prepared.dpi, pool, signal);
  return words.map((w) => ({ ...w, bbox: [w.bbox[0] + left, w.bbox[1] + top, w.bbox[2] + left, w.bbox[3] + top] as BBox }));
}

/** A grey strip enlarged `scale` times and read as one line of text; boxes in the strip's own pixels. */
export async function readAsLine(
  grey: Buffer,
  width: number,
  height: number,
  scale: number,
  dpi: number,
  pool: OcrPool,
  signal?: AbortSignal,
): Promise<TsvWord[]> {
  const { data, info } = await sharp(grey, { raw: { width, height, channels: 1 } })
    .resize(Math.round(width * scale), Math.round(height * scale), { kernel: 'lanczos3' })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const read = await pool.recognize(Buffer.concat([pgmHeader(info.width, info.height), data]), { signal, deskew: false, singleLine: true, dpi: dpi * scale });
  const back = (v: number): number => Math.round(v / scale);
  return read.lines.flatMap((l) => l.words.map((w) => ({ text: w.text, confidence: w.confidence, bbox: w.bbox.map(back) as BBox })));
}

/** Share of the narrower of two boxes that their x-ranges have in common. */
const overlapX = (a: BBox, b: BBox): number => Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) / Math.max(1, Math.min(a[2] - a[0], b[2] - b[0]));

const hasText = (w: TsvWord): boolean => /[\p{L}\p{N}]/u.test(w.text);
/** The confidence of the least sure word that holds a letter or digit (a lone ':' does not count). */
const lowest = (words: readonly TsvWord[]): number => Math.min(100, ...words.filter(hasText).map((w) => w.confidence));

/**
 * The line with the new readings taken where they are clearly better; null when nothing was taken. Old
 * and new words are paired by position: a word that needs a look, the words of the first new reading
 * in its place, the old words in theirs, and so on (a value split in two by the page's layout may come
 * back as one word, or the other way round).
 *
 * - Doubtful words take the first new reading whose words are all confident and whose least sure word
 *   is clearly surer than the least sure old one.
 * - A number read with less than near certainty takes new digits only when both new readings agree on
 *   them and are confident: two readings against one. Otherwise it keeps its first reading.
 */
export function takeBetterReadings(old: readonly TsvWord[], readings: readonly (readonly TsvWord[])[]): { words: TsvWord[]; replaced: number } | null {
  const fresh = readings[0] ?? [];
  const out: TsvWord[] = [];
  let replaced = 0;
  let i = 0;
  while (i < old.length) {
    const w = old[i] as TsvWord;
    if (!needsLook(w, old)) {
      out.push(w);
      i++;
      continue;
    }
    // Grow the group from this word until old and new words in it cover each other.
    let first = i;
    let last = i;
    for (let grown = true; grown;) {
      const news = inPlaceOf(old.slice(first, last + 1), fresh);
      grown = false;
      while (first > 0 && news.some((f) => overlapX((old[first - 1] as TsvWord).bbox, f.bbox) >= 0.5)) {
        first--;
        grown = true;
      }
      while (last < old.length - 1 && news.some((f) => overlapX((old[last + 1] as TsvWord).bbox, f.bbox) >= 0.5)) {
        last++;
        grown = true;
      }
    }
    const olds = old.slice(first, last + 1);
    // Words before `i` already in `out` that the group reaches back to are taken out again.
    out.splice(out.length - (i - first), i - first);
    // A reading is only weighed for the group when its words stay inside it (a speck beside it aside).
    const within = (ws: readonly TsvWord[]): boolean =>
      ws.every((f) => old.every((o, k) => (k >= first && k <= last) || !hasText(o) || overlapX(o.bbox, f.bbox) < 0.5));
    const taken = choose(olds, readings.map((r) => inPlaceOf(olds, r)).filter(within));
    if (taken) {
      out.push(...taken);
      replaced += olds.length;
    } else out.push(...olds);
    i = last + 1;
  }
  return replaced ? { words: out, replaced } : null;
}

const inPlaceOf = (olds: readonly TsvWord[], reading: readonly TsvWord[]): TsvWord[] =>
  reading.filter((f) => olds.some((o) => overlapX(o.bbox, f.bbox) >= 0.5));

/** A new word covering both a word of letters and a number: a label glued to its value ("NIK1271…"). */
const gluesLabel = (olds: readonly TsvWord[], ws: readonly TsvWord[]): boolean =>
  ws.some((f) => {
    const covered = olds.filter((o) => overlapX(o.bbox, f.bbox) >= 0.5);
    return covered.some((o) => !/\d/.test(o.text) && /\p{L}/u.test(o.text)) && covered.some((o) => digitsOf(o.text).length >= 4);
  });

/** The new words to take for a group of old words, or null to keep them (see takeBetterReadings). */
function choose(olds: readonly TsvWord[], news: readonly TsvWord[][]): TsvWord[] | null {
  const confident = (ws: readonly TsvWord[]): boolean => ws.length > 0 && lowest(ws) >= MIN_CONFIDENCE && !gluesLabel(olds, ws);
  if (olds.some(isDoubtfulWord)) return news.find((ws) => confident(ws) && lowest(ws) >= Math.min(...olds.map((o) => o.confidence)) + MIN_GAIN) ?? null;
  const [a, b] = news;
  if (!a || !b || !confident(a) || !confident(b)) return null;
  const digits = (ws: readonly TsvWord[]): string => digitsOf(ws.map((x) => x.text).join(''));
  return digits(a) === digits(b) && digits(a) !== digits(olds) ? a : null;
}
