// Reads one page: its PDF text layer when it has a real one, otherwise OCR on the preprocessed image.
// A page that reads badly is checked for sideways/upside-down orientation (OSD) and read again turned;
// OSD runs only then, because upright pages (nearly all) read well at the first attempt.
import sharp from 'sharp';
import type { OcrLine, OcrPage, OcrWord } from '../../shared/domain/ocr';
import type { OcrLimits } from './config';
import type { OcrPool, RecognizedImage } from './pool';
import { prepareForOcr, type PreparedImage } from './preprocess';
import { assessQuality } from './quality';
import { markCheckboxes } from './checkboxes';
import { markHandwriting } from './handwriting';
import { secondLook } from './second-look';
import { splitGluedWords } from './word-gaps';
import { readMissedText } from './missed-text';
import { OCR_IMAGE } from '../../shared/tuning';
import type { Gate } from './gate';
import type { DocumentSource, PageRaster } from './source';
import { toPageBox, type PageTransform } from './transform';

/** Below this mean word confidence (or with almost no words) a page may be turned: ask OSD. */
const ORIENTATION_CHECK_BELOW = 0.7;
const MIN_OSD_CONFIDENCE = 1.5;
/** A PDF page with at least this many letters in its text layer is read from it, not OCR'd. */
const MIN_TEXT_LAYER_CHARS = 20;

interface Attempt {
  prepared: PreparedImage;
  page: RecognizedImage;
  lines: OcrLine[];
  meanConfidence: number | null;
  words: number;
  /** Words read with confidence: garbage from a sideways page is plentiful but never confident. */
  goodWords: number;
}

export const hasTextLayer = (raster: PageRaster): boolean => (raster.textLayer ?? []).reduce((n, w) => n + w.text.length, 0) >= MIN_TEXT_LAYER_CHARS;

export interface LoadedPage {
  raster: PageRaster;
  /** The upright OCR image, prepared while the page was loaded (absent for text-layer pages). */
  prepared?: PreparedImage;
  timings: Record<string, number>;
}

/** Rasterises a page and prepares its OCR image inside `gate`, one page at a time and in order: the
 * main thread and sharp then work on the earliest page first, so the first page reaches OCR soonest. */
export function loadPage(source: DocumentSource, pageNo: number, limits: OcrLimits, gate: Gate): Promise<LoadedPage> {
  return gate.run(async () => {
    let t = performance.now();
    const raster = await source.loadPage(pageNo);
    const timings: Record<string, number> = { rasterise: ms(t) };
    if (hasTextLayer(raster)) return { raster, timings };
    t = performance.now();
    if (raster.blank || (await looksBlank(raster))) {
      timings.blankCheck = ms(t);
      return { raster: { ...raster, blank: true }, timings };
    }
    t = performance.now();
    const prepared = await prepareForOcr(raster, limits, 0);
    timings.preprocess = ms(t);
    return { raster, prepared, timings };
  });
}

