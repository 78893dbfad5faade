// What the page viewer asks the back end for besides the page itself: a small picture of each page for
// the page strip, and an original PDF for pdf.js to draw sharp at any zoom; an image file is not sent as
// a PDF.
import crypto from 'node:crypto';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addFilesToCase } from '../../src/main/intake/intake';
import { createCase } from '../../src/main/services/cases';
import { textPdf } from '../fixtures/text-pdf';
import { callerAs } from '../helpers/sessions';
import { contextPerTest } from '../helpers/temp-home';

const context = contextPerTest(beforeEach, afterEach);

describe('the viewer’s files', () => {
  it('gives a page strip thumbnail per page, the original PDF byte for byte, and refuses an image as a PDF', async () => {
    const ctx = context();
    const pdf = await textPdf(['SURAT KETERANGAN', 'Nama : BUDI']);
    const png = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const c = createCase(ctx, { claimType: 'JHT', notes: '' });
    const added = await addFilesToCase(ctx, c.id, [
      { name: 'surat.pdf', bytes: pdf },
      { name: 'foto.png', bytes: png },
    ]);
    const [pdfFile, pngFile] = added.map((a) => a.fileId);
    const reader = await callerAs(ctx, 'supervisor');

    const thumb = await reader('documents.thumb', { fileId: pdfFile!, page: 1 });
    if (!thumb.ok) throw new Error(thumb.error.message);
    const t = thumb.value as { mime: string; dataBase64: string; width: number; height: number };
    const meta = await sharp(Buffer.from(t.dataBase64, 'base64')).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, t.width]).toEqual([160, 160]);
    // An A4 page stays A4-shaped.
    expect(t.height / t.width).toBeCloseTo(842 / 595, 1);

    const original = await reader('documents.original', { fileId: pdfFile! });
    if (!original.ok) throw new Error(original.error.message);
    const o = original.value as { dataBase64: string; size: number };
    const sha = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');
    expect(sha(Buffer.from(o.dataBase64, 'base64'))).toBe(sha(pdf));
    expect(o.size).toBe(pdf.length);

    const notPdf = await reader('documents.original', { fileId: pngFile! });
    expect(notPdf.ok ? null : notPdf.error).toMatchObject({ code: 'invalid_input', params: { reason: 'not_pdf' } });
    const noPage = await reader('documents.thumb', { fileId: pdfFile!, page: 2 });
    expect(noPage.ok ? null : noPage.error.code).toBe('not_found');
  });
});
