// tesseract now and then reads two words as one when the space between them is narrow for the font
// ("PAALMERAH", "ARIFMAULANA"): a name or a village then comes out glued and wrong. The space is still
// plain on the page: a run of blank columns several times wider than the gaps between letters. Such a
// word is cut from the image tesseract read, the blank run is widened, and the word is read again as
// one line. The new reading is taken only when it has the very same letters, now split: the look adds
// spaces and never changes a letter.
import type { BBox } from '../../shared/domain/documents';
import type { OcrPool, RecognizedImage } from './pool';
import { pgmPixels, type PreparedImage } from './preprocess';
import { levelRegion, readAsLine } from './second-look';
import { meanConfidence, type TsvWord } from './tsv';

/** Only words with this many letters are looked at: shorter ones have no room for two words, and
 * numbers (dates, amounts, identifiers) are left as read. */
const MIN_LETTERS = 6;
/** A blank run this much wider than the word's usual gap between letters, and this share of its height, is a space. */
const GAP_OVER_USUAL = 2.2;
const GAP_OVER_HEIGHT = 0.35;
/** Darker than this (cleaned, stretched OCR image) is ink. */
const INK = 128;
/** At most this many words a page are read again. */
const MAX_WORDS = 12;
/** The word is enlarged to about this height to be read again. */
const READ_HEIGHT_PX = 60;

const letters = (t: string): string => t.replace(/[^\p{L}\p{N}]/gu, '');
/** Letters with digit look-alikes folded together ("I" alone is often read "1"). */
const folded = (t: string): string => letters(t).toUpperCase().replace(/[1L|]/g, 'I').replace(/0/g, 'O').replace(/5/g, 'S').replace(/8/g, 'B');
const letterCount = (t: string): number => (t.match(/\p{L}/gu) ?? []).length;

/** The old word's own characters cut where the new reading puts its spaces (`lengths`: letters and
 * digits per new word); punctuation stays with the part it follows. */
export function cutAs(text: string, lengths: readonly number[]): string[] {
  let at = 0;
  return lengths.map((n, k) => {
    const last = k === lengths.length - 1;
    let part = '';
    let seen = 0;
    while (at < text.length) {
      const ch = text[at] as string;
      const counts = /[\p{L}\p{N}]/u.test(ch);
      if (!last && counts && seen === n) break;
      part += ch;
      at++;
      if (counts) seen++;
    }
    return part;
  });
}

/** The grey pixels of `r` in the prepared image, row by row. */
function cut(prepared: PreparedImage, r: { left: number; top: number; width: number; height: number }): Buffer {
  const grey = pgmPixels(prepared);
  const out = Buffer.allocUnsafe(r.width * r.height);
  for (let y = 0; y < r.height; y++)
    grey.copy(out, y * r.width, (r.top + y) * prepared.crop.width + r.left, (r.top + y) * prepared.crop.width + r.left + r.width);
  return out;
}

/** Blank runs (start column, width) strictly inside the ink of a grey region. */
export function blankRuns(data: Buffer, width: number, height: number): { at: number; width: number }[] {
  const inked: boolean[] = [];
  for (let x = 0; x < width; x++) {
    let ink = false;
    for (let y = 0; y < height && !ink; y++) ink = (data[y * width + x] as number) < INK;
    inked.push(ink);
  }
  const first = inked.indexOf(true);
  const last = inked.lastIndexOf(true);
  const runs: { at: number; width: number }[] = [];
  for (let x = first + 1; first >= 0 && x < last; x++) {
    if (inked[x]) continue;
    const at = x;
    while (x < last && !inked[x]) x++;
    runs.push({ at, width: x - at });
  }
  return runs;
}

/** The runs wide enough to be a space between words. */
export function spaces(runs: readonly { at: number; width: number }[], height: number): { at: number; width: number }[] {
  if (runs.length < 2) return [];
  const sorted = runs.map((r) => r.width).sort((a, b) => a - b);
  const usual = sorted[Math.floor((sorted.length - 1) / 2)] as number;
  return runs.filter((r) => r.width >= Math.max(GAP_OVER_USUAL * Math.max(1, usual), GAP_OVER_HEIGHT * height));
}

/**
 * Splits the glued words of `read` (what tesseract made of `prepared`) where the image shows a space;
 * returns the reading with those words replaced, and how many were split.
 */
