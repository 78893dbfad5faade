// A mixed dossier (PDF, PNG, JPEG, TIFF; 6 pages) goes from intake to read pages and pre-filled
// fields in the browser, with a visible progress bar. Real rendering, real OCR, real SQLite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { generateDossier } from '../../tools/synth/index';
import { expect, test } from './fixtures';
import { caseScreen, signIn } from './pages';

async function sixPageDossier(dir: string): Promise<{ files: string[]; kpj: string; nik: string }> {
  const d = await generateDossier(4242, { claimType: 'JKK', participantIndex: 3, degradations: ['clean', 'scan'], otherPages: false });
  // The generator's own files (PDF bundles, PNG, JPEG), up to five pages, plus a TIFF of an image page.
  const written: string[] = [];
  let total = 0;
  for (const f of d.files) {
    const pageCount = f.truth.documents.reduce((n, doc) => Math.max(n, ...doc.pages), 0);
    if (total + pageCount > 5) continue;
    const file = path.join(dir, f.name);
    fs.writeFileSync(file, f.bytes);
    written.push(file);
    total += pageCount;
  }
  const image = d.files.find((f) => f.mime !== 'application/pdf')!;
  const tiff = path.join(dir, 'scan-copy.tif');
  await sharp(Buffer.from(image.bytes)).tiff().toFile(tiff);
  written.push(tiff);
  total += 1;
  expect(total).toBe(6);
  return { files: written, kpj: d.participant.nomor_kpj, nik: d.participant.nik };
}

test('a 6-page mixed dossier is read with a visible progress bar and its fields are pre-filled', async ({ page, app }) => {
  test.setTimeout(240_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-dossier-'));
  const dossier = await sixPageDossier(dir);
  await signIn(page, app, 'officer');
  await page.evaluate(() => (location.hash = '#/case/1'));
  const c = caseScreen(page);
  await expect(c.documents).toBeVisible();
  await c.fileInput.setInputFiles(dossier.files);
  await expect(c.progress).toBeVisible();
  await expect(c.progress).toHaveAttribute('data-total', '6');
  await expect(c.progress).toHaveAttribute('data-done', '6', { timeout: 180_000 });
  await expect(c.progress).toHaveAttribute('data-running', 'false');
  await expect(page.locator('[data-page-state=done]')).toHaveCount(6);
  await expect(c.fields.locator('.doc-fields').first()).toBeVisible({ timeout: 30_000 });
  const kpjField = c.fields.locator('[data-field=nomor_kpj]').first();
  await expect(kpjField.locator('input')).toHaveValue(dossier.kpj);

  // Focusing a field shows its page with the word it came from highlighted.
  await kpjField.locator('input').focus();
  await expect(page.getByTestId('evidence-box')).toBeVisible();

  // The officer corrects a name and confirms it with Enter; the correction is kept after a reload.
  const nameField = c.fields.locator('[data-field=nama]').first();
  await nameField.locator('input').fill('NAMA DIKOREKSI PETUGAS');
  await nameField.locator('input').press('Enter');
  await expect(c.fields.locator('[data-field=nama][data-field-state=confirmed]').first()).toBeVisible();
  await page.reload();
  await expect(c.fields.locator('[data-field=nama][data-field-state=confirmed] input').first()).toHaveValue('NAMA DIKOREKSI PETUGAS');
  fs.rmSync(dir, { recursive: true, force: true });
});
