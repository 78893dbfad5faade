// Bad files at the desk: each is refused with a translated reason, the good file next to it is still
// added, and nothing already in the case is lost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDossier } from '../../tools/synth/index';
import { encryptedPdf } from '../fixtures/ocr/bad-files';
import { expect, test } from './fixtures';
import { caseScreen, signIn } from './pages';

test('refuses an empty file, HTML named .pdf and a password-protected PDF, and keeps the good scan', async ({ page, app }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bad-'));
  const dossier = await generateDossier(31, { claimType: 'JHT', degradations: ['clean'], otherPages: false });
  const good = dossier.files.find((f) => f.mime !== 'application/pdf') ?? dossier.files[0]!;
  const files = {
    good: path.join(dir, good.name),
    empty: path.join(dir, 'kosong.pdf'),
    html: path.join(dir, 'halaman.pdf'),
    locked: path.join(dir, 'terkunci.pdf'),
  };
  fs.writeFileSync(files.good, good.bytes);
  fs.writeFileSync(files.empty, '');
  fs.writeFileSync(files.html, '<!doctype html><html><body>Bukan PDF</body></html>');
  fs.writeFileSync(files.locked, encryptedPdf());

  await signIn(page, app, 'officer');
  await page.evaluate(() => (location.hash = '#/case/1'));
  const c = caseScreen(page);
  await expect(c.documents).toBeVisible();
  await c.fileInput.setInputFiles([files.good, files.empty, files.html, files.locked]);
  const alerts = page.locator('[data-testid=documents-panel] [role=alert]');
  await expect(alerts).toHaveCount(3);
  await expect(alerts.filter({ hasText: 'kosong.pdf kosong (0 byte)' })).toHaveCount(1);
  await expect(alerts.filter({ hasText: 'halaman.pdf bukan PDF, JPG, PNG atau TIFF' })).toHaveCount(1);
  await expect(alerts.filter({ hasText: 'terkunci.pdf dilindungi kata sandi' })).toHaveCount(1);
  await expect(page.locator(`[data-file="${good.name}"]`)).toBeVisible();
  await expect(page.locator('.file-list > li')).toHaveCount(1);
  fs.rmSync(dir, { recursive: true, force: true });
});
