// PDFs crafted against memory and time (issue 16 item 1): a 1 MB file whose page unpacks to 1 GiB, a
// 1.5 MB file holding a 40,000 × 40,000 image (and a two-page one), refused at intake and by `claimdesk
// ocr` with their reasons before pdf.js decodes them; 300 blank pages read without OCR; a blank page
// among printed ones, and blank paper scanned, recognised as blank while a faint print is not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { addFilesToCase } from '../../../src/main/intake/intake';
import { looksBlank } from '../../../src/main/ocr/read-page';
import { createCase } from '../../../src/main/services/cases';
import { AppError } from '../../../src/shared/api/result';
import type { OcrPage } from '../../../src/shared/domain/ocr';
import { renderClaimPage } from '../../fixtures/ocr/claim-page';
import { blankPagesPdf, hugeImagePdf, inflateBombPdf } from '../../fixtures/hostile/crafted-pdfs';
import { runCli } from '../../helpers/cli';
import { tempContext } from '../../helpers/temp-home';

let dir: string;
const at = (name: string): string => path.join(dir, name);
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-crafted-'));
  fs.writeFileSync(at('inflate-bomb.pdf'), await inflateBombPdf());
  fs.writeFileSync(at('huge-image.pdf'), await hugeImagePdf(1));
  fs.writeFileSync(at('huge-image-2p.pdf'), await hugeImagePdf(2));
  fs.writeFileSync(at('blank-300.pdf'), await blankPagesPdf(300));
  // A printed page, then a blank one.
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('SURAT KETERANGAN AHLI WARIS  Nama Almarhum : BUDI SANTOSO', { x: 40, y: 780, size: 12, font });
  doc.addPage([595, 842]);
  fs.writeFileSync(at('text-then-blank.pdf'), await doc.save());
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const REFUSED = [
  ['inflate-bomb.pdf', 'unpacked'],
  ['huge-image.pdf', 'pixels'],
  ['huge-image-2p.pdf', 'pixels'],
] as const;

describe('crafted PDFs', () => {
  it('are refused at intake with their reason, and nothing is stored', async () => {
    const t = tempContext();
    try {
      const c = createCase(t.ctx, { claimType: 'JKM', notes: '' });
      for (const [name, reason] of REFUSED) {
        expect(fs.statSync(at(name)).size, name).toBeLessThan(4 * 1024 * 1024);
        const err = await addFilesToCase(t.ctx, c.id, [{ name, bytes: fs.readFileSync(at(name)) }]).catch((e: unknown) => e);
        expect(err, name).toBeInstanceOf(AppError);
        expect(err, name).toMatchObject({ code: 'too_large', params: { file: name, reason } });
      }
      expect(t.ctx.db.prepare(`SELECT count(*) FROM case_files`).pluck().get()).toBe(0);
    } finally {
      await t.cleanup();
    }
  });

  it('are refused by claimdesk ocr with their reason, the good file of the same call still read', () => {
    const run = runCli(['--json', 'ocr', ...REFUSED.map(([n]) => at(n)), at('text-then-blank.pdf')]);
    const out = JSON.parse(run.stdout) as { files: { file: string; pages: OcrPage[]; errors: string[] }[] };
    for (const [name, reason] of REFUSED) {
      const f = out.files.find((x) => x.file === name)!;
      expect(f.pages, name).toEqual([]);
      expect(f.errors.join(' '), name).toMatch(reason === 'pixels' ? /image of 1600000000 pixels/ : /unpacked/);
    }
    expect(out.files.find((x) => x.file === 'text-then-blank.pdf')!.pages).toHaveLength(2);
  });

  it('read 300 blank pages without OCR, and a blank page among printed ones as blank', () => {
    const run = runCli(['--json', 'ocr', at('blank-300.pdf'), at('text-then-blank.pdf')]);
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { files: { file: string; pages: OcrPage[] }[] };
    const blank = out.files[0]!.pages;
    expect(blank).toHaveLength(300);
    expect(blank.every((p) => p.lines.length === 0 && p.quality.reasons.includes('blank_page') && !p.quality.poor)).toBe(true);
    // Never sent to tesseract: no recognition step was timed.
    expect(blank.every((p) => !('recognize' in p.timings))).toBe(true);
    const [printed, empty] = out.files[1]!.pages;
    expect(printed!.text).toContain('BUDI SANTOSO');
    expect(printed!.quality.reasons).not.toContain('blank_page');
    expect(empty!.quality.reasons).toEqual(['blank_page']);
  });

  it('tells blank paper from a faint print by its pixels', async () => {
    // Paper grain: white with mild noise, as a scanner gives an empty sheet.
    const w = 1240;
    const h = 1754;
    const noise = Buffer.alloc(w * h);
    let seed = 7;
    for (let i = 0; i < noise.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      noise[i] = 236 + (seed % 12);
    }
    expect(await looksBlank({ data: noise, width: w, height: h, channels: 1, dpi: 150 })).toBe(true);
    // A real claim page, printed faintly (its ink lightened to a pale grey), is not blank.
    const page = await renderClaimPage(3, 1, { dpi: 150 });
    const faint = await sharp(page.png).greyscale().linear(0.25, 190).raw().toBuffer({ resolveWithObject: true });
    expect(await looksBlank({ data: faint.data, width: faint.info.width, height: faint.info.height, channels: 1, dpi: 150 })).toBe(false);
  });
});
