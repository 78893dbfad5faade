// What a PDF would cost before it is parsed: the structure budget (the file outside its streams' data,
// plus what object streams unpack to) and a page tree walked without recursion.
import { PDFDocument, PDFName, PDFRef, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { assessPdf, structureBytes } from '../../../src/main/ocr/pdf-guard';
import { ocrLimits } from '../../../src/main/ocr/config';
import { AppError } from '../../../src/shared/api/result';

async function pdfWith(build: (doc: PDFDocument) => Promise<void> | void, useObjectStreams = true): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('SURAT KETERANGAN', { x: 60, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  await build(doc);
  return Buffer.from(await doc.save({ useObjectStreams }));
}

const refusal = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => 'accepted',
    (e: unknown) => (e instanceof AppError ? { code: e.code, reason: e.params?.reason } : e),
  );

describe('the structure budget', () => {
  it('counts the objects, not the data of streams', async () => {
    // A megabyte of image data (stored, unfiltered) adds nothing to the structure.
    const withImage = await pdfWith((doc) => {
      const image = doc.context.stream(Buffer.alloc(1 << 20, 0x80), {
        Type: 'XObject',
        Subtype: 'Image',
        Width: 1024,
        Height: 1024,
        ColorSpace: 'DeviceGray',
        BitsPerComponent: 8,
      });
      doc.getPage(0).node.setXObject(PDFName.of('Im0'), doc.context.register(image));
    }, false);
    expect(withImage.length).toBeGreaterThan(1 << 20);
    expect(structureBytes(withImage, 1 << 30)).toBeLessThan(16 * 1024);
  });

  it('counts what object streams unpack to, and a long title written plainly', async () => {
    const title = 'A'.repeat(1 << 18); // 1 MB once written as UTF-16 hex
    const limits = ocrLimits({ maxStructureBytes: 512 * 1024 });
    for (const objectStreams of [true, false]) {
      const bytes = await pdfWith((doc) => doc.setTitle(title), objectStreams);
      expect(structureBytes(bytes, 1 << 30), `object streams: ${objectStreams}`).toBeGreaterThan(1 << 20);
      // Past the cap, an object stream is unpacked no further.
      expect(structureBytes(bytes, 64 * 1024)).toBeGreaterThan(64 * 1024);
      if (objectStreams) expect(structureBytes(bytes, 64 * 1024)).toBeLessThan(512 * 1024);
      expect(await refusal(assessPdf('judul.pdf', bytes, limits))).toEqual({ code: 'too_large', reason: 'structure' });
      // Within the default budget, the same file is read.
      expect(await refusal(assessPdf('judul.pdf', bytes, ocrLimits()))).toBe('accepted');
    }
  });
});

describe('the page tree', () => {
  it('is refused as damaged when it leads back to itself, and its blank pages are found in order', async () => {
    const loop = await pdfWith(
      (doc) =>
        doc.catalog
          .Pages()
          .Kids()
          .push(doc.catalog.get(PDFName.of('Pages')) as PDFRef),
      false,
    );
    expect(await refusal(assessPdf('loop.pdf', loop, ocrLimits()))).toEqual({ code: 'bad_file', reason: 'corrupt' });
    const mixed = await pdfWith((doc) => {
      doc.addPage([595, 842]);
      doc.addPage([595, 842]).drawText('LAMPIRAN', { x: 60, y: 760, size: 14 });
      doc.addPage([595, 842]);
    });
    expect(await assessPdf('campur.pdf', mixed, ocrLimits())).toEqual({ blankPages: [2, 4], assessed: true });
  });

  it('with more pages than the limit is refused with their number', async () => {
    const many = await pdfWith((doc) => {
      for (let i = 0; i < 12; i++) doc.addPage([200, 200]);
    });
    expect(await assessPdf('banyak.pdf', many, ocrLimits({ maxPages: 10 })).catch((e: unknown) => e)).toMatchObject({
      code: 'too_large',
      params: { reason: 'pages', pages: 13, limit: 10 },
    });
  });
});
