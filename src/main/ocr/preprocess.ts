// Prepares a page for tesseract with sharp: grayscale, contrast stretched, sized to ~300 dpi text, and
// turned a quarter when orientation detection asks for it. Small skew is measured and undone by
// tesseract itself (rotateAuto), which reports the angle so boxes can be mapped back.
import sharp from 'sharp';
import { removeRules, removeSpecks } from './clean';
import { invertDarkBoxes } from './invert';
import { OCR_IMAGE } from '../../shared/tuning';
import { giveScratch, takeScratch } from './scratch';
import type { OcrLimits } from './config';
import type { PageRaster } from './source';
import type { Crop, QuarterTurn } from './transform';

export interface PreparedImage {
  /** Binary PGM, which tesseract (leptonica) reads without decoding work: the part of the prepared
   * page that holds ink (`crop`), with a white margin. */
  image: Buffer;
  /** Size of the whole prepared page (scaled and turned). */
  width: number;
  height: number;
  /** Where `image` lies in the prepared page. */
  crop: Crop;
  scale: number;
  rotate: QuarterTurn;
  /** Spread of grey levels before normalisation, 0–1 (stdev / 128): low means faded or washed out. */
  contrast: number;
  /** Resolution of the prepared image, told to tesseract. */
  dpi: number;
  steps: string[];
}

/** Text printed at ~11 pt needs ~150 dpi at least; tiny phone photos are enlarged up to this. */
const MIN_OCR_SIDE = 1800;

export async function prepareForOcr(raster: PageRaster, limits: OcrLimits, rotate: QuarterTurn = 0): Promise<PreparedImage> {
  const { width, height, channels } = raster;
  const side = Math.max(width, height);
  let scale = 1;
  if (side > limits.maxOcrSide) scale = limits.maxOcrSide / side;
  else if (side < MIN_OCR_SIDE) scale = MIN_OCR_SIDE / side;
  const steps = ['grayscale', 'normalise'];
  // Sized and turned first, grey after: sharp resizes 3- and 4-band pixels several times faster than one
  // band (~30 ms against ~60 ms for an A4 page here), and a plain luma pass over the smaller result costs
  // less than sharp's grayscale(), which converts through a colour space.
  let grey: { data: Buffer; info: { width: number; height: number } };
  // toGrey's result is scratch memory unless the pixels were grey already.
  let greyIsScratch = channels !== 1;
  if (scale === 1 && !rotate) {
    grey = { data: toGrey(raster.data, width * height, channels), info: { width, height } };
  } else {
    let pipeline = sharp(raster.data, { raw: { width, height, channels } });
    if (scale !== 1) {
      pipeline = pipeline.resize(Math.round(width * scale), Math.round(height * scale), { kernel: 'lanczos3' });
      steps.push(`scale:${scale.toFixed(3)}`);
    }
    if (rotate) {
      pipeline = pipeline.rotate(rotate);
      steps.push(`rotate:${rotate}`);
    }
    const sized = await pipeline.raw().toBuffer({ resolveWithObject: true });
    grey = { data: toGrey(sized.data, sized.info.width * sized.info.height, sized.info.channels), info: sized.info };
    greyIsScratch = sized.info.channels !== 1;
  }
  const w = grey.info.width;
  const h = grey.info.height;
  // The page is cleaned in scratch memory; only the part tesseract reads is copied out of it.
  const data = takeScratch(w * h);
  try {
    // Uneven light (phone photos, a scanner lid left open) first: each pixel is divided by the paper's
    // own brightness around it, so the page has one white and tesseract's global (Otsu) threshold does
    // not turn the darker half of the page into a black image block and drop the text on it. Then the
    // 1st–99th percentile of grey levels stretched to black–white. (sharp's normalise() combined with a
    // resize produced washed-out pages that tesseract could not deskew.)
    // (The dpi the page claims, or the one its size suggests, sets the grid the dark boxes are found on.)
    const nominalDpi = (raster.dpi ?? Math.min(width, height) / 8.27) * scale;
    if (invertDarkBoxes(grey.data, w, h, nominalDpi * OCR_IMAGE.darkCellInch)) steps.push('invert');
    await flattenBackground(grey.data, w, h, data);
    steps.push('flatten');
    stretchLevels(data);
    // The spread of the page as it came (before flattening) is what tells a faded page.
    const { contrast } = greyLevels(grey.data);
    const dpi = Math.round((raster.dpi ?? Math.min(width, height) / 8.27) * scale);
    // Rules first (their broken ends become specks), then specks.
    if (removeRules(data, w, h, { dpi })) steps.push('rules');
    if (removeSpecks(data, w, h, { dpi })) steps.push('despeckle');
    // Only the inked part goes to tesseract: its thresholding and layout analysis cost grows with the
    // pixels, and page margins are nothing but pixels (~15% of the reading time on a half-filled page).
    let crop = inkBounds(data, w, h, Math.max(16, Math.round(dpi * CROP_MARGIN_INCH)));
    if (crop.width * crop.height > CROP_WORTH_IT * w * h) crop = { x: 0, y: 0, width: w, height: h };
    else steps.push('crop');
    // Handed to tesseract as PGM (a short header before the raw grey pixels): no PNG encode and decode
    // per page. PGM carries no resolution, so the dpi goes to tesseract as a parameter.
    return { image: pgmOf(data, w, crop), width: w, height: h, crop, scale, rotate, contrast, dpi, steps };
  } finally {
    giveScratch(data);
    if (greyIsScratch) giveScratch(grey.data);
  }
}

