// Prepares a page for tesseract with sharp: grayscale, contrast stretched, sized to ~300 dpi text, and
// turned a quarter when orientation detection asks for it. Small skew is measured and undone by
// tesseract itself (rotateAuto), which reports the angle so boxes can be mapped back.
import sharp from 'sharp';
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
  // Stretch the 1st–99th percentile of grey levels to black–white, on the small grey image. (sharp's
  // normalise() combined with a resize produced washed-out pages that tesseract could not deskew.)
  const levels = greyLevels(grey.data);
  const span = Math.max(1, levels.high - levels.low);
  const { data, info } = await sharp(grey.data, { raw: { width: grey.info.width, height: grey.info.height, channels: 1 } })
    .linear(255 / span, (-255 * levels.low) / span)
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const dpi = Math.round((raster.dpi ?? Math.min(width, height) / 8.27) * scale);
  // Handed to tesseract as PGM (a 15-byte header before the raw grey pixels): no PNG encode and
  // decode per page. PGM carries no resolution, so the dpi goes to tesseract as a parameter.
  const pgm = Buffer.concat([Buffer.from(`P5\n${info.width} ${info.height}\n255\n`, 'latin1'), data]);
  return { image: pgm, width: info.width, height: info.height, scale, rotate, contrast: levels.contrast, dpi, steps };
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
