// What a PDF would cost before pdf.js renders any of it (issue 16 item 1). A small file can hold a stream
// that inflates to gigabytes, or an image of 40,000 × 40,000 pixels: pdf.js decodes those whole and
// the back end grew past 3.5 GB on them. pdf-lib reads the file's objects without decoding them; each
// image's declared size is held against the pixel budget, and every other stream is decoded only up to
// the stream budget (zlib stops there). A page that paints nothing (no drawing operator, no image, no
// annotation) is listed as blank, so it is not sent to OCR at all.
//
// Before pdf-lib reads the objects at all, their size is weighed too (issue 16 item 9): the parsers hold
// every byte of object syntax (a string in the document information, an array of numbers) as some 20 to
// 30 bytes of memory, so a 48 KB file whose title unpacks to 48 MB took 1.7 GB and 14 s to open. The
// file outside its streams' data, plus what its object and xref streams unpack to, is held against the
// structure budget; a page tree that leads back to itself is refused as damaged rather than walked forever.
import zlib from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFContext, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';
import { AppError } from '../../shared/api/result';
import { pageLimitError, type OcrLimits } from './config';

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

const STREAM = Buffer.from('stream', 'latin1');
const END_STREAM = Buffer.from('endstream', 'latin1');
const isSpace = (b: number | undefined): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
/** Streams whose unpacked bytes are objects the parsers read (object streams) or entries they keep (xref streams). */
const OBJECT_STREAM = /\/Type\s*\/(?:ObjStm|XRef)(?![^\s/<>[\]()%])/;
const FILTER = /\/Filter\s*(\[[^\]]*\]|\/[^\s/<>[\]()%]+)/;

/** What an object or xref stream unpacks to, from its dictionary's text (no further than `cap`, then cap + 1). */
function objectStreamSize(dictText: string, data: Buffer, cap: number): number {
  const filter = FILTER.exec(dictText)?.[1] ?? '';
  const names = [...filter.matchAll(/\/([^\s/<>[\]()%]+)/g)].map((m) => m[1] as string);
  const context = PDFContext.create();
  const dict = context.obj(names.length ? { Filter: names.length === 1 ? names[0] : names } : {});
  return decodedSize(PDFRawStream.of(dict, data), cap);
}

/**
 * The bytes pdf-lib and pdf.js parse into objects: the file outside its streams' data, and what its object
 * and xref streams unpack to; counted no further than `cap` (then more than cap). Streams are found as the
 * parsers find them without a trusted length: from the `stream` keyword to the next `endstream`.
 */
export function structureBytes(bytes: Buffer, cap: number): number {
  let total = 0;
  /** Where the structure not yet counted starts. */
  let from = 0;
  let search = 0;
  while (total <= cap) {
    const at = bytes.indexOf(STREAM, search);
    if (at < 0) return total + bytes.length - from;
    search = at + STREAM.length;
    // The keyword itself (not the end of `endstream`, a name like /Substream or a word), then its end of line.
    const before = at > 0 ? bytes[at - 1] : 0x0a;
    const after = bytes[search];
    if (!(isSpace(before) || before === 0x3e) || (after !== 0x0d && after !== 0x0a)) continue;
    const dataStart = after === 0x0d && bytes[search + 1] === 0x0a ? search + 2 : search + 1;
    const end = bytes.indexOf(END_STREAM, dataStart);
    total += at - from;
    // A stream that never ends: the rest of the file is its data.
    if (end < 0 || total > cap) return total;
    // The stream's dictionary: back to its object's `obj` keyword (a stream dictionary is short).
    const head = bytes.toString('latin1', Math.max(from, at - 4096), at);
    const dictText = head.slice(Math.max(0, head.lastIndexOf('obj')));
    if (OBJECT_STREAM.test(dictText)) total += objectStreamSize(dictText, bytes.subarray(dataStart, end), cap - total);
    from = search = end + END_STREAM.length;
  }
  return total;
}

/**
 * The page dictionaries in page order, walked without recursion. A tree that comes back to a node it has
 * been through is damaged (pdf.js refuses it as such; pdf-lib's own walk recurses until the stack runs
 * out); more pages than the limit are refused. Null when there is no tree to walk, or
 * a part of it is not a page or a node (then pdf.js numbers the pages alone, and none is taken as blank).
 */
function pageDicts(fileName: string, doc: PDFDocument, limits: OcrLimits): PDFDict[] | null {
  const root = doc.catalog.lookup(PDFName.of('Pages'));
  if (!(root instanceof PDFDict)) return null;
  const pages: PDFDict[] = [];
  const seen = new Set<PDFDict>([root]);
  const kidsOf = (node: PDFDict): PDFObject[] => {
    const kids = node.lookup(PDFName.of('Kids'));
    return kids instanceof PDFArray ? kids.asArray() : [];
  };
  const stack: { kids: PDFObject[]; next: number }[] = [{ kids: kidsOf(root), next: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1] as { kids: PDFObject[]; next: number };
    if (top.next >= top.kids.length) {
      stack.pop();
      continue;
    }
    const kid = top.kids[top.next++];
    const node = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
    if (!(node instanceof PDFDict)) return null;
    if (seen.has(node)) {
      throw new AppError('bad_file', `${fileName} is damaged: its page tree leads back to a part it has been through.`, { file: fileName, reason: 'corrupt' });
    }
    seen.add(node);
    if (name(node.lookup(PDFName.of('Type'))) === 'Pages' || node.has(PDFName.of('Kids'))) {
      stack.push({ kids: kidsOf(node), next: 0 });
    } else {
      pages.push(node);
    }
  }
  if (pages.length > limits.maxPages) throw pageLimitError(fileName, pages.length, limits);
  return pages;
}

export async function assessPdf(fileName: string, bytes: Uint8Array, limits: OcrLimits): Promise<PdfAssessment> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (structureBytes(buffer, limits.maxStructureBytes) > limits.maxStructureBytes) {
    throw new AppError('too_large', `${fileName} holds more than ${limits.maxStructureBytes} bytes of PDF objects; reading them would take too much memory.`, {
      file: fileName,
      reason: 'structure',
      limit: limits.maxStructureBytes,
    });
  }
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
  let pages: PDFDict[] | null;
  try {
    pages = pageDicts(fileName, doc, limits);
  } catch (err) {
    // A tree pdf-lib cannot follow otherwise (no catalog…): pdf.js decides alone.
    if (err instanceof AppError) throw err;
    pages = null;
  }
  if (!pages) return { blankPages: [], assessed: false };
  const blankPages = pages.flatMap((p, i) => (isBlank(p, limits.maxStreamBytes) ? [i + 1] : []));
  return { blankPages, assessed: true };
}
