// One interface over every format ClaimDesk takes in: how many pages a file has and each page as
// pixels. Image headers are checked against the pixel budget before anything is decoded.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';
import type { BBox } from '../../shared/domain/documents';
import { AppError } from '../../shared/api/result';
import { detectFormat, type FileFormat } from '../intake/detect';
import { pageLimitError, type OcrLimits } from './config';
import { assessPdf } from './pdf-guard';
import { blankPdfPage, openPdf, openPdfPage, renderPdfPage } from './pdf-source';
import type { ScannedPdf } from './pdf-scan';

export interface TextLayerWord {
  text: string;
  bbox: BBox;
}

/** A page as the officer sees it: raw pixels (RGB/RGBA or grey), before any OCR preprocessing. */
export interface PageRaster {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  /** Pixels per inch when known (PDF render, image metadata); null when the file does not say. */
  dpi: number | null;
  /** Words of a PDF text layer, in this raster's pixels; absent for images. */
  textLayer?: TextLayerWord[];
  /** The page paints nothing (found from the PDF's objects, or from its pixels): it is not sent to OCR. */
  blank?: boolean;
}

export interface DocumentSource {
  name: string;
  format: FileFormat;
  pageCount: number;
  loadPage(pageNo: number): Promise<PageRaster>;
  /** Refuses the file now if its first page cannot be read: an image's first page is decoded, a PDF's
   * first page object opened (without rendering it). */
  checkFirstPage(): Promise<void>;
  close(): Promise<void>;
}

// pdf-lib takes ~0.2 s to load: only a PDF page about to be read pays for it, never a command that reads none.
const openScannedPdfLazily = async (bytes: Uint8Array): Promise<ScannedPdf | null> => (await import('./pdf-scan')).openScannedPdf(bytes);

export async function openSource(name: string, bytes: Buffer, limits: OcrLimits): Promise<DocumentSource> {
  const format = detectFormat(name, bytes);
  if (format === 'pdf') {
    // What the file would cost is weighed before pdf.js decodes any of it.
    const assessment = await assessPdf(name, bytes, limits);
    const doc: PDFDocumentProxy = await openPdf(name, bytes, limits);
    const blank = new Set(assessment.blankPages);
    // Read for the scanned-page shortcut only when a page is first wanted (intake only counts pages).
    let scan: Promise<ScannedPdf | null> | undefined;
    return {
      name,
      format,
      pageCount: doc.numPages,
      loadPage: async (n) =>
        blank.has(n) ? blankPdfPage(name, doc, n, limits) : renderPdfPage(name, doc, n, limits, await (scan ??= openScannedPdfLazily(bytes))),
      checkFirstPage: async () => void (await openPdfPage(name, doc, 1)).cleanup(),
      close: () => doc.destroy(),
    };
  }
  const pages = await imagePageCount(name, bytes, format, limits);
  return {
    name,
    format,
    pageCount: pages,
    loadPage: (n) => decodeImagePage(name, bytes, n, limits),
    checkFirstPage: async () => void (await decodeImagePage(name, bytes, 1, limits)),
    close: async () => undefined,
  };
}

/** An image libvips will not read. Its PNG loader stops at metadata that unpacks past its chunk limits (a
 * compressed text chunk of a gigabyte): that is too large, not damaged. */
const badImage = (name: string, err: unknown): AppError => {
  const message = (err as Error).message;
  return /chunk\/cache limits/.test(message)
    ? new AppError('too_large', `${name} holds compressed data that is too large once unpacked: ${message}`, { file: name, reason: 'unpacked' })
    : new AppError('bad_file', `${name} is a damaged or incomplete image: ${message}`, { file: name, reason: 'corrupt' });
};

async function imagePageCount(name: string, bytes: Buffer, format: FileFormat, limits: OcrLimits): Promise<number> {
  let meta: sharp.Metadata;
  try {
    // Reads the header only: the pixel budget is enforced before a single pixel is decoded.
    meta = await sharp(bytes, { pages: 1, limitInputPixels: false }).metadata();
  } catch (err) {
    throw badImage(name, err);
  }
  checkPixels(name, meta, limits);
  const pages = format === 'tiff' ? (meta.pages ?? 1) : 1;
  if (pages > limits.maxPages) {
    throw pageLimitError(name, pages, limits);
  }
  return pages;
}

function checkPixels(name: string, meta: sharp.Metadata, limits: OcrLimits): void {
  if (!meta.width || !meta.height) throw badImage(name, new Error('no image size in header'));
  if (meta.width * meta.height > limits.maxPixels) {
    throw new AppError('too_large', `${name} is ${meta.width}×${meta.height} pixels, above the limit of ${limits.maxPixels} pixels per page.`, {
      file: name,
      reason: 'pixels',
      width: meta.width,
      height: meta.height,
      limit: limits.maxPixels,
    });
  }
}

async function decodeImagePage(name: string, bytes: Buffer, pageNo: number, limits: OcrLimits): Promise<PageRaster> {
  try {
    // Every page of a TIFF has its own size: each is checked against the budget before decoding.
    const meta = await sharp(bytes, { page: pageNo - 1, limitInputPixels: false }).metadata();
    checkPixels(name, meta, limits);
    const input = sharp(bytes, { page: pageNo - 1, failOn: 'warning', limitInputPixels: limits.maxPixels });
    // Phone photos carry their orientation in EXIF: the officer sees them the way the phone showed them.
    let pipeline = input.rotate();
    const side = Math.max(meta.width ?? 0, meta.height ?? 0);
    if (side > limits.maxPageSide) pipeline = pipeline.resize({ width: limits.maxPageSide, height: limits.maxPageSide, fit: 'inside' });
    const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
    const scale = side > limits.maxPageSide ? limits.maxPageSide / side : 1;
    const density = meta.density && meta.density > 1 && meta.density !== 72 ? meta.density * scale : null;
    return { data, width: info.width, height: info.height, channels: info.channels, dpi: density ? Math.round(density) : null };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw badImage(name, err);
  }
}
