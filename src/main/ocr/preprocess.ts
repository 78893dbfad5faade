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
  const raw = { raw: { width, height, channels } } as const;
  const grey = sharp(raster.data, raw).grayscale();
  const levels = await greyLevels(grey.clone());
  const contrast = levels.contrast;
  const side = Math.max(width, height);
  let scale = 1;
  if (side > limits.maxOcrSide) scale = limits.maxOcrSide / side;
  else if (side < MIN_OCR_SIDE) scale = MIN_OCR_SIDE / side;
  const steps = ['grayscale', 'normalise'];
  // Stretch the 1st–99th percentile of grey levels to black–white. (sharp's normalise() combined with a
  // resize produced grey, washed-out pages that tesseract could not read after deskewing.)
  const span = Math.max(1, levels.high - levels.low);
  let pipeline = grey.linear(255 / span, (-255 * levels.low) / span);
  if (scale !== 1) {
    pipeline = pipeline.resize(Math.round(width * scale), Math.round(height * scale), { kernel: 'lanczos3' });
    steps.push(`scale:${scale.toFixed(3)}`);
  }
  if (rotate) {
    pipeline = pipeline.rotate(rotate);
    steps.push(`rotate:${rotate}`);
  }
  // Fast PNG: tesseract decodes it straight away, so compression would only cost time.
  const dpi = Math.round((raster.dpi ?? Math.min(width, height) / 8.27) * scale);
  // Handed to tesseract as PGM (a 15-byte header before the raw grey pixels): no PNG encode and
  // decode per page. PGM carries no resolution, so the dpi goes to tesseract as a parameter.
  const { data, info } = await pipeline.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  const pgm = Buffer.concat([Buffer.from(`P5\n${info.width} ${info.height}\n255\n`, 'latin1'), data]);
  return { image: pgm, width: info.width, height: info.height, scale, rotate, contrast, dpi, steps };
}

/** Grey-level percentiles and spread, measured on a small copy of the page (cheap, and enough). */
async function greyLevels(img: sharp.Sharp): Promise<{ low: number; high: number; contrast: number }> {
  const { data } = await img.resize(600, 600, { fit: 'inside' }).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  const histogram = new Array<number>(256).fill(0);
  let sum = 0;
  for (const v of data) {
    histogram[v] = (histogram[v] ?? 0) + 1;
    sum += v;
  }
  const mean = sum / data.length;
  let variance = 0;
  for (let v = 0; v < 256; v++) variance += (histogram[v] ?? 0) * (v - mean) ** 2;
  const percentile = (p: number): number => {
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v] ?? 0;
      if (seen >= p * data.length) return v;
    }
    return 255;
  };
  return { low: percentile(0.01), high: percentile(0.99), contrast: Math.min(1, Math.sqrt(variance / data.length) / 128) };
}