/** The 1st–99th percentile of grey levels stretched to black–white, in place. (Per-pixel loops live in
 * synchronous functions: V8 runs a hot loop in an async function, after an await, several times slower.) */
function stretchLevels(data: Buffer): void {
  const levels = greyLevels(data);
  const span = Math.max(1, levels.high - levels.low);
  const stretch = new Uint8Array(256);
  for (let v = 0; v < 256; v++) stretch[v] = Math.min(255, Math.max(0, Math.round(((v - levels.low) * 255) / span)));
  for (let i = 0; i < data.length; i++) data[i] = stretch[data[i] as number] as number;
}

/** White kept around the ink when cropping (inches): tesseract reads text touching the edge badly. */
const CROP_MARGIN_INCH = 0.15;
/** Cropping that keeps more than this share of the page saves too little to bother. */
const CROP_WORTH_IT = 0.9;
/** Darker than this (on the cleaned, stretched image) is ink. */
const CROP_INK = 128;

/** The smallest box holding every ink pixel, widened by `margin` and kept inside the image. A blank
 * page keeps its full size. Scans inward from each edge, so the cost is the margins', not the page's. */
export function inkBounds(img: Buffer, width: number, height: number, margin: number): Crop {
  const rowHasInk = (y: number): boolean => {
    for (let i = y * width, end = i + width; i < end; i++) if ((img[i] as number) < CROP_INK) return true;
    return false;
  };
  let top = 0;
  while (top < height && !rowHasInk(top)) top++;
  if (top === height) return { x: 0, y: 0, width, height };
  let bottom = height - 1;
  while (bottom > top && !rowHasInk(bottom)) bottom--;
  let left = width;
  let right = -1;
  for (let y = top; y <= bottom; y++) {
    const base = y * width;
    for (let x = 0; x < left; x++) {
      if ((img[base + x] as number) < CROP_INK) {
        left = x;
        break;
      }
    }
    for (let x = width - 1; x > right; x--) {
      if ((img[base + x] as number) < CROP_INK) {
        right = x;
        break;
      }
    }
  }
  const x0 = Math.max(0, left - margin);
  const y0 = Math.max(0, top - margin);
  const x1 = Math.min(width, right + 1 + margin);
  const y1 = Math.min(height, bottom + 1 + margin);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The header of a binary (P5) PGM: the grey pixels follow it, row by row. */
export const pgmHeader = (width: number, height: number): Buffer => Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');

/** The grey pixels of a prepared image's PGM (`crop.width` × `crop.height`), without copying them. */
export const pgmPixels = (prepared: PreparedImage): Buffer => prepared.image.subarray(prepared.image.length - prepared.crop.width * prepared.crop.height);

/** A PGM of the `crop` part of a grey image `width` pixels wide. */
function pgmOf(grey: Buffer, width: number, crop: Crop): Buffer {
  const header = pgmHeader(crop.width, crop.height);
  const out = Buffer.allocUnsafe(header.length + crop.width * crop.height);
  header.copy(out);
  for (let y = 0; y < crop.height; y++) {
    const from = (crop.y + y) * width + crop.x;
    grey.copy(out, header.length + y * crop.width, from, from + crop.width);
  }
  return out;
}

/** Rec. 601 luma of 8-bit grey, grey+alpha, RGB or RGBA pixels (alpha ignored), in scratch memory
 * (grey pixels are returned as they are). */
function toGrey(data: Buffer, pixels: number, channels: number): Buffer {
  if (channels === 1) return data;
  const grey = takeScratch(pixels);
  if (channels === 2) {
    for (let i = 0, j = 0; i < pixels; i++, j += 2) grey[i] = data[j] as number;
    return grey;
  }
  for (let i = 0, j = 0; i < pixels; i++, j += channels) {
    grey[i] = ((data[j] as number) * 77 + (data[j + 1] as number) * 150 + (data[j + 2] as number) * 29) >> 8;
  }
  return grey;
}

/** Paper brightness is estimated on a grid this many pixels apart (text strokes vanish at this size). */
const BACKGROUND_CELL = 16;
/** Cells either side whose brightest value stands for the paper: wider than a line of text. */
const BACKGROUND_REACH = 3;

/**
 * Divides a grey image by an estimate of its paper brightness: the page shrunk to one pixel per
 * BACKGROUND_CELL, the brightest value nearby taken (so text and rules do not count as paper), smoothed
 * and enlarged back. Shading, gradients and tinted boxes become white; ink keeps its contrast to them.
 */
export async function flattenBackground(grey: Buffer, width: number, height: number, out: Buffer = Buffer.allocUnsafe(grey.length)): Promise<Buffer> {
  const sw = Math.max(1, Math.round(width / BACKGROUND_CELL));
  const sh = Math.max(1, Math.round(height / BACKGROUND_CELL));
  const small = await sharp(grey, { raw: { width, height, channels: 1 } })
    .resize(sw, sh, { kernel: 'linear', fit: 'fill' })
    .extractChannel(0)
    .raw()
    .toBuffer();
  const paper = maxFilter(maxFilter(small, sw, sh, 1, 0), sw, sh, 0, 1);
  const smooth = await sharp(paper, { raw: { width: sw, height: sh, channels: 1 } })
    .blur(2)
    .extractChannel(0)
    .raw()
    .toBuffer();
  divideByPaper(grey, width, height, smooth, sw, sh, out);
  return out;
}

/** Each pixel times 255 / the paper brightness around it (`smooth`, one value per cell, sw × sh),
 * enlarged back bilinearly one row at a time (cheaper than a full-size resize and a second pass). */
function divideByPaper(grey: Buffer, width: number, height: number, smooth: Buffer, sw: number, sh: number, out: Buffer): void {
  const inv = new Float32Array(sw * sh);
  for (let i = 0; i < inv.length; i++) inv[i] = 255 / Math.max(1, smooth[i] as number);
  const fx = sw / width;
  const fy = sh / height;
  const x0s = new Int32Array(width);
  const x1s = new Int32Array(width);
  const wxs = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const sx = Math.min(sw - 1, Math.max(0, (x + 0.5) * fx - 0.5));
    x0s[x] = Math.floor(sx);
    x1s[x] = Math.min(sw - 1, (x0s[x] as number) + 1);
    wxs[x] = sx - (x0s[x] as number);
  }
  // The two cell rows either side of a pixel row, interpolated along x once per cell row (not per
  // pixel row); each pixel then needs only the vertical blend.
  const top = new Float64Array(width);
  const bottom = new Float64Array(width);
  const lerpRow = (sy: number, into: Float64Array): void => {
    const base = sy * sw;
    for (let x = 0; x < width; x++) {
      const wx = wxs[x] as number;
      into[x] = (inv[base + (x0s[x] as number)] as number) * (1 - wx) + (inv[base + (x1s[x] as number)] as number) * wx;
    }
  };
  let rowsOf = -1;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(sh - 1, Math.max(0, (y + 0.5) * fy - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(sh - 1, y0 + 1);
    const wy = sy - y0;
    if (y0 !== rowsOf) {
      lerpRow(y0, top);
      lerpRow(y1, bottom);
      rowsOf = y0;
    }
    const base = y * width;
    const wt = 1 - wy;
    for (let x = 0; x < width; x++) {
      // Rounded to float32 as the factor always was, so the output is unchanged to the byte.
      const v = (grey[base + x] as number) * Math.fround((top[x] as number) * wt + (bottom[x] as number) * wy);
      out[base + x] = v > 255 ? 255 : v;
    }
  }
}

/** Running maximum over BACKGROUND_REACH cells along x (dx=1) or y (dy=1). */
function maxFilter(src: Buffer, w: number, h: number, dx: number, dy: number): Buffer {
  const out = Buffer.alloc(src.length);
  const r = BACKGROUND_REACH;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let m = 0;
      for (let k = -r; k <= r; k++) {
        const xx = x + k * dx;
        const yy = y + k * dy;
        if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
        const v = src[yy * w + xx] as number;
        if (v > m) m = v;
      }
      out[y * w + x] = m;
    }
  }
  return out;
}

/** Grey-level percentiles and spread, from a sample of the pixels (every 7th: cheap, and enough). */
function greyLevels(data: Buffer): { low: number; high: number; contrast: number } {
  const histogram = new Array<number>(256).fill(0);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < data.length; i += 7) {
    const v = data[i] as number;
    histogram[v] = (histogram[v] ?? 0) + 1;
    sum += v;
    n++;
  }
  const mean = sum / Math.max(1, n);
  let variance = 0;
  for (let v = 0; v < 256; v++) variance += (histogram[v] ?? 0) * (v - mean) ** 2;
  const percentile = (p: number): number => {
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v] ?? 0;
      if (seen >= p * n) return v;
    }
    return 255;
  };
  return { low: percentile(0.01), high: percentile(0.99), contrast: Math.min(1, Math.sqrt(variance / Math.max(1, n)) / 128) };
}