export async function readPage(input: PageRaster | LoadedPage, pageNo: number, pool: OcrPool, limits: OcrLimits, signal?: AbortSignal): Promise<OcrPage> {
  const started = performance.now();
  const loaded: LoadedPage = 'raster' in input ? input : { raster: input, timings: {} };
  const raster = loaded.raster;
  if (hasTextLayer(raster)) {
    const page = fromTextLayer(raster, pageNo, started);
    Object.assign(page.timings, loaded.timings);
    return page;
  }

  if (raster.blank || (!loaded.prepared && (await looksBlank(raster)))) return blankPage(raster, pageNo, started, loaded.timings);
  const timings: Record<string, number> = { ...loaded.timings };
  const attempt = async (rotate: PreparedImage['rotate'], told?: PreparedImage): Promise<Attempt> => {
    let t = performance.now();
    const ready = told ?? (rotate === 0 ? loaded.prepared : undefined);
    const prepared = ready ?? (await prepareForOcr(raster, limits, rotate));
    if (!ready) timings[rotate ? `preprocess${rotate}` : 'preprocess'] = ms(t);
    t = performance.now();
    const page = await pool.recognize(prepared.image, { signal, deskew: true, dpi: prepared.dpi });
    timings[rotate ? `recognize${rotate}` : 'recognize'] = ms(t);
    const lines = toLines(page, transformOf(raster, prepared, page));
    const words = lines.flatMap((l) => l.words);
    const meanConfidence = words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : null;
    const goodWords = words.filter((w) => w.confidence >= 0.7).length;
    return { prepared, page, lines, meanConfidence, words: words.length, goodWords };
  };

  let best = await attempt(0);
  const readsPoorly = (a: Attempt): boolean => (a.meanConfidence ?? 0) < ORIENTATION_CHECK_BELOW || a.words < 5;
  // Print the stated resolution makes tiny (a card photographed small and enlarged, a photo whose file
  // claims a dpi it never had): tesseract takes letters under a few points at the dpi it is told for
  // specks. Such a page is read again, told the resolution at which its own letters are print-sized.
  const size = readsPoorly(best) ? textPoints(best) : null;
  if (size !== null && size < OCR_IMAGE.smallTextPoints) {
    const t = performance.now();
    const dpi = Math.round((best.prepared.dpi * size) / OCR_IMAGE.printTextPoints);
    const retold = await attempt(0, { ...best.prepared, dpi });
    timings.retold = ms(t);
    if (retold.goodWords > best.goodWords) best = retold;
  }
  let osd: { degrees: number; confidence: number } | null = null;
  if (readsPoorly(best)) {
    const t = performance.now();
    osd = await pool.detectOrientation(best.prepared.image, signal);
    timings.orientation = ms(t);
    if (osd && osd.degrees !== 0 && osd.confidence >= MIN_OSD_CONFIDENCE) {
      const turned = await attempt(osd.degrees as PreparedImage['rotate']);
      if (turned.goodWords > best.goodWords) best = turned;
    }
  }
  const { prepared } = best;
  // Doubtful lines are read again, one by one, and the page's lines rebuilt from what was kept.
  let page = best.page;
  let lines = best.lines;
  const lookStarted = performance.now();
  const look = await secondLook(prepared, page, pool, signal);
  if (look.reread || look.boxed) timings.secondLook = ms(lookStarted);
  if (look.replaced) page = look.read;
  // Print the page's layout left unread (a card's label column over a patterned ground) is read alone.
  const missedStarted = performance.now();
  const missed = await readMissedText(prepared, page, pool, signal);
  if (missed.blocks) timings.missedText = ms(missedStarted);
  if (missed.found) page = missed.read;
  // Words tesseract glued across a visible space are split.
  const gapsStarted = performance.now();
  const glued = await splitGluedWords(prepared, page, pool, signal);
  timings.wordGaps = ms(gapsStarted);
  if (glued.split) page = glued.read;
  if (look.replaced || missed.found || glued.split) lines = toLines(page, transformOf(raster, prepared, page));
  // Check boxes and handwritten words are read on the officer's page, where the pen's colour is still there.
  let inkStarted = performance.now();
  const checkboxes = markCheckboxes(raster, lines);
  timings.checkboxes = ms(inkStarted);
  inkStarted = performance.now();
  markHandwriting(raster, lines);
  timings.handwriting = ms(inkStarted);
  const estimatedDpi = raster.dpi === null;
  const dpi = raster.dpi ?? Math.round(Math.min(raster.width, raster.height) / 8.27);
  const quality = assessQuality({
    // An estimated resolution (assuming an A4-wide sheet) only counts when it is very low.
    dpi: estimatedDpi && dpi >= 80 ? null : dpi,
    contrast: prepared.contrast,
    meanConfidence: best.meanConfidence,
    wordCount: best.words,
  });
  if (estimatedDpi) quality.dpi = dpi;
  timings.total = ms(started) + (loaded.timings.rasterise ?? 0) + (loaded.prepared ? (loaded.timings.preprocess ?? 0) : 0);
  return {
    page: pageNo,
    width: raster.width,
    height: raster.height,
    source: 'ocr',
    text: lines.map((l) => l.text).join('\n'),
    lines,
    quality,
    preprocessing: {
      steps: [...prepared.steps, ...(page.rotateRadians ? ['deskew'] : [])],
      rotate: prepared.rotate,
      deskewDegrees: round2((page.rotateRadians * 180) / Math.PI),
      scale: prepared.scale,
      ocrWidth: prepared.width,
      ocrHeight: prepared.height,
      dpi,
      dpiEstimated: estimatedDpi,
      orientation: osd,
      ...(look.reread || look.boxed ? { secondLook: { reread: look.reread, boxed: look.boxed, replaced: look.replaced } } : {}),
      ...(glued.split ? { wordsSplit: glued.split } : {}),
      ...(missed.blocks ? { missedText: { blocks: missed.blocks, words: missed.found } } : {}),
      ...(checkboxes ? { checkboxes } : {}),
      languages: pool.languages.join('+'),
    },
    timings,
  };
}

/** The height of the page's confidently read words, in points at the resolution it was told (null when
 * too few words were read to say). */
function textPoints(a: Attempt): number | null {
  const heights = a.page.lines
    .flatMap((l) => l.words)
    .filter((w) => w.confidence >= 60 && /[A-Za-z0-9]{2}/.test(w.text))
    .map((w) => w.bbox[3] - w.bbox[1]);
  if (heights.length < 3) return null;
  heights.sort((x, y) => x - y);
  return ((heights[Math.floor(heights.length / 2)] as number) / a.prepared.dpi) * 72;
}

function transformOf(raster: PageRaster, prepared: PreparedImage, page: RecognizedImage): PageTransform {
  return {
    scale: prepared.scale,
    rotate: prepared.rotate,
    deskewRadians: page.rotateRadians,
    pageWidth: raster.width,
    pageHeight: raster.height,
    ocrWidth: prepared.width,
    ocrHeight: prepared.height,
    crop: prepared.crop,
  };
}