export async function splitGluedWords(
  prepared: PreparedImage,
  read: RecognizedImage,
  pool: OcrPool,
  signal?: AbortSignal,
): Promise<{ read: RecognizedImage; split: number }> {
  let split = 0;
  let looked = 0;
  const lines = [];
  for (const line of read.lines) {
    const words: TsvWord[] = [];
    for (const w of line.words) {
      const parts =
        looked < MAX_WORDS && letterCount(w.text) >= MIN_LETTERS ? await splitWord(prepared, read.rotateRadians, w, pool, signal, () => looked++) : null;
      if (parts) split++;
      words.push(...(parts ?? [w]));
    }
    lines.push(words.length === line.words.length ? line : { ...line, words, confidence: meanConfidence(words) });
  }
  return { read: split ? { ...read, lines } : read, split };
}

async function splitWord(
  prepared: PreparedImage,
  radians: number,
  w: TsvWord,
  pool: OcrPool,
  signal: AbortSignal | undefined,
  count: () => void,
): Promise<TsvWord[] | null> {
  const [x0, y0, x1, y1] = w.bbox;
  const h = Math.max(1, y1 - y0);
  const { width: W, height: H } = prepared.crop;
  const left0 = Math.max(0, Math.floor(x0 - 2));
  const top0 = Math.max(0, Math.floor(y0 - 0.15 * h));
  const rect = { left: left0, top: top0, width: Math.min(W, Math.ceil(x1 + 2)) - left0, height: Math.min(H, Math.ceil(y1 + 0.15 * h)) - top0 };
  if (rect.width < 8 || rect.height < 8) return null;
  // On a page tesseract read level (nearly all), the word's pixels are looked at where they are: most
  // words have no space in them, and turning each one's region first cost more than the rest of the look.
  if (Math.abs(radians) * rect.width < 1 && !spaces(blankRuns(cut(prepared, rect), rect.width, rect.height), h).length) return null;
  const region = await levelRegion(prepared, radians, rect).catch(() => null);
  if (!region || region.width < 8 || region.height < 8) return null;
  const wide = spaces(blankRuns(region.data, region.width, region.height), h);
  if (!wide.length) return null;
  count();
  // The word with each space widened to a full letter height, enlarged and read as one line.
  const pad = Math.round(h * 0.8);
  const widened = Buffer.alloc((region.width + pad * wide.length) * region.height, 255);
  const outWidth = region.width + pad * wide.length;
  for (let y = 0; y < region.height; y++) {
    let shift = 0;
    for (let x = 0; x < region.width; x++) {
      if (wide[shift] && x === (wide[shift] as { at: number }).at) shift++;
      widened[y * outWidth + x + shift * pad] = region.data[y * region.width + x] as number;
    }
  }
  const fresh = await readAsLine(widened, outWidth, region.height, Math.max(1, READ_HEIGHT_PX / h), prepared.dpi, pool, signal).catch((err: unknown) => {
    if (signal?.aborted) throw err;
    return [];
  });
  const news = fresh.filter((n) => letters(n.text));
  // Only a split of the same letters is taken (a lone I read as 1 is still an I), and the letters kept
  // are the first reading's.
  if (news.length < 2 || news.map((n) => folded(n.text)).join('') !== folded(w.text)) return null;
  // A number stays one word (a NIK in digit boxes is spaced on the page and read whole).
  if (news.every((n) => /^\d+$/.test(letters(n.text)))) return null;
  const texts = cutAs(
    w.text,
    news.map((n) => letters(n.text).length),
  );
  // New boxes back in tesseract's frame: undo the widening before each word.
  const back = (v: number): number => {
    let shift = 0;
    for (const [k, s] of wide.entries()) {
      const inserted = s.at + k * pad;
      if (v >= inserted + pad) shift = k + 1;
      else if (v >= inserted) return Math.round(s.at + region.left);
    }
    return Math.round(v - shift * pad + region.left);
  };
  return news.map((n, k) => ({
    text: texts[k] as string,
    confidence: Math.min(w.confidence, n.confidence),
    bbox: [Math.max(x0, back(n.bbox[0])), y0, Math.min(x1, back(n.bbox[2])), y1] as BBox,
  }));
}
