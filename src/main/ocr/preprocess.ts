// Prepares a page for tesseract with sharp: grayscale, contrast stretched, sized to ~300 dpi text, and
// turned a quarter when orientation detection asks for it. Small skew is measured and undone by
// tesseract itself (rotateAuto), which reports the angle so boxes can be mapped back.
import sharp from 'sharp';
import { removeRules, removeSpecks } from './clean';
import type { OcrLimits } from './config';
import type { PageRaster } from './source';
import type { QuarterTurn } from './transform';

export interface PreparedImage {
  /** Binary PGM, which tesseract (leptonica) reads without decoding work. */
  image: Buffer;
  width: number;
  height: number;
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
  // One pass over the (large, colour) page: grey, sized for OCR, turned.
  let pipeline = sharp(raster.data, { raw: { width, height, channels } }).grayscale();
  if (scale !== 1) {
    pipeline = pipeline.resize(Math.round(width * scale), Math.round(height * scale), { kernel: 'lanczos3' });
    steps.push(`scale:${scale.toFixed(3)}`);
  }
  if (rotate) {
    pipeline = pipeline.rotate(rotate);
    steps.push(`rotate:${rotate}`);
  }
  const grey = await pipeline.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  // Uneven light (phone photos, a scanner lid left open) first: each pixel is divided by the paper's own
  // brightness around it, so the page has one white and tesseract's global (Otsu) threshold does not
  // turn the darker half of the page into a black image block and drop the text on it.
  const flat = await flattenBackground(grey.data, grey.info.width, grey.info.height);
  steps.push('flatten');
  // Stretch the 1st–99th percentile of grey levels to black–white, on the small grey image. (sharp's
  // normalise() combined with a resize produced washed-out pages that tesseract could not deskew.)
  const levels = greyLevels(flat);
  // The spread of the page as it came (before flattening) is what tells a faded page.
  const { contrast } = greyLevels(grey.data);
  const span = Math.max(1, levels.high - levels.low);
  const { data, info } = await sharp(flat, { raw: { width: grey.info.width, height: grey.info.height, channels: 1 } })
    .linear(255 / span, (-255 * levels.low) / span)
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const dpi = Math.round((raster.dpi ?? Math.min(width, height) / 8.27) * scale);
  // Rules first (their broken ends become specks), then specks.
  if (removeRules(data, info.width, info.height, { dpi })) steps.push('rules');
  if (removeSpecks(data, info.width, info.height, { dpi })) steps.push('despeckle');
  // Handed to tesseract as PGM (a 15-byte header before the raw grey pixels): no PNG encode and
  // decode per page. PGM carries no resolution, so the dpi goes to tesseract as a parameter.
  const pgm = Buffer.concat([Buffer.from(`P5\n${info.width} ${info.height}\n255\n`, 'latin1'), data]);
  return { image: pgm, width: info.width, height: info.height, scale, rotate, contrast, dpi, steps };
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
export async function flattenBackground(grey: Buffer, width: number, height: number): Promise<Buffer> {
  const sw = Math.max(1, Math.round(width / BACKGROUND_CELL));
  const sh = Math.max(1, Math.round(height / BACKGROUND_CELL));
  const small = await sharp(grey, { raw: { width, height, channels: 1 } })
    .resize(sw, sh, { kernel: 'linear', fit: 'fill' })
    .extractChannel(0)
    .raw()
    .toBuffer();
  const paper = maxFilter(maxFilter(small, sw, sh, 1, 0), sw, sh, 0, 1);
  const background = await sharp(paper, { raw: { width: sw, height: sh, channels: 1 } })
    .blur(2)
    .resize(width, height, { kernel: 'linear', fit: 'fill' })
    .extractChannel(0)
    .raw()
    .toBuffer();
  const out = Buffer.allocUnsafe(grey.length);
  for (let i = 0; i < out.length; i++) {
    const v = ((grey[i] as number) * 255) / Math.max(1, background[i] as number);
    out[i] = v > 255 ? 255 : v;
  }
  return out;
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
