// PDF pages rendered in Node by pdfjs-dist (legacy build) through the canvas factory pdfjs itself
// provides: a second copy of @napi-rs/canvas has crashed the process before. Encrypted, damaged and
// absurdly long PDFs are refused with a clear error before any page is rendered.
import path from 'node:path';
import { createRequire } from 'node:module';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../../shared/api/result';
import sharp from 'sharp';
import { pageLimitError, type OcrLimits } from './config';
import type { ScannedPdf } from './pdf-scan';
import type { PageRaster, TextLayerWord } from './source';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));

interface CanvasAndContext {
  canvas: { width: number; height: number };
  context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}
interface CanvasFactory {
  create(w: number, h: number): CanvasAndContext;
  destroy(c: CanvasAndContext): void;
}

/** pdf.js takes about a second to load: it is loaded the first time a PDF is opened, not by every
 * command or start-up that merely could open one. */
let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | null = null;
const loadPdfjs = (): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

export async function openPdf(name: string, bytes: Buffer, limits: OcrLimits): Promise<PDFDocumentProxy> {
  const { getDocument } = await loadPdfjs();
  let doc: PDFDocumentProxy;
  try {
    doc = await getDocument({
      // pdfjs transfers the array it is given; a copy keeps the caller's bytes (the original) intact.
      data: new Uint8Array(bytes),
      standardFontDataUrl: `${path.join(pdfjsRoot, 'standard_fonts')}/`,
      cMapUrl: `${path.join(pdfjsRoot, 'cmaps')}/`,
      cMapPacked: true,
      isEvalSupported: false,
      // Images above the pixel budget are not decoded (the guard refuses such files before this).
      maxImageSize: limits.maxPixels,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (err) {
    const kind = (err as { name?: string }).name;
    if (kind === 'PasswordException') {
      throw new AppError('bad_file', `${name} is password-protected; ask for an unprotected copy.`, { file: name, reason: 'password' });
    }
    throw new AppError('bad_file', `${name} is not a readable PDF (damaged or incomplete): ${(err as Error).message}`, {
      file: name,
      reason: 'corrupt',
    });
  }
  if (doc.numPages > limits.maxPages) {
    const pages = doc.numPages;
    await doc.destroy();
    throw pageLimitError(name, pages, limits);
  }
  return doc;
}

/**
 * Renders a page at renderDpi, capped to the OCR size and the pixel budget. A page that is nothing but
 * one full-page JPEG (`scan` finds those) at least as large as the render is decoded by libvips at the
 * very size pdfjs would render it, so both ways give the same page pixels for the boxes; pdfjs renders
 * every other page, and any JPEG libvips refuses.
 */
/** The scale and size a page is rendered at: renderDpi, capped to the OCR size and the pixel budget. */
function renderSize(
  page: PDFPageProxy,
  limits: OcrLimits,
): { scale: number; viewport: ReturnType<PDFPageProxy['getViewport']>; width: number; height: number } {
  const base = page.getViewport({ scale: 1 });
  let scale = limits.renderDpi / 72;
  // Rendered straight at the size OCR reads (A4: ~240 dpi with the default 2800 px): rendering more
  // pixels only to scale them down again costs the first page time, and the officer's view is smaller.
  scale = Math.min(scale, Math.min(limits.maxPageSide, limits.maxOcrSide) / Math.max(base.width, base.height));
  scale = Math.min(scale, Math.sqrt(limits.maxPixels / (base.width * base.height)));
  const viewport = page.getViewport({ scale });
  return { scale, viewport, width: Math.max(1, Math.floor(viewport.width)), height: Math.max(1, Math.floor(viewport.height)) };
}

/** Opens a page's object; one that cannot be read (a broken or absurdly nested dictionary, a page tree
 * that loops) is refused as damaged, naming the page. */
export async function openPdfPage(name: string, doc: PDFDocumentProxy, pageNo: number): Promise<PDFPageProxy> {
  try {
    return await doc.getPage(pageNo);
  } catch (err) {
    throw new AppError('bad_file', `${name}: page ${pageNo} cannot be read (damaged): ${(err as Error).message}`, {
      file: name,
      page: pageNo,
      reason: 'corrupt',
    });
  }
}

/** A page that paints nothing, as a white raster of the size it would render at, without rendering it. */
export async function blankPdfPage(name: string, doc: PDFDocumentProxy, pageNo: number, limits: OcrLimits): Promise<PageRaster> {
  const page = await openPdfPage(name, doc, pageNo);
  try {
    const { scale, width, height } = renderSize(page, limits);
    return { data: Buffer.alloc(width * height, 255), width, height, channels: 1, dpi: Math.round(scale * 72), textLayer: [], blank: true };
  } finally {
    page.cleanup();
  }
}

export async function renderPdfPage(name: string, doc: PDFDocumentProxy, pageNo: number, limits: OcrLimits, scan?: ScannedPdf | null): Promise<PageRaster> {
  const page = await openPdfPage(name, doc, pageNo);
  try {
    const { scale, viewport, width, height } = renderSize(page, limits);
    const jpeg = scan?.pageJpeg(pageNo);
    if (jpeg) {
      const decoded = await decodeJpeg(jpeg, width, height, limits);
      if (decoded) return { ...decoded, dpi: Math.round(scale * 72), textLayer: [] };
    }
    const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    const target = factory.create(width, height);
    try {
      await page.render({ canvas: target.canvas as unknown as HTMLCanvasElement, viewport, background: 'white' }).promise;
      const rgba = target.context.getImageData(0, 0, width, height).data;
      const words = await textLayerWords(page, viewport);
      return {
        data: Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength),
        width,
        height,
        channels: 4,
        dpi: Math.round(scale * 72),
        textLayer: words,
      };
    } finally {
      factory.destroy(target);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('bad_file', `${name}: page ${pageNo} cannot be rendered: ${(err as Error).message}`, {
      file: name,
      page: pageNo,
      reason: 'corrupt',
    });
  } finally {
    page.cleanup();
  }
}

/**
 * The JPEG decoded and shrunk to width × height; null when libvips will not decode it cleanly, or when
 * it is smaller than the page render: pdfjs enlarges such images its own way (nearest neighbour at whole
 * multiples), the OCR figures were measured on those pixels, and a small JPEG decodes quickly in pdfjs.
 */
async function decodeJpeg(jpeg: Uint8Array, width: number, height: number, limits: OcrLimits): Promise<Omit<PageRaster, 'dpi'> | null> {
  try {
    const image = sharp(jpeg, { limitInputPixels: limits.maxPixels, failOn: 'truncated' });
    const meta = await image.metadata();
    if ((meta.width ?? 0) < width || (meta.height ?? 0) < height) return null;
    // Of libvips' kernels, Mitchell gives the pixels closest to pdfjs's own shrinking.
    const { data, info } = await image.resize(width, height, { fit: 'fill', kernel: 'mitchell' }).raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== 1 && info.channels !== 3) return null;
    return { data, width: info.width, height: info.height, channels: info.channels };
  } catch {
    return null;
  }
}

type Page = Awaited<ReturnType<PDFDocumentProxy['getPage']>>;
type Viewport = ReturnType<Page['getViewport']>;

/** The page's own text, split into words with boxes in the rendered image's pixels. */
async function textLayerWords(page: Page, viewport: Viewport): Promise<TextLayerWord[]> {
  const content = await page.getTextContent();
  const words: TextLayerWord[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const [a, b, , , e, f] = item.transform as number[];
    const fontHeight = Math.hypot(a ?? 0, b ?? 0) || item.height;
    // Split the run into words, giving each a share of the run's width proportional to its characters.
    const perChar = item.width / Math.max(1, item.str.length);
    let offset = 0;
    for (const part of item.str.split(/(\s+)/)) {
      if (part.trim()) {
        const x0 = (e ?? 0) + offset * perChar;
        const x1 = x0 + part.length * perChar;
        const [px0, py0] = viewport.convertToViewportPoint(x0, (f ?? 0) + fontHeight * 0.8);
        const [px1, py1] = viewport.convertToViewportPoint(x1, (f ?? 0) - fontHeight * 0.2);
        words.push({
          text: part,
          bbox: [Math.min(px0, px1), Math.min(py0, py1), Math.max(px0, px1), Math.max(py0, py1)].map(Math.round) as TextLayerWord['bbox'],
        });
      }
      offset += part.length;
    }
  }
  return words;
}
