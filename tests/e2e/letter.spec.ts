// The participant letter from the case screen: made in a click, shown as it prints with exactly the
// case's missing documents, downloadable as the stored PDF, listed in the case's history; the branch's
// details come from Settings. Set CLAIMDESK_SCREENSHOTS=DIR to also save the letter's PDF page as
// DIR/letter.png (drawn by pdf.js from the downloaded file) and the dialog as DIR/letter-dialog.png.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { signIn, signInAgain, caseScreen } from './pages';

async function pdfPagePng(pdf: Buffer, out: string): Promise<void> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    verbosity: 0,
    standardFontDataUrl: `${path.resolve('node_modules/pdfjs-dist/standard_fonts')}/`,
  }).promise;
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale: 1.5 });
  const factory = (doc as unknown as { canvasFactory: { create: (w: number, h: number) => { canvas: { toBuffer: (mime: string) => Buffer } } } }).canvasFactory;
  const target = factory.create(Math.floor(viewport.width), Math.floor(viewport.height));
  await page.render({ canvas: target.canvas as unknown as HTMLCanvasElement, viewport, background: 'white' }).promise;
  fs.writeFileSync(out, target.canvas.toBuffer('image/png'));
  await doc.destroy();
}

test('a letter for the participant names what the case lacks, where to bring it and by when', async ({ page, app }) => {
  // The administrator sets the branch's details once.
  await signIn(page, app, 'admin');
  await page.evaluate(() => (location.hash = '#/settings'));
  const branch = page.getByTestId('branch');
  await branch.locator('input[name=branch-name]').fill('BPJS Ketenagakerjaan Cabang Jambi');
  await branch.locator('input[name=branch-address]').fill('Jl. Jend. Sudirman No. 1, Jambi');
  await branch.locator('input[name=branch-phone]').fill('(0741) 123456');
  await branch.locator('input[name=branch-hours]').fill('Senin–Jumat 08.00–15.00');
  await branch.getByRole('button', { name: 'Simpan' }).click();
  await expect(branch).toContainText('Tersimpan.');
  await page.getByRole('button', { name: 'Keluar' }).click();

  // An officer makes the letter from a demo case with no documents yet.
  await signInAgain(page, app, 'officer');
  await page.evaluate(() => (location.hash = '#/case/1'));
  const c = caseScreen(page);
  await expect(c.flags.locator('[data-rule="documents.missing_required"]').first()).toBeVisible();
  const missing = await c.flags.locator('[data-rule="documents.missing_required"]:not([data-severity=info])').count();
  await page.getByTestId('make-letter').click();
  const letter = page.getByTestId('letter');
  await expect(letter).toContainText('Dokumen yang masih kurang (mohon dibawa):');
  await expect(letter).toContainText('BPJS Ketenagakerjaan Cabang Jambi, Jl. Jend. Sudirman No. 1, Jambi');
  await expect(letter).toContainText('(0741) 123456');
  // One numbered line per missing document, after the missing heading.
  const lines = await letter.locator('.letter > *').allInnerTexts();
  const from = lines.indexOf('Dokumen yang masih kurang (mohon dibawa):');
  const listed = lines.slice(from + 1).filter((l, i, all) => /^\d+\. /.test(l) && all.slice(0, i).every((x) => /^\d+\. /.test(x)));
  expect(listed).toHaveLength(missing);
  const shots = process.env.CLAIMDESK_SCREENSHOTS;
  if (shots) {
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'letter-dialog.png') });
  }

  // The PDF kept with the case downloads as it was stored.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('letter-pdf').click()]);
  const pdf = fs.readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  if (shots) await pdfPagePng(pdf, path.join(shots, 'letter.png'));

  // In English on request; Escape closes it; the case's history lists both letters.
  await letter.getByRole('button', { name: 'Dalam bahasa Inggris' }).click();
  await expect(letter).toContainText('Documents still missing (please bring them):');
  await page.keyboard.press('Escape');
  await expect(letter).toHaveCount(0);
  await expect(page.locator('.history')).toContainText('membuat surat untuk peserta');
});

test('a supervisor downloads the decisions as CSV from the audit screen', async ({ page, app }) => {
  await signIn(page, app, 'supervisor');
  await page.evaluate(() => (location.hash = '#/audit'));
  await expect(page.locator('[data-screen="audit"]')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-decisions').click()]);
  expect(download.suggestedFilename()).toMatch(/^keputusan-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toBe('reference,claim_type,nomor_kpj,nik,nama,received,decision,reason_code,decided_by,decided_at,working_days,status_now,note');
});
