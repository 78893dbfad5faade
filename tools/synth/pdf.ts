// Scanned pages bundled into a PDF as a branch receives it: one image per page, drawn over the whole
// page at the paper's physical size (a low-resolution copy just has fewer pixels on the same paper).
import { PDFDocument } from 'pdf-lib';

export interface PdfPage {
  bytes: Buffer;
  format: 'png' | 'jpeg';
  /** Paper size in PDF points. */
  width: number;
  height: number;
}

export const MM_TO_PT = 72 / 25.4;

export async function scannedPdf(pages: readonly PdfPage[]): Promise<Uint8Array> {
  // No creation/modification dates: the same seed must give byte-identical files (benchmark OCR cache).
  const pdf = await PDFDocument.create({ updateMetadata: false });
  for (const pg of pages) {
    const embedded = pg.format === 'jpeg' ? await pdf.embedJpg(pg.bytes) : await pdf.embedPng(pg.bytes);
    pdf.addPage([pg.width, pg.height]).drawImage(embedded, { x: 0, y: 0, width: pg.width, height: pg.height });
  }
  return pdf.save();
}