function toLines(page: RecognizedImage, t: PageTransform): OcrLine[] {
  return page.lines.map((line) => {
    const words: OcrWord[] = line.words.map((w) => ({
      text: w.text,
      confidence: clamp01(w.confidence / 100),
      bbox: toPageBox(t, w.bbox),
    }));
    return {
      text: words.map((w) => w.text).join(' '),
      confidence: clamp01(line.confidence / 100),
      bbox: toPageBox(t, line.bbox),
      words,
    };
  });
}

/** Text-layer words grouped into lines by their vertical position. */
/**
 * Whether a page's pixels are blank paper. Seen at 400 pixels across in grey, blank paper keeps nearly
 * every pixel near its middle level: grain spreads a few levels either way, and the middle half of the
 * levels lies within a dozen. Ink, a photo's background,
 * a shadowed desk all leave a share of pixels far from it (more than three times the spread of the
 * middle half, and at least 15 levels), even a faded, blurred print. It costs milliseconds; OCR of a
 * blank page (every orientation tried, since it reads no words) costs seconds.
 */
export async function looksBlank(raster: PageRaster): Promise<boolean> {
  const { data, info } = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: raster.channels } })
    .removeAlpha()
    .greyscale()
    .resize({ width: Math.min(400, raster.width), fit: 'inside', kernel: 'linear' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels = info.width * info.height;
  const histogram = new Uint32Array(256);
  for (let i = 0; i < pixels; i++) histogram[data[i * info.channels]!]! += 1;
  const level = (share: number): number => {
    let seen = 0;
    for (let v = 0; v < 256; v++) if ((seen += histogram[v]!) >= share * pixels) return v;
    return 255;
  };
  const middle = level(0.5);
  const spread = level(0.75) - level(0.25);
  // A page whose middle half already spans more than paper grain does (a photo, a printed form) is not blank.
  if (spread > BLANK.maxGrain) return false;
  const reach = Math.max(BLANK.minDepth, 3 * (spread + 1));
  let far = 0;
  for (let v = 0; v < 256; v++) if (Math.abs(v - middle) > reach) far += histogram[v]!;
  return far / pixels < BLANK.maxFarShare;
}

const BLANK = {
  /** The widest spread of the middle half of a blank page's grey levels (grain, a faint shadow). */
  maxGrain: 12,
  /** A pixel at least this many grey levels from the page's middle level is not paper grain. */
  minDepth: 15,
  /** At most this share of such pixels on a blank page (about 30 pixels of a 400 × 566 A4 view). */
  maxFarShare: 0.00015,
} as const;

/** A blank page's reading: no words, said so in its quality, not counted as a poor scan. */
function blankPage(raster: PageRaster, pageNo: number, started: number, timings: Record<string, number>): OcrPage {
  return {
    page: pageNo,
    width: raster.width,
    height: raster.height,
    source: 'ocr',
    text: '',
    lines: [],
    quality: { score: 0, poor: false, dpi: raster.dpi, contrast: 0, meanConfidence: 0, reasons: ['blank_page'] },
    preprocessing: { steps: ['blank-page'], rotate: 0, deskewDegrees: 0, scale: 1, dpi: raster.dpi },
    timings: { ...timings, total: ms(started) },
  };
}

function fromTextLayer(raster: PageRaster, pageNo: number, started: number): OcrPage {
  const words = [...(raster.textLayer ?? [])].sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
  const lines: OcrLine[] = [];
  for (const w of words) {
    const word: OcrWord = { text: w.text, confidence: 1, bbox: w.bbox };
    const mid = (w.bbox[1] + w.bbox[3]) / 2;
    const line = lines.find((l) => mid > l.bbox[1] && mid < l.bbox[3]);
    if (line) {
      line.words.push(word);
      line.bbox = [Math.min(line.bbox[0], w.bbox[0]), Math.min(line.bbox[1], w.bbox[1]), Math.max(line.bbox[2], w.bbox[2]), Math.max(line.bbox[3], w.bbox[3])];
    } else {
      lines.push({ text: '', confidence: 1, bbox: [...w.bbox], words: [word] });
    }
  }
  for (const l of lines) {
    l.words.sort((a, b) => a.bbox[0] - b.bbox[0]);
    l.text = l.words.map((w) => w.text).join(' ');
  }
  lines.sort((a, b) => a.bbox[1] - b.bbox[1]);
  return {
    page: pageNo,
    width: raster.width,
    height: raster.height,
    source: 'text-layer',
    text: lines.map((l) => l.text).join('\n'),
    lines,
    quality: assessQuality({ dpi: raster.dpi, contrast: 1, meanConfidence: 1, wordCount: words.length, exact: true }),
    preprocessing: { steps: ['text-layer'], rotate: 0, deskewDegrees: 0, scale: 1, dpi: raster.dpi },
    timings: { total: ms(started) },
  };
}

const ms = (since: number): number => Math.round(performance.now() - since);
const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));
const round2 = (v: number): number => Math.round(v * 100) / 100;
