// What a PDF would cost before pdf.js renders any of it (issue 16 item 1). A small file can hold a stream
// that inflates to gigabytes, or an image of 40,000 × 40,000 pixels: pdf.js decodes those whole and
// the back end grew past 3.5 GB on them. pdf-lib reads the file's objects without decoding them; each
// image's declared size is held against the pixel budget, and every other stream is decoded only up to
// the stream budget (zlib stops there). A page that paints nothing (no drawing operator, no image, no
// annotation) is listed as blank, so it is not sent to OCR at all.
import zlib from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';
import { AppError } from '../../shared/api/result';
import type { OcrLimits } from './config';

export interface PdfAssessment {
  /** Pages (1-based) that paint nothing. */
  blankPages: number[];
  /** Whether pdf-lib could read the object structure (when not, pdf.js decides alone). */
  assessed: boolean;
}

const name = (o: PDFObject | undefined): string | null => (o instanceof PDFName ? o.decodeText() : null);

function filtersOf(dict: PDFDict): string[] {
  const f = dict.lookup(PDFName.of('Filter'));
  if (f instanceof PDFArray) return f.asArray().flatMap((x) => (x instanceof PDFName ? [x.decodeText()] : []));
  const n = name(f);
  return n ? [n] : [];
}

/** How many bytes the stream decodes to, counting no further than `cap` (then cap + 1). */
function decodedSize(stream: PDFRawStream, cap: number): number {
  const filters = filtersOf(stream.dict);
  if (filters.length === 0) return stream.contents.length;
  if (filters.length === 1 && filters[0] === 'FlateDecode') {
    try {
      return zlib.inflateSync(stream.contents, { maxOutputLength: cap + 1, finishFlush: zlib.constants.Z_SYNC_FLUSH }).length;
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return cap + 1;
      // A damaged stream decodes to what zlib could make of it; pdf.js will say more.
      return 0;
    }
  }
  // Other filters (LZW, run length, ASCII…): decoded lazily by pdf-lib's own decoders, no further than the cap.
  try {
    return decodePDFRawStream(stream).getBytes(cap + 1).length;
  } catch {
    return 0;
  }
}

const PAINTING = /(?:^|[\s\]>)])(?:f\*?|F|B\*?|b\*?|S|s|Tj|TJ|'|"|Do|sh|BI)(?=[\s[(</]|$)/;

function contentsOf(page: PDFDict): PDFRawStream[] {
  const c = page.lookup(PDFName.of('Contents'));
  if (c instanceof PDFRawStream) return [c];
  if (c instanceof PDFArray)
    return c
      .asArray()
      .flatMap((x) => (x instanceof PDFRef ? [page.context.lookup(x)] : [x]))
      .filter((x): x is PDFRawStream => x instanceof PDFRawStream);
  return [];
}

/** A page paints nothing: no annotation, and its content streams hold no painting operator. */
function isBlank(page: PDFDict, cap: number): boolean {
  const annots = page.lookup(PDFName.of('Annots'));
  if (annots instanceof PDFArray && annots.size() > 0) return false;
  for (const s of contentsOf(page)) {
    let text: string;
    try {
      const filters = filtersOf(s.dict);
      const bytes =
        filters.length === 0
          ? s.contents
          : filters.length === 1 && filters[0] === 'FlateDecode'
            ? zlib.inflateSync(s.contents, { maxOutputLength: cap })
            : null;
      if (!bytes) return false;
      text = Buffer.from(bytes).toString('latin1');
    } catch {
      return false;
    }
    if (PAINTING.test(text)) return false;
  }
  return true;
}

export async function assessPdf(fileName: string, bytes: Uint8Array, limits: OcrLimits): Promise<PdfAssessment> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return { blankPages: [], assessed: false };
  }
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    if (name(obj.dict.lookup(PDFName.of('Subtype'))) === 'Image') {
      const w = obj.dict.lookup(PDFName.of('Width'));
      const h = obj.dict.lookup(PDFName.of('Height'));
      const pixels = w instanceof PDFNumber && h instanceof PDFNumber ? w.asNumber() * h.asNumber() : 0;
      if (pixels > limits.maxPixels) {
        throw new AppError('too_large', `${fileName} holds an image of ${pixels} pixels; the limit is ${limits.maxPixels}.`, {
          file: fileName,
          reason: 'pixels',
          pixels,
          limit: limits.maxPixels,
        });
      }
      continue;
    }
    if (decodedSize(obj, limits.maxStreamBytes) > limits.maxStreamBytes) {
      throw new AppError('too_large', `${fileName} holds a compressed stream larger than ${limits.maxStreamBytes} bytes once unpacked.`, {
        file: fileName,
        reason: 'unpacked',
        limit: limits.maxStreamBytes,
      });
    }
  }
  const pages = doc.getPages();
  const blankPages = pages.flatMap((p, i) => (isBlank(p.node, limits.maxStreamBytes) ? [i + 1] : []));
  return { blankPages, assessed: true };
}
