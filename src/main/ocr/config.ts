// Every limit that protects the app from hostile or absurd input lives here, with its default, so an
// administrator (or a test) can change one place: CLAIMDESK_* environment variables override them.
import os from 'node:os';
import { AppError } from '../../shared/api/result';

export interface OcrLimits {
  /** Refuse an image (or rendered page) with more pixels than this before decoding it (decompression bombs). */
  maxPixels: number;
  /** Refuse a PDF with more pages than this. */
  maxPages: number;
  /** Refuse a PDF holding a stream (other than an image) that unpacks to more bytes than this. */
  maxStreamBytes: number;
  /** Refuse a PDF whose objects (the file outside its streams' data, plus what its object and xref
   * streams unpack to) take more bytes than this: parsers hold each such byte as some 20–30 bytes. */
  maxStructureBytes: number;
  /** Refuse an upload (documents.add) larger than this many bytes per file. */
  maxUploadBytes: number;
  /** Largest side, in pixels, of a page as rasterised and shown (A4 at 300 dpi is 3508): caps huge pages. */
  maxPageSide: number;
  /** Largest side of the image tesseract reads; larger pages are scaled down for OCR only (speed). */
  maxOcrSide: number;
  /** Render PDFs at this resolution for OCR. */
  renderDpi: number;
  /** Largest side of the JPEG preview the officer sees (documents.page). */
  previewSide: number;
}

const envNumber = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

export function ocrLimits(overrides: Partial<OcrLimits> = {}): OcrLimits {
  return {
    maxPixels: envNumber('CLAIMDESK_MAX_PIXELS', 60_000_000),
    maxPages: envNumber('CLAIMDESK_MAX_PAGES', 300),
    maxStreamBytes: envNumber('CLAIMDESK_MAX_STREAM_BYTES', 64 * 1024 * 1024),
    maxStructureBytes: envNumber('CLAIMDESK_MAX_STRUCTURE_BYTES', 8 * 1024 * 1024),
    maxUploadBytes: envNumber('CLAIMDESK_MAX_UPLOAD_BYTES', 50 * 1024 * 1024),
    maxPageSide: envNumber('CLAIMDESK_MAX_PAGE_SIDE', 4200),
    maxOcrSide: envNumber('CLAIMDESK_MAX_OCR_SIDE', 2800),
    renderDpi: envNumber('CLAIMDESK_RENDER_DPI', 300),
    previewSide: envNumber('CLAIMDESK_PREVIEW_SIDE', 1800),
    ...overrides,
  };
}

/** Pages read at once: one per core less one, left for the window and the calls it makes (each reader is
 * a thread with a single-threaded tesseract worker); at least one. CLAIMDESK_OCR_WORKERS overrides. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.floor(envNumber('CLAIMDESK_OCR_WORKERS', os.availableParallelism() - 1)));
}

/** The refusal of a file with more pages than the configured limit (PDF and multi-page TIFF alike). */
export function pageLimitError(name: string, pages: number, limits: OcrLimits): AppError {
  return new AppError('too_large', `${name} has ${pages} pages; the limit is ${limits.maxPages}.`, {
    file: name,
    reason: 'pages',
    pages,
    limit: limits.maxPages,
  });
}
