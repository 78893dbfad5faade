// Most dossier PDFs are scans: each page is one JPEG drawn over the whole page and nothing else. pdfjs
// decodes such a JPEG with its JavaScript decoder (~0.4 s for an A4 page at 300 dpi, on the main
// thread); libvips decodes the same bytes natively several times faster. This module recognises that
// case from the PDF's own objects (pdf-lib reads them without decoding anything) and hands back the
// JPEG. Anything else (text, vector drawing, several images, masks, rotation, odd colour, a crop box,
// annotations) is left to pdfjs, which renders every PDF correctly: this is only a shortcut.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, decodePDFRawStream, type PDFObject, type PDFPage } from 'pdf-lib';

/** Colour spaces whose JPEG libvips decodes to the same colours pdfjs paints. */
const PLAIN_COLOUR = new Set(['DeviceRGB', 'DeviceGray']);
/** How far (PDF points) the image may stop short of the page edges and still count as covering it. */
const EDGE_TOLERANCE = 1.5;

export interface ScannedPdf {
  /** The JPEG that is page `pageNo`'s whole content, or null when the page must be rendered. */
  pageJpeg(pageNo: number): Uint8Array | null;
}

/** Reads the PDF's object structure once; null when pdf-lib cannot (pdfjs may still render it). */
export async function openScannedPdf(bytes: Uint8Array): Promise<ScannedPdf | null> {
  let pages: PDFPage[];
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: false, updateMetadata: false, throwOnInvalidObject: true });
    pages = doc.getPages();
  } catch {
    return null;
  }
  return {
    pageJpeg(pageNo) {
      const page = pages[pageNo - 1];
      if (!page) return null;
      try {
        return wholePageJpeg(page);
      } catch {
        return null;
      }
    },
  };
}

function wholePageJpeg(page: PDFPage): Uint8Array | null {
  if (page.getRotation().angle % 360 !== 0) return null;
  const annots = page.node.lookup(PDFName.of('Annots'));
  if (annots instanceof PDFArray && annots.size() > 0) return null;
  const media = page.getMediaBox();
  const crop = page.getCropBox();
  if (!sameBox(media, crop)) return null;

  const placed = imagePlacement(page);
  if (!placed) return null;
  const [a, b, c, d, e, f] = placed.ctm;
  if (b !== 0 || c !== 0 || a <= 0 || d <= 0) return null;
  const covers =
    Math.abs(e - media.x) <= EDGE_TOLERANCE &&
    Math.abs(f - media.y) <= EDGE_TOLERANCE &&
    Math.abs(e + a - (media.x + media.width)) <= EDGE_TOLERANCE &&
    Math.abs(f + d - (media.y + media.height)) <= EDGE_TOLERANCE;
  if (!covers) return null;

  const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'));
  if (!(xobjects instanceof PDFDict)) return null;
  const image = xobjects.lookup(PDFName.of(placed.name));
  if (!(image instanceof PDFRawStream)) return null;
  const dict = image.dict;
  const get = (key: string): PDFObject | undefined => dict.lookup(PDFName.of(key));
  if (nameOf(get('Subtype')) !== 'Image' || get('ImageMask') || get('Mask') || get('SMask') || get('Decode')) return null;
  if (!(get('BitsPerComponent') instanceof PDFNumber) || (get('BitsPerComponent') as PDFNumber).asNumber() !== 8) return null;
  if (!PLAIN_COLOUR.has(nameOf(get('ColorSpace')) ?? '')) return null;
  const filter = get('Filter');
  const filters = filter instanceof PDFArray ? filter.asArray().map((f) => nameOf(f instanceof PDFRef ? dict.context.lookup(f) : f)) : [nameOf(filter)];
  if (filters.length !== 1 || filters[0] !== 'DCTDecode') return null;
  const jpeg = image.contents;
  // A JPEG starts with SOI (FF D8): anything else is left to pdfjs's more forgiving reader.
  return jpeg.length > 4 && jpeg[0] === 0xff && jpeg[1] === 0xd8 ? jpeg : null;
}

const nameOf = (o: PDFObject | undefined): string | undefined => (o instanceof PDFName ? o.decodeText() : undefined);

const sameBox = (p: { x: number; y: number; width: number; height: number }, q: typeof p): boolean =>
  Math.abs(p.x - q.x) < 0.01 && Math.abs(p.y - q.y) < 0.01 && Math.abs(p.width - q.width) < 0.01 && Math.abs(p.height - q.height) < 0.01;

type Matrix = [number, number, number, number, number, number];

/** `m` then `n` (PDF's row-vector convention: a point goes through `m` first). */
const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/**
 * The one XObject the page's content draws and the matrix it is drawn with, when the content is
 * nothing but graphics-state saves and restores, `cm` matrices and a single `Do`; null otherwise
 * (strings, arrays, dictionaries, inline images, paths, text, colours: not a plain scan).
 */
function imagePlacement(page: PDFPage): { name: string; ctm: Matrix } | null {
  const contents = page.node.Contents();
  if (!contents) return null;
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => page.node.context.lookup(r)) : [contents];
  let text = '';
  for (const s of streams) {
    if (!(s instanceof PDFRawStream)) return null;
    text += Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') + '\n';
  }
  // A single image placement takes a few dozen bytes.
  if (text.length > 1000 || /[([<{%]/.test(text)) return null;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const saved: Matrix[] = [];
  let drawn: { name: string; ctm: Matrix } | null = null;
  let operands: string[] = [];
  for (const token of text.split(/\s+/).filter(Boolean)) {
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token) || /^\/[^/]+$/.test(token)) {
      operands.push(token);
      continue;
    }
    if (token === 'q' && !operands.length) saved.push(ctm);
    else if (token === 'Q' && !operands.length) ctm = saved.pop() ?? ctm;
    else if (token === 'cm' && operands.length === 6 && operands.every((o) => !o.startsWith('/'))) ctm = times(operands.map(Number) as Matrix, ctm);
    else if (token === 'Do' && operands.length === 1 && operands[0]!.startsWith('/') && !drawn) drawn = { name: operands[0]!.slice(1), ctm };
    else return null;
    operands = [];
  }
  return operands.length ? null : drawn;
}
