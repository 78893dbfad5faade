// A second, closer look at the lines tesseract read with little confidence: each such line alone, cut
// from the image tesseract read (cleaned, and turned level the way tesseract turned it), enlarged and
// read as one line of text. A blurred phone photo or a low-resolution scan often reads cleanly this way
// where full-page layout analysis misjudged it. A doubtful word's new reading replaces the old one only
// when tesseract is clearly surer of it; otherwise the word stays as it was (and extraction leaves its
// doubtful values for the officer).
import sharp from 'sharp';
import type { OcrPool, RecognizedImage } from './pool';
import type { PreparedImage } from './preprocess';
import type { PixelBox, TsvLine, TsvWord } from './tsv';

/** A line is looked at again when one of its words (of two characters or more) is below this (0–100). */
const DOUBTFUL = 60;
/** At most this many lines a page, the least confident first: bounds the extra time on a bad page. */
const MAX_LINES = 8;
/** The re-read line's box is enlarged (never shrunk) to about this many pixels high. */
const LINE_HEIGHT_PX = 60;
/** A word's new reading must be at least this confident, and this much surer than the old one. */
const MIN_CONFIDENCE = 75;
const MIN_GAIN = 15;

export interface SecondLook {
  read: RecognizedImage;
  /** Lines read again, and words whose new reading was taken. */
  reread: number;
  replaced: number;
}

const mean = (words: readonly TsvWord[]): number => words.reduce((s, w) => s + w.confidence, 0) / Math.max(1, words.length);

const isDoubtful = (line: TsvLine): boolean => line.words.some((w) => w.confidence < DOUBTFUL && w.text.length >= 2);

/** Reads the doubtful lines of `read` (what tesseract made of `prepared`) again, one by one. */
export async function secondLook(prepared: PreparedImage, read: RecognizedImage, pool: OcrPool, signal?: AbortSignal): Promise<SecondLook> {
  const doubtful = read.lines
    .map((line, i) => ({ line, i, confidence: mean(line.words) }))
    .filter((d) => isDoubtful(d.line))
    .sort((a, b) => a.confidence - b.confidence)
    .slice(0, MAX_LINES);
  if (!doubtful.length) return { read, reread: 0, replaced: 0 };
  const level = await levelImage(prepared, read.rotateRadians);
  const lines = [...read.lines];
  let replaced = 0;
  for (const d of doubtful) {
    const fresh = await rereadLine(level, d.line.bbox, prepared.dpi, pool, signal);
    const words = takeBetterReadings(d.line.words, fresh);
    if (!words) continue;
    lines[d.i] = { bbox: d.line.bbox, confidence: mean(words.words), words: words.words };
    replaced += words.replaced;
  }
  return { read: { ...read, lines }, reread: doubtful.length, replaced };
}

/** The grey pixels tesseract read, in the frame its boxes are in: turned by its deskew angle about the
 * centre, size kept (as leptonica does), white brought in at the corners. */
interface LevelImage {
  data: Buffer;
  width: number;
  height: number;
}

async function levelImage(prepared: PreparedImage, radians: number): Promise<LevelImage> {
  const { width, height } = prepared.crop;
  const grey = prepared.image.subarray(prepared.image.length - width * height);
  if (Math.abs(radians) < 1e-4) return { data: grey, width, height };
  // sharp turns clockwise for a positive angle, as leptonica does, onto a larger canvas centred on the
  // same point: the middle `width` × `height` of it is tesseract's frame. (The white background makes
  // the result RGB; the grey channel is taken in a second pass, as in one pass sharp scrambles it.)
  const turned = await sharp(grey, { raw: { width, height, channels: 1 } })
    .rotate((radians * 180) / Math.PI, { background: '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { info } = turned;
  const data = await sharp(turned.data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .extract({ left: Math.round((info.width - width) / 2), top: Math.round((info.height - height) / 2), width, height })
    .extractChannel(0)
    .raw()
    .toBuffer();
  return { data, width, height };
}

async function rereadLine(image: LevelImage, [x0, y0, x1, y1]: PixelBox, dpi: number, pool: OcrPool, signal?: AbortSignal): Promise<TsvWord[]> {
  const h = Math.max(1, y1 - y0);
  // Some room around the line (a letter's tail, a word just outside the box), inside the image.
  const left = Math.max(0, Math.floor(x0 - h));
  const top = Math.max(0, Math.floor(y0 - 0.25 * h));
  const width = Math.min(image.width, Math.ceil(x1 + h)) - left;
  const height = Math.min(image.height, Math.ceil(y1 + 0.25 * h)) - top;
  if (width < 8 || height < 8) return [];
  const scale = Math.max(1, LINE_HEIGHT_PX / h);
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .extract({ left, top, width, height })
    .resize(Math.round(width * scale), Math.round(height * scale), { kernel: 'lanczos3' })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const header = Buffer.from(`P5\n${info.width} ${info.height}\n255\n`, 'latin1');
  const read = await pool.recognize(Buffer.concat([header, data]), { signal, deskew: false, singleLine: true, dpi: dpi * scale });
  const back = (v: number, offset: number): number => Math.round(v / scale + offset);
  return read.lines.flatMap((l) =>
    l.words.map((w) => ({
      text: w.text,
      confidence: w.confidence,
      bbox: [back(w.bbox[0], left), back(w.bbox[1], top), back(w.bbox[2], left), back(w.bbox[3], top)] as PixelBox,
    })),
  );
}

/** Share of the narrower of two boxes that their x-ranges have in common. */
const overlapX = (a: PixelBox, b: PixelBox): number =>
  Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) / Math.max(1, Math.min(a[2] - a[0], b[2] - b[0]));

const lowest = (words: readonly TsvWord[]): number => Math.min(...words.map((w) => w.confidence));

/**
 * The line with the new reading of its doubtful words taken where it is clearly better; null when
 * nothing was taken. Old and new words are paired by position: a doubtful word, the new words in its
 * place, the old words in theirs, and so on (a value split in two by the page's layout may come back as
 * one word, or the other way round). A group's new words are taken when every one of them is confident
 * and the least sure of them is clearly surer than the least sure old word.
 */
export function takeBetterReadings(old: readonly TsvWord[], fresh: readonly TsvWord[]): { words: TsvWord[]; replaced: number } | null {
  const out: TsvWord[] = [];
  let replaced = 0;
  let i = 0;
  while (i < old.length) {
    const w = old[i] as TsvWord;
    if (w.confidence >= DOUBTFUL || w.text.length < 2) {
      out.push(w);
      i++;
      continue;
    }
    // Grow the group from this word until old and new words in it cover each other.
    let first = i;
    let last = i;
    let news: TsvWord[] = [];
    for (let grown = true; grown; ) {
      const olds = old.slice(first, last + 1);
      news = fresh.filter((f) => olds.some((o) => overlapX(o.bbox, f.bbox) >= 0.5));
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
    if (news.length && lowest(news) >= MIN_CONFIDENCE && lowest(news) >= lowest(olds) + MIN_GAIN) {
      out.push(...news);
      replaced += olds.length;
    } else out.push(...olds);
    i = last + 1;
  }
  return replaced ? { words: out, replaced } : null;
}
