// The scanned-page shortcut: a page that is one full-page JPEG is decoded by libvips to the same pixels
// pdfjs renders; every other page is still rendered by pdfjs.
import { PDFDocument, PDFRawStream, StandardFonts, degrees } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { ocrLimits } from '../../../src/main/ocr/config';
import { openPdf, renderPdfPage } from '../../../src/main/ocr/pdf-source';
import { openScannedPdf } from '../../../src/main/ocr/pdf-scan';
import type { PageRaster } from '../../../src/main/ocr/source';

const A4: [number, number] = [595.3, 841.9];
let jpeg: Buffer;
let png: Buffer;

beforeAll(async () => {
  // An A4 page at 300 dpi with dark text-like bars on paper, as a scanner would produce: larger than
  // the render, so the shortcut applies.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2480" height="3508"><rect width="100%" height="100%" fill="#f4f1ea"/>
    ${Array.from({ length: 20 }, (_, i) => `<rect x="240" y="${300 + i * 140}" width="${800 + (i % 5) * 240}" height="44" fill="#202020"/>`).join('')}</svg>`;
  png = await sharp(Buffer.from(svg)).png().toBuffer();
  jpeg = await sharp(png).jpeg({ quality: 85 }).toBuffer();
});

async function pdfWith(draw: (doc: PDFDocument) => Promise<void>): Promise<Buffer> {
  const doc = await PDFDocument.create();
  await draw(doc);
  return Buffer.from(await doc.save());
}

const fullPageJpeg =
  (rotate = 0) =>
  async (doc: PDFDocument): Promise<void> => {
    const img = await doc.embedJpg(jpeg);
    const page = doc.addPage(A4);
    page.drawImage(img, { x: 0, y: 0, width: A4[0], height: A4[1] });
    if (rotate) page.setRotation(degrees(rotate));
  };

/** Mean absolute difference of luma between two rasters of the same size. */
function lumaDifference(a: PageRaster, b: PageRaster): number {
  const luma = (r: PageRaster, i: number): number => {
    const j = i * r.channels;
    return r.channels < 3 ? (r.data[j] as number) : ((r.data[j] as number) * 77 + (r.data[j + 1] as number) * 150 + (r.data[j + 2] as number) * 29) >> 8;
  };
  let sum = 0;
  const n = a.width * a.height;
  for (let i = 0; i < n; i++) sum += Math.abs(luma(a, i) - luma(b, i));
  return sum / n;
}

async function bothWays(bytes: Buffer, pageNo = 1): Promise<{ pdfjs: PageRaster; shortcut: PageRaster; found: boolean }> {
  const limits = ocrLimits();
  const doc = await openPdf('t.pdf', bytes, limits);
  try {
    const scan = await openScannedPdf(bytes);
    const found = !!scan?.pageJpeg(pageNo);
    return { pdfjs: await renderPdfPage('t.pdf', doc, pageNo, limits), shortcut: await renderPdfPage('t.pdf', doc, pageNo, limits, scan), found };
  } finally {
    await doc.destroy();
  }
}

describe('scanned-page shortcut', () => {
  it('hands back the embedded JPEG byte for byte and decodes it to the pixels pdfjs renders', async () => {
    const bytes = await pdfWith(fullPageJpeg());
    const scan = await openScannedPdf(bytes);
    expect(Buffer.from(scan!.pageJpeg(1)!).equals(jpeg)).toBe(true);
    const { pdfjs, shortcut } = await bothWays(bytes);
    expect([shortcut.width, shortcut.height, shortcut.dpi]).toEqual([pdfjs.width, pdfjs.height, pdfjs.dpi]);
    // Decoded by libvips (RGB), not painted by pdfjs (RGBA), and the same picture.
    expect(shortcut.channels).toBe(3);
    expect(shortcut.textLayer).toEqual([]);
    expect(lumaDifference(pdfjs, shortcut)).toBeLessThan(2);
  });

  it('leaves a scan smaller than the render (enlarged) to pdfjs, which enlarges it its own way', async () => {
    const small = await sharp(jpeg).resize(400).jpeg().toBuffer();
    const bytes = await pdfWith(async (doc) => {
      const img = await doc.embedJpg(small);
      doc.addPage(A4).drawImage(img, { x: 0, y: 0, width: A4[0], height: A4[1] });
    });
    const { pdfjs, shortcut, found } = await bothWays(bytes);
    expect(found).toBe(true);
    expect(shortcut.channels).toBe(4);
    expect(lumaDifference(pdfjs, shortcut)).toBe(0);
  });

  it('leaves to pdfjs a page with text over the scan, a partial image, a PNG scan, a rotated page, and a missing page', async () => {
    const withText = await pdfWith(async (doc) => {
      await fullPageJpeg()(doc);
      const font = await doc.embedFont(StandardFonts.Helvetica);
      doc.getPage(0).drawText('NIK 1571024506880003', { x: 50, y: 50, size: 12, font });
    });
    const partial = await pdfWith(async (doc) => {
      const img = await doc.embedJpg(jpeg);
      doc.addPage(A4).drawImage(img, { x: 0, y: 0, width: A4[0] / 2, height: A4[1] / 2 });
    });
    const pngScan = await pdfWith(async (doc) => {
      const img = await doc.embedPng(png);
      doc.addPage(A4).drawImage(img, { x: 0, y: 0, width: A4[0], height: A4[1] });
    });
    const rotated = await pdfWith(fullPageJpeg(90));
    for (const bytes of [withText, partial, pngScan, rotated]) {
      const scan = await openScannedPdf(bytes);
      expect(scan).not.toBeNull();
      expect(scan!.pageJpeg(1)).toBeNull();
    }
    expect((await openScannedPdf(rotated))!.pageJpeg(2)).toBeNull();
    // The rotated page still renders, sideways as the PDF asks, through pdfjs.
    const { pdfjs } = await bothWays(rotated);
    expect(pdfjs.width).toBeGreaterThan(pdfjs.height);
  });

  it('falls back to pdfjs when the embedded JPEG is cut short, and says nothing for what pdf-lib cannot read', async () => {
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length * 0.6));
    const bytes = await pdfWith(async (doc) => {
      const img = await doc.embedJpg(jpeg);
      doc.addPage(A4).drawImage(img, { x: 0, y: 0, width: A4[0], height: A4[1] });
    });
    // Swap the image stream's bytes for the truncated ones (same dictionary, shorter data).
    const doc = await PDFDocument.load(bytes);
    const scan = await openScannedPdf(bytes);
    expect(scan!.pageJpeg(1)).not.toBeNull();
    const stream = [...doc.context.enumerateIndirectObjects()]
      .map(([, o]) => o)
      .find((o): o is PDFRawStream => o instanceof PDFRawStream && o.contents.length === jpeg.length);
    expect(stream).toBeDefined();
    (stream as unknown as { contents: Uint8Array }).contents = truncated;
    const cut = Buffer.from(await doc.save({ useObjectStreams: false }));
    const { pdfjs, shortcut, found } = await bothWays(cut);
    expect(found).toBe(true);
    // libvips refuses the cut JPEG, so the page is pdfjs's rendering, pixel for pixel.
    expect(shortcut.channels).toBe(pdfjs.channels);
    expect(lumaDifference(pdfjs, shortcut)).toBe(0);
    expect(await openScannedPdf(Buffer.from('%PDF-1.7\nnot really'))).toBeNull();
  });
});
